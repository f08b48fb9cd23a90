/**
 * The postpone choices read right for any number of minutes in every language (from a review:
 * "$1 minut" was one message, right in Polish only for 5 and 15). The choices are
 * POSTPONE_MINUTES (lib/tracker/state.ts); here they are 1, 2, 5 and 22, rendered with linkedom's
 * document from each catalogue as the browser would serve it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { browser } from 'wxt/browser';
import { formatMessage, type Catalogue } from '../../lib/i18n-fallback';

vi.mock('../../lib/tracker/state', async (real) => ({ ...(await real<object>()), POSTPONE_MINUTES: [1, 2, 5, 22] }));

const catalogue = (locale: string) => JSON.parse(readFileSync(path.join(process.cwd(), 'public', '_locales', locale, 'messages.json'), 'utf8')) as Catalogue;

/**
 * The postpone choices rendered with linkedom's document, `locale`'s catalogue served as the
 * browser would, the background answering through `send`.
 */
async function mount(send: (m: unknown) => Promise<unknown>, locale = 'en'): Promise<Document> {
  const c = catalogue(locale);
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation(((k: string, subs?: string[]) => (c[k] ? formatMessage(c[k], subs ?? []) : '')) as typeof browser.i18n.getMessage);
  const { window, document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
  Object.assign(globalThis, { window, document, Element: window.Element, Node: window.Node, HTMLElement: window.HTMLElement });
  const { h, render } = await import('preact');
  const { Postpone } = await import('./Postpone');
  render(h(Postpone, { breakId: 'stretch-1', send }), document.getElementById('app')!);
  return document as unknown as Document;
}

/** The choices' labels, in the browser's `ui` language served from `locale`'s catalogue. */
async function choices(locale: string, ui: string): Promise<string[]> {
  vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue(ui);
  const document = await mount(() => Promise.resolve(undefined), locale);
  return [...document.querySelectorAll('[data-testid^="postpone-"]')].map((b) => b.textContent ?? '');
}

afterEach(() => vi.restoreAllMocks());

describe('the postpone choices', () => {
  it('Polish ("Odłóż tę przerwę o" ...): 1 minutę, 2 minuty, 5 minut, 22 minuty', async () => {
    expect(await choices('pl', 'pl')).toEqual(['1 minutę', '2 minuty', '5 minut', '22 minuty']);
  });

  it('French, Spanish, Dutch: one minute is singular', async () => {
    expect(await choices('fr', 'fr')).toEqual(['1 minute', '2 minutes', '5 minutes', '22 minutes']);
    expect(await choices('es', 'es')).toEqual(['1 minuto', '2 minutos', '5 minutos', '22 minutos']);
    expect(await choices('nl', 'nl')).toEqual(['1 minuut', '2 minuten', '5 minuten', '22 minuten']);
  });
});

describe('the postpone choice clicked, while its request runs and after it fails', () => {
  it('keeps the keyboard focus: marked aria-disabled, not disabled (a disabled button drops the focus to the page), and clicks once', async () => {
    const c = catalogue('en');
    const sent: unknown[] = [];
    let fail: () => void = () => undefined;
    const send = (m: unknown) => (sent.push(m), new Promise<unknown>((resolve) => (fail = () => resolve({ ok: false, error: 'noSuchBreak' }))));
    const document = await mount(send);
    const tick = () => new Promise((r) => setTimeout(r, 0));
    const choice = () => document.querySelector('[data-testid="postpone-5"]') as unknown as HTMLButtonElement;
    choice().click();
    await tick();
    expect(choice().hasAttribute('disabled'), 'disabled while the request runs').toBe(false);
    expect(choice().getAttribute('aria-disabled')).toBe('true');
    choice().click(); // a second click while the first runs
    expect(sent).toHaveLength(1);
    fail();
    await tick();
    await tick();
    expect(choice().hasAttribute('disabled')).toBe(false);
    expect(choice().getAttribute('aria-disabled')).toBeNull();
    expect(document.querySelector('[role="alert"]')?.textContent).toBe(c.postponeFailed!.message);
  });
});

describe('a postpone that fails', () => {
  /** The alert after one click on "5 min", the background answering with `reply` (a rejection: no answer). */
  async function alertAfter(reply: () => Promise<unknown>): Promise<string | null | undefined> {
    const document = await mount(reply);
    (document.querySelector('[data-testid="postpone-5"]') as unknown as HTMLButtonElement).click();
    for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0));
    return document.querySelector('[role="alert"]')?.textContent;
  }
  const c = catalogue('en');

  it('refused by the background (the break is over, or no postpones are left): says so', async () => {
    for (const error of ['noSuchBreak', 'snoozeLimit']) {
      expect(await alertAfter(async () => ({ ok: false, error })), error).toBe(c.postponeFailed!.message);
    }
  });

  // Before: "This break could not be postponed (no postpones left, or it is over)." for a break
  // still due with its postpones left, whose request only went unanswered.
  it.each([
    ['no answer in time (the break page gives up after 8 s)', () => Promise.reject(undefined)],
    ['no background to answer', () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'))],
    ['the worker stopped before it answered', () => Promise.resolve(undefined)],
    ['a failure inside the background', () => Promise.resolve({ ok: false, error: 'internal' })],
  ])('%s: says Limber is not answering, not that the break cannot be postponed', async (_, reply) => {
    expect(await alertAfter(reply)).toBe(c.errBackground!.message);
  });
});

describe('a postpone that fails twice the same way', () => {
  it('the alert is put in afresh, so that a screen reader says it again (it stayed as it was: the second failure was silent)', async () => {
    const c = catalogue('en');
    const document = await mount(() => Promise.reject(undefined));
    const settle = async () => {
      for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0));
    };
    (document.querySelector('[data-testid="postpone-5"]') as unknown as HTMLButtonElement).click();
    await settle();
    const first = document.querySelector('[role="alert"]');
    expect(first?.textContent).toBe(c.errBackground!.message);
    (document.querySelector('[data-testid="postpone-22"]') as unknown as HTMLButtonElement).click();
    await settle();
    const second = document.querySelector('[role="alert"]');
    expect({ text: second?.textContent, afresh: second !== first }).toEqual({ text: c.errBackground!.message, afresh: true });
  });
});
