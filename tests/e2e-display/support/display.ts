/**
 * Real input on a virtual display, for the real-idle end-to-end tests (tests/e2e-display).
 *
 * Headless Chromium always reports `idle.queryState` as `active`, and Playwright's own mouse is no
 * OS input for `chrome.idle`. Under Xvfb (`xvfb-run`, which sets DISPLAY), `xdotool mousemove` is
 * real input for the whole X server: Chromium's idle detection (the X screensaver idle time) sees
 * it, so its idle events fire for real. These helpers move the pointer the way a person at the desk
 * would, and record when input stopped and resumed: the tests' outside reference.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromiumArgs } from '../../../scripts/chromium-args';

export const EXTENSION_DIR = path.resolve(process.env.LIMBER_OUT ?? '.output', 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Fails with the reason when there is no X display or no xdotool (scripts/test.sh runs these under xvfb-run). */
export function requireDisplay(): void {
  if (!process.env.DISPLAY) throw new Error('No X display: run these tests under `xvfb-run -a -s "-screen 0 1280x800x24"` (scripts/test.sh does).');
  try {
    execFileSync('xdotool', ['getmouselocation'], { stdio: 'pipe' });
  } catch (e) {
    throw new Error(`xdotool does not work on DISPLAY=${process.env.DISPLAY} (install it: bash scripts/setup.sh): ${String(e)}`);
  }
}

/** One real pointer move; returns when xdotool has sent it (Date.now()). */
export function moveTo(x: number, y: number): number {
  execFileSync('xdotool', ['mousemove', String(x), String(y)], { stdio: 'pipe' });
  return Date.now();
}

/**
 * A person using the mouse: a real move every `everyMs` while started. `stop()` returns the time of
 * the last move (when input stopped); `start()` moves at once and returns that time (input resumed).
 */
export class Input {
  private timer: ReturnType<typeof setInterval> | null = null;
  private n = 0;
  last = 0;
  constructor(private readonly everyMs = 2000) {}

  private move(): void {
    this.n += 1;
    // Never the same spot twice in a row: a move to where the pointer is sends no event.
    this.last = moveTo(200 + (this.n % 2) * 40, 200 + (this.n % 3) * 30);
  }

  /** A move that failed in the background (the display went away): thrown by the next start() or stop(). */
  private failure: unknown = null;

  start(): number {
    if (this.failure) throw this.failure;
    if (this.timer === null) {
      this.timer = setInterval(() => {
        try {
          this.move();
        } catch (e) {
          this.failure ??= e;
        }
      }, this.everyMs);
    }
    this.move();
    return this.last;
  }

  stop(): number {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    if (this.failure) throw this.failure;
    return this.last;
  }
}

/** The production build in a visible (headless: false) Chromium on the virtual display. */
export async function launchHeaded(userDataDir: string): Promise<BrowserContext> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No production build at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    args: chromiumArgs(EXTENSION_DIR, ['--window-size=1000,700', '--window-position=0,0']),
  });
}

declare const chrome: {
  idle: { onStateChanged: { addListener(f: (s: string) => void): void } };
};

/**
 * Records the browser's own idle events (chrome.idle.onStateChanged, at the detection interval the
 * extension set) in an extension page, with when each came.
 */
export async function recordIdleEvents(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { idleEvents: { state: string; at: number }[] };
    w.idleEvents = [];
    chrome.idle.onStateChanged.addListener((state) => w.idleEvents.push({ state, at: Date.now() }));
  });
}

export async function idleEvents(page: Page): Promise<{ state: string; at: number }[]> {
  return page.evaluate(() => (window as unknown as { idleEvents: { state: string; at: number }[] }).idleEvents);
}
