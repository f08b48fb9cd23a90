/**
 * The toolbar badge: how long to the next break (while a due break is held, to the hold's bound),
 * "!" when a break is due, a pause mark, or "off" outside working hours; words and minutes in the
 * browser's language ("25m+", "≤6m", "25分+": the catalogue's badgeAtLeast and badgeAtMost). It is
 * set only at wakes the worker has anyway (no alarm of its own), so it says only what stays true
 * until the next one (`minutesLabel`). The button's title says the same in words ("Limber: next
 * break in at least 25 min", "Limber: Reminders paused"), set with it: Chrome names the button
 * by its title and screen readers do not read the badge.
 */
import { browser } from 'wxt/browser';
import { SLEEP_GAP_MS, type TrackerView } from '../tracker/tracker';
import { t, type MessageKey } from '../i18n';
import { ensureMessages } from '../i18n-fallback';

const MIN = 60_000;
/** The step of the coarse "at least" labels. */
export const BADGE_STEP_MIN = 5;

/**
 * What the badge says `leftMs` before the next break, so that it stays true until the next wake.
 * While desk time counts, the watchdog wakes the worker at least every SLEEP_GAP_MS (its period
 * and the alarm's grace; a longer gap is a sleep, not desk time), so at least `leftMs - SLEEP_GAP_MS`
 * is left until then: "25m+" (at least 25 min, in BADGE_STEP_MIN steps). Closer than that, or when
 * no wake is sure to come before the break (`wakesBefore` false: a snooze runs on the wall clock),
 * it says an upper bound, which time only makes truer: "≤6m". The break's own alarm then puts "!"
 * in its place. While the person is away nothing is promised (the view has no next break then).
 * `of` 'title': the same claim in words, for the button's title ("Limber: next break in at most 6 min").
 */
export function minutesLabel(leftMs: number, wakesBefore: boolean, of: 'badge' | 'title' = 'badge'): string {
  const floor = Math.floor((leftMs - SLEEP_GAP_MS) / (BADGE_STEP_MIN * MIN)) * BADGE_STEP_MIN;
  const most = Math.max(0, Math.ceil(leftMs / MIN));
  // Three digits ("≤120m": a hold may last up to 120 min) are wider than the badge (about 4 characters): nothing then.
  return wakesBefore && floor >= BADGE_STEP_MIN ? t(`${of}AtLeast`, [Math.min(floor, 95), t('actionTitle')]) : most < 100 ? t(`${of}AtMost`, [most, t('actionTitle')]) : '';
}

/** The badge, and the button's title that says it in words (none: the plain title, with a blank badge). */
export function badgeFor(v: TrackerView, now: number, enabled: boolean): { text: string; color: string; title?: string } {
  const says = (key: MessageKey, sub?: string) => t('heatDayLabel', [t('appName'), t(key, sub)]);
  const minutes = (leftMs: number, wakesBefore: boolean) => ({ text: minutesLabel(leftMs, wakesBefore), color: '#2f7a64', title: minutesLabel(leftMs, wakesBefore, 'title') });
  if (v.phase === 'due') return { text: '!', color: '#c25400', title: says('statusDue', t(v.open?.kind === 'micro' ? 'kindMicro' : 'kindStretch')) };
  // The pause mark, like "!", whatever the minutes setting: the pause shortcut has no other answer.
  if (v.paused) return { text: '❚❚', color: '#6b7a75', title: says('noticePausedTitle') };
  if (!enabled) return { text: '', color: '#2f7a64' };
  if (v.offHours) return { text: t('badgeOffHours'), color: '#6b7a75', title: says('whyOffHoursNoEnd') };
  if (v.phase === 'onBreak') return { text: '…', color: '#2f7a64', title: says('statusOnBreak') };
  // No next break while desk time stands still (away, paused, outside hours: lib/tracker/view.ts):
  // a postpone that ends while the person is away brings its break only at their return.
  if (!v.next) return { text: '', color: '#2f7a64' };
  // A due break held (a call, fullscreen, a pause in typing awaited) comes at the latest at the
  // hold's bound: "≤0m" would be wrong for as long as it lasts.
  if (v.held) return v.hoursEnd ? { text: '', color: '#2f7a64' } : minutes(v.held.until - now, false);
  return minutes(v.next.at - now, v.phase === 'working');
}

export async function setBadge(v: TrackerView, now: number, enabled: boolean): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  if (!action) return;
  await ensureMessages(); // "off" and the minutes in words, never message keys
  const { text, color, title } = badgeFor(v, now, enabled);
  await action.setBadgeText({ text });
  if (text) await action.setBadgeBackgroundColor({ color });
  await action.setTitle({ title: title || t('actionTitle') });
}
