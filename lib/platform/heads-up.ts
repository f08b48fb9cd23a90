/**
 * The heads-up's notification: "Stretch break in 1 min", quiet (no sound on Chrome, not kept on
 * screen). Chrome gets one button, "Postpone 5 min" (the tracker's postpone before the break is
 * due, lib/tracker/heads-up.ts), when a snooze is allowed; Firefox's notifications have no
 * buttons, so there the text says the break can be postponed when it comes. A click on the text
 * only closes the notice. The id carries the break's id: `headsup:<breakId>`.
 */
import { browser } from 'wxt/browser';
import { t, tp } from '../i18n';
import { ensureMessages } from '../i18n-fallback';
import type { HeadsUp } from '../tracker/tracker';
import { NOTIFICATION_POSTPONE_MIN } from './notify';

// By target name: in unit tests the env flags are strings ("false" is truthy), the name is exact.
const supportsButtons = import.meta.env.BROWSER !== 'firefox';

export function headsUpId(breakId: string): string {
  return `headsup:${breakId}`;
}

export function parseHeadsUpId(id: string): string | null {
  return /^headsup:([a-z0-9-]+)$/.exec(id)?.[1] ?? null;
}

/** The notice's words: minutes to the break (rounded up, at least 1) and what can be done about it here. */
export function headsUpText(h: HeadsUp, postpone: boolean, now: number, buttons = supportsButtons): { title: string; message: string } {
  return { title: tp('headsUpTitle', Math.max(1, Math.ceil((h.dueAt - now) / 60_000))), message: t(buttons || !postpone ? 'headsUpBody' : 'headsUpBodyPostponeLater') };
}

export async function showHeadsUp(h: HeadsUp, postpone: boolean, now: number): Promise<void> {
  await ensureMessages(); // never a message key in a notification
  await browser.notifications.create(headsUpId(h.id), {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icons/128.png'),
    ...headsUpText(h, postpone, now),
    // Firefox refuses options it does not know (`silent`, `buttons`): Chrome only.
    ...(supportsButtons ? { silent: true, ...(postpone ? { buttons: [{ title: t('actionPostponeMinutes', NOTIFICATION_POSTPONE_MIN) }] } : {}) } : {}),
  });
}

export async function clearHeadsUp(breakId: string): Promise<void> {
  await browser.notifications.clear(headsUpId(breakId));
}
