/**
 * A page naming a break the background does not have open (a stale break window, another break's
 * id): its session is none, its routine is refused "noSuchBreak", and nothing stored changes
 * (compared with what was stored before the request, not with the handler's own answer).
 */
import { describe, expect, it } from 'vitest';
import { messageHandler } from '../engine/handlers';
import { createRuntime } from '../engine/runtime';
import { parseRequest } from './requests';
import { MIN, promptedWorker, world } from '../../tests/engine-stop-world';

/** What a request could change: the break and its routine, the records waiting, the history (a refusal still moves the clock on). */
const kept = (w: ReturnType<typeof world>) => structuredClone({ phase: w.stored().state?.phase, outbox: w.stored().outbox, history: [...w.history.values()] });

async function started() {
  const w = world();
  const { platform, id } = await promptedWorker(w);
  const rt = createRuntime(platform, w.store);
  const ask = messageHandler(rt);
  expect(await ask({ type: 'break/start', breakId: id })).toEqual({ ok: true, data: { started: true } });
  w.clock.now += MIN;
  // Other breaks' ids: one of another kind at the same moment, one of the same kind a minute later.
  const [suffix] = id.split('-').slice(-1);
  return { w, rt, ask, id, others: [`micro-${suffix}`, `manual-${suffix}`, `stretch-${Number(suffix) + MIN}`] };
}

describe('requests naming a break that is not the open one', () => {
  it("the break's own id gets its session; another break's gets none, and nothing stored changes", async () => {
    const { w, ask, id, others } = await started();
    expect(await ask({ type: 'break/session', breakId: id })).toMatchObject({ ok: true, data: { breakId: id, started: true } });
    const before = kept(w);
    for (const other of others) expect(await ask({ type: 'break/session', breakId: other }), other).toEqual({ ok: true, data: null });
    expect(kept(w)).toEqual(before);
  });

  it("a routine for another break is refused, and the open break's routine stays unchosen", async () => {
    const { w, rt, ask, id, others } = await started();
    const before = kept(w);
    for (const other of others) {
      expect(await ask({ type: 'break/routine', breakId: other, routineId: 'cat-cow', replace: true }), other).toEqual({ ok: false, error: 'noSuchBreak' });
      // The tracker refuses it too, whoever asks (the handler's check is not the only one).
      expect((await rt.handle({ type: 'setRoutine', breakId: other, routineId: 'cat-cow' })).result.refused, other).toBe('noSuchBreak');
    }
    expect(kept(w)).toEqual(before);
    expect(await ask({ type: 'break/session', breakId: id })).toMatchObject({ ok: true, data: { routineId: null } });
  });

  it('a pause choice not offered (a length of its own) is no request', () => {
    for (const choice of ['8h', '3h', '30', '0m', '1H', 'tomorrow ', null]) expect(parseRequest({ type: 'pause/set', choice }), String(choice)).toBeNull();
  });
});
