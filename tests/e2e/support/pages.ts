/** Page objects: the same vocabulary as the Firefox suite. */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * A page of the extension's that it opened itself (the welcome tab, a break window), once one is
 * there, looked for among the open pages until one has an address that `is`: a tab can be
 * reported while it is still about:blank, so waiting for a new page with that address could miss
 * it (seen once in a CI run, with the welcome tab).
 */
export async function openedPage(context: BrowserContext, is: (url: string) => boolean, timeout = 15_000): Promise<Page> {
  const find = () => context.pages().find((p) => is(p.url()));
  await expect.poll(() => find() !== undefined, { timeout, intervals: [50, 100, 200] }).toBe(true);
  return find()!;
}

/** The welcome tab the extension opens on install. */
export const openedWelcome = (context: BrowserContext) => openedPage(context, (url) => url.endsWith('/welcome.html'));

export class PopupPage {
  constructor(readonly page: Page) {}
  static async open(context: BrowserContext, extensionId: string): Promise<PopupPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    return new PopupPage(page);
  }
  get countdown(): Locator { return this.page.getByTestId('countdown'); }
  get todayCount(): Locator { return this.page.getByTestId('today-count'); }
  get streak(): Locator { return this.page.getByTestId('streak'); }
  get nextWhy(): Locator { return this.page.getByTestId('next-why'); }
  get startDue(): Locator { return this.page.getByTestId('start-due'); }
  get breakNow(): Locator { return this.page.getByTestId('break-now'); }
  async reload(): Promise<void> { await this.page.reload(); }
}

export class OptionsPage {
  constructor(readonly page: Page) {}
  static async open(context: BrowserContext, extensionId: string): Promise<OptionsPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    return new OptionsPage(page);
  }
  field(id: string): Locator { return this.page.locator(`input[id="${id}"]`); }
  error(id: string): Locator { return this.page.getByTestId(`${id}-error`); }
  async setField(id: string, value: string): Promise<void> {
    const f = this.field(id);
    await f.fill(value);
    await f.press('Tab');
  }
  get saved(): Locator { return this.page.getByTestId('saved'); }
}

export class BreakPage {
  constructor(readonly page: Page) {}
  static async waitFor(context: BrowserContext): Promise<BreakPage> {
    const page = await openedPage(context, (url) => url.includes('/break.html'));
    await page.waitForLoadState('domcontentloaded');
    return new BreakPage(page);
  }
  get title(): Locator { return this.page.getByTestId('routine-title'); }
  get stepText(): Locator { return this.page.getByTestId('step-text'); }
  get stepIndex(): Locator { return this.page.getByTestId('step-index'); }
  get done(): Locator { return this.page.getByTestId('done'); }
  get skip(): Locator { return this.page.getByTestId('skip'); }
  get end(): Locator { return this.page.getByTestId('break-end'); }
  get endToday(): Locator { return this.page.getByTestId('end-today'); }
  /** The words read after today's count ("break today"), read out with it. */
  get endTodayLabel(): Locator { return this.page.locator('[data-testid="end-today"] + .stat-label'); }
  /** The player (present while a routine plays). */
  get player(): Locator { return this.page.locator('article.player'); }
  async routineId(): Promise<string> { return (await this.player.getAttribute('data-routine-id')) ?? ''; }
  async routineKind(): Promise<string> { return (await this.player.getAttribute('data-kind')) ?? ''; }
  get announce(): Locator { return this.page.getByTestId('announce'); }
  get remaining(): Locator { return this.page.getByTestId('step-remaining'); }
  get pause(): Locator { return this.page.getByTestId('pause'); }
  get next(): Locator { return this.page.getByTestId('next'); }
  get back(): Locator { return this.page.getByTestId('back'); }
  get another(): Locator { return this.page.getByTestId('another'); }
  /** The routine's cautions in view: on the first step, and all the way through for self-massage. */
  get cautions(): Locator { return this.page.getByTestId('cautions'); }
  get disclaimer(): Locator { return this.page.getByTestId('disclaimer'); }
  get ringBar(): Locator { return this.page.locator('.ring-bar'); }
  /** The break view when no routine fits the settings. */
  get free(): Locator { return this.page.getByTestId('break-free'); }
  get endHeading(): Locator { return this.end.getByRole('heading', { level: 1 }); }
  get trySelfMassage(): Locator { return this.page.getByTestId('try-self-massage'); }
  get safety(): SafetyDialog { return new SafetyDialog(this.page); }
}

/** The one-time self-massage safety screen (a modal dialog on the options and break pages). */
export class SafetyDialog {
  constructor(readonly page: Page) {}
  get root(): Locator { return this.page.getByTestId('safety-screen'); }
  get heading(): Locator { return this.root.getByRole('heading', { level: 2 }); }
  get redFlags(): Locator { return this.root.getByTestId('red-flags').getByRole('listitem'); }
  get none(): Locator { return this.page.getByTestId('safety-none'); }
  get applies(): Locator { return this.page.getByTestId('safety-applies'); }
  get notNow(): Locator { return this.page.getByTestId('safety-cancel'); }
  get close(): Locator { return this.page.getByTestId('safety-close'); }
  result(answer: 'allowed' | 'hidden'): Locator { return this.page.getByTestId(`safety-result-${answer}`); }
}
