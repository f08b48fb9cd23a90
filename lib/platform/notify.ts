/**
 * Break prompts as notifications. Chrome gets buttons and stays on screen: Start, and a second
 * button only for what the tracker will accept now: "Postpone 5 min" while snoozes are left under
 * the limit in force (one in strict mode), else Skip, and in strict mode nothing (no Skip). Start
 * stays a button (a click on the body is no visible choice); the longer postpone (15 min) is in
 * the break window Start opens, beside the routine (entrypoints/break/Postpone.tsx). Firefox
 * has no buttons: clicking the notification starts. The notification id carries what its second
 * button means: `prompt:<breakId>:<snooze|skip|none>`.
 */
import { browser } from 'wxt/browser';
import { shownPromptItem } from '../storage/platform-items';
import { t, tp } from '../i18n';
import { ensureMessages } from '../i18n-fallback';
import { effectiveSnoozeLimit, type DueBreak, type Notice, type PostponeMinutes } from '../tracker/tracker';
import { dailyLimitHours, type Settings } from '../settings';

export type SecondButton = 'snooze' | 'skip' | 'none';

/** What the notification's postpone button postpones by. */
export const NOTIFICATION_POSTPONE_MIN: PostponeMinutes = 5;

export function promptId(breakId: string, second: SecondButton): string {
  return `prompt:${breakId}:${second}`;
}

export function parsePromptId(id: string): { breakId: string; second: SecondButton } | null {
  const m = /^prompt:([a-z0-9-]+):(snooze|skip|none)$/.exec(id);
  return m ? { breakId: m[1]!, second: m[2] as SecondButton } : null;
}

// By target name: in unit tests the env flags are strings ("false" is truthy), the name is exact.
const supportsButtons = import.meta.env.BROWSER !== 'firefox';

/** Whether this prompt was shown in this browser session (lib/storage/platform-items.ts). */
export async function promptShownThisSession(breakId: string): Promise<boolean> {
  try {
    return (await shownPromptItem.getValue())?.breakId === breakId;
  } catch {
    return false; // no session storage: behave as after a restart
  }
}

export function promptText(brk: DueBreak, settings: Settings): { title: string; message: string } {
  if (brk.kind === 'micro') return { title: t('promptMicroTitle'), message: tp('promptMicroBody', settings.micro.lengthSec) };
  const minutes = Math.max(1, Math.round(settings.stretch.lengthSec / 60));
  return { title: t('promptStretchTitle', minutes), message: t('promptStretchBody') };
}

/** The prompt's second button: only what the tracker accepts for this break now. */
export function secondButton(brk: DueBreak, settings: Settings): SecondButton {
  if (brk.snoozes < effectiveSnoozeLimit(settings)) return 'snooze';
  return settings.strict ? 'none' : 'skip';
}

/** Whether the user has blocked Limber's notifications (Chrome; Firefox cannot say: not blocked). */
async function blocked(): Promise<boolean> {
  try {
    return (await browser.notifications.getPermissionLevel()) === 'denied';
  } catch {
    return false;
  }
}

/**
 * Shows the prompt; resolves to whether a notification is on screen. False when the browser
 * refuses notifications to Limber (the user blocked them) or creating one failed: the caller
 * then opens the break window instead, so a break is never silently lost.
 */
export async function showPrompt(brk: DueBreak, settings: Settings, reminder: boolean, now: number): Promise<boolean> {
  if (await blocked()) return false;
  await ensureMessages(); // never a message key in a notification
  const second = secondButton(brk, settings);
  await clearPrompt(brk.id);
  const { title, message } = promptText(brk, settings);
  await browser.notifications.create(promptId(brk.id, second), {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icons/128.png'),
    title: reminder ? t('promptReminderPrefix', title) : title,
    // Firefox: one message, the body then "click to start", joined as the language writes it.
    message: supportsButtons ? message : t('promptClickToStart', message),
    ...(supportsButtons
      ? {
          buttons: [{ title: t('actionStart') }, ...(second === 'none' ? [] : [{ title: second === 'snooze' ? t('actionPostponeMinutes', NOTIFICATION_POSTPONE_MIN) : t('actionSkip') }])],
          requireInteraction: true,
        }
      : {}),
  });
  await shownPromptItem.setValue({ breakId: brk.id, at: now }).catch(() => undefined);
  return true;
}

export async function clearPrompt(breakId: string): Promise<void> {
  await Promise.all((['snooze', 'skip', 'none'] as const).map((b) => browser.notifications.clear(promptId(breakId, b))));
  // Taken away by Limber, not closed by the person: when this break is prompted again (its
  // postpone over) that is a new showing, to be put back if the worker stops before it is shown.
  const shown = await shownPromptItem.getValue().catch(() => null);
  if (shown?.breakId === breakId) await shownPromptItem.setValue(null).catch(() => undefined);
}

/** Whether the break's prompt is on screen with the buttons it would be shown with now (Firefox: none, so any showing of it). */
export async function promptShowing(brk: DueBreak, settings: Settings): Promise<boolean> {
  if (!supportsButtons) return promptOnScreen(brk.id);
  const all = await browser.notifications.getAll();
  return promptId(brk.id, secondButton(brk, settings)) in all;
}

/** Whether a prompt of this break is on screen, with whatever buttons (one the person closed is not). */
export async function promptOnScreen(breakId: string): Promise<boolean> {
  return Object.keys(await browser.notifications.getAll()).some((id) => parsePromptId(id)?.breakId === breakId);
}

/** The id's end for a pause's notices (all of them). */
const PAUSE_NOTICE = 'pauseEnded';

/**
 * One-off messages: a pause has ended, the daily sitting limit was passed; the pause shortcut's
 * pause, and its resume outside working hours. A pause's notices are one notification: the newer
 * takes the other's place, and a pause or resume from elsewhere (the popup) takes it away
 * (clearPauseNotice).
 */
export async function showNotice(notice: Notice, settings: Settings): Promise<void> {
  await ensureMessages();
  const daily = notice === 'dailyLimit';
  await browser.notifications.create(`notice:${daily ? notice : PAUSE_NOTICE}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icons/128.png'),
    title: t(daily ? 'noticeDailyLimitTitle' : notice === 'paused' ? 'noticePausedTitle' : 'noticePauseEndedTitle'),
    // Resumed outside working hours, the notice is named by its text's key (nothing counts then).
    message: daily ? tp('noticeDailyLimitBody', dailyLimitHours(settings.dailyLimit.minutes)) : t(notice === 'paused' ? 'whyPausedIndefinite' : notice === 'pauseEnded' ? 'noticePauseEndedBody' : notice),
  });
}

/** Reminders paused or resumed another way: the pause's notice, which may now say the opposite, goes. */
export async function clearPauseNotice(): Promise<void> {
  await browser.notifications.clear(`notice:${PAUSE_NOTICE}`);
}
