import { render } from 'preact';
import '../../components/theme.css';
import './options.css';
import { App } from './App';
import { startPage } from '../../components/localize';

startPage('optionsTitle', () => render(<App />, document.getElementById('app')!));
