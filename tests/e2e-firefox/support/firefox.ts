/**
 * Real Firefox (Debian's firefox-esr) driven by puppeteer-core over WebDriver BiDi, with the
 * production Firefox MV3 build installed as a temporary add-on (Playwright cannot load extensions
 * into Firefox; the BiDi recipe is below). puppeteer-core is pinned: `gotoExt` uses a Puppeteer internal (the BiDi
 * browsing context's navigate), because `page.goto` never sees a load event on moz-extension://.
 *
 * This file launches and closes the browser and opens pages; ext.ts holds the helpers that run
 * `browser.*` in an extension page, chrome-scope.ts reads Firefox's own (privileged) view.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Settings } from '../../../lib/settings';
import { Chrome, GECKO_ID, type RawBidi } from './chrome-scope';

export { GECKO_ID };
export const EXTENSION_DIR = path.resolve(process.env.LIMBER_OUT ?? '.output', 'firefox-mv3');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
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
  // Prompts on time: headless browsers report no input pauses (the pause wait has its own tests).
  pauseWaitMin: 0,
  // No heads-up before stretch breaks (its own specs turn it on, heads-up.spec.ts).
  headsUpSec: 0,
  remindAfterSec: 0,
};


export interface LaunchOptions {
  /** Pref extensions.background.idle.timeout (ms): suspend the event page this soon after its last event. */
  idleTimeoutMs?: number;
  /** Record every network channel (Chrome.recordNetwork) from before the add-on is installed, so its start-up is seen too. */
  recordNetwork?: boolean;
  /** Pref intl.locale.requested: the language Firefox asks for (the add-on's catalogue follows it). */
  locale?: string;
  /** More Firefox prefs for one test (e.g. extensions.webextOptionalPermissionPrompts). */
  prefs?: Record<string, string | number | boolean>;
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
        ...(opts.locale ? { 'intl.locale.requested': opts.locale } : {}),
        ...(dumpio ? { 'devtools.console.stdout.content': true } : {}),
        ...opts.prefs,
      },
    });
    try {
      const chrome = new Chrome(browser);
      if (opts.recordNetwork) await chrome.recordNetwork();
      const addonId = await browser.installExtension(EXTENSION_DIR);
      return new Firefox(browser, addonId, chrome);
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

