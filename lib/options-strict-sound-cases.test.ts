/**
 * Options, from a review after strict mode was tightened: what strict mode does to snoozes said
 * where snoozes are set (lib/tracker/due.ts effectiveSnoozeLimit: strict mode allows one at most,
 * none with "Snoozes allowed" at 0), "Test sound" playing what a break would play (the chime only
 * when it is on, the voice only when it is on, a note when neither is), and "Keep at least one way
 * of being told" going once the stored settings (another window, sync) make it untrue.
 * Its own file: components/sound.ts keeps its first AudioContext, so the fake one that counts the
 * chimes here must be the first the module sees.
 * Pages are rendered with linkedom's document over WXT's fake browser, English catalogue from disk
 * (tests/support/linkedom-page.ts). Each case failed on the code as reviewed and passes with its fix.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { englishMessage, onUnmount, tick, until, useEnglishPages } from '../tests/support/linkedom-page';
import { mountOptionsPage as mountOptions, storedUntil } from '../tests/support/options-page';
import { DEFAULT_SETTINGS } from './settings';
import { loadSettings, saveSettings } from './storage/settings-items';

useEnglishPages();

type Page = Awaited<ReturnType<typeof mountOptions>>;

/** What a screen reader reads with the control: the texts its aria-describedby names. */
const described = (p: Page, el: Element) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => p.document.getElementById(id)?.textContent ?? '')
    .join(' ');

/** Notes played by the page's chime (components/sound.ts), counted by a fake AudioContext. */
let notes = 0;
class FakeAudio {
  state = 'running';
  currentTime = 0;
  destination = {};
  resume = async () => undefined;
  createGain() {
    return { gain: { value: 1, setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined }, connect: (x: unknown) => x };
  }
  createOscillator() {
    return { type: '', frequency: { value: 0 }, connect: (x: unknown) => x, start: () => void notes++, stop: () => undefined };
  }
}
const realAudio = (globalThis as { AudioContext?: unknown }).AudioContext;
beforeAll(() => {
  (globalThis as { AudioContext?: unknown }).AudioContext = FakeAudio;
});
afterAll(() => {
  (globalThis as { AudioContext?: unknown }).AudioContext = realAudio;
});

/** The sentences the page asked the browser's voice to say. */
function voice(p: Page): string[] {
  const said: string[] = [];
  Object.assign(p.window, { speechSynthesis: { cancel: () => undefined, speak: (u: { text: string }) => said.push(u.text) } });
  vi.stubGlobal(
    'SpeechSynthesisUtterance',
    class {
      volume = 1;
      constructor(public text: string) {}
    },
  );
  onUnmount(() => vi.unstubAllGlobals());
  return said;
}

describe('bugs found in review: Options after strict mode was tightened', () => {
  it('strict mode with "Snoozes allowed" at 0: the switch promises no snooze, and the snooze field says what strict mode allows while it is on', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, snoozeLimit: 0 });
    const p = await mountOptions();
    const field = () => p.byId('snoozeLimit')! as unknown as Element;
    expect(described(p, field())).not.toMatch(/strict/i);
    // "one snooze" with none allowed: strict mode caps the limit at one (due.ts), it gives none.
    expect((p.q('[data-testid="strict"]') as unknown as Element).closest('label')!.textContent).toBe('Strict mode: no Skip, at most one snooze');
    p.check('[data-testid="strict"]', true);
    await storedUntil((s) => s.strict, 'strict on');
    await until(() => /strict/i.test(described(p, field())), 'the strict hint').catch(() => undefined);
    expect(described(p, field())).toContain('Strict mode: no Skip, at most one snooze');
    p.check('[data-testid="strict"]', false);
    await storedUntil((s) => !s.strict, 'strict off');
    await until(() => !/strict/i.test(described(p, field())), 'the strict hint gone');
  });

  it('"Test sound" with the chime and reading aloud both off (the defaults): no chime (a break plays none), and the note says both are off', async () => {
    const p = await mountOptions();
    const said = voice(p);
    expect((await loadSettings()).sound).toMatchObject({ chime: false, voice: false, volume: 0.6 });
    notes = 0;
    p.q('[data-testid="test-sound"]')!.click();
    await until(() => !!p.q('[data-testid="test-sound-note"]')?.textContent, 'the note').catch(() => undefined);
    await tick(20);
    expect({ notes, said, note: p.q('[data-testid="test-sound-note"]')!.textContent }).toEqual({ notes: 0, said: [], note: 'The chime and reading aloud are both off.' });
  });

  it('"Test sound" plays what a break plays: the chime only with the chime on, the voice only with reading aloud on', async () => {
    const p = await mountOptions();
    const said = voice(p);
    const test = async () => {
      notes = 0;
      said.length = 0;
      p.q('[data-testid="test-sound"]')!.click();
      await tick(800);
      return { notes: notes > 0, voice: said.length > 0, note: p.q('[data-testid="test-sound-note"]')!.textContent };
    };
    p.check('[data-testid="voice"]', true);
    await storedUntil((s) => s.sound.voice, 'voice on');
    await tick(20);
    expect(await test(), 'reading aloud only').toEqual({ notes: false, voice: true, note: '' });
    p.check('[data-testid="chime"]', true);
    await storedUntil((s) => s.sound.chime, 'chime on');
    await tick(20);
    expect(await test(), 'both').toEqual({ notes: true, voice: true, note: '' });
    p.check('[data-testid="voice"]', false);
    await storedUntil((s) => !s.sound.voice, 'voice off');
    await tick(20);
    expect(await test(), 'the chime only').toEqual({ notes: true, voice: false, note: '' });
  });

  it('"Test sound" with reading aloud on where the browser has no voice for the page\'s language (or no speech at all): the note says so, not silence', async () => {
    const p = await mountOptions();
    const said = voice(p);
    p.check('[data-testid="voice"]', true);
    await storedUntil((s) => s.sound.voice, 'voice on');
    await tick(20);
    const synth = p.window as unknown as { speechSynthesis?: unknown };
    const noVoice = 'This browser has no voice to read aloud in this language.';
    const test = async () => {
      said.length = 0;
      p.q('[data-testid="test-sound"]')!.click();
      await tick(900);
      return p.q('[data-testid="test-sound-note"]')!.textContent;
    };
    // No Web Speech at all (Chromium on Linux without a speech service, some builds).
    const speaker = synth.speechSynthesis;
    synth.speechSynthesis = undefined;
    expect(await test(), 'no speechSynthesis').toBe(noVoice);
    // Voices, none in English: what a break would say is still said, and the note tells why it sounds wrong.
    synth.speechSynthesis = { ...(speaker as object), getVoices: () => [{ lang: 'de-DE' }, { lang: 'fr_FR' }] };
    expect(await test(), 'no English voice').toBe(noVoice);
    expect(said).toEqual(['This is how each step will be read aloud.']);
    // The voices come a moment later (Chromium's first getVoices() is empty): no false note.
    let voices: Array<{ lang: string }> = [];
    let loaded: (() => void) | undefined;
    synth.speechSynthesis = {
      ...(speaker as object),
      getVoices: () => voices,
      addEventListener: (_: string, f: () => void) => (loaded = f),
      removeEventListener: () => undefined,
    };
    setTimeout(() => {
      voices = [{ lang: 'en-GB' }];
      loaded?.();
    }, 50);
    expect(await test(), 'English voices, loaded late').toBe('');
    expect(said).toEqual(['This is how each step will be read aloud.']);
    // No voice at all, ever: said once the wait is over.
    synth.speechSynthesis = { ...(speaker as object), getVoices: () => [], addEventListener: () => undefined, removeEventListener: () => undefined };
    expect(await test(), 'no voices').toBe(noVoice);
  });

  it('"Test sound"\'s note goes once a switch it speaks of changes: "both off" stayed after the chime was turned on, "no voice" after reading aloud was turned off', async () => {
    const p = await mountOptions();
    voice(p);
    const note = () => p.q('[data-testid="test-sound-note"]')!.textContent;
    p.q('[data-testid="test-sound"]')!.click();
    await until(() => !!note(), 'the note');
    expect(note()).toBe('The chime and reading aloud are both off.');
    p.check('[data-testid="chime"]', true);
    await storedUntil((s) => s.sound.chime, 'chime on');
    await tick(30);
    expect(note(), 'the chime on').toBe('');
    // Reading aloud on, no voice for the page's language: said; then reading aloud off.
    p.check('[data-testid="voice"]', true);
    await storedUntil((s) => s.sound.voice, 'voice on');
    await tick(20);
    (p.window as unknown as { speechSynthesis?: unknown }).speechSynthesis = undefined;
    p.q('[data-testid="test-sound"]')!.click();
    await until(() => !!note(), 'the no-voice note');
    expect(note()).toBe('This browser has no voice to read aloud in this language.');
    p.check('[data-testid="voice"]', false);
    await storedUntil((s) => !s.sound.voice, 'voice off');
    await tick(30);
    expect(note(), 'reading aloud off').toBe('');
  });

  it('"Keep at least one way of being told" goes once another window turns the break window on (it stayed, tied to the switch as invalid)', async () => {
    const p = await mountOptions();
    const box = '[data-testid="prompt-notification"]';
    p.check(box, false);
    await until(() => p.q('.behaviour [role="alert"]')?.textContent === englishMessage('errPromptNeeded'), 'the refusal');
    // Another options window (or sync) stores the break window on as well.
    await saveSettings({ ...(await loadSettings()), prompts: { notification: true, openWindow: true } });
    await until(() => p.q('[data-testid="prompt-window"]')!.checked, 'the other window\'s change shown');
    await tick(30);
    expect(p.q('.behaviour [role="alert"]')?.textContent ?? null).toBeNull();
    expect(p.q(box)!.getAttribute('aria-invalid')).not.toBe('true');
  });
});
