/**
 * A worker stopped between saving the state and carrying out the effects.
 * README: "a worker stopped at any instant while it handles a due break (a crash, a killed
 * process) is woken again and the break still comes, at most half a minute late, never twice."
 */
import { describe, expect, it } from 'vitest';
import { lifecycle } from './lifecycle';
import { createRuntime } from './runtime';
import { MIN, SETTINGS, T0, nextWorker, promptedWorker, settle, world, workUntilDue } from '../../tests/engine-stop-world';

const hang = () => new Promise<never>(() => undefined);

describe('worker stopped between save and effects', () => {
  it('prompts as the break window only: the break still comes after the worker is stopped mid-prompt', async () => {
    const w = world({ ...SETTINGS, prompts: { notification: false, openWindow: true } });
    const pA = w.platform();
    const a = lifecycle(createRuntime(pA, w.store));
    await workUntilDue(w, a);
    // The alarm at the due time; the worker is stopped while it opens the break window.
    pA.openBreakWindow = hang;
    w.clock.now = T0 + 50 * MIN;
    void a.dispatch({ type: 'tick' });
    await settle();
    expect(w.stored().state!.phase.name).toBe('due');
    const id = `stretch-${T0 + 50 * MIN}`;

    // A new worker: its start, then the alarm firing again 30 s later (it repeats until handled).
    const { platform: pB, worker: b } = await nextWorker(w);
    // Even the 3-minute reminder:
    w.clock.now = T0 + 54 * MIN;
    await b.dispatch({ type: 'tick' });
    expect(pB.openBreakWindow).toHaveBeenCalledWith(id);
  });

  it('Start clicked on the notification: the break window opens even if the worker stops right after saving', async () => {
    const w = world();
    const { platform: pA, worker: a, id } = await promptedWorker(w);
    expect(w.notifications.has(id)).toBe(true);
    // The Start button (background.ts onButtonClicked index 0); the worker stops while it carries out the effects.
    pA.clearPrompt = hang;
    pA.openBreakWindow = hang;
    w.clock.now += 10_000;
    void a.dispatch({ type: 'start', breakId: id });
    await settle();
    expect(w.stored().state!.phase.name).toBe('onBreak');

    const { platform: pB } = await nextWorker(w);
    expect(pB.openBreakWindow).toHaveBeenCalledWith(id);
  });

  it('a break window that is open is left alone when the worker starts again', async () => {
    const w = world({ ...SETTINGS, prompts: { notification: false, openWindow: true } });
    const a = lifecycle(createRuntime(w.platform(), w.store));
    await workUntilDue(w, a);
    w.clock.now = T0 + 50 * MIN;
    await a.dispatch({ type: 'tick' });
    const id = `stretch-${T0 + 50 * MIN}`;
    expect(w.windows.has(id)).toBe(true);
    const pB = w.platform();
    await lifecycle(createRuntime(pB, w.store)).wake();
    expect(pB.openBreakWindow).not.toHaveBeenCalled();
  });
});
