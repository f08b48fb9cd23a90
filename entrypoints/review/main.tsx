import { render } from 'preact';
import '../../components/theme.css';
import './review.css';
import { App } from './App';
import { localizeDocument } from '../../components/localize';

localizeDocument('reviewTitle');
render(<App />, document.getElementById('app')!);
