/**
 * axe-core in Firefox: @axe-core/playwright needs a Playwright page, so the test injects axe's
 * own script into the puppeteer page (BiDi's evaluate is not bound by the extension page's CSP)
 * and runs it there. Violations come back as "rule: target (help)" lines.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }>;
}
declare const axe: { run(context: unknown, options: object): Promise<AxeResult> };

/** Axe's violations on `page` (or inside `include`), once no CSS transition is running (a colour mid-change is no colour to judge). */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  await page.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState === 'finished'), { timeout: 5000 });
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async (sel) => {
    const r = await axe.run(sel ? { include: [sel] } : document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, include ?? null);
  return result.flatMap((v) => v.targets.map((t) => `${v.id}: ${t} (${v.help})`));
}
