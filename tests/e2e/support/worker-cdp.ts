/**
 * The service worker seen from outside, through the DevTools protocol on a page session: its
 * starts (ServiceWorker running states), and a debugger on it that pauses at a chosen place in
 * Limber's built code, so that a test can stop the worker at an exact instant of its work.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';

/** Counts the worker's starts (a transition into running), from the browser's own reports. */
export async function watchWorkerStarts(context: BrowserContext, page: Page): Promise<{ starts(): number; stop(): Promise<void>; close(): Promise<void> }> {
  const cdp = await context.newCDPSession(page);
  const status = new Map<string, string>();
  let starts = 0;
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: Array<{ versionId: string; runningStatus: string }> }) => {
    for (const v of e.versions) {
      const before = status.get(v.versionId);
      if (v.runningStatus === 'running' && before !== 'running') starts++;
      status.set(v.versionId, v.runningStatus);
    }
  });
  await cdp.send('ServiceWorker.enable');
  return {
    starts: () => starts,
    stop: async () => void (await cdp.send('ServiceWorker.stopAllWorkers')),
    close: () => cdp.detach(),
  };
}

interface Msg {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
}

/**
 * Attaches a debugger to the running service worker and sets a breakpoint at the first place
 * in its scripts where `marker` (a string unique to the built code) occurs. V8 moves a breakpoint
 * to the next place it can stop at, so a marker should sit inside the expression to stop before. `paused` resolves
 * when the worker stops there; the worker then stays paused until it is stopped or released.
 */
export async function breakInWorker(context: BrowserContext, page: Page, marker: string): Promise<{ paused: Promise<void>; release(): Promise<void> }> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  if (!sw) throw new Error('no running service worker to attach to');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false })) as { sessionId: string };
  let last = 0;
  const pending = new Map<number, (m: Msg) => void>();
  const scripts: Array<{ id: string; url: string }> = [];
  let onPaused: () => void = () => undefined;
  const paused = new Promise<void>((r) => (onPaused = r));
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as Msg;
    if (m.id !== undefined) pending.get(m.id)?.(m);
    else if (m.method === 'Debugger.scriptParsed' && String(m.params?.url).startsWith('chrome-extension://')) scripts.push({ id: String(m.params!.scriptId), url: String(m.params!.url) });
    else if (m.method === 'Debugger.paused') onPaused();
  });
  const send = (method: string, params: object = {}) =>
    new Promise<Msg>((resolve) => {
      const id = ++last;
      pending.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  await send('Debugger.enable');
  let placed = false;
  // background.js first (the worker's own file), then the chunks it imports.
  scripts.sort((a, b) => Number(b.url.endsWith('/background.js')) - Number(a.url.endsWith('/background.js')));
  for (const s of scripts) {
    const src = String((await send('Debugger.getScriptSource', { scriptId: s.id })).result?.scriptSource ?? '');
    const at = src.indexOf(marker);
    if (at < 0) continue;
    const before = src.slice(0, at).split('\n');
    await send('Debugger.setBreakpoint', { location: { scriptId: s.id, lineNumber: before.length - 1, columnNumber: before.at(-1)!.length } });
    placed = true;
    break;
  }
  if (!placed) throw new Error(`marker ${JSON.stringify(marker)} not found in the worker's scripts (${scripts.map((s) => s.url).join(', ')})`);
  return {
    paused,
    // The worker may be gone (stopped): no reply would come, so nothing is awaited from it.
    release: async () => {
      await cdp.detach().catch(() => undefined);
    },
  };
}
