import { render } from 'preact';
import '../../components/theme.css';
import './break.css';
import { App } from './App';
import { startPage } from '../../components/localize';

const params = new URLSearchParams(location.search);
const id = params.get('id') ?? '';
// Opened by the background as the prompt itself ("open the break window directly"): the break
// is due, not started yet; the page starts it when it loads.
const prompting = params.get('prompt') === '1';
startPage('breakTitle', () => render(<App breakId={id} prompting={prompting} />, document.getElementById('app')!));
