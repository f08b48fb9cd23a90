import { render } from 'preact';
import '../../components/theme.css';
import './break.css';
import { App } from './App';
import { localizeDocument } from '../../components/localize';

localizeDocument('breakTitle');
const params = new URLSearchParams(location.search);
const id = params.get('id') ?? '';
// Opened by the background as the prompt itself ("open the break window directly"): the break
// is due, not started yet; the page starts it when it loads.
const prompting = params.get('prompt') === '1';
render(<App breakId={id} prompting={prompting} />, document.getElementById('app')!);
