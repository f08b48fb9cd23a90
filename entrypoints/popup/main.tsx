import { render } from 'preact';
import '../../components/theme.css';
import './popup.css';
import { App } from './App';
import { localizeDocument } from '../../components/localize';

localizeDocument('actionTitle');
render(<App />, document.getElementById('app')!);
