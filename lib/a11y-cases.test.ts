/**
 * Message catalogues and accessibility, from a review (unit level). Catalogues are read from
 * disk (public/_locales/<loc>/messages.json); pages and components are rendered with Preact into
 * linkedom's document over WXT's fake browser, with the English catalogue (tests/support/linkedom-page.ts).
 *
 * What a screen reader gets is worked out with a small accessible-name computation (accname 1.2's
 * main steps: aria-labelledby, aria-label, <label>, content; aria-hidden subtrees left out) and
 * aria-describedby's text.
 *
 * describe('bugs'): each test failed on the code as reviewed and passes with its fix (units and
 * section names of the number fields, "Saved" announced on every save, the schedule's unreadable
 * time said, the end screen's counts read with their words, the player's Pause button, the
 * popup's aria-controls, the badge's "off" in the browser's language).
 * describe('holds'): checks that passed, pinned.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mountOptionsPage, pageDom } from '../tests/support/options-page';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onUnmount, speakEnglish, tick, until, useEnglishPages } from '../tests/support/linkedom-page';
import { formatMessage, type Catalogue } from './i18n-fallback';
import { DEFAULT_SETTINGS } from './settings';
import { FIELDS } from './settings-fields';
import { OWN_LIMITS } from './own-routines';
import { MAX_IMPORT_BYTES } from './limits';
import { MAX_OWN_SITES } from './call-sites';
import { LOW_IDLE_SEC } from './tracker/state';
import { GRACE_PER_MONTH } from './streaks';
import { HEATMAP_WEEKS } from './review';
import { applyPreset } from './presets';
import { IDLE_PRESETS } from '../components/AwayAfterField';
import type { TrackerView } from './tracker/view';

// ---------------------------------------------------------------------------------------------
// Catalogues on disk.

const LOCALES_DIR = path.join(process.cwd(), 'public', '_locales');
const LOCALES = readdirSync(LOCALES_DIR).filter((d) => existsSync(path.join(LOCALES_DIR, d, 'messages.json')));
const read = (locale: string) => JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Catalogue;
const en = read('en');
const msg = (key: string) => en[key]!.message;

/** The browser's catalogue lookup answering from `c` in UI language `ui` (as chrome.i18n would). */
function serve(c: Catalogue, ui: string) {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(ui);
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((k: string, subs?: string | string[]) =>
    c[k] ? formatMessage(c[k], subs === undefined ? [] : Array.isArray(subs) ? subs.map(String) : [String(subs)]) : '') as typeof fakeBrowser.i18n.getMessage);
}

// ---------------------------------------------------------------------------------------------
// What assistive technology gets from a linkedom document.

/** Text as assistive technology reads it: aria-hidden subtrees left out, a named descendant by its name. */
function spokenText(n: Node, top = true): string {
  if (n.nodeType === 3) return n.textContent ?? '';
  if (n.nodeType !== 1) return '';
  const e = n as Element;
  if (e.getAttribute('aria-hidden') === 'true') return '';
  if (!top && e.hasAttribute('aria-label') && e.getAttribute('role')) return e.getAttribute('aria-label')!;
  return Array.from(e.childNodes).map((c) => spokenText(c, false)).join('');
}
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const FORM = ['INPUT', 'SELECT', 'TEXTAREA'];

/** A simplified accessible name (accname 1.2: aria-labelledby, aria-label, label, content). */
function accName(e: Element): string {
  const doc = e.ownerDocument;
  const lb = e.getAttribute('aria-labelledby');
  if (lb) return norm(lb.split(/\s+/).map((id) => { const r = doc.getElementById(id); return r ? spokenText(r) : ''; }).join(' '));
  const al = e.getAttribute('aria-label');
  if (al && al.trim()) return norm(al);
  if (FORM.includes(e.tagName)) {
    const labels = new Set([...(e.id ? Array.from(doc.querySelectorAll(`label[for="${e.id}"]`)) : []), ...(e.closest('label') ? [e.closest('label')!] : [])]);
    return norm([...labels].map((l) => Array.from(l.childNodes).filter((c) => !FORM.includes((c as Element).tagName)).map((c) => spokenText(c, false)).join('')).join(' '));
  }
  return norm(spokenText(e));
}
function accDescription(e: Element): string {
  const d = e.getAttribute('aria-describedby');
  if (!d) return '';
  return norm(d.split(/\s+/).map((id) => { const r = e.ownerDocument.getElementById(id); return r ? spokenText(r) : ''; }).join(' '));
}

/** Structural problems: ids referred to that are not in the page, duplicate ids, controls without a name, aria-label where ARIA 1.2 prohibits it. */
function audit(doc: Document): string[] {
  const out: string[] = [];
  const all = Array.from(doc.querySelectorAll('*'));
  const ids = new Map<string, number>();
  for (const e of all) if (e.id) ids.set(e.id, (ids.get(e.id) ?? 0) + 1);
  for (const [id, n] of ids) if (n > 1) out.push(`duplicate id "${id}"`);
  for (const e of all) {
    const tag = e.tagName.toLowerCase();
    for (const a of ['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-errormessage']) {
      for (const ref of (e.getAttribute(a) ?? '').split(/\s+/).filter(Boolean)) if (!ids.has(ref)) out.push(`<${tag} ${a}="${ref}">: no element has that id`);
    }
    const f = e.tagName === 'LABEL' ? e.getAttribute('for') : null;
    if (f && !ids.has(f)) out.push(`<label for="${f}">: no element has that id`);
    // ARIA 1.2: aria-label is prohibited on the generic role (div, span, ...) and on paragraphs.
    if (e.hasAttribute('aria-label') && ['div', 'span', 'p', 'b', 'i', 'em', 'strong'].includes(tag) && !e.getAttribute('role')) out.push(`<${tag} aria-label="${e.getAttribute('aria-label')}">: aria-label on an element without a role`);
    if (['button', 'input', 'select', 'textarea', 'summary'].includes(tag) && (e as HTMLInputElement).type !== 'hidden' && !accName(e)) out.push(`<${tag} ${e.getAttribute('data-testid') ?? e.id}>: no accessible name`);
  }
  return out;
}

const dom = pageDom;
const mountOptions = () => mountOptionsPage();

/** The break player with a routine from the library, mounted in a fresh page. */
async function mountPlayer() {
  const d = dom();
  const { h, render } = await import('preact');
  const { Player } = await import('../entrypoints/break/Player');
  const routine = await someRoutine();
  const root = d.document.getElementById('app')!;
  render(h(Player, { breakId: 'stretch-1', routine, sound: { chime: false, volume: 0.6, voice: false }, strict: false, onDone: async () => true, onSkip: async () => true, onAnother: () => undefined }), root as never);
  onUnmount(() => render(null, root as never));
  await tick();
  return d;
}

/** A routine from the library, to play. */
async function someRoutine() {
  const { ROUTINES } = await import('../content/routines');
  return ROUTINES.find((r) => r.kind === 'stretch' && r.steps.length >= 3)!;
}

// =============================================================================================

describe('bugs found in review (a title may name what was wrong; each test holds its fix)', () => {
  describe('pages', () => {
    useEnglishPages();

    it('options: every number field tells assistive technology its unit (the unit next to the field is aria-hidden and referred to by nothing)', async () => {
      // Options -> Stretch breaks -> "Length [3] minutes" and Posture checks -> "Length [45] seconds":
      // a screen reader says "Length, edit text, 3" and "Length, edit text, 45", never which unit.
      const d = await mountOptions();
      const spoken = (id: string) => {
        const el = d.document.getElementById(id)!;
        return `${accName(el)} | ${accDescription(el)}`;
      };
      const want: Array<[string, string]> = [
        ['stretch.everyMin', msg('unitMinDesk')],
        ['stretch.lengthMin', msg('unitMin')],
        ['micro.everyMin', msg('unitMinDesk')],
        ['micro.lengthSec', msg('unitSec')],
        ['snoozeMin', msg('unitMin')],
        ['snoozeLimit', msg('unitTimes')],
        ['hold.maxMin', msg('unitMin')],
        ['pauseWaitMin', msg('unitMin')],
        ['dailyLimit.hours', msg('unitHours')],
      ];
      // The unit is on screen, right after the field...
      for (const [id, unit] of want) expect(d.document.getElementById(id)!.parentElement!.querySelector('.unit')!.textContent).toBe(unit);
      // ...but not in what the field is called or described as.
      const missing = want.filter(([id, unit]) => !spoken(id).includes(unit)).map(([id, unit]) => `${id}: "${spoken(id)}" lacks "${unit}"`);
      expect(missing).toEqual([]);
    });

    it('options: the stretch breaks\' and posture checks\' fields can be told apart by name ("On", "Every", "Length" twice each)', async () => {
      // Same root as above for Every/Length; "On" is the section switch (entrypoints/options/App.tsx).
      const d = await mountOptions();
      const name = (testid: string) => accName(d.byId(testid)!);
      const pairs: Array<[string, string]> = [
        ['stretch-enabled', 'micro-enabled'],
        ['stretch.everyMin', 'micro.everyMin'],
        ['stretch.lengthMin', 'micro.lengthSec'],
      ];
      const same = pairs.filter(([a, b]) => name(a) === name(b)).map(([a, b]) => `${a} and ${b} are both "${name(a)}"`);
      expect(same).toEqual([]);
    });

    it('options: the header\'s "Saved" (role=status) is announced on every save, not only the first (it was: later saves left the live region untouched)', async () => {
      const d = await mountOptions();
      const { loadSettings } = await import('./storage/settings-items');
      const region = d.byId('saved')!;
      expect(region.getAttribute('role')).toBe('status');
      const field = d.document.getElementById('stretch.everyMin') as unknown as HTMLInputElement;
      const commit = async (minutes: number) => {
        field.value = String(minutes);
        field.dispatchEvent(new d.window.Event('input', { bubbles: true }));
        field.dispatchEvent(new d.window.Event('change', { bubbles: true }));
        await until(() => region.textContent === msg('saved'), 'Saved');
        for (let i = 0; i < 200 && (await loadSettings()).stretch.everySec !== minutes * 60; i++) await tick(5);
        await tick(30);
      };
      let changes = 0;
      const observer = new (d.window as unknown as { MutationObserver: typeof MutationObserver }).MutationObserver((records) => (changes += records.length));
      observer.observe(region as unknown as Node, { childList: true, characterData: true, subtree: true });
      await commit(55); // the first change: "Saved" appears (announced)
      await tick(30);
      expect(changes).toBeGreaterThan(0);
      changes = 0;
      await commit(60); // stored, and the page says nothing new
      await tick(30);
      observer.disconnect();
      expect((await loadSettings()).stretch.everySec).toBe(60 * 60);
      // A live region speaks when its content changes; here nothing in it changed, so no "Saved".
      expect(changes).toBeGreaterThan(0);
    });

    it('options -> Working hours: a start time cleared (unreadable) is marked invalid, but no message says so ("schedErrTime" is never shown)', async () => {
      const d = dom();
      const { h, render } = await import('preact');
      const { ScheduleEditor } = await import('../components/ScheduleEditor');
      const nineToFive = [{ from: 9 * 60, to: 17 * 60 + 30 }];
      const saved: unknown[] = [];
      const root = d.document.getElementById('app')!;
      render(h(ScheduleEditor, { value: { enabled: true, days: [nineToFive, nineToFive, nineToFive, nineToFive, nineToFive, [], []] }, onChange: (s: unknown) => saved.push(s) }), root as never);
      onUnmount(() => render(null, root as never));
      await tick();
      // Monday's start: the hour cleared (a time field's value is then ''), the field left.
      const from = d.byId('day-0-range-0-from') as unknown as HTMLInputElement;
      from.value = '';
      from.dispatchEvent(new d.window.Event('input', { bubbles: true }));
      from.dispatchEvent(new d.window.Event('change', { bubbles: true }));
      from.dispatchEvent(new d.window.Event('blur'));
      await tick();
      expect(saved).toHaveLength(0); // nothing handed on: right
      expect(from.getAttribute('aria-invalid')).toBe('true'); // marked invalid: right
      // ...and then told why, next to the field, as every other problem of the week is.
      const described = `${accDescription(from)} ${accDescription(from.closest('fieldset')!)}`;
      const shown = Array.from(d.document.querySelectorAll('*')).some((e) => e.children.length === 0 && e.textContent === msg('schedErrTime'));
      expect({ shown, described: described.includes(msg('schedErrTime')) }).toEqual({ shown: true, described: true });
    });

    it('break window, end of a break: today\'s count and streak are named with aria-label on a <span> (prohibited there), their words aria-hidden', async () => {
      const d = dom();
      const { h, render } = await import('preact');
      const { End } = await import('../entrypoints/break/End');
      const root = d.document.getElementById('app')!;
      render(h(End, { today: { day: '2026-03-05', taken: 3, completed: 3, skipped: 0, streak: 2, longest: 4 }, outcome: 'completed', sound: undefined, offerSelfMassage: false }), root as never);
      onUnmount(() => render(null, root as never));
      await tick();
      // ARIA 1.2: aria-label is prohibited on the generic role; NVDA and JAWS read the span's
      // content ("3"), and "break today" next to it is aria-hidden: the number is read alone.
      const stats = Array.from(d.document.querySelectorAll('.end-stats .stat')) as Element[];
      expect(stats).toHaveLength(2);
      // What browse mode reads for each stat (aria-label on a role-less span ignored, aria-hidden left out).
      const read = stats.map((s) => norm(spokenText(s)));
      expect({ read, prohibited: audit(d.document).filter((p) => p.includes('aria-label on an element without a role')) }).toEqual({
        read: [expect.stringMatching(/\p{L}/u), expect.stringMatching(/\p{L}/u)], // some words with each number
        prohibited: [],
      });
    });

    // The step's live region holds step 1 from the start, and a region's text that never changes is
    // never announced; the focus goes to the routine's title, so a screen reader said the title
    // and then nothing until step 2 (the voice, when on, says the title and step 1 together).
    it('break window, player: the heading focused as the routine starts tells a screen reader step 1 too, not only the title', async () => {
      const d = await mountPlayer();
      const routine = await someRoutine();
      // The element the player focuses as it starts (Player.tsx: mainRef).
      const focused = d.byId('routine-title') as unknown as Element;
      const step1 = `${msg('stepOf').replace('$1', '1').replace('$2', String(routine.steps.length))} ${msg(`r_${routine.id.replace(/-/g, '_')}_step1`)}`;
      expect({ name: accName(focused!), description: accDescription(focused!) }).toEqual({ name: msg(`r_${routine.id.replace(/-/g, '_')}_title`), description: norm(step1) });
      expect(audit(d.document)).toEqual([]);
    });

    it('break window, player: the Pause button both changes its label and is a toggle (aria-pressed): paused, it reads "Resume, pressed"', async () => {
      // WAI-ARIA APG (button pattern): a toggle button's label must not change with its state.
      const d = await mountPlayer();
      const pause = d.byId('pause')!;
      const before = { name: accName(pause), pressed: pause.getAttribute('aria-pressed') };
      pause.click();
      await tick(300);
      const after = { name: accName(pause), pressed: pause.getAttribute('aria-pressed') };
      expect(d.byId('announce')!.textContent).toBe(msg('playerPaused')); // paused
      // Either a toggle with one name, or a plain button whose name says what it does.
      const toggle = before.pressed !== null || after.pressed !== null;
      const consistent = toggle ? before.name === after.name : before.name !== after.name;
      expect(consistent ? 'consistent' : `playing: "${before.name}" aria-pressed=${before.pressed}; paused: "${after.name}" aria-pressed=${after.pressed}`).toBe('consistent');
    });
  });

  describe('the popup', () => {
    beforeEach(() => speakEnglish());
    afterEach(() => vi.restoreAllMocks());

    it('the "Pause reminders" button\'s aria-controls names #pause-choices, which is not in the page until the menu opens', async () => {
      const d = dom();
      const { h, render } = await import('preact');
      const { App } = await import('../entrypoints/popup/App');
      const { browser } = await import('wxt/browser');
      const now = Date.now();
      const tracker: TrackerView = { phase: 'working', activity: 'active', next: { kind: 'stretch', at: now + 20 * 60_000 }, open: null, deskMs: 0, todayDeskMs: 0, lastNaturalAt: null, paused: null, offHours: null, held: null, hoursEnd: null };
      const data = {
        status: { now, tracker, today: { day: '2026-03-05', taken: 1, completed: 1, skipped: 0, streak: 0, longest: 0 }, historyError: false, waitingRecords: 0 },
        history: { today: '2026-03-05', ring: { taken: 1, due: 3, share: 0.33, met: false }, streak: { current: 0, longest: 0, graceLeft: 1 }, days: [], cheer: { key: 'cheerFirst', subs: [] } },
        validUntil: now + 60_000,
      };
      vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data } as never);
      const root = d.document.getElementById('app')!;
      const never = new Promise<never>(() => undefined);
      render(h(App, { load: { ready: data, snapshot: Promise.resolve(data), answer: () => never } as never, initial: data as never }), root as never);
      onUnmount(() => render(null, root as never));
      await until(() => d.byId('pause-menu') !== null, 'the pause menu');
      const menu = d.byId('pause-menu')!;
      expect(menu.getAttribute('aria-expanded')).toBe('false');
      expect(audit(d.document)).toEqual([]);
      render(null, root as never);
    });
  });

  describe('the toolbar badge', () => {
    afterEach(() => vi.restoreAllMocks());

    it('outside working hours it says "off" in English in every language (lib/platform/badge.ts: a literal, not a message)', async () => {
      const { badgeFor } = await import('./platform/badge');
      const offHours: TrackerView = { phase: 'working', activity: 'active', next: null, open: null, deskMs: 0, todayDeskMs: 0, lastNaturalAt: null, paused: null, offHours: { until: null }, held: null, hoursEnd: null };
      const shown: Record<string, string> = {};
      for (const [locale, ui] of [['de', 'de-DE'], ['ja', 'ja-JP'], ['pl', 'pl-PL'], ['es', 'es-ES']] as const) {
        serve(read(locale), ui);
        shown[locale] = badgeFor(offHours, Date.now(), true).text;
      }
      expect(Object.entries(shown).filter(([, text]) => text === 'off')).toEqual([]);
    });
  });
});

// =============================================================================================

describe('holds', () => {
  describe('catalogues', () => {
    it('message names are Chrome-valid and distinct ignoring case (Chrome matches names case-insensitively)', () => {
      for (const locale of LOCALES) {
        const keys = Object.keys(read(locale));
        expect(keys.filter((k) => !/^[A-Za-z0-9_]+$/.test(k))).toEqual([]);
        expect(new Set(keys.map((k) => k.toLowerCase())).size).toBe(keys.length);
      }
    });

    it('every number an English message states is in each translation too (Japanese may add digits for spelled-out words)', () => {
      const nums = (s: string) => (s.replace(/\$[1-9$]/g, '').match(/\d+/g) ?? ([] as string[])).sort();
      // "20 feet (6 m)": the translations give metres only.
      const metric = new Set(['r_eye_rest_20_20_20_step1']);
      const wrong: string[] = [];
      for (const locale of LOCALES.filter((l) => l !== 'en')) {
        const c = read(locale);
        for (const [key, { message }] of Object.entries(en)) {
          const have = nums(c[key]!.message);
          const lost = nums(message).filter((n) => !have.includes(n) && !(metric.has(key) && n === '20'));
          if (lost.length) wrong.push(`${locale} ${key}: ${lost.join(',')} missing from "${c[key]!.message}"`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it('the numbers the English text states are the code\'s', () => {
      const n = (key: string) => (msg(key).replace(/\$[1-9$]/g, '').match(/\d+/g) ?? []).map(Number);
      expect(n('fieldIdleHint')).toEqual([FIELDS.idleSec.min]);
      expect(n('importHint')).toEqual([MAX_IMPORT_BYTES / 2 ** 20]);
      expect(n('importTooLarge')).toEqual([MAX_IMPORT_BYTES / 2 ** 20]);
      expect(n('errHostTooMany')).toEqual([MAX_OWN_SITES]);
      expect(n('fieldPauseWaitHint')).toEqual([LOW_IDLE_SEC, 0]);
      expect(n('ownKindMicroHint')).toEqual([OWN_LIMITS.totalSec.micro.min, OWN_LIMITS.totalSec.micro.max / 60]);
      expect(n('ownKindStretchHint')).toEqual([OWN_LIMITS.totalSec.stretch.min / 60, OWN_LIMITS.totalSec.stretch.max / 60]);
      expect(n('idlePresetDefault')).toEqual([IDLE_PRESETS.default / 60]);
      expect(DEFAULT_SETTINGS.idleSec).toBe(IDLE_PRESETS.default); // "(default)"
      expect(n('idlePresetReading')).toEqual([IDLE_PRESETS.reading / 60]);
      expect(n('chartHeatmap')).toEqual([HEATMAP_WEEKS]);
      expect(msg('streakRuleGrace')).toMatch(/^One missed day a month/);
      expect(GRACE_PER_MONTH).toBe(1);
      const s = DEFAULT_SETTINGS;
      expect(n('presetGentleHelp')).toEqual([applyPreset(s, 'gentle').stretch.everySec / 60]);
      expect(n('presetBalancedHelp')).toEqual([applyPreset(s, 'balanced').micro.everySec / 60, applyPreset(s, 'balanced').stretch.everySec / 60]);
      expect(n('presetFocusedHelp')).toEqual([applyPreset(s, 'focused').stretch.everySec / 60]);
      expect(applyPreset(s, 'gentle').micro.enabled).toBe(false); // "No posture checks."
    });

    it('a plural form that spells the count out ("One more break", "une routine") is only ever asked for with a count of 1 or more', async () => {
      // French and Brazilian Portuguese put 0 in "one": such a form would say "one" for 0.
      const spelled: string[] = [];
      for (const locale of LOCALES) {
        const c = read(locale);
        for (const k of Object.keys(c).filter((x) => x.endsWith('_one'))) {
          const base = k.slice(0, -4);
          if (c[`${base}_other`]!.message.includes('$1') && !c[k]!.message.includes('$1')) spelled.push(base);
        }
      }
      expect([...new Set(spelled)].sort()).toEqual(['cheerKeep', 'cheerStart', 'importNoteOwn']);
      const { notes } = await import('../components/import-text');
      const summary = { exportedAt: null, breaks: 1, firstDay: '2026-03-01', lastDay: '2026-03-01', goneRoutines: 0, ownRoutines: 0 } as never;
      speakEnglish();
      expect(notes(summary, null, 0).map((x) => x.id)).not.toContain('own');
      vi.restoreAllMocks();
      const { cheerFor } = await import('./review');
      const { DEFAULT_RULES } = await import('./streaks');
      const scan = { anyHistory: true, current: 2, longest: 5, todayKind: 'pending', today: '2026-03-05' } as never;
      // Today's breaks already meet the share: still "1 more" at the least, never 0.
      const met = { due: 2, completed: 2, natural: 0, partial: 0 } as never;
      const cheer = cheerFor(scan, met, null, false, DEFAULT_RULES) as { key: string; count?: number };
      expect(cheer.key).toBe('cheerKeep');
      expect(cheer.count).toBeGreaterThanOrEqual(1);
    });
  });

  describe('pages', () => {
    useEnglishPages();

    it('options page, default state and with the routine form refused and the reset confirmation open: every id referred to exists, ids are unique, every control has a name', async () => {
      const d = await mountOptions();
      expect(audit(d.document)).toEqual([]);
      d.byId('own-add')!.click();
      await tick(30);
      d.byId('own-form')!.dispatchEvent(new d.window.Event('submit', { cancelable: true }));
      await tick(30);
      d.byId('reset')!.click();
      await tick(30);
      expect(d.byId('own-form-errors')).not.toBeNull();
      expect(audit(d.document)).toEqual([]);
      // A refused field is described by its error.
      expect(accDescription(d.document.getElementById('own-name')!)).toBe(msg('ownErrNameRequired'));
    });

    it('player: each control has a name; the step is announced in a polite live region; the ring is a timer with a name', async () => {
      const d = await mountPlayer();
      expect(audit(d.document)).toEqual([]);
      expect(d.byId('announce')!.getAttribute('aria-live')).toBe('polite');
      expect(d.byId('announce')!.textContent).toMatch(/^Step 1 of \d+: /);
      const ring = d.document.querySelector('[role="timer"]')!;
      expect(accName(ring)).toBe(msg('stepTimeLeft'));
    });

    it('weekly review with no history: the audit finds nothing', async () => {
      const d = dom();
      const { h, render } = await import('preact');
      const { App } = await import('../entrypoints/review/App');
      const root = d.document.getElementById('app')!;
      render(h(App, {}), root as never);
      onUnmount(() => render(null, root as never));
      await until(() => d.q('main')?.getAttribute('aria-busy') === 'false', `the review (${d.q('main')?.outerHTML.slice(0, 300)})`, 4000);
      expect(audit(d.document)).toEqual([]);
    });
  });
});
