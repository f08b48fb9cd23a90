/** Page objects: the same vocabulary as the Firefox suite. */
import type { BrowserContext, Locator, Page } from '@playwright/test';

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
    const existing = context.pages().find((p) => p.url().includes('/break.html'));
    const page = existing ?? (await context.waitForEvent('page', { predicate: (p) => p.url().includes('/break.html'), timeout: 15_000 }));
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
}
