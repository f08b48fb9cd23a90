/**
 * What the engine needs from the world, as two ports: the browser (`Platform`) and storage
 * (`Store`). The runtime and the handlers see only these, so a test can pass fakes
 * (lib/engine/runtime.test.ts) instead of patching globals; lib/engine/browser.ts builds the real ones.
 */
import type { FocusedWindow } from '../platform/windows';
import type { Settings } from '../settings';
import type { Activity, DueBreak, HeadsUp, Notice, TrackerState, TrackerView, BreakRecord } from '../tracker/tracker';
import type { PendingRecord } from '../storage/items';
import type { TodaySummary } from '../storage/history';
import type { PopupHistory } from '../review';
import type { StatusSnapshot } from '../storage/status-cache';

export interface Platform {
  now(): number;
  timeZone(): string;
  /** The focused browser window: fullscreen (a film, slides); its active tab playing sound. */
  focusedWindow(): Promise<FocusedWindow>;
  /** Whether a tab on one of these call-site patterns (granted ones only) plays sound. */
  callAudible(patterns: string[]): Promise<boolean>;
  configureIdle(idleSec: number): Promise<void>;
  queryActivity(idleSec: number): Promise<Activity>;
  /** Shows the break's notification; false when it could not be shown (blocked, failed). */
  showPrompt(brk: DueBreak, settings: Settings, reminder: boolean, now: number): Promise<boolean>;
  /** Whether the break's prompt is on screen as it would be shown now (its buttons what the tracker accepts now). */
  promptShowing(brk: DueBreak, settings: Settings): Promise<boolean>;
  /** Whether a prompt of this break is on screen with any buttons (the person has not closed it). */
  promptOnScreen(breakId: string): Promise<boolean>;
  promptShownThisSession(breakId: string): Promise<boolean>;
  /** Takes the break's prompt away (it was postponed, started or ended): prompted again, it is shown again. */
  clearPrompt(breakId: string): Promise<void>;
  showNotice(notice: Notice, settings: Settings): Promise<void>;
  /** Takes a pause's notice away ("Reminders paused", "back on"); the daily limit's stays. */
  clearNotice(): Promise<void>;
  /** The quiet notice before a stretch break; `postpone`: with its Postpone button (where there are buttons). */
  showHeadsUp(headsUp: HeadsUp, postpone: boolean, now: number): Promise<void>;
  clearHeadsUp(breakId: string): Promise<void>;
  openBreakWindow(breakId: string): Promise<void>;
  /** The break ended: closing its window is then not an early end. */
  breakWindowFinished(breakId: string): Promise<void>;
  /** This break's window: open (its own popup, not a window the record names by chance), closed unseen (its id: the record names it, the window is gone), dismissed (the prompt, closed before its Start), or none. */
  breakWindowState(breakId: string): Promise<'open' | 'none' | 'dismissed' | { closed: number }>;
  /** The id of the unfinished break whose window this was, or null. */
  breakWindowClosed(windowId: number): Promise<string | null>;
  /** The window closed was its break's prompt, not started: the break stays due, and a wake does not reopen the window. */
  breakWindowDismissed(windowId: number, breakId: string): Promise<void>;
  reconcileNextAlarm(when: number | null, now: number, minDelayMs: number): Promise<void>;
  /** `at`: when the watchdog should look (lib/tracker watchdogAt), null for none. */
  reconcileWatchdog(at: number | null, now: number): Promise<void>;
  setBadge(view: TrackerView, now: number, enabled: boolean): Promise<void>;
  openTab(path: string): Promise<void>;
}

export interface Store {
  /** The user's settings with the developer switch's timing over them (lib/dev-timing.ts). */
  settings(): Promise<Settings>;
  loadTracker(): Promise<{ state: TrackerState | null; outbox: PendingRecord[] }>;
  /** The state and the records still waiting, in one write. */
  saveTracker(state: TrackerState, outbox: readonly PendingRecord[]): Promise<void>;
  /** Idempotent by the record's id. */
  recordBreak(entry: BreakRecord, timeZone: string): Promise<void>;
  /** Today's counts and the popup's Today part from one history read; null when history is off; rejects when it cannot be read just now. */
  summary(now: number, timeZone: string, settings: Settings): Promise<{ today: TodaySummary; history: PopupHistory } | null>;
  readSnapshot(): Promise<StatusSnapshot | null>;
  writeSnapshot(s: StatusSnapshot): Promise<void>;
  /** First install: whether the welcome page was shown already (and mark it shown). */
  firstWelcome(): Promise<boolean>;
  noteUpdate(version: string): Promise<void>;
}
