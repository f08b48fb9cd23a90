/**
 * The engine's runtime: one event at a time, in arrival order. Each event: load the settings and
 * the state -> transition (pure, lib/tracker) -> write history records (idempotent by id) -> save
 * the state with the records still waiting -> carry out the effects -> reconcile the alarms and
 * the badge -> publish the popup's snapshot. Nothing here holds the truth between events: storage
 * does. The browser and storage come in as ports (./ports.ts).
 */
import { callPatterns } from '../call-sites';
import { MIN_ALARM_MS } from '../platform/alarms';
import type { PopupData } from '../protocol/messages';
import type { Settings } from '../settings';
import { idleDetectionSec, initialState, nextWake, transition, view, watchdogAt, type Env, type Result, type TrackerEvent, type TrackerState } from '../tracker/tracker';
import { asksBrowser } from './asks';
import { interpret } from './effects';
import { writeRecords } from './outbox';
import type { Platform, Store } from './ports';
import type { PendingRecord } from '../storage/items';
import { publishStatus } from './publish';

export interface Handled {
  result: Result;
  settings: Settings;
  now: number;
  env: Env;
  /** History records still waiting in the outbox. */
  waiting: number;
  /** What the popup now shows, when the event was saved and published (so a reply need not read history again). */
  published?: PopupData | null;
}

export interface HandleOptions {
  /**
   * A status read (a tick asked for by a page). When it only moved the clock forward, the state
   * is not saved: the counters derive from timestamps, so the next event computes the same, and a
   * read costs no storage write (nor a change event in every open page). Lost is only the read as
   * a sign of life: should the machine sleep within the watchdog period after it, up to that
   * period counts as away.
   */
  read?: boolean;
  /** A browser event (an alarm's tick): one with nothing to do within moments of the last save is not saved again. */
  heard?: boolean;
}

export interface Runtime {
  readonly platform: Platform;
  readonly store: Store;
  /** Runs `fn` after everything already queued. Handlers and lifecycle steps run inside it. */
  serial<T>(fn: () => Promise<T>): Promise<T>;
  /** One event through the loop (call inside `serial`). */
  handle(event: TrackerEvent, opts?: HandleOptions): Promise<Handled>;
  /** A status read, with the history read and published (call inside `serial`). */
  read(): Promise<PopupData>;
  /** The tracker's state and waiting records as this worker last made them (call inside `serial`). */
  load(): Promise<{ state: TrackerState | null; outbox: PendingRecord[] }>;
}

/** How recent a saved state makes a heard tick with nothing to do redundant. */
const FRESH_MS = 5_000;

export function createRuntime(platform: Platform, store: Store): Runtime {
  let queue: Promise<unknown> = Promise.resolve();
  /**
   * The last state whose save failed (storage full?), with its waiting records: the next events
   * of this worker start from it, and save it again, rather than from the older stored state (a
   * break answered there would otherwise be answered again, differently, or refused). A worker
   * stopped after it starts from the copy the store keeps in storage.session (lib/storage/items.ts).
   */
  let unsaved: { state: TrackerState; outbox: PendingRecord[] } | null = null;
  const load = async () => {
    const stored = await store.loadTracker();
    return unsaved && (!stored.state || unsaved.state.asOf > stored.state.asOf) ? unsaved : stored;
  };

  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  /**
   * The env: the browser is asked what the user is in only at a decision moment (a break due or
   * held; an idle report; any event while sitting still), never on every event, and never
   * through a tab listener.
   */
  const env = async (settings: Settings, stored: TrackerState | null, now: number, event: TrackerEvent): Promise<Env> => {
    const timeZone = platform.timeZone();
    if (!asksBrowser(stored, settings, now, event)) return { timeZone, fullscreen: false, sound: false, call: false };
    // Calls: only on the sites the person opted in to, only the tabs' address and "audible".
    const sites = settings.callSites;
    const [w, call] = await Promise.all([platform.focusedWindow(), sites.enabled ? platform.callAudible(callPatterns(sites)) : false]);
    return { timeZone, ...w, call };
  };

  /** `heardAt`: when the machine was last heard from as saved (the watchdog looks one period after it). */
  const reconcile = async (state: TrackerState, settings: Settings, now: number, e: Env, heardAt: number): Promise<void> => {
    // Only the developer switch sets sub-minute timing (settings follow the form's limits).
    const subMinute = Math.min(settings.stretch.everySec, settings.micro.everySec, settings.snoozeSec) < 60;
    await platform.reconcileNextAlarm(nextWake(state, settings, e), now, subMinute ? 500 : MIN_ALARM_MS);
    await platform.reconcileWatchdog(watchdogAt(state, settings, e, heardAt), now);
    // Lowered while a break waits for a pause in input, the configured interval otherwise (from the state: survives a restart).
    await platform.configureIdle(idleDetectionSec(state, settings)).catch(() => undefined);
    await platform.setBadge(view(state, settings, e), now, settings.badge).catch(() => undefined);
  };

  const handle = async (event: TrackerEvent, opts: HandleOptions = {}): Promise<Handled> => {
    const [settings, { state: stored, outbox }] = await Promise.all([store.settings(), load()]);
    const now = platform.now();
    const e = await env(settings, stored, now, event);
    const result = transition(stored ?? initialState(now, e.timeZone), event, now, settings, e);
    const justSaved = opts.heard === true && event.type === 'tick' && stored !== null && now >= stored.lastSeen && now - stored.lastSeen < FRESH_MS;
    if ((opts.read || justSaved) && stored && outbox.length === 0 && result.effects.length === 0 && onlyClockMoved(stored, result.state)) {
      // Still put back an alarm that went missing (no write unless one did). Not saved, this
      // event is no sign of life: the watchdog stays one period after the saved one (or after
      // now, if the clock was set back past it).
      // Nor in what this returns: the popup's snapshot holds no longer than the saved state says (lib/engine/publish.ts).
      result.state.lastSeen = Math.min(stored.lastSeen, now);
      await reconcile(result.state, settings, now, e, result.state.lastSeen);
      return { result, settings, now, env: e, waiting: 0 };
    }
    // History first, then the state with what still waits, then the rest.
    const fresh = result.effects.flatMap((x) => (x.type === 'record' ? [{ entry: x.entry, timeZone: e.timeZone }] : []));
    const { recorded, waiting } = await writeRecords(store, [...outbox, ...fresh]);
    let heardAt = result.state.lastSeen;
    // A state that counts desk time is saved only with its watchdog set: a worker stopped before
    // the alarms below are put right is still woken, and the next alarm is not taken for a sleep.
    // Set from the older sign of life (the stored one): stopped before the save, a watchdog moved
    // later would find more silence than a sleep needs (the reconcile below moves it on).
    const dog = watchdogAt(result.state, settings, e, stored ? Math.min(stored.lastSeen, heardAt) : heardAt);
    if (dog !== null) await platform.reconcileWatchdog(dog, now);
    try {
      await store.saveTracker(result.state, waiting);
      unsaved = null;
    } catch (err) {
      heardAt = stored ? Math.min(stored.lastSeen, now) : heardAt;
      // Storage refused (full?): carry on so that the prompt, the alarm and the badge still happen.
      // The next event starts from this state (`unsaved`, or the store's session copy) and saves it again.
      unsaved = { state: result.state, outbox: waiting };
      console.error('[limber] state not saved', err);
    }
    await interpret(result.effects, settings, platform);
    await reconcile(result.state, settings, now, e, heardAt);
    // The popup's picture: read the history again when a break ended (written, waiting or
    // dropped) or the settings changed. Never worth failing for.
    const reread = recorded || fresh.length > 0 || event.type === 'settingsChanged';
    const published = await publishStatus(store, result.state, settings, now, e, reread, waiting.length).catch((err: unknown) => {
      console.warn('[limber] status snapshot not made', err);
      return null;
    });
    return { result, settings, now, env: e, waiting: waiting.length, published };
  };

  const read = async (): Promise<PopupData> => {
    const { result, settings, now, env: e, waiting } = await handle({ type: 'tick' }, { read: true });
    return publishStatus(store, result.state, settings, now, e, true, waiting);
  };

  return { platform, store, serial, handle, read, load };
}

/** Whether `b` is `a` with only the clock moved on (counters, `asOf`, `lastSeen`). */
function onlyClockMoved(a: TrackerState, b: TrackerState): boolean {
  const still = (s: TrackerState) => JSON.stringify({ ...s, asOf: 0, lastSeen: 0, desk: null, today: { ...s.today, deskMs: 0 } });
  return still(a) === still(b);
}
