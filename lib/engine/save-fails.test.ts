/**
 * A state write that fails (storage.local refuses: full) and what the next events of the same
 * worker then do: they start from the state that could not be saved, not from the older one.
 */
import { describe, expect, it } from 'vitest';
import { lifecycle } from './lifecycle';
import { createRuntime } from './runtime';
import { MIN, T0, world, workUntilDue } from '../../tests/engine-stop-world';

describe('a state write that fails', () => {
  it('a break finished as completed stays completed in the history after one failed state write', async () => {
    const w = world();
    const p = w.platform();
    const lc = lifecycle(createRuntime(p, w.store));
    await lc.wake();
    await lc.dispatch({ type: 'start' });
    const id = (w.stored().state!.phase as { brk: { id: string } }).brk.id;
    w.clock.now += 3 * MIN;
    // Done in the break window; this one state write fails (the record itself is written).
    w.failSave.n = 1;
    await lc.dispatch({ type: 'finish', breakId: id, outcome: 'completed' });
    expect(w.history.get(id)?.outcome).toBe('completed');
    // The machine goes on as usual: the watchdog every few minutes.
    for (let i = 0; i < 6; i++) {
      w.clock.now += 4 * MIN;
      await lc.dispatch({ type: 'tick' });
    }
    expect(w.history.get(id)?.outcome).toBe('completed');
    expect(w.stored().state!.phase.name).toBe('working');
  });

  it('storage full: the prompt still comes (as designed), and its Start button then starts the break', async () => {
    const w = world();
    const p = w.platform();
    const lc = lifecycle(createRuntime(p, w.store));
    await workUntilDue(w, lc);
    w.failSave.always = true;
    w.clock.now = T0 + 50 * MIN;
    await lc.dispatch({ type: 'tick' });
    const id = `stretch-${T0 + 50 * MIN}`;
    expect(w.log).toContain(`showPrompt ${id}`);
    // The person clicks Start on the notification (background.ts: dispatch start with its id).
    w.clock.now += 20_000;
    const { result } = await lc.dispatch({ type: 'start', breakId: id });
    expect(result.refused).toBeUndefined();
    expect(p.openBreakWindow).toHaveBeenCalledWith(id);
  });
});
