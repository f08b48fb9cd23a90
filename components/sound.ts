/**
 * The break player's optional sounds, made in the page itself: a soft chime synthesized with
 * Web Audio (no audio files, no offscreen document) and spoken steps through the Web Speech
 * API (no permission). Both fail quietly: a page that cannot make sound stays silent.
 */
import { pageLanguage } from '../lib/i18n';

type Tone = 'step' | 'end' | 'test';

let ctx: AudioContext | null = null;

function audio(): AudioContext | null {
  if (ctx) return ctx;
  try {
    ctx = new AudioContext();
  } catch {
    return null;
  }
  return ctx;
}

/**
 * Creates or resumes the audio context from a user gesture, so later chimes may play even when
 * the browser's autoplay rules would block sound that no gesture started.
 */
export function primeAudio(): void {
  const c = audio();
  if (c && c.state === 'suspended') void c.resume().catch(() => undefined);
}

/** Resolves once the context runs, or after `ms` if the browser keeps it suspended. */
async function running(c: AudioContext, ms = 200): Promise<boolean> {
  if (c.state === 'running') return true;
  await Promise.race([c.resume().catch(() => undefined), new Promise((r) => setTimeout(r, ms))]);
  return (c.state as AudioContextState) === 'running';
}

/** One soft bell-like note: a sine with a quieter octave above, quick attack, long fade. */
function note(c: AudioContext, freq: number, at: number, peak: number): void {
  const gain = c.createGain();
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(peak, at + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.9);
  gain.connect(c.destination);
  for (const [mult, level] of [
    [1, 1],
    [2, 0.25],
  ] as const) {
    const osc = c.createOscillator();
    osc.type = 'sine';
    osc.frequency.value = freq * mult;
    const g = c.createGain();
    g.gain.value = level;
    osc.connect(g).connect(gain);
    osc.start(at);
    osc.stop(at + 1);
  }
}

/**
 * Plays a short, gentle chime at `volume` (0-1): one note between steps, two rising notes at
 * the end. Returns whether it played (false when muted or the browser blocks audio here).
 */
export async function chime(volume: number, tone: Tone = 'step'): Promise<boolean> {
  if (!(volume > 0)) return false;
  const c = audio();
  if (!c || !(await running(c))) return false;
  // Perceived loudness is roughly logarithmic; keep even full volume soft.
  const peak = Math.max(0.0002, 0.3 * volume * volume);
  const t0 = c.currentTime + 0.01;
  if (tone === 'end') {
    note(c, 523.25, t0, peak); // C5
    note(c, 783.99, t0 + 0.22, peak); // G5
  } else {
    note(c, 659.25, t0, peak); // E5
  }
  return true;
}

/**
 * Speaks `text`, which comes from the message catalogue, at `volume` (0-1, the one the chime
 * follows: at 0 nothing is said), replacing anything still being spoken.
 */
export function speak(text: string, volume: number): void {
  try {
    const synth = window.speechSynthesis;
    if (!synth) return;
    synth.cancel();
    if (!(volume > 0)) return;
    const u = new SpeechSynthesisUtterance(text);
    u.lang = pageLanguage();
    u.volume = Math.min(1, volume);
    u.rate = 0.95;
    synth.speak(u);
  } catch {
    // No speech here: stay silent.
  }
}

/** A language without its region: "en-GB" and "en_US" are both English. */
const base = (lang: string) => lang.toLowerCase().split(/[-_]/)[0];

/**
 * Whether the browser has a voice for the page's language (pageLanguage), which steps read aloud
 * need to be heard as written. Chromium lists its voices only a moment after the first ask: they
 * are waited for up to `ms`. A browser that does not list its voices is taken to have one.
 */
export async function canSpeak(ms = 500): Promise<boolean> {
  try {
    const synth = window.speechSynthesis;
    if (!synth) return false;
    if (typeof synth.getVoices !== 'function') return true;
    if (!synth.getVoices().length) {
      await new Promise<void>((done) => {
        const end = () => {
          clearTimeout(timer);
          synth.removeEventListener?.('voiceschanged', end);
          done();
        };
        const timer = setTimeout(end, ms);
        synth.addEventListener?.('voiceschanged', end);
      });
    }
    const lang = base(pageLanguage());
    return synth.getVoices().some((v) => base(v.lang ?? '') === lang);
  } catch {
    return false;
  }
}

/** Stops what is being said; returns whether anything was (words cut off, or waiting to be said). */
export function stopSpeaking(): boolean {
  try {
    const synth = window.speechSynthesis;
    const cut = !!synth && (synth.speaking || synth.pending);
    synth?.cancel();
    return cut;
  } catch {
    return false; // nothing to stop
  }
}
