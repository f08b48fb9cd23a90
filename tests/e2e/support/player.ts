/**
 * What the break player's specs share (tests/e2e/player*.spec.ts): a recorder of what a page asks
 * the Web Speech and Web Audio APIs to do (spoken texts and their volume, oscillator frequencies), so the sound
 * settings can be checked without listening; starting a break; the one history row; axe's findings.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from './fixtures';
import { historyRows, type HistoryRow } from './ext';
import { BreakPage } from './pages';

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };

export interface Recorded {
  spoken: string[];
  /** The language each of `spoken` was asked in (the utterance's `lang`). */
  langs: string[];
  /** The volume each of `spoken` was asked at (the utterance's `volume`, 0-1). */
  volumes: number[];
  tones: number[];
  /**
   * Installed after the page's own scripts had run: Chromium did not hold a window the extension
   * opened at its start, and Playwright then runs init scripts at once instead of before the page
   * (seen once in a fresh-clone run: the player's first words went unrecorded).
   */
  late: boolean;
}

/** Runs in every page before its own scripts (`context.addInitScript`): records speech and oscillator use. */
export function recordSound(): void {
  const rec: Recorded = { spoken: [], langs: [], volumes: [], tones: [], late: (document.body?.childElementCount ?? 0) > 0 };
  (window as unknown as { __sound: Recorded }).__sound = rec;
  try {
    speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
      rec.spoken.push(u.text);
      rec.langs.push(u.lang);
      rec.volumes.push(u.volume);
    };
    speechSynthesis.cancel = () => undefined;
  } catch {
    // no speech in this page
  }
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (this: OscillatorNode, when?: number) {
    rec.tones.push(Math.round(this.frequency.value));
    return start.call(this, when);
  };
}

/** What `page` has spoken and played so far (needs `recordSound`). */
export const recorded = (page: Page) => page.evaluate(() => (window as unknown as { __sound: Recorded }).__sound);

/**
 * Makes sure the recorder saw `page` from its start: if it came late, the page is loaded again (a
 * navigation, which the recorder precedes); the break window then takes its routine up where it
 * was (the first step, a moment in: entrypoints/break/resume.ts). Returns whether it had to.
 */
export async function recordFromStart(page: Page): Promise<boolean> {
  if (!(await recorded(page)).late) return false;
  console.log(`recorder came late in ${new URL(page.url()).pathname}: loaded again`);
  await page.reload();
  expect((await recorded(page)).late).toBe(false);
  return true;
}

/** Asks the background for a break now and waits for the break page to show a routine or a free break. */
export async function startBreak(control: Page, context: BrowserContext): Promise<BreakPage> {
  await control.evaluate(() => chrome.runtime.sendMessage({ type: 'break/start' }));
  const brk = await BreakPage.waitFor(context);
  await expect(brk.title.or(brk.free)).toBeVisible();
  return brk;
}

/**
 * Waits for the page's running CSS transitions and animations to end: a colour scheme just
 * switched fades buttons over 160 ms, and axe measuring contrast halfway through reports colours
 * the page never rests on (seen once in a full run).
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() => Promise.race([Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))), new Promise((r) => setTimeout(r, 2000))]));
}

/** Axe's violations, as "rule: target" lines (so a failure says what and where), once the page has settled. */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  await settled(page);
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.help})`));
}

/** The history's only row, once there is one. */
export async function onlyRow(control: Page): Promise<HistoryRow> {
  await expect.poll(async () => (await historyRows(control)).length).toBe(1);
  return (await historyRows(control))[0]!;
}
