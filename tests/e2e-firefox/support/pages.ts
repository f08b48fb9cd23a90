/**
 * Page objects: the same vocabulary as the Chromium suite (tests/e2e/support/pages.ts), built on
 * puppeteer. Members return an `El` (a lazy element reference, like a Playwright Locator) that the
 * specs read with `expect.poll(() => el.text())` and friends.
 */
import type { Page } from 'puppeteer-core';
import { type Firefox, gotoExt } from './firefox';

/** A lazy reference to the first element matching a selector (puppeteer selector syntax). */
export class El {
  constructor(
    readonly page: Page,
    readonly selector: string,
  ) {}

  async count(): Promise<number> {
    return (await this.page.$$(this.selector)).length;
  }
  /** Text content, or null when the element is not there. */
  async text(): Promise<string | null> {
    const h = await this.page.$(this.selector);
    return h ? h.evaluate((e) => e.textContent ?? '') : null;
  }
  /** An input's current value (its property, not the attribute), or null when not there. */
  async value(): Promise<string | null> {
    const h = await this.page.$(this.selector);
    return h ? h.evaluate((e) => (e as HTMLInputElement).value) : null;
  }
  async isChecked(): Promise<boolean> {
    const h = await this.page.$(this.selector);
    return h ? h.evaluate((e) => (e as HTMLInputElement).checked) : false;
  }
  async isDisabled(): Promise<boolean> {
    const h = await this.page.$(this.selector);
    return h ? h.evaluate((e) => (e as HTMLInputElement).disabled) : false;
  }
  /** Whether it has the page's focus (for a time input: one of its hour / minute / AM-PM parts). */
  async isFocused(): Promise<boolean> {
    const h = await this.page.$(this.selector);
    return h ? h.evaluate((e) => e === document.activeElement) : false;
  }
  async attr(name: string): Promise<string | null> {
    const h = await this.page.$(this.selector);
    return h ? h.evaluate((e, n) => e.getAttribute(n), name) : null;
  }
  /** Present, rendered with a size and not hidden by CSS. */
  async isVisible(): Promise<boolean> {
    const h = await this.page.$(this.selector);
    return h ? h.isVisible() : false;
  }
  async waitFor(timeoutMs = 10_000): Promise<void> {
    await this.page.waitForSelector(this.selector, { visible: true, timeout: timeoutMs });
  }
  async click(): Promise<void> {
    await this.waitFor();
    await this.page.click(this.selector);
  }
  /** Replaces the field's text by typing, as a person does (input events for every key). */
  async fill(value: string): Promise<void> {
    await this.waitFor();
    await this.page.focus(this.selector);
    await this.page.$eval(this.selector, (e) => (e as HTMLInputElement).select());
    if (value === '') await this.page.keyboard.press('Backspace');
    else await this.page.keyboard.type(value);
  }
  /** Focuses it, waits until the page says it has the focus (a key sent sooner can reach nothing), then presses. */
  async press(key: Parameters<Page['keyboard']['press']>[0]): Promise<void> {
    await this.page.focus(this.selector);
    await this.page.waitForFunction((sel: string) => document.activeElement === document.querySelector(sel), { timeout: 5_000 }, this.selector);
    await this.page.keyboard.press(key);
  }
  /**
   * Enter on a button whose page closes when it acts (the popup's "Break now"): the button acts on
   * key down, so a whole press could find the page gone at its key up.
   */
  async enterClosing(): Promise<void> {
    await this.page.focus(this.selector);
    await this.page.keyboard.down('Enter');
  }
}

const testId = (page: Page, id: string) => new El(page, `[data-testid="${id}"]`);

export class PopupPage {
  constructor(readonly page: Page) {}
  static async open(ff: Firefox): Promise<PopupPage> {
    const page = await ff.open('popup.html');
    const popup = new PopupPage(page);
    await new El(page, 'main.popup[aria-busy="false"]').waitFor();
    return popup;
  }
  get countdown(): El { return testId(this.page, 'countdown'); }
  get todayCount(): El { return testId(this.page, 'today-count'); }
  get streak(): El { return testId(this.page, 'streak'); }
  get nextWhy(): El { return testId(this.page, 'next-why'); }
  get startDue(): El { return testId(this.page, 'start-due'); }
  get breakNow(): El { return testId(this.page, 'break-now'); }
  get pauseMenu(): El { return testId(this.page, 'pause-menu'); }
  pauseChoice(choice: '30m' | '1h' | '2h' | 'tomorrow' | 'indefinite'): El { return testId(this.page, `pause-${choice}`); }
  get resume(): El { return testId(this.page, 'resume'); }
  get snooze(): El { return testId(this.page, 'snooze'); }
  async reload(): Promise<void> { await gotoExt(this.page, 'popup.html'); }
}

export class OptionsPage {
  constructor(readonly page: Page) {}
  static async open(ff: Firefox): Promise<OptionsPage> {
    const page = await ff.open('options.html');
    // The tab in front (the add-on opens its welcome tab on install, which stays in front
    // otherwise): in a background tab Firefox moves focus without focus / blur events, so a
    // time input never commits what is typed into it (its parts commit when they lose focus).
    await page.bringToFront();
    await new El(page, 'h1').waitFor();
    return new OptionsPage(page);
  }
  field(id: string): El { return new El(this.page, `input[id="${id}"]`); }
  byTestId(id: string): El { return testId(this.page, id); }
  error(id: string): El { return testId(this.page, `${id}-error`); }
  async setField(id: string, value: string): Promise<void> {
    const f = this.field(id);
    await f.fill(value);
    await f.press('Tab');
  }
  get saved(): El { return testId(this.page, 'saved'); }
}

export class BreakPage {
  constructor(readonly page: Page) {}
  /** The break window's page (opened by the add-on with windows.create). */
  static async waitFor(ff: Firefox): Promise<BreakPage> {
    const page = await ff.waitForPage((href) => href.includes('/break.html'));
    return new BreakPage(page);
  }
  /** The break id in the page's address. */
  async breakId(): Promise<string | null> {
    return this.page.evaluate(() => new URL(location.href).searchParams.get('id'));
  }
  text(s: string): El { return new El(this.page, `::-p-text(${s})`); }
  get title(): El { return testId(this.page, 'routine-title'); }
  get stepText(): El { return testId(this.page, 'step-text'); }
  get stepIndex(): El { return testId(this.page, 'step-index'); }
  get done(): El { return testId(this.page, 'done'); }
  get skip(): El { return testId(this.page, 'skip'); }
  get end(): El { return testId(this.page, 'break-end'); }
  get endToday(): El { return testId(this.page, 'end-today'); }
  /** The words read after today's count ("break today"), read out with it. */
  get endTodayLabel(): El { return new El(this.page, '[data-testid="end-today"] + .stat-label'); }
  /** The player (present while a routine plays). */
  get player(): El { return new El(this.page, 'article.player'); }
  async routineId(): Promise<string> { return (await this.player.attr('data-routine-id')) ?? ''; }
  async routineKind(): Promise<string> { return (await this.player.attr('data-kind')) ?? ''; }
  get announce(): El { return testId(this.page, 'announce'); }
  get remaining(): El { return testId(this.page, 'step-remaining'); }
  get pause(): El { return testId(this.page, 'pause'); }
  /** The routine's cautions in view: on the first step, and all the way through for self-massage. */
  get cautions(): El { return testId(this.page, 'cautions'); }
  get disclaimer(): El { return testId(this.page, 'disclaimer'); }
  get ringBar(): El { return new El(this.page, '.ring-bar'); }
  /** The break view when no routine fits the settings. */
  get free(): El { return testId(this.page, 'break-free'); }
  get endHeading(): El { return new El(this.page, '[data-testid="break-end"] h1'); }
  get trySelfMassage(): El { return testId(this.page, 'try-self-massage'); }
  get safety(): SafetyDialog { return new SafetyDialog(this.page); }
}

/** The one-time self-massage safety screen (a modal dialog on the options and break pages). */
export class SafetyDialog {
  constructor(readonly page: Page) {}
  get root(): El { return testId(this.page, 'safety-screen'); }
  get heading(): El { return new El(this.page, '[data-testid="safety-screen"] h2'); }
  get redFlags(): El { return new El(this.page, '[data-testid="red-flags"] li'); }
  get none(): El { return testId(this.page, 'safety-none'); }
  get applies(): El { return testId(this.page, 'safety-applies'); }
  get close(): El { return testId(this.page, 'safety-close'); }
  result(answer: 'allowed' | 'hidden'): El { return testId(this.page, `safety-result-${answer}`); }
}
