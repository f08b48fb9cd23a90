/**
 * The background's loop, kept out of entrypoints/background.ts so that file stays wiring only.
 * Each event: load state -> transition (pure) -> write history records (idempotent by id) ->
 * save state -> carry out the other effects -> reconcile alarms -> publish the popup's status
 * snapshot. Events are handled one at a time, in arrival order. Nothing here holds the truth
 * between events: storage does (the snapshot is a copy for the popup's first paint).
 */
import { browser } from 'wxt/browser';
import { loadRoutineLibrary } from './storage/own-routines';
import { pickPrefsFor, pickRoutine } from '../content/picker';
import type { Routine } from '../content/types';
import type { BreakSession, ErrorCode, PopupData, Reply, RequestOf, RequestType, ResponseOf } from './protocol/messages';
import { parseRequest, type Request } from './protocol/requests';
import { clock } from './platform/clock';
import { MIN_ALARM_MS, reconcileNextAlarm, reconcileWatchdog } from './platform/alarms';
import { configureIdle, queryActivity } from './platform/idle';
import { clearPrompt, promptShowing, promptShownThisSession, showNotice, showPrompt } from './platform/notify';
import { breakWindowClosed, breakWindowFinished, focusedFullscreen, openBreakWindow } from './platform/windows';
import { setBadge } from './platform/badge';
import { tomorrowStart } from './schedule';
import type { Settings } from './settings';
import { loadSettings, loadTracker, loadTrackerAndOutbox, saveTracker, welcomedItem, whatsNewItem, type PendingRecord } from './storage/items';
import { devTimingItem } from './storage/dev-timing';
import { loadHealthAnswer, moveLegacyHealthAnswer } from './storage/health';
import { withDevTiming } from './dev-timing';
import { historyAbsent, HistoryUnavailableError, recentRoutines, recordBreak, type TodaySummary } from './storage/history';
import { statusSnapshotItem } from './storage/status-cache';
import { dayKey } from './days';
import { popupSummary } from './popup-summary';
import { initialState, nextWake, transition, view, wantsWatchdog, type Effect, type Env, type Result, type TrackerEvent, type TrackerState } from './tracker/tracker';

let queue: Promise<unknown> = Promise.resolve();

/** The settings the background runs on: the user's, with the developer switch's timing over them (lib/dev-timing.ts). */
async function settingsInForce(): Promise<Settings> {
  const [settings, dev] = await Promise.all([loadSettings(), devTimingItem.getValue().catch(() => null)]);
  return withDevTiming(settings, dev);
}

/** Runs `fn` after every event already queued (a worker handles one event at a time). */
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

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

async function currentEnv(settings: Settings): Promise<Env> {
  return { timeZone: clock.timeZone(), fullscreen: settings.fullscreen.defer ? await focusedFullscreen() : false };
}

/**
 * A window was closed. If it was the break window of a break not finished in it, the break ended
 * early (partial). In the engine's queue, so that a finish being handled cannot interleave.
 */
export function windowClosed(windowId: number): Promise<void> {
  return serial(async () => {
    const breakId = await breakWindowClosed(windowId);
    if (breakId) await handleNow({ type: 'finish', breakId, outcome: 'partial' }, { heard: true });
  });
}

/** A browser event (alarm, idle change, notification, command) for the engine. */
export function dispatch(event: TrackerEvent): Promise<Handled> {
  return serial(() => handleNow(event, { heard: true }));
}

/**
 * `read`: the event is a status read (a tick asked for by a page). When it only moved the clock
 * forward (no effects, nothing but the counters and `lastSeen` changed), the state is not saved:
 * the counters are derived from timestamps, so the next event computes the same from the stored
 * state, and a read costs no storage write (nor a change event in every open page). What is lost
 * is only the read as a sign of life: should the machine sleep within the watchdog period after
 * it, up to that period counts as away.
 */
async function handleNow(event: TrackerEvent, opts: { read?: boolean; heard?: boolean } = {}): Promise<Handled> {
  const [settings, { state: stored, outbox }] = await Promise.all([settingsInForce(), loadTrackerAndOutbox()]);
  const env = await currentEnv(settings);
  const now = clock.now();
  const state = stored ?? initialState(now, env.timeZone);
  const result = transition(state, event, now, settings, env);
  // Likewise an alarm's tick (`heard`) that finds nothing to do within moments of the last saved
  // state: an alarm that wakes a stopped worker is handled by the start's catch-up first, then
  // heard. The catch-up itself always saves (and so writes the popup's snapshot, which a browser
  // restart empties).
  const justSaved = opts.heard === true && event.type === 'tick' && stored !== null && now >= stored.lastSeen && now - stored.lastSeen < FRESH_MS;
  if ((opts.read || justSaved) && stored && outbox.length === 0 && result.effects.length === 0 && onlyClockMoved(stored, result.state)) {
    // Still put back an alarm that went missing (no write unless one did).
    await reconcileAlarms(result.state, settings, now, env);
    await setBadge(view(result.state, settings, env), now, settings.badge).catch(() => undefined);
    return { result, settings, now, env, waiting: 0 };
  }
  // History first: a record is idempotent (keyed by break id), so if the worker dies after this
  // and the event is handled again, it is still one row. What could not be written waits in the
  // outbox, saved with the state (and tried again on every later event). Then the rest.
  const fresh = result.effects.flatMap((e) => (e.type === 'record' ? [{ entry: e.entry, timeZone: env.timeZone }] : []));
  const { recorded, waiting } = await writeRecords([...outbox, ...fresh]);
  try {
    await saveTracker(result.state, waiting);
  } catch (err) {
    // Storage refused (full?): the state stays as it was; carry on so that the prompt, the alarm
    // and the badge still happen. The next event starts from the stored state again (records are
    // idempotent by id, so nothing is counted twice).
    console.error('[limber] state not saved', err);
  }
  // A break ended (from its window, the popup or a notification): closing its window is then not
  // an early end.
  if ((event.type === 'finish' || event.type === 'skip') && !result.refused) await breakWindowFinished(event.breakId);
  await runEffects(result.effects, settings);
  await reconcileAlarms(result.state, settings, now, env);
  await setBadge(view(result.state, settings, env), now, settings.badge).catch(() => undefined);
  // What the popup draws first (a snapshot; the popup asks again): never worth failing for.
  // Read the history again when a break ended (written, waiting or dropped: the picture changed) or the settings did.
  const published = await publishStatus(result.state, settings, now, env, recorded || fresh.length > 0 || event.type === 'settingsChanged', waiting.length).catch((err: unknown) => {
    console.warn('[limber] status snapshot not made', err);
    return null;
  });
  return { result, settings, now, env, waiting: waiting.length, published };
}

/** How recent a saved state makes a tick with nothing to do redundant (handleNow). */
const FRESH_MS = 5_000;

/** Whether `b` is `a` with only the clock moved on (counters, `asOf`, `lastSeen`). */
function onlyClockMoved(a: TrackerState, b: TrackerState): boolean {
  const still = (s: TrackerState) => JSON.stringify({ ...s, asOf: 0, lastSeen: 0, desk: null, today: { ...s.today, deskMs: 0 } });
  return still(a) === still(b);
}

/**
 * The status and the popup's Today part, written to storage.session for the popup's first paint
 * (lib/storage/status-cache.ts). The history part is read again when `reread` (a break was
 * recorded, the settings changed, the data was imported or reset), on a new day, or when there is
 * no snapshot yet; otherwise the previous snapshot's is kept (no IndexedDB read per event).
 */
async function publishStatus(state: TrackerState, settings: Settings, now: number, env: Env, reread: boolean, waiting: number): Promise<PopupData> {
  const day = dayKey(now, env.timeZone);
  const prev = reread ? null : await statusSnapshotItem.getValue();
  let part: { today: TodaySummary | null; history: PopupData['history'] };
  if (prev && prev.day === day) {
    part = { today: prev.data.status.today, history: prev.data.history };
  } else {
    const s = await popupSummary(now, env.timeZone, settings);
    part = { today: s?.today ?? null, history: s?.history ?? null };
  }
  // Until the picture may change by itself: the next thing the tracker wakes for, or midnight.
  const validUntil = Math.min(nextWake(state, settings, env) ?? Infinity, state.today.end);
  const data: PopupData = {
    status: { now, tracker: view(state, settings, env), today: part.today, historyError: part.today === null, waitingRecords: waiting },
    history: part.history,
    validUntil,
  };
  try {
    await statusSnapshotItem.setValue({ data, day });
  } catch (err) {
    console.warn('[limber] status snapshot not written', err);
  }
  return data;
}

/** A status read ('popup/get'): the tracker brought up to now, the history read, published. */
async function readPopupData(): Promise<PopupData> {
  const { result, settings, now, env, waiting } = await handleNow({ type: 'tick' }, { read: true });
  return publishStatus(result.state, settings, now, env, true, waiting);
}

/**
 * Writes pending history records, in order. Returns whether any was written and those still
 * waiting for a later event: when the database cannot be opened (slow or blocked, a failed
 * upgrade) the rest wait too, untried; a record that fails on its own (a full disk) waits alone.
 * Only "IndexedDB does not exist here" drops a record: history is off on this browser (the popup
 * says so).
 */
async function writeRecords(pending: readonly PendingRecord[]): Promise<{ recorded: boolean; waiting: PendingRecord[] }> {
  let recorded = false;
  const waiting: PendingRecord[] = [];
  for (let i = 0; i < pending.length; i++) {
    const p = pending[i]!;
    try {
      await recordBreak(p.entry, p.timeZone);
      recorded = true;
    } catch (err) {
      if (historyAbsent(err)) {
        console.warn('[limber] history is off:', (err as Error).message);
        continue;
      }
      console.warn('[limber] history write failed; kept to try again', err);
      // The database could not be opened: the rest waits untried. Any other failure is this
      // record's own: it waits, and the others are still tried (one bad record blocks nothing).
      if (err instanceof HistoryUnavailableError) return { recorded, waiting: [...waiting, ...pending.slice(i)] };
      waiting.push(p);
    }
  }
  return { recorded, waiting };
}

async function runEffects(effects: Effect[], settings: Settings): Promise<void> {
  for (const e of effects) {
    try {
      switch (e.type) {
        case 'prompt': {
          // Already on screen (the same break prompted again because its state could not be
          // saved, storage full): not shown twice.
          if (!e.reminder && (await promptShownThisSession(e.brk.id)) && (await promptShowing(e.brk.id))) break;
          // A notification that could not be shown (blocked, or it failed) falls back to the break window.
          const shown = settings.prompts.notification && (await showPrompt(e.brk, settings, e.reminder, clock.now()).catch(() => false));
          if ((settings.prompts.openWindow || (settings.prompts.notification && !shown)) && !e.reminder) await openBreakWindow(e.brk.id, true);
          break;
        }
        case 'notice':
          await showNotice(e.notice, settings);
          break;
        case 'clearPrompt':
          await clearPrompt(e.breakId);
          break;
        case 'openBreak':
          await openBreakWindow(e.brk.id);
          break;
        case 'record':
          break;
      }
    } catch (err) {
      // A failed notification or window must not lose the state change already saved.
      console.error('[limber] effect failed', e.type, err);
    }
  }
}

async function reconcileAlarms(state: TrackerState, settings: Settings, now: number, env: Env): Promise<void> {
  // Only the developer switch can set sub-minute timing (settings follow the form's limits).
  const subMinute = Math.min(settings.stretch.everySec, settings.micro.everySec, settings.snoozeSec) < 60;
  await reconcileNextAlarm(nextWake(state, settings, env), now, subMinute ? 500 : MIN_ALARM_MS);
  await reconcileWatchdog(wantsWatchdog(state, settings, env), now);
}

/**
 * On every worker start: apply the idle settings, catch up with the machine's activity, fire
 * anything overdue, and put back a prompt that a restart may have swept away.
 */
export function wake(): Promise<void> {
  return serial(async () => {
    const [settings, stored] = await Promise.all([settingsInForce(), loadTracker()]);
    await configureIdle(settings.idleSec);
    let activity = stored?.activity ?? 'active';
    try {
      activity = await queryActivity(settings.idleSec);
    } catch {
      // idle unavailable: keep what we had
    }
    if (!stored || activity !== stored.activity) await handleNow({ type: 'activity', state: activity });
    const { result } = await handleNow({ type: 'tick' });
    const p = result.state.phase;
    // Put back a prompt the browser lost (a restart); not one that was closed (by the user, or
    // by Firefox, which closes notifications after a while).
    if (p.name === 'due' && settings.prompts.notification && !(await promptShowing(p.brk.id)) && !(await promptShownThisSession(p.brk.id))) {
      // Still no notification (blocked, or it failed): the break window instead.
      if (!(await showPrompt(p.brk, settings, false, clock.now()).catch(() => false))) await openBreakWindow(p.brk.id, true);
    }
  });
}

/** Keyboard shortcuts (the `commands` API): start a break now; pause or resume reminders. */
export function command(name: string): Promise<unknown> {
  if (name === 'start-break') return dispatch({ type: 'start' });
  if (name === 'toggle-pause') {
    return serial(async () => {
      const st = await loadTracker();
      return handleNow(st?.paused ? { type: 'resume' } : { type: 'pause', until: null });
    });
  }
  return Promise.resolve();
}

/** First install: the welcome page. An update: a one-time "what's new" line in the popup. */
export async function installed(reason: string, version: string): Promise<void> {
  if (reason === 'install') {
    // Some installs report "install" again while keeping storage (Chromium's --load-extension
    // on every start): welcome once.
    if (await welcomedItem.getValue()) return;
    await welcomedItem.setValue(true);
    await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  } else if (reason === 'update') {
    await whatsNewItem.setValue(version);
    // Older versions kept the safety screen's answer in the synced settings: move it here.
    await moveLegacyHealthAnswer().catch((err: unknown) => console.warn('[limber] health answer not moved', err));
  }
}

/** The settings the last settingsChanged() applied (one save writes two areas: handle it once). */
let appliedSettings: string | null = null;

export function settingsChanged(): Promise<void> {
  return serial(async () => {
    const settings = await settingsInForce();
    const json = JSON.stringify(settings);
    if (json === appliedSettings) return;
    appliedSettings = json;
    await configureIdle(settings.idleSec);
    await handleNow({ type: 'settingsChanged' });
  });
}

// ---------------------------------------------------------------------------------------------
// Messages from the pages.

/** Today's counts and streaks: the same read and computation as the popup's (null: history off). */
async function today(now: number, settings: Settings): Promise<TodaySummary | null> {
  return (await popupSummary(now, clock.timeZone(), settings))?.today ?? null;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}


async function chooseRoutine(kind: 'micro' | 'stretch', breakId: string, avoid: string | null, settings: Settings): Promise<Routine | undefined> {
  let recent: string[] = [];
  try {
    recent = await recentRoutines(30);
  } catch {
    // no history: no preference
  }
  if (avoid) recent = [avoid, ...recent];
  return pickRoutine(await loadRoutineLibrary(), kind, pickPrefsFor(settings.routines, await loadHealthAnswer()), recent, hash(breakId + (avoid ?? '')));
}

async function session(breakId: string, another: boolean): Promise<BreakSession | null> {
  const [settings, stored] = await Promise.all([settingsInForce(), loadTracker()]);
  const p = stored?.phase;
  if (!p || p.name !== 'onBreak' || p.brk.id !== breakId) return null;
  let routineId = p.routineId;
  if (!routineId || another) {
    const r = await chooseRoutine(p.brk.kind, breakId, another ? routineId : null, settings);
    if (r) {
      routineId = r.id;
      await handleNow({ type: 'setRoutine', breakId, routineId });
    }
  }
  return { breakId, kind: p.brk.kind, manual: p.brk.manual, routineId, lengthSec: settings[p.brk.kind].lengthSec, strict: settings.strict };
}

/** A reply from a tracker result: its refusal as the error, else `data`. */
function replyTo<T extends RequestType>(r: Result, data: ResponseOf<T>): Reply<T> {
  return r.refused ? { ok: false, error: r.refused as ErrorCode } : { ok: true, data };
}

const PAUSE_MINUTES = { '30m': 30, '1h': 60, '2h': 120 } as const;

/**
 * One handler per request type. The map's type makes each handler take its own request and
 * answer with its own response type (lib/protocol/messages.ts `Responses`): a wrong answer does not compile.
 */
type Handlers = { [T in RequestType]: (msg: RequestOf<T>) => Promise<Reply<T>> };

const handlers: Handlers = {
  'popup/get': async () => ({ ok: true, data: await readPopupData() }),
  // A page imported or reset the data (lib/data.ts): the popup's snapshot and the badge show the new history.
  'status/refresh': async (msg) => {
    if (msg.replaced) {
      const { state, outbox } = await loadTrackerAndOutbox();
      if (state && outbox.length) await saveTracker(state, []);
    }
    await readPopupData();
    return { ok: true, data: { refreshed: true } };
  },
  'status/get': async () => {
    const { result, settings, now, env, waiting } = await handleNow({ type: 'tick' }, { read: true });
    const td = await today(now, settings);
    return { ok: true, data: { now, tracker: view(result.state, settings, env), today: td, historyError: td === null, waitingRecords: waiting } };
  },
  'pause/set': async (msg) => {
    const settings = await settingsInForce();
    const now = clock.now();
    const until = msg.choice === 'indefinite' ? null : msg.choice === 'tomorrow' ? tomorrowStart(settings.schedule, now, clock.timeZone()) : now + PAUSE_MINUTES[msg.choice] * 60_000;
    const { result } = await handleNow({ type: 'pause', until });
    return replyTo<'pause/set'>(result, { until });
  },
  'pause/resume': async () => {
    await handleNow({ type: 'resume' });
    return { ok: true, data: { resumed: true } };
  },
  'break/start': async (msg) => replyTo<'break/start'>((await handleNow({ type: 'start', breakId: msg.breakId, kind: msg.kind })).result, { started: true }),
  'break/snooze': async (msg) => {
    const { result } = await handleNow({ type: 'snooze', breakId: msg.breakId });
    const p = result.state.phase;
    return replyTo<'break/snooze'>(result, { until: p.name === 'snoozed' ? p.until : 0 });
  },
  'break/skip': async (msg) => replyTo<'break/skip'>((await handleNow({ type: 'skip', breakId: msg.breakId })).result, { skipped: true }),
  'break/session': async (msg) => ({ ok: true, data: await session(msg.breakId, false) }),
  'break/another': async (msg) => ({ ok: true, data: await session(msg.breakId, true) }),
  'break/finish': async (msg) => {
    const { result, now, settings, published } = await handleNow({ type: 'finish', breakId: msg.breakId, outcome: msg.outcome, routineId: msg.routineId });
    if (result.refused) return replyTo<'break/finish'>(result, { today: null });
    // The break's record was just written and the popup's picture made from it: the same today.
    return { ok: true, data: { today: published ? published.status.today : await today(now, settings) } };
  },
};

export function handleMessage(raw: unknown): Promise<Reply<RequestType>> {
  const msg = parseRequest(raw);
  if (!msg) return Promise.resolve({ ok: false, error: 'badRequest' });
  // The request was checked against its type's schema, so it fits its own handler.
  const handler = handlers[msg.type] as (m: Request) => Promise<Reply<RequestType>>;
  return serial(() => handler(msg)).catch((err: unknown) => {
    console.error('[limber] message failed', err);
    return { ok: false, error: 'internal' as const };
  });
}
