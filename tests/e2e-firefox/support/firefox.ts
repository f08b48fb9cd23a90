/**
 * Real Firefox (Debian's firefox-esr) driven by puppeteer-core over WebDriver BiDi, with the
 * production Firefox MV3 build installed as a temporary add-on (Playwright cannot load extensions
 * into Firefox; the BiDi recipe is below). puppeteer-core is pinned: `gotoExt` uses a Puppeteer internal (the BiDi
 * browsing context's navigate), because `page.goto` never sees a load event on moz-extension://.
 *
 * Helpers mirror tests/e2e/support/ext.ts (same names, same shapes) but run `browser.*` in an
 * extension page. The `Chrome` helpers evaluate in Firefox's privileged (chrome) scope, which
 * `--remote-allow-system-access` opens to BiDi: there the tests read Firefox's own view of the
 * add-on (event page state, the alert window that shows a notification, the idle service).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Settings } from '../../../lib/settings';
import { splitTestSettings } from '../../dev-settings';
import { readHistoryRows, type HistoryRow } from '../../history-rows';

export const EXTENSION_DIR = path.resolve(process.env.LIMBER_OUT ?? '.output', 'firefox-mv3');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'limber@limber.example';
/** Fixed internal UUID (pref extensions.webextensions.uuids): pages live at moz-extension://<it>/. */
export const EXT_UUID = '3f6f2c1e-6a43-4b8e-9d7e-2b1c5a0e7d41';
export const EXT_BASE = `moz-extension://${EXT_UUID}`;

/** Fast test defaults, the same as the Chromium suite's: no posture checks, hour-long stretch interval. */
export const FAST: Partial<Settings> = {
  micro: { enabled: false, everySec: 20 * 60, lengthSec: 20 },
  stretch: { enabled: true, everySec: 3600, lengthSec: 2 },
  snoozeSec: 300,
  snoozeLimit: 2,
  idleSec: 60,
  remindAfterSec: 0,
};

/** The slice of the WebExtension API the helpers use inside an extension page. */
interface ExtApi {
  storage: {
    local: { get(k: string | string[] | null): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> };
    sync: { get(k: string | null): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> };
  };
  action: { getBadgeText(d: object): Promise<string> };
  commands: { update(d: { name: string; shortcut: string }): Promise<void> };
  notifications: { getAll(): Promise<Record<string, NotificationInfo>> };
  runtime: { getBackgroundPage(): Promise<(Window & Record<string, unknown>) | null> };
  idle: { queryState(sec: number): Promise<string> };
}
declare const browser: ExtApi;

/** What Firefox's `notifications.getAll()` returns for a notification (its creation options). */
export interface NotificationInfo {
  type?: string;
  title?: string;
  message?: string;
  buttons?: unknown;
  requireInteraction?: unknown;
  [k: string]: unknown;
}

export interface LaunchOptions {
  /** Pref extensions.background.idle.timeout (ms): suspend the event page this soon after its last event. */
  idleTimeoutMs?: number;
}

/** One Firefox with Limber installed: a fresh, throwaway profile (puppeteer creates and deletes it). */
export class Firefox {
  private constructor(
    readonly browser: Browser,
    readonly addonId: string,
    readonly chrome: Chrome,
  ) {}

  static async launch(opts: LaunchOptions = {}): Promise<Firefox> {
    const manifestPath = path.join(EXTENSION_DIR, 'manifest.json');
    if (!existsSync(manifestPath)) {
      throw new Error(`No production Firefox build at ${EXTENSION_DIR}: run \`wxt build -b firefox --mv3\` first.`);
    }
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { manifest_version: number };
    if (manifest.manifest_version !== 3) throw new Error(`${EXTENSION_DIR} is not an MV3 build (build with --mv3)`);
    const dumpio = !!process.env.LIMBER_FF_DUMPIO;
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      dumpio,
      // Without it Firefox refuses to navigate to moz-extension:// (and gives no chrome scope).
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXT_UUID }),
        // No D-Bus notification daemon here: Firefox's own (XUL) alert windows instead.
        'alerts.useSystemBackend': false,
        ...(opts.idleTimeoutMs !== undefined ? { 'extensions.background.idle.timeout': opts.idleTimeoutMs } : {}),
        ...(dumpio ? { 'devtools.console.stdout.content': true } : {}),
      },
    });
    try {
      const addonId = await browser.installExtension(EXTENSION_DIR);
      return new Firefox(browser, addonId, new Chrome(browser));
    } catch (err) {
      await browser.close().catch(() => undefined);
      throw err;
    }
  }

  /** A new tab showing an extension page (e.g. 'popup.html'). */
  async open(pagePath: string): Promise<Page> {
    const page = await this.browser.newPage();
    await gotoExt(page, pagePath);
    return page;
  }

  /** Every open page with its real address (`page.url()` stays about:blank for extension pages). */
  async pagesWithHref(): Promise<{ page: Page; href: string }[]> {
    const out: { page: Page; href: string }[] = [];
    for (const page of await this.browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      out.push({ page, href });
    }
    return out;
  }

  /** Waits for a page whose location matches (pages opened by the add-on, e.g. the break window). */
  async waitForPage(match: (href: string) => boolean, timeoutMs = 15_000): Promise<Page> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await this.pagesWithHref()).find((p) => match(p.href));
      if (found) return found.page;
      if (Date.now() > deadline) throw new Error('no matching page appeared');
      await sleep(150);
    }
  }

  /**
   * Saves every download into `dir` without asking (BiDi browser.setDownloadBehavior, for all
   * tabs). Headless Firefox then writes what a page downloads, e.g. an <a download> of a blob.
   */
  async allowDownloads(dir: string): Promise<void> {
    const bidi = (this.browser as unknown as { connection: RawBidi }).connection;
    await bidi.send('browser.setDownloadBehavior', { downloadBehavior: { type: 'allowed', destinationFolder: dir } });
  }

  async close(): Promise<void> {
    const proc = this.browser.process();
    await Promise.race([this.browser.close(), sleep(10_000)]).catch(() => undefined);
    if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Navigates a tab to an extension page through BiDi (page.goto would wait for a load event forever). */
export async function gotoExt(page: Page, pagePath: string): Promise<void> {
  const frame = page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<void> } };
  await frame.browsingContext.navigate(`${EXT_BASE}/${pagePath.replace(/^\//, '')}`, 'complete');
}

// ---------------------------------------------------------------------------------------------
// From an extension page (the `control` page), like tests/e2e/support/ext.ts.

/** Writes settings straight to storage over the defaults and FAST (seconds-long timing to the developer switch: tests/dev-settings.ts). */
export async function setSettings(page: Page, patch: Partial<Settings>): Promise<void> {
  const current = (await page.evaluate(async () => browser.storage.local.get(['settings', 'devTiming']))) as { settings?: unknown; devTiming?: unknown };
  const { settings, devTiming } = splitTestSettings(current, FAST, patch);
  await page.evaluate(
    async (s, d) => {
      await browser.storage.local.set({ devTiming: d });
      await browser.storage.local.set({ settings: s });
      await browser.storage.sync.set({ settings: s }); // settings live in sync, with a local copy
    },
    settings,
    devTiming,
  );
}

/** A value in storage.local, or in storage.sync with `area: 'sync'` (where the settings live). */
export async function storageGet<T = unknown>(page: Page, key: string, area: 'local' | 'sync' = 'local'): Promise<T | undefined> {
  return page.evaluate(async (k, a) => (await browser.storage[a].get(k))[k], key, area) as Promise<T | undefined>;
}

/** The toolbar badge's text, as the add-on set it. */
export async function badgeText(page: Page): Promise<string> {
  return page.evaluate(() => browser.action.getBadgeText({}));
}

/** Rebinds one of the add-on's commands, as a person does in "Manage Extension Shortcuts". */
export async function rebindCommand(page: Page, name: string, shortcut: string): Promise<void> {
  await page.evaluate((n, s) => browser.commands.update({ name: n, shortcut: s }), name, shortcut);
}

export async function notifications(page: Page): Promise<Record<string, NotificationInfo>> {
  return page.evaluate(async () => browser.notifications.getAll());
}

export async function notificationIds(page: Page): Promise<string[]> {
  return Object.keys(await notifications(page));
}

export type { HistoryRow };

export async function historyRows(page: Page): Promise<HistoryRow[]> {
  return page.evaluate(readHistoryRows);
}

/** Polls until a prompt notification appears; returns its id, break id, due time and when it was seen. */
export async function waitForPrompt(page: Page, opts: { timeoutMs?: number; not?: string[] } = {}) {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    const ids = await notificationIds(page);
    const id = ids.find((i) => i.startsWith('prompt:') && !(opts.not ?? []).some((n) => i.includes(n)));
    if (id) {
      const breakId = id.split(':')[1]!;
      const dueAt = Number(breakId.split('-').pop());
      return { id, breakId, dueAt, seenAt: Date.now() };
    }
    await sleep(100);
  }
  throw new Error('no prompt notification appeared');
}

/** Sets a value on the background page's window (getBackgroundPage may wake a suspended event page). */
export async function markBackground(page: Page, token: string): Promise<boolean> {
  return page.evaluate(async (t) => {
    const bg = await browser.runtime.getBackgroundPage();
    if (!bg) return false;
    bg.__limberTestMark = t;
    return true;
  }, token);
}

/** The mark on the background page now running (undefined once that page was torn down and restarted). */
export async function backgroundMark(page: Page): Promise<unknown> {
  return page.evaluate(async () => (await browser.runtime.getBackgroundPage())?.__limberTestMark);
}

export async function idleQueryState(page: Page, sec: number): Promise<string> {
  return page.evaluate(async (s) => browser.idle.queryState(s), sec);
}

// ---------------------------------------------------------------------------------------------
// Firefox's privileged side, through BiDi's chrome scope (opened by --remote-allow-system-access).

interface RawBidi {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
interface EvalResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}
interface TreeNode {
  context: string;
  url: string;
}

export type BackgroundState = 'starting' | 'running' | 'suspending' | 'stopped';
export interface BackgroundEvent {
  at: number;
  name: string;
  detail: string;
}
export interface AlertWindow {
  title: string;
  text: string;
  /** Labels / ids of every button-like element in the alert (Firefox's close and settings controls included). */
  controls: string[];
}

export class Chrome {
  private ctx: Promise<string> | null = null;
  constructor(private readonly browser: Browser) {}

  private get bidi(): RawBidi {
    return (this.browser as unknown as { connection: RawBidi }).connection;
  }

  private context(): Promise<string> {
    this.ctx ??= this.bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' }).then(({ result }) => {
      const top = (result as { contexts: TreeNode[] }).contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
      if (!top) throw new Error('no chrome browser window');
      return top.context;
    });
    return this.ctx;
  }

  /** Evaluates `expression` (which must produce a JSON string or a promise of one) in the chrome scope. */
  async evaluate<T>(expression: string): Promise<T> {
    const target = { context: await this.context() };
    const { result } = await this.bidi.send('script.evaluate', { expression, target, awaitPromise: true });
    const r = result as EvalResult;
    if (r.type === 'exception') throw new Error(`chrome-scope evaluate failed: ${r.exceptionDetails?.text}`);
    const v = r.result?.value;
    return (typeof v === 'string' ? JSON.parse(v) : undefined) as T;
  }

  /** Firefox's own state of the add-on's event page. Reading it does not wake the page. */
  backgroundState(): Promise<BackgroundState> {
    return this.evaluate(`JSON.stringify(WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension.backgroundState)`);
  }

  /** Starts recording the event page's lifecycle events (suspend, shutdown, wake-up by an event, start). */
  recordBackground(): Promise<void> {
    return this.evaluate(`(() => {
      const ext = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension;
      const log = (window.__limberBgLog = []);
      for (const name of ['background-script-suspend', 'background-script-suspend-canceled', 'shutdown-background-script',
                          'background-script-event', 'start-background-script', 'background-script-started']) {
        ext.on(name, (_n, arg) => {
          let detail = '';
          try { detail = typeof arg === 'string' ? arg : arg ? JSON.stringify(arg) : ''; } catch { detail = String(arg); }
          log.push({ at: Date.now(), name, detail });
        });
      }
      return '""';
    })()`);
  }

  backgroundLog(): Promise<BackgroundEvent[]> {
    return this.evaluate(`JSON.stringify(window.__limberBgLog ?? [])`);
  }

  /** Starts counting Firefox's notification (alert) windows as they open. */
  countAlerts(): Promise<void> {
    return this.evaluate(`(() => {
      window.__limberAlerts = [];
      Services.ww.registerNotification({
        observe(win, topic) {
          if (topic !== 'domwindowopened') return;
          win.addEventListener('load', () => {
            if (win.document.documentElement.getAttribute('windowtype') === 'alert:alert') window.__limberAlerts.push(Date.now());
          }, { once: true });
        },
      });
      return '""';
    })()`);
  }

  alertsOpened(): Promise<number[]> {
    return this.evaluate(`JSON.stringify(window.__limberAlerts ?? [])`);
  }

  /** The notification windows on screen, as a person sees them. */
  alerts(): Promise<AlertWindow[]> {
    return this.evaluate(`(() => {
      const out = [];
      for (const w of Services.wm.getEnumerator('alert:alert')) {
        if (w.closed) continue;
        const d = w.document;
        out.push({
          title: d.getElementById('alertTitleLabel')?.getAttribute('value') ?? '',
          text: d.getElementById('alertTextLabel')?.textContent ?? '',
          controls: [...d.querySelectorAll('button, toolbarbutton')].map((b) => b.id || b.getAttribute('label') || b.textContent),
        });
      }
      return JSON.stringify(out);
    })()`);
  }

  /**
   * Clicks the text of the notification window whose title matches: Firefox's alert.js then
   * reports "alertclickcallback", which reaches the add-on as notifications.onClicked.
   */
  clickAlert(titleIncludes = ''): Promise<boolean> {
    return this.evaluate(`(() => {
      for (const w of Services.wm.getEnumerator('alert:alert')) {
        const d = w.document;
        if (!(d.getElementById('alertTitleLabel')?.getAttribute('value') ?? '').includes(${JSON.stringify(titleIncludes)})) continue;
        d.getElementById('alertTextLabel').click();
        return 'true';
      }
      return 'false';
    })()`);
  }

  /** The Add-ons Manager tab (about:addons): which view it shows and its visible text; null when not open. */
  addonsManager(): Promise<{ view: string; text: string } | null> {
    return this.evaluate(`(() => {
      const tab = gBrowser.tabs.find((t) => t.linkedBrowser.currentURI.spec === 'about:addons');
      const win = tab?.linkedBrowser.contentWindow;
      if (!win?.document.body) return 'null';
      return JSON.stringify({ view: win.gViewController?.currentViewId ?? '', text: win.document.body.innerText });
    })()`);
  }

  /** Milliseconds since Firefox last saw keyboard or mouse input (headless: since it started). */
  idleTimeMs(): Promise<number> {
    return this.evaluate(`JSON.stringify(Cc['@mozilla.org/widget/useridleservice;1'].getService(Ci.nsIUserIdleService).idleTime)`);
  }

  /**
   * The person is back: tells Firefox's idle service there was input, the call its widget layer
   * makes on every real key press or mouse move (BiDi's synthesized input does not count here).
   */
  userInput(): Promise<void> {
    return this.evaluate(`(Cc['@mozilla.org/widget/useridleservice;1'].getService(Ci.nsIUserIdleServiceInternal).resetIdleTimeOut(0), '""')`);
  }
}
