import { render } from 'preact';
import '../../components/theme.css';
import './break.css';
import { App } from './App';
import { startPage } from '../../components/localize';

const params = new URLSearchParams(location.search);
const id = params.get('id') ?? '';
// Opened as the prompt itself ("open the break window directly"), the break is due, not started:
// the page learns that from the break's session, and waits for Start (App.tsx).
startPage('breakTitle', () => render(<App breakId={id} />, document.getElementById('app')!));
