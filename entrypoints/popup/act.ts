/** What the popup's cards share: how an action for the background is sent, and the paused line. */
import { t } from '../../lib/i18n';
import { tTime } from '../../lib/i18n-time';

/** An action for the background, from the button `key` (its data-testid; aria-disabled meanwhile: `Aria`). */
export type Act = (key: string, fn: () => Promise<unknown>, close?: boolean) => Promise<void>;
export type Aria = (key: string) => 'true' | undefined;

/** "Paused until 10:10 AM" (another day by its weekday), or until resumed. */
export const pausedText = (until: number | null, now: number) => (until === null ? t('whyPausedIndefinite') : t('whyPaused', tTime('until', until, { now })));
