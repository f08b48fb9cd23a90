/**
 * The Limber service worker's real activity in headless Chromium (the production build) over a
 * shortened real run, side by side with a heartbeat-style peer: a minimal MV3 break reminder
 * generated here, whose worker ticks every 5 s and keeps itself alive the way many published
 * reminder extensions do (a timer that calls an extension API on every tick, plus a 30-s alarm
 * that restarts the timer if Chrome stopped the worker anyway). Both are loaded in the same
 * browser for the same run.
 *
 * The run: test-style short settings (a posture check every BREAK_EVERY_SEC of desk time,
 * BREAK_LEN_SEC long, written to storage the way tests/e2e/support/ext.ts setSettings does; the
 * options page would not allow less than 5 minutes), and a scripted person who answers each
 * prompt after RESPOND_SEC (Start, as the notification's button would), clicks Done in the break
 * window after the break's length and closes the window. The peer reminds at the same interval.
 *
 * Observed without instrumenting either worker and without attaching to them (a DevTools
 * session on a worker keeps it alive, which is why Playwright is not used here):
 *  - worker starts and running time: CDP `ServiceWorker.workerVersionUpdated` running states,
 *    from a session on a blank tab. Chromium stops an idle extension worker after ~30 s: that
 *    is what makes Limber's wake-ups countable (and the peer's absence of them).
 *  - Limber's state saves: an engine event that changes something ends by saving the tracker
 *    state (lib/engine.ts handleNow; not saved: a popup's status read, and an alarm's tick
 *    heard within moments of a save, that only move the clock), so `storage.onChanged` for
 *    `tracker`, heard on a Limber page (its manifest.json opened in a tab: extension APIs, no app
 *    code), counts them; the same page hears `alarms.onAlarm` and `idle.onStateChanged`. Page
 *    listeners never wake the worker.
 *  - the peer's ticks: its own counter in storage.local (the peer is ours), read from a page.
 *
 * Used by scripts/bench/main.ts (npm run bench); also runs alone:  LIMBER_OUT=/tmp/out npx tsx scripts/bench/worker-live.ts
 * BENCH_LIVE_SEC sets the run length (default 150 s); BENCH_LIVE_DEBUG=1 prints the timeline
 * on stderr. Skipped when there is no build or no Chromium (BENCH_BROWSER=0 skips it too).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { chromiumArgs } from '../chromium-args';
import { runAlone, type AddRow } from './table';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { splitTestSettings } from '../../tests/dev-settings';
import { WATCHDOG_MS } from '../../lib/tracker/tracker';


const AREA = 'worker (live)';
const RUN_SEC = Number(process.env.BENCH_LIVE_SEC ?? 150);
/** Desk time between posture checks: above Chromium's ~30-s idle timeout, so the worker stops in between. */
const BREAK_EVERY_SEC = 40;
const BREAK_LEN_SEC = 5;
const RESPOND_SEC = 3;
const PEER_TICK_SEC = 5;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// --- A minimal CDP client over --remote-debugging-pipe ------------------------------------------

interface CdpMessage {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: unknown;
  error?: { message: string };
  sessionId?: string;
}

class Cdp {
  private buf = '';
  private last = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; method: string }>();
  private readonly handlers: Array<(m: CdpMessage) => void> = [];

  constructor(
    private readonly out: Writable,
    inp: Readable,
  ) {
    inp.setEncoding('utf8');
    inp.on('data', (chunk: string) => {
      this.buf += chunk;
      for (let i = this.buf.indexOf('\0'); i >= 0; i = this.buf.indexOf('\0')) {
        const m = JSON.parse(this.buf.slice(0, i)) as CdpMessage;
        this.buf = this.buf.slice(i + 1);
        if (m.id === undefined) {
          for (const h of this.handlers) h(m);
          continue;
        }
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.error) p?.reject(new Error(`${p.method}: ${m.error.message}`));
        else p?.resolve(m.result);
      }
    });
  }

  send<T = Record<string, unknown>>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = ++this.last;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method });
      this.out.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  }

  on(handler: (m: CdpMessage) => void): void {
    this.handlers.push(handler);
  }

  /** Evaluates an expression in a page session (awaiting promises) and returns its value. */
  async evaluate<T>(sessionId: string, expression: string): Promise<T> {
    const r = await this.send<{ result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
      sessionId,
    );
    if (r.exceptionDetails) throw new Error(`evaluate: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value as T;
  }
}

async function until<T>(fn: () => T | null | undefined | false | Promise<T | null | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

// --- Worker running states ----------------------------------------------------------------------

/** Running intervals of one worker, from CDP ServiceWorker running states. */
class WorkerTrack {
  readonly intervals: Array<{ from: number; to: number | null }> = [];
  get up(): boolean {
    return this.intervals.at(-1)?.to === null;
  }
  update(runningStatus: string, at: number): void {
    const up = runningStatus === 'starting' || runningStatus === 'running';
    if (up && !this.up) this.intervals.push({ from: at, to: null });
    else if (!up && this.up) this.intervals.at(-1)!.to = at;
  }
  /** Starts within [t0, t1] (a worker already running at t0 is not a start). */
  starts(t0: number, t1: number): number {
    return this.intervals.filter((i) => i.from >= t0 && i.from <= t1).length;
  }
  /** Seconds running within [t0, t1]. */
  runningSec(t0: number, t1: number): number {
    let ms = 0;
    for (const i of this.intervals) ms += Math.max(0, Math.min(i.to ?? t1, t1) - Math.max(i.from, t0));
    return ms / 1000;
  }
}

// --- The heartbeat peer -------------------------------------------------------------------------

function writePeer(dir: string, icon: string): void {
  mkdirSync(dir, { recursive: true });
  copyFileSync(icon, path.join(dir, 'icon.png'));
  const manifest = {
    manifest_version: 3,
    name: 'Heartbeat reminder (bench peer)',
    version: '1.0.0',
    background: { service_worker: 'heartbeat.js' },
    permissions: ['alarms', 'idle', 'notifications', 'storage'],
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(
    path.join(dir, 'heartbeat.js'),
    `// A heartbeat-style break reminder, as many published ones are built: a timer ticks every
// ${PEER_TICK_SEC} s, counts desk time while the machine is active and reminds every ${BREAK_EVERY_SEC} s of it.
// Each tick calls extension APIs, which keeps an MV3 worker alive; a 30-s alarm restarts the
// timer if Chrome stopped the worker anyway. It counts its ticks (for the bench) in storage.
const TICK_MS = ${PEER_TICK_SEC * 1000};
const EVERY_MS = ${BREAK_EVERY_SEC * 1000};
let timer = null;
async function tick() {
  const s = await chrome.storage.local.get({ ticks: 0, deskMs: 0, prompts: 0 });
  const state = await chrome.idle.queryState(60);
  const next = { ticks: s.ticks + 1, deskMs: s.deskMs + (state === 'active' ? TICK_MS : 0), prompts: s.prompts };
  if (next.deskMs >= EVERY_MS) {
    next.deskMs = 0;
    next.prompts++;
    chrome.notifications.create('break', { type: 'basic', iconUrl: 'icon.png', title: 'Time for a break', message: 'Stand up and stretch.' });
  }
  await chrome.storage.local.set(next);
}
function ensureTimer() {
  if (timer === null) timer = setInterval(tick, TICK_MS);
}
chrome.runtime.onInstalled.addListener(() => chrome.alarms.create('heartbeat', { periodInMinutes: 0.5 }));
chrome.alarms.onAlarm.addListener(async () => {
  const { alarms = 0 } = await chrome.storage.local.get('alarms');
  await chrome.storage.local.set({ alarms: alarms + 1 });
  ensureTimer();
});
ensureTimer();
`,
  );
}

// --- The run ------------------------------------------------------------------------------------

/** Installed on a Limber page: logs what the worker does, as storage and alarm events. */
const OBSERVER = `(() => {
  const log = (globalThis.__bench = []);
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !changes.tracker) return;
    const p = changes.tracker.newValue?.phase;
    log.push({ t: Date.now(), k: 'tracker', phase: p?.name ?? null, brk: p?.brk?.id ?? null });
  });
  chrome.alarms.onAlarm.addListener((a) => log.push({ t: Date.now(), k: 'alarm', name: a.name }));
  chrome.idle.onStateChanged.addListener((s) => log.push({ t: Date.now(), k: 'idle', state: s }));
  return true;
})()`;

interface LogEntry {
  t: number;
  k: 'tracker' | 'alarm' | 'idle';
  phase?: string | null;
  brk?: string | null;
  name?: string;
  state?: string;
}

interface Version {
  scriptURL: string;
  runningStatus: string;
}

export async function workerLiveBench(add: AddRow, extDir = path.resolve(process.env.LIMBER_OUT ?? '.output', 'chrome-mv3')): Promise<void> {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (process.env.BENCH_BROWSER === '0' || !existsSync(path.join(extDir, 'manifest.json')) || !existsSync(chromiumPath)) {
    const why = process.env.BENCH_BROWSER === '0' ? 'BENCH_BROWSER=0' : !existsSync(path.join(extDir, 'manifest.json')) ? `no build at ${extDir}` : `no Chromium at ${chromiumPath}`;
    add(AREA, `real run in Chromium beside a heartbeat peer: skipped (${why})`, '-');
    return;
  }
  const work = mkdtempSync(path.join(tmpdir(), 'limber-live-'));
  const peerDir = path.join(work, 'peer');
  writePeer(peerDir, path.join(extDir, 'icons', '128.png'));
  const both = `${extDir},${peerDir}`;
  const proc = spawn(
    chromiumPath,
    ['--headless', '--remote-debugging-pipe', `--user-data-dir=${path.join(work, 'profile')}`, ...chromiumArgs(both, ['about:blank'])],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  const cdp = new Cdp(proc.stdio[3] as Writable, proc.stdio[4] as Readable);

  const limber = new WorkerTrack();
  const peer = new WorkerTrack();
  let limberId = '';
  let peerId = '';
  const pages = new Map<string, string>(); // targetId -> url
  cdp.on((m) => {
    if (m.method === 'ServiceWorker.workerVersionUpdated') {
      const now = Date.now();
      for (const v of (m.params?.versions ?? []) as Version[]) {
        const url = new URL(v.scriptURL);
        if (url.pathname === '/background.js') {
          limberId = url.host;
          limber.update(v.runningStatus, now);
        } else if (url.pathname === '/heartbeat.js') {
          peerId = url.host;
          peer.update(v.runningStatus, now);
        }
      }
    } else if (m.method === 'Target.targetCreated' || m.method === 'Target.targetInfoChanged') {
      const info = m.params?.targetInfo as { targetId: string; type: string; url: string };
      if (info.type === 'page') pages.set(info.targetId, info.url);
    } else if (m.method === 'Target.targetDestroyed') {
      pages.delete(m.params?.targetId as string);
    }
  });

  const openPage = async (url: string) => {
    const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url });
    const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    await until(() => cdp.evaluate<boolean>(sessionId, `location.href.startsWith('chrome-extension://') && document.readyState === 'complete'`).catch(() => false), 10_000, url);
    return { targetId, sessionId };
  };

  try {
    await cdp.send('Target.setDiscoverTargets', { discover: true });
    const { targetInfos } = await cdp.send<{ targetInfos: Array<{ targetId: string; type: string; url: string }> }>('Target.getTargets');
    const blank = targetInfos.find((t) => t.type === 'page');
    if (!blank) throw new Error('no tab to observe from');
    const { sessionId: watch } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId: blank.targetId, flatten: true });
    await cdp.send('ServiceWorker.enable', {}, watch);
    await until(() => limberId && peerId, 15_000, 'both service workers');

    // Limber opens its welcome page on install: close it, then observe from a bare Limber page.
    const welcome = await until(() => [...pages].find(([, url]) => url.includes('/welcome.html')), 5000, 'the welcome page').catch(() => null);
    if (welcome) await cdp.send('Target.closeTarget', { targetId: welcome[0] });
    const obs = await openPage(`chrome-extension://${limberId}/manifest.json`);
    await cdp.evaluate(obs.sessionId, OBSERVER);
    const peerPage = await openPage(`chrome-extension://${peerId}/manifest.json`);
    const peerCounts = () => cdp.evaluate<{ ticks: number; alarms: number; prompts: number }>(peerPage.sessionId, `chrome.storage.local.get({ ticks: 0, alarms: 0, prompts: 0 })`);

    // Short settings, as tests/e2e/support/ext.ts setSettings writes them: the seconds-long
    // timing through the developer switch, the rest as settings in both areas.
    const { settings, devTiming } = splitTestSettings({}, {}, {
      micro: { enabled: true, everySec: BREAK_EVERY_SEC, lengthSec: BREAK_LEN_SEC },
      stretch: { enabled: true, everySec: 3600, lengthSec: 120 },
    });
    await cdp.evaluate(
      obs.sessionId,
      `(async () => {
        await chrome.storage.local.set({ devTiming: ${JSON.stringify(devTiming)} });
        await chrome.storage.local.set({ settings: ${JSON.stringify(settings)} });
        await chrome.storage.sync.set({ settings: ${JSON.stringify(settings)} });
      })()`,
    );
    await sleep(1000); // let the worker handle the change before counting starts

    // --- The measured run ---
    const log: LogEntry[] = [];
    const t0 = Date.now();
    const t1 = t0 + RUN_SEC * 1000;
    const peer0 = await peerCounts();
    let phase: { name: string | null; brk: string | null } = { name: null, brk: null };
    let draining = false;
    const drain = async () => {
      if (draining) return;
      draining = true;
      try {
        for (const e of await cdp.evaluate<LogEntry[]>(obs.sessionId, 'globalThis.__bench.splice(0)')) {
          log.push(e);
          if (e.k === 'tracker') phase = { name: e.phase ?? null, brk: e.brk ?? null };
        }
      } finally {
        draining = false;
      }
    };
    const drainer = setInterval(() => void drain().catch(() => undefined), 200);

    // The person: answers each prompt after RESPOND_SEC, takes the break, closes the window.
    let cycles = 0;
    const answered = new Set<string>();
    try {
      for (;;) {
        const left = t1 - Date.now();
        if (left <= 0) break;
        const due = await until(() => phase.name === 'due' && phase.brk && !answered.has(phase.brk) && phase.brk, left, 'a prompt').catch(() => null);
        if (!due || Date.now() + RESPOND_SEC * 1000 >= t1) break;
        answered.add(due);
        await sleep(RESPOND_SEC * 1000);
        const before = new Set(pages.keys());
        const started = Date.now();
        await cdp.evaluate(obs.sessionId, `chrome.runtime.sendMessage({ type: 'break/start', breakId: ${JSON.stringify(due)} })`);
        const win = await until(() => [...pages].find(([id, url]) => !before.has(id) && url.includes('/break.html')), 10_000, 'the break window');
        const { sessionId: brk } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId: win[0], flatten: true });
        await until(() => cdp.evaluate<boolean>(brk, `!!document.querySelector('[data-testid="done"]')`).catch(() => false), 10_000, 'the Done button');
        await sleep(Math.max(0, started + BREAK_LEN_SEC * 1000 - Date.now()));
        if (Date.now() >= t1) break;
        await cdp.evaluate(brk, `document.querySelector('[data-testid="done"]').click()`);
        await until(() => phase.name === 'working', 10_000, 'the break to be recorded');
        cycles++;
        await sleep(1000);
        await cdp.send('Target.closeTarget', { targetId: win[0] });
      }
      await sleep(Math.max(0, t1 - Date.now()));
      await drain();
    } finally {
      clearInterval(drainer);
    }
    const peer1 = await peerCounts();
    if (process.env.BENCH_LIVE_DEBUG) {
      const rel = (t: number) => ((t - t0) / 1000).toFixed(1);
      for (const e of log) console.error(rel(e.t), e.k, e.phase ?? e.name ?? e.state ?? '', e.brk ?? '');
      for (const [n, w] of [['limber', limber], ['peer', peer]] as const) console.error(n, w.intervals.map((i) => `${rel(i.from)}-${i.to === null ? '' : rel(i.to)}`).join(' '));
    }

    // --- Figures ---
    const inRun = log.filter((e) => e.t >= t0 && e.t <= t1);
    const events = inRun.filter((e) => e.k === 'tracker').length;
    const alarms = inRun.filter((e) => e.k === 'alarm' && e.name?.startsWith('limber-')).length;
    const idle = inRun.filter((e) => e.k === 'idle').length;
    const lStarts = limber.starts(t0, t1);
    const lSec = limber.runningSec(t0, t1);
    const pStarts = peer.starts(t0, t1);
    const pSec = peer.runningSec(t0, t1);
    const ticks = peer1.ticks - peer0.ticks;
    const pct = (s: number) => `${s.toFixed(0)} s of ${RUN_SEC} s (${((s / RUN_SEC) * 100).toFixed(0)}%)`;
    const per = (n: number) => (cycles ? (n / cycles).toFixed(1) : '-');
    add(
      AREA,
      `real run, headless Chromium, Limber and the peer in one browser: ${cycles} break cycles (a posture check every ${BREAK_EVERY_SEC} s of desk time, answered after ${RESPOND_SEC} s, ${BREAK_LEN_SEC} s long)`,
      `${RUN_SEC} s`,
    );
    add(AREA, 'Limber: worker starts (wake-ups after Chromium stopped it idle; CDP running states)', String(lStarts));
    add(AREA, '  per break cycle', per(lStarts), '<= 3 (alarm, start, finish)', cycles > 0 && lStarts / cycles <= 3);
    add(AREA, 'Limber: state saves (engine events that changed something; an alarm heard just after a start is handled, not saved)', String(events));
    add(AREA, "  per break cycle (the start's catch-up, which handles the alarm's due break; Start; the break page's routine pick; Done)", per(events));
    add(AREA, '  alarms fired; idle changes (headless Chromium reported none: no idle, no natural breaks)', `${alarms}; ${idle}`);
    add(AREA, 'Limber: worker running (it stops ~30 s after its last event)', pct(lSec));
    add(AREA, `heartbeat peer (${PEER_TICK_SEC}-s timer + 30-s keep-alive alarm): ticks`, String(ticks));
    add(AREA, '  peer: worker starts; running', `${pStarts}; ${pct(pSec)}`);
    add(AREA, '  peer: keep-alive alarms fired; reminders shown', `${peer1.alarms - peer0.alarms}; ${peer1.prompts - peer0.prompts}`);
    add(AREA, 'ratio in this run: peer ticks / Limber state saves', events ? `${(ticks / events).toFixed(1)}x` : '-');
    add(AREA, 'ratio in this run: peer running time / Limber running time', lSec ? `${(pSec / lSec).toFixed(1)}x` : '-');
    // The run squeezes a 20-minute cycle into 40 s. Limber's events per cycle do not depend on the
    // interval (but for the 5-min watchdog); a heartbeat's ticks grow with it.
    const every = DEFAULT_SETTINGS.micro.everySec;
    const peerTicks = every / PEER_TICK_SEC;
    const watchdog = (every * 1000) / WATCHDOG_MS;
    const limberPer = cycles ? events / cycles + watchdog : NaN;
    add(
      AREA,
      `same per cycle at the default ${every / 60}-min posture check: peer ticks (${peerTicks}) / Limber saves (${per(events)} measured + ${watchdog} watchdog checks)`,
      cycles ? `${(peerTicks / limberPer).toFixed(0)}x` : '-',
    );
  } catch (err) {
    // The run's target was not shown to be met: a missed target, named at the end.
    add(AREA, `real run in Chromium beside a heartbeat peer: failed (${(err as Error).message})`, '-', '<= 3 worker starts per break cycle (not measured)', false);
  } finally {
    await Promise.race([cdp.send('Browser.close').catch(() => undefined), sleep(5000)]);
    await Promise.race([exited, sleep(5000)]);
    if (proc.exitCode === null) proc.kill('SIGKILL');
    rmSync(work, { recursive: true, force: true });
  }
}

// Alone: print the rows.
if (import.meta.url === `file://${process.argv[1]}`) await runAlone(workerLiveBench);
