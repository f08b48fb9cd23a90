import { render } from 'preact';
import '../../components/theme.css';
import './welcome.css';
import { App } from './App';
import { localizeDocument } from '../../components/localize';

localizeDocument('welcomeTitle');
render(<App />, document.getElementById('app')!);
