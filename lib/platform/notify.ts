/**
 * Break prompts as notifications. Chrome gets Start / Snooze (or Skip, once snoozes are used
 * up) buttons and stays on screen; Firefox has no buttons: clicking the notification starts.
 * The notification id carries what its second button means: `prompt:<breakId>:<snooze|skip>`.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { t } from '../i18n';
import type { DueBreak, Notice } from '../tracker/tracker';
import type { Settings } from '../settings';

export type SecondButton = 'snooze' | 'skip';

export function promptId(breakId: string, second: SecondButton): string {
  return `prompt:${breakId}:${second}`;
}

export function parsePromptId(id: string): { breakId: string; second: SecondButton } | null {
  const m = /^prompt:([a-z0-9-]+):(snooze|skip)$/.exec(id);
  return m ? { breakId: m[1]!, second: m[2] as SecondButton } : null;
}

const supportsButtons = !import.meta.env.FIREFOX;

/**
 * The prompt shown in this browser session. It survives the worker (or Firefox's event page)
 * being stopped, but not a browser restart, which also clears notifications: so a wake re-shows
 * a prompt only when the browser lost it, never one the user or the system closed.
 */
const shownItem = storage.defineItem<string | null>('session:shownPrompt', { fallback: null });

export async function promptShownThisSession(breakId: string): Promise<boolean> {
  try {
    return (await shownItem.getValue()) === breakId;
  } catch {
    return false; // no session storage: behave as after a restart
  }
}

export function promptText(brk: DueBreak, settings: Settings): { title: string; message: string } {
  if (brk.kind === 'micro') return { title: t('promptMicroTitle'), message: t('promptMicroBody', settings.micro.lengthSec) };
  const minutes = Math.max(1, Math.round(settings.stretch.lengthSec / 60));
  return { title: t('promptStretchTitle', minutes), message: t('promptStretchBody') };
}

export async function showPrompt(brk: DueBreak, settings: Settings, reminder: boolean): Promise<void> {
  const second: SecondButton = brk.snoozes < settings.snoozeLimit ? 'snooze' : 'skip';
  await clearPrompt(brk.id);
  const { title, message } = promptText(brk, settings);
  const snoozeMin = Math.max(1, Math.round(settings.snoozeSec / 60));
  await browser.notifications.create(promptId(brk.id, second), {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icons/128.png'),
    title: reminder ? t('promptReminderPrefix', title) : title,
    message: supportsButtons ? message : `${message} ${t('promptClickToStart')}`,
    ...(supportsButtons
      ? {
          buttons: [{ title: t('actionStart') }, { title: second === 'snooze' ? t('actionSnoozeMinutes', snoozeMin) : t('actionSkip') }],
          requireInteraction: true,
        }
      : {}),
  });
  await shownItem.setValue(brk.id).catch(() => undefined);
}

export async function clearPrompt(breakId: string): Promise<void> {
  await Promise.all([browser.notifications.clear(promptId(breakId, 'snooze')), browser.notifications.clear(promptId(breakId, 'skip'))]);
}

export async function promptShowing(breakId: string): Promise<boolean> {
  const all = await browser.notifications.getAll();
  return Object.keys(all).some((id) => parsePromptId(id)?.breakId === breakId);
}

/** One-off messages: a pause has ended, the daily sitting limit was passed. */
export async function showNotice(notice: Notice, settings: Settings): Promise<void> {
  const text =
    notice === 'pauseEnded'
      ? { title: t('noticePauseEndedTitle'), message: t('noticePauseEndedBody') }
      : { title: t('noticeDailyLimitTitle'), message: t('noticeDailyLimitBody', Math.round(settings.dailyLimit.minutes / 60 * 10) / 10) };
  await browser.notifications.create(`notice:${notice}`, { type: 'basic', iconUrl: browser.runtime.getURL('/icons/128.png'), ...text });
}
