import { render } from 'preact';
import '../../components/theme.css';
import './welcome.css';
import { App } from './App';
import { startPage } from '../../components/localize';

startPage('welcomeTitle', () => render(<App />, document.getElementById('app')!));
