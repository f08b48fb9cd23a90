// Checks the routine catalogue's timing: durations that add up and fit their break kind, steps that
// can be read (in every locale's message catalogue) and then done in their time, real breaths, a
// real distance gaze, and the cues the player shows at a step's end.
import { describe, it, expect } from 'vitest';
import { stepKey, summaryKey } from './keys';
import { readingUnits } from './language-facts';
import { ROUTINES } from './routines';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { breakKindOf, STEP_CUES, type Routine, type RoutineStep } from './types';
import { facts, failures, isMicro, LOCALES, text } from '../tests/support/catalogue';

/** Each in- or out-breath a step asks for needs at least this long (a slow count of four). */
const SECONDS_PER_BREATH = 4;
/** The 20-20-20 rule: at least this long looking into the distance. */
const DISTANCE_GAZE_SEC = 20;

const total = (r: Routine) => r.steps.reduce((sum, s) => sum + s.seconds, 0);

describe('routine catalogue', () => {
  it('has durations that add up', () => {
    expect(failures((r) => (r.durationSec === total(r) ? null : `durationSec ${r.durationSec} but steps sum to ${total(r)}`))).toEqual([]);
  });

  // Micro checks allow 45 s: 20 s of real distance gaze or three slow breaths, plus reading.
  it('keeps micro checks to 20-45 s and the others to 120-300 s', () => {
    expect(
      failures((r) => {
        const [min, max] = isMicro(r) ? [20, 45] : [120, 300];
        return r.durationSec >= min && r.durationSec <= max ? null : `${r.durationSec} s is outside ${min}-${max} s`;
      }),
    ).toEqual([]);
  });

  // The player plays a whole routine, and the picker takes routines that fit the break's length
  // (content/picker.ts): with the default lengths every routine of a kind can come up.
  it("fits every routine into its break kind's default length", () => {
    expect(
      failures((r) => {
        const kind = breakKindOf(r);
        const max = DEFAULT_SETTINGS[kind].lengthSec;
        return r.durationSec <= max ? null : `${r.durationSec} s is longer than the default ${kind} break (${max} s)`;
      }),
    ).toEqual([]);
  });

  it('has steps of 5-60 s', () => {
    expect(
      failures((r) => {
        if (r.steps.length === 0) return 'no steps';
        const bad = r.steps.findIndex((s) => !Number.isInteger(s.seconds) || s.seconds < 5 || s.seconds > 60);
        return bad < 0 ? null : `step ${bad + 1} lasts ${r.steps[bad]!.seconds} s (5-60)`;
      }),
    ).toEqual([]);
  });

  // A step must leave time to read its text at the language's pace AND then to do what it asks,
  // `actionSec` (content/types.ts).
  it.each(LOCALES)('%s: has steps that can be read and then done in their time', (locale) => {
    const limit = facts(locale);
    expect(limit, `add ${locale} to LANGUAGE_FACTS in content/language-facts.ts`).toBeDefined();
    const { unit, perSecond, maxChars } = limit!;
    expect(
      failures((r) => {
        for (const [i, s] of r.steps.entries()) {
          const t = text(locale, stepKey(r, i));
          if (t.trim() === '') return `step ${i + 1}: no text`;
          if (t.length > maxChars) return `"${t}" is ${t.length} characters (max ${maxChars})`;
          const n = readingUnits(t, unit);
          const needed = n / perSecond + s.actionSec;
          if (needed > s.seconds) {
            return `step ${i + 1} "${t}": ${n} ${unit}s at ${perSecond}/s + ${s.actionSec} s to do it = ${needed.toFixed(1)} s, but it lasts ${s.seconds} s`;
          }
        }
        return null;
      }),
    ).toEqual([]);
  });

  it('gives every step a real action time', () => {
    expect(
      failures((r) => {
        const bad = r.steps.findIndex((s) => !Number.isInteger(s.actionSec) || s.actionSec < 2 || s.actionSec >= s.seconds);
        return bad < 0 ? null : `step ${bad + 1}: actionSec ${r.steps[bad]!.actionSec} (2 .. seconds - 1)`;
      }),
    ).toEqual([]);
  });

  it.each(LOCALES)('%s: gives breathing steps real breaths (at least 4 s per in- or out-breath)', (locale) => {
    const says = facts(locale)?.breath;
    expect(says, `add ${locale} to LANGUAGE_FACTS in content/language-facts.ts`).toBeDefined();
    expect(
      failures((r) => {
        for (const [i, s] of r.steps.entries()) {
          const t = text(locale, stepKey(r, i));
          if (says!.test(t) && !(s.breaths! > 0)) return `step ${i + 1} "${t}" asks for breaths but declares none`;
          const breaths = s.breaths ?? 0;
          if (breaths * SECONDS_PER_BREATH > s.actionSec) {
            return `step ${i + 1} "${t}": ${breaths} in/out-breaths need ${breaths * SECONDS_PER_BREATH} s, it leaves ${s.actionSec} s`;
          }
        }
        return null;
      }),
    ).toEqual([]);
    // The breathing routine is breathing, not one breath.
    const breathing = ROUTINES.find((r) => r.id === 'breathing-reset')!;
    expect(breathing.steps.reduce((n, s) => n + (s.breaths ?? 0), 0)).toBeGreaterThanOrEqual(6);
  });

  it('gives the 20-20-20 eye rest at least 20 s of real distance gaze', () => {
    const eye = ROUTINES.find((r) => r.id === 'eye-rest-20-20-20')!;
    const gaze = eye.steps.filter((s) => s.cue === 'look-away');
    expect(gaze.length).toBeGreaterThan(0);
    expect(Math.max(...gaze.map((s) => s.actionSec))).toBeGreaterThanOrEqual(DISTANCE_GAZE_SEC);
  });

  it('marks eyes-closed and look-away steps, never as the last step (the player cues their end)', () => {
    expect(
      failures((r) => {
        const cues = r.steps.map((s: RoutineStep) => s.cue);
        const unknown = cues.find((c) => c !== undefined && !(STEP_CUES as readonly string[]).includes(c));
        if (unknown !== undefined) return `unknown cue ${unknown}`;
        if (cues.at(-1) !== undefined) return 'the last step has a cue: the player could not show its end';
        if (r.kind === 'eyes' && !cues.some(Boolean)) return 'an eye routine without an eyes-closed or look-away step';
        return null;
      }),
    ).toEqual([]);
  });

  // What the English text promises is what the player times: "take two slow breaths" declares
  // 4 in/out-breaths, "counting to five" leaves 5 s to each of them, "hold for five" and "ten
  // times" leave at least that many seconds, "20 seconds" and "Three minutes" in a summary are what
  // the routine gives. (The other languages say the same numbers: content/catalogue-translation.test.ts.)
  it('times what the English words say: breaths, counts, holds, repetitions, seconds and minutes', () => {
    const N: Record<string, number> = { two: 2, twice: 2, three: 3, four: 4, five: 5, six: 6, ten: 10, twenty: 20 };
    const num = (w: string): number => N[w.toLowerCase()] ?? Number(w);
    const W = '(\\d+|two|three|four|five|six|ten|twenty)';
    const BREATHS = new RegExp(`\\b${W}\\s+(?:more\\s+)?(?:(?:slow|easy)\\s+)?breaths\\b`, 'i');
    const TWICE_MORE = /\btwice more\b/i;
    const COUNT = new RegExp(`\\b(?:counting to|in for|out for)\\s+${W}\\b`, 'gi');
    const HOLD = new RegExp(`\\bhold for\\s+${W}\\b`, 'i');
    const TIMES = new RegExp(`\\b${W}\\s+times\\b`, 'i');
    expect(
      failures((r) => {
        const bad: string[] = [];
        for (const [i, s] of r.steps.entries()) {
          const t = text('en', stepKey(r, i));
          const breaths = s.breaths ?? 0;
          const said = BREATHS.exec(t);
          if (said && breaths !== 2 * num(said[1]!)) bad.push(`step ${i + 1} "${t}" declares ${breaths} in/out-breaths, not ${2 * num(said[1]!)}`);
          if (TWICE_MORE.test(t) && breaths !== 4) bad.push(`step ${i + 1} "${t}" declares ${breaths} in/out-breaths, not 4`);
          const counts = [...t.matchAll(COUNT)].map((m) => num(m[1]!));
          if (counts.length > 0 && breaths * Math.max(...counts) > s.actionSec) {
            bad.push(`step ${i + 1} "${t}": ${breaths} breaths of a count of ${Math.max(...counts)} need ${breaths * Math.max(...counts)} s, it leaves ${s.actionSec} s`);
          }
          const hold = HOLD.exec(t);
          if (hold && s.actionSec < num(hold[1]!)) bad.push(`step ${i + 1} "${t}": a hold of ${num(hold[1]!)} s in ${s.actionSec} s`);
          const times = TIMES.exec(t);
          if (times && s.actionSec < num(times[1]!)) bad.push(`step ${i + 1} "${t}": ${num(times[1]!)} repetitions in ${s.actionSec} s`);
        }
        const summary = text('en', summaryKey(r));
        const secs = new RegExp(`\\b${W}\\s+seconds\\b`, 'i').exec(summary);
        if (secs && !r.steps.some((s) => s.actionSec >= num(secs[1]!))) bad.push(`summary "${summary}": no step gives ${num(secs[1]!)} s`);
        const mins = new RegExp(`\\b${W}\\s+minutes\\b`, 'i').exec(summary);
        if (mins && Math.abs(r.durationSec - 60 * num(mins[1]!)) > 30) bad.push(`summary "${summary}": the routine lasts ${r.durationSec} s`);
        const total = r.steps.reduce((n, s) => n + (s.breaths ?? 0), 0);
        const sumBreaths = BREATHS.exec(summary);
        if (sumBreaths && total !== 2 * num(sumBreaths[1]!)) bad.push(`summary "${summary}": the steps declare ${total} in/out-breaths`);
        return bad.length ? bad.join('; ') : null;
      }),
    ).toEqual([]);
  });
});
