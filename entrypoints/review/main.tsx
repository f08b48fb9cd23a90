import { render } from 'preact';
import '../../components/theme.css';
import './review.css';
import { App } from './App';
import { startPage } from '../../components/localize';

startPage('reviewTitle', () => render(<App />, document.getElementById('app')!));
