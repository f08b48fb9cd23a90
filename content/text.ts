/**
 * The routine library's words in the browser's language: titles, summaries, step texts and
 * cautions come from the message catalogues (browser.i18n, pages and the worker alike), so the
 * routine data itself stays small and language-free. Nothing else builds these message names.
 * The user's own routines (lib/own-routines.ts) carry their own words, which are used as typed.
 */
import { t, type MessageKey } from '../lib/i18n';
import { altKey, cautionKey, stepKey, summaryKey, titleKey } from './keys';
import type { Caution, Routine } from './types';

/** A library routine by id, or any routine: the user's own carry their words in `own`. */
type WithId = Pick<Routine, 'id' | 'own'>;
type WithSteps = WithId & Pick<Routine, 'steps'>;

// The names are checked against every catalogue by content/catalogue-structure.test.ts, not by tsc.
export const routineTitle = (r: WithId): string => r.own?.name ?? t(titleKey(r) as MessageKey);
export const routineSummary = (r: WithId): string => (r.own ? t('ownRoutineSummary') : t(summaryKey(r) as MessageKey));
/** The text of step `i` (from 0, as in `routine.steps`). */
export const stepText = (r: WithSteps, i: number): string => r.own?.steps[i] ?? t(stepKey(r, i) as MessageKey);
export const cautionText = (c: Caution): string => t(cautionKey(c) as MessageKey);
/** What the routine's illustration shows, for screen readers (its alt text). */
export const routineAlt = (r: WithId): string => t(altKey(r) as MessageKey);
