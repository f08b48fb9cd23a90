import { render } from 'preact';
import '../../components/theme.css';
import './break.css';
import { App } from './App';
import { localizeDocument } from '../../components/localize';

localizeDocument('breakTitle');
const id = new URLSearchParams(location.search).get('id') ?? '';
render(<App breakId={id} />, document.getElementById('app')!);
