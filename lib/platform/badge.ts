/**
 * The toolbar badge: minutes to the next break (refreshed on every wake, so it may lag by up to
 * the watchdog period), "!" when a break is due, a pause mark, or "off" outside working hours.
 */
import { browser } from 'wxt/browser';
import type { TrackerView } from '../tracker/tracker';

export function badgeFor(v: TrackerView, now: number, enabled: boolean): { text: string; color: string } {
  if (v.phase === 'due') return { text: '!', color: '#c25400' };
  if (!enabled) return { text: '', color: '#2f7a64' };
  if (v.paused) return { text: '❚❚', color: '#6b7a75' };
  if (v.offHours) return { text: 'off', color: '#6b7a75' };
  if (v.phase === 'onBreak') return { text: '…', color: '#2f7a64' };
  if (!v.next) return { text: '', color: '#2f7a64' };
  const min = Math.max(0, Math.ceil((v.next.at - now) / 60_000));
  return { text: min > 99 ? '99+' : `${min}m`, color: '#2f7a64' };
}

export async function setBadge(v: TrackerView, now: number, enabled: boolean): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  if (!action) return;
  const { text, color } = badgeFor(v, now, enabled);
  await action.setBadgeText({ text });
  if (text) await action.setBadgeBackgroundColor({ color });
}
