/**
 * Pages rendered in unit tests with linkedom's document over WXT's fake browser: the English
 * catalogue read from disk (getMessage fills $1.. as Chrome does), a UI language, pages unmounted
 * and the history closed after each test, and the few things linkedom lacks (modal dialogs).
 */
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { options } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../public/_locales/en/messages.json';
import { closeHistory } from '../../lib/storage/history';

const catalogue = en as Record<string, { message: string }>;

/** What chrome.i18n.getMessage answers from the English catalogue. */
export function englishMessage(key: string, subs?: string | Array<string | number>): string {
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  return (catalogue[key]?.message ?? '').replace(/\$(\d)/g, (_, d: string) => String(list[Number(d) - 1] ?? ''));
}

/** The browser answers in English, with `ui` as its UI language. */
export function speakEnglish(ui = 'en-US'): void {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(ui);
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as typeof fakeBrowser.i18n.getMessage);
}

const mounted: Array<() => void> = [];
/** A page to unmount when the test ends (module state in use-settings.ts outlives a test). */
export function onUnmount(fn: () => void): void {
  mounted.push(fn);
}

/** Registers the set-up and tear-down in the calling test file: English pages, unmounted after each test. */
export function useEnglishPages(ui = 'en-US'): void {
  beforeEach(() => speakEnglish(ui));
  afterEach(async () => {
    while (mounted.length) mounted.pop()!();
    await tick(20);
    vi.restoreAllMocks();
    await closeHistory();
  });
}

/** The machine's own setTimeout, taken as the test file loads (before any test fakes timers). */
const realSetTimeout = globalThis.setTimeout;

/**
 * Preact runs effects after the next frame: here, with no frames, a 35 ms timer, then a 0 ms one,
 * each set with whatever setTimeout is global at that moment, and it sets no other while one is
 * pending. A test that fakes setTimeout and then switches timers (vi.useRealTimers, or
 * vi.useFakeTimers again) discards one pending on the fake clock: no effect ran again in that
 * file, and every later page waited for ever (on a loaded machine the timer often fell just
 * there). Here each flush is set on both clocks, the page's (fake or not: under fake timers
 * effects keep their place in fake time) and the machine's (as a browser's frames come whatever
 * the page's timers), and runs once, on whichever comes first. Call at the top of a test file.
 */
export function effectsSurviveTimerSwitches(): void {
  beforeAll(
    () =>
      void (options.requestAnimationFrame = (flush) => {
        let done = false;
        const once = () => {
          if (done) return;
          done = true;
          flush();
        };
        setTimeout(once, 0);
        realSetTimeout(once, 0);
      }),
  );
  afterAll(() => void delete options.requestAnimationFrame);
}

export const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** Waits (5 ms at a time) until `what` holds. */
export async function until(what: () => boolean, label: string, tries = 1000): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (what()) return;
    await tick(5);
  }
  throw new Error(`timed out waiting for ${label}`);
}

/** linkedom has no modal dialogs: showModal opens, close closes and fires 'close' (as a browser does). */
export function polyfillDialog(window: { HTMLElement: { prototype: object }; Event: typeof Event }): void {
  Object.assign(window.HTMLElement.prototype, {
    showModal(this: { open: boolean }) {
      this.open = true;
    },
    close(this: { open: boolean; dispatchEvent(e: Event): void }) {
      if (!this.open) return;
      this.open = false;
      this.dispatchEvent(new window.Event('close'));
    },
  });
}

/** linkedom's <select> has a value getter only; a browser's setter selects the matching option (Preact sets it). */
export function selectLikeABrowser(document: Document): void {
  const proto = Object.getPrototypeOf(document.createElement('select')) as object;
  Object.defineProperty(proto, 'value', {
    configurable: true,
    get(this: HTMLSelectElement) {
      return (this.querySelector('option[selected]') as HTMLOptionElement | null)?.getAttribute('value') ?? (this.querySelector('option') as HTMLOptionElement | null)?.getAttribute('value') ?? '';
    },
    set(this: HTMLSelectElement, v: string) {
      for (const o of Array.from(this.querySelectorAll('option'))) {
        if (o.getAttribute('value') === String(v)) o.setAttribute('selected', '');
        else o.removeAttribute('selected');
      }
    },
  });
}

/**
 * Intl.ListFormat's default locale set to `lang`, as in a browser whose language that is (Node's
 * is the machine's); returns the undo. For lists whose "and" must come in the page's language.
 */
export function listFormatDefaultsTo(lang: string): () => void {
  const intl = Intl as { ListFormat: typeof Intl.ListFormat }; // read-only in the types, not in fact
  const Native = intl.ListFormat;
  intl.ListFormat = function (locales?: string | string[], options?: Intl.ListFormatOptions) {
    return new Native(locales ?? lang, options);
  } as unknown as typeof Intl.ListFormat;
  return () => (intl.ListFormat = Native);
}

/** Intl.DateTimeFormat's default locale set to `lang`, as in a browser whose language that is; returns the undo. */
export function clockDefaultsTo(lang: string): () => void {
  const intl = Intl as { DateTimeFormat: typeof Intl.DateTimeFormat };
  const Native = intl.DateTimeFormat;
  intl.DateTimeFormat = function (locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
    return new Native(locales ?? lang, options);
  } as unknown as typeof Intl.DateTimeFormat;
  return () => (intl.DateTimeFormat = Native);
}
