/**
 * The routine library's words in the browser's language: titles, summaries, step texts and
 * cautions come from the message catalogues (browser.i18n, pages and the worker alike), so the
 * routine data itself stays small and language-free. Nothing else builds these message names.
 */
import { t, type MessageKey } from '../lib/i18n';
import { altKey, cautionKey, stepKey, summaryKey, titleKey } from './keys';
import type { Caution, Routine } from './types';

type WithId = Pick<Routine, 'id'>;

// The names are checked against every catalogue by content/catalogue.test.ts, not by tsc.
export const routineTitle = (r: WithId): string => t(titleKey(r) as MessageKey);
export const routineSummary = (r: WithId): string => t(summaryKey(r) as MessageKey);
/** The text of step `i` (from 0, as in `routine.steps`). */
export const stepText = (r: WithId, i: number): string => t(stepKey(r, i) as MessageKey);
export const cautionText = (c: Caution): string => t(cautionKey(c) as MessageKey);
/** What the routine's illustration shows, for screen readers (its alt text). */
export const routineAlt = (r: WithId): string => t(altKey(r) as MessageKey);
