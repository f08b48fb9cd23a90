/**
 * Every request type the pages send, table-driven and fuzzed (fast-check) through the handler map
 * the background answers runtime.onMessage with: a field missing, of the wrong type, out of range,
 * off its list, too long, or the request carrying extra fields (prototype keys among them). A bad
 * request is answered `{ ok: false, error: 'badRequest' }` and changes nothing stored (the tracker's
 * state, the records waiting, the history) and opens nothing; extra fields are dropped, so the
 * request is answered as it would be without them. The `REQUESTS` table is typed by RequestType:
 * a new request type does not compile until it has its row here.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { messageHandler } from '../engine/handlers';
import { createRuntime } from '../engine/runtime';
import type { RequestOf, RequestType } from './messages';
import { parseRequest } from './requests';
import { MIN, T0, promptedWorker, world } from '../../tests/engine-stop-world';

const ID = `stretch-${T0 + 50 * MIN}`;

/** A field's values the pages send (`ok`), and whether it may be left out. */
interface Field {
  ok: readonly unknown[];
  optional?: boolean;
  /** An id: any lower-case word of letters, digits and hyphens, up to 80 characters, is one. */
  id?: boolean;
}
const isId = (x: unknown) => typeof x === 'string' && /^[a-z0-9-]{1,80}$/.test(x);
const breakId: Field = { ok: [ID, 'manual-1', 'stretch-natural-1'], id: true };
const routineId: Field = { ok: ['cat-cow', 'own-abc123'], id: true };

/** Each request type: a well-formed request, and its fields (all but `type`). */
const REQUESTS: { [T in RequestType]: { valid: RequestOf<T>; fields: Record<string, Field> } } = {
  'popup/get': { valid: { type: 'popup/get' }, fields: {} },
  'status/get': { valid: { type: 'status/get' }, fields: {} },
  'status/refresh': { valid: { type: 'status/refresh', replaced: true }, fields: { replaced: { ok: [true, false], optional: true } } },
  'break/start': {
    valid: { type: 'break/start', breakId: ID },
    fields: { breakId: { ...breakId, optional: true }, kind: { ok: ['micro', 'stretch'], optional: true } },
  },
  'break/snooze': { valid: { type: 'break/snooze', breakId: ID, minutes: 5 }, fields: { breakId, minutes: { ok: [5, 15], optional: true } } },
  'break/skip': { valid: { type: 'break/skip', breakId: ID }, fields: { breakId } },
  'break/session': { valid: { type: 'break/session', breakId: ID }, fields: { breakId } },
  'break/routine': { valid: { type: 'break/routine', breakId: ID, routineId: 'cat-cow', replace: false }, fields: { breakId, routineId, replace: { ok: [true, false] } } },
  'break/finish': {
    valid: { type: 'break/finish', breakId: ID, outcome: 'completed', routineId: null },
    fields: { breakId, outcome: { ok: ['completed', 'partial', 'skipped'] }, routineId: { ...routineId, ok: [...routineId.ok, null] } },
  },
  'pause/set': { valid: { type: 'pause/set', choice: '1h' }, fields: { choice: { ok: ['30m', '1h', '2h', 'tomorrow', 'indefinite'] } } },
  'pause/resume': { valid: { type: 'pause/resume' }, fields: {} },
};
const TYPES = Object.keys(REQUESTS) as RequestType[];

/** Values no field takes: wrong types, numbers out of range, ids and words off their rules, very long strings. */
const junk = (f: Field): fc.Arbitrary<unknown> =>
  fc
    .oneof(
      fc.anything(),
      fc.constantFrom(0, -5, 5.5, 10, 60, 1e308, Infinity, -Infinity, NaN, '', ' ', 'A B', '../x', '<script>', '__proto__', 'Stretch', 'indefinite ', 'x'.repeat(81), 'a'.repeat(100_000)),
      fc.string({ minLength: 81, maxLength: 2000 }),
      fc.string().map((s) => s.toUpperCase() + ' '),
    )
    .filter((x) => !f.ok.some((o) => Object.is(o, x)) && !(f.optional && x === undefined) && !(f.id && isId(x)));

const badMessage: fc.Arbitrary<unknown> = fc.constantFrom(...TYPES).chain((type) => {
  const { valid, fields } = REQUESTS[type];
  const names = Object.keys(fields);
  const required = names.filter((n) => !fields[n]!.optional);
  const choices: fc.Arbitrary<unknown>[] = [
    // The type itself wrong, missing, or another type's name with this one's fields.
    junk({ ok: TYPES }).map((t) => ({ ...valid, type: t })),
    fc.constant(Object.fromEntries(Object.entries(valid).filter(([k]) => k !== 'type'))),
    // Not an object at all.
    fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.array(fc.constant(valid))),
  ];
  if (names.length) choices.push(fc.constantFrom(...names).chain((n) => junk(fields[n]!).map((x) => ({ ...valid, [n]: x }))));
  if (required.length) choices.push(fc.constantFrom(...required).map((n) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== n))));
  return fc.oneof(...choices);
});

/** The stretch break at T0 + 50 min prompted; a record waits (the history was unavailable). */
async function prompted() {
  const w = world();
  const { platform } = await promptedWorker(w);
  const waiting = { entry: { id: 'stretch-1', kind: 'stretch' as const, outcome: 'skipped' as const, dueAt: T0, promptedAt: T0, startedAt: null, endedAt: T0, routineId: null, deskMs: 0, snoozes: 0, manual: false }, timeZone: 'Europe/Berlin' };
  await w.store.saveTracker(w.stored().state!, [waiting]);
  w.clock.now += MIN;
  return { w, platform, ask: messageHandler(createRuntime(platform, w.store)) };
}

describe('every request type', () => {
  it('the table has well-formed requests, and each field the pages send passes', () => {
    for (const type of TYPES) {
      const { valid, fields } = REQUESTS[type];
      expect(parseRequest(valid), type).toEqual(valid);
      for (const [n, f] of Object.entries(fields)) {
        for (const x of f.ok) expect(parseRequest({ ...valid, [n]: x }), `${type} ${n}=${JSON.stringify(x)}`).toEqual({ ...valid, [n]: x });
        if (f.optional) expect(parseRequest(Object.fromEntries(Object.entries(valid).filter(([k]) => k !== n))), `${type} without ${n}`).not.toBeNull();
      }
    }
  });

  it('a malformed request is answered "badRequest" and changes nothing stored, nor opens or shows anything', async () => {
    const { w, platform, ask } = await prompted();
    const before = structuredClone({ stored: w.stored(), history: [...w.history.values()], log: w.log.length });
    await fc.assert(
      fc.asyncProperty(badMessage, async (m) => {
        expect(await ask(m)).toEqual({ ok: false, error: 'badRequest' });
      }),
      { numRuns: 600, seed: 20261203 },
    );
    expect(w.stored()).toEqual(before.stored);
    expect([...w.history.values()]).toEqual(before.history);
    expect(w.log.length).toBe(before.log);
    expect(platform.openBreakWindow).not.toHaveBeenCalled();
  });

  it('extra fields, prototype keys among them, are dropped: the request is answered as it is without them', async () => {
    const extra = fc.dictionary(
      fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'until', 'since', 'state', 'ok'), fc.string()),
      fc.anything(),
      { minKeys: 1, maxKeys: 5 },
    );
    await fc.assert(
      fc.property(fc.constantFrom(...TYPES), extra, fc.boolean(), (type, more, protoKey) => {
        const { valid, fields } = REQUESTS[type];
        const own = new Set(['type', ...Object.keys(fields)]);
        const raw = JSON.parse(JSON.stringify({ ...Object.fromEntries(Object.entries(more).filter(([k]) => !own.has(k))), ...valid })) as Record<string, unknown>;
        // A `__proto__` key arrives as an own key (JSON.parse), and must neither be kept nor act as the prototype.
        if (protoKey) Object.defineProperty(raw, '__proto__', { value: { ...valid, type: 'pause/set', choice: 'indefinite' }, enumerable: true, configurable: true, writable: true });
        const parsed = parseRequest(raw);
        expect(parsed).toEqual(valid);
        expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
        expect(Object.keys(parsed!).sort()).toEqual(Object.keys(valid).sort());
      }),
      { numRuns: 400, seed: 20261203 },
    );
  });

  it('each well-formed request gets a reply of its shape: data, or one of the known refusals', async () => {
    const errors = ['noSuchBreak', 'snoozeLimit', 'strict', 'paused'];
    for (const type of TYPES) {
      const { ask } = await prompted();
      const reply = (await ask(REQUESTS[type].valid)) as { ok: boolean; data?: unknown; error?: string };
      if (reply.ok) expect(reply, type).toHaveProperty('data');
      else expect(errors, `${type}: ${reply.error}`).toContain(reply.error);
    }
  });
});
