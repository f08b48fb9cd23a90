import { render } from 'preact';
import '../../components/theme.css';
import './options.css';
import { App } from './App';
import { localizeDocument } from '../../components/localize';

localizeDocument('optionsTitle');
render(<App />, document.getElementById('app')!);
