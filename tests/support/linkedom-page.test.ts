/**
 * Preact's effects in the unit tests' pages (tests/support/linkedom-page.ts): a test that fakes
 * setTimeout and switches timers back while an effect flush is pending must not stop every later
 * page's effects (lib/popup-cases.test.ts: on a loaded machine, 21-28 tests in a row then timed out
 * waiting for the background's answer).
 */
import { expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { useEffect } from 'preact/hooks';
import { effectsSurviveTimerSwitches, tick } from './linkedom-page';

effectsSurviveTimerSwitches();

/** A page whose one effect says whether it ran. */
function mountWithEffect() {
  let ran = false;
  const { document } = parseHTML('<div id="root"></div>');
  Object.assign(globalThis, { document });
  const root = document.getElementById('root')!;
  render(h(() => (useEffect(() => void (ran = true), []), null), null), root as never);
  return { ran: () => ran, unmount: () => render(null, root as never) };
}

it('an effect flush pending on a fake clock that is switched off (vi.useRealTimers, or vi.useFakeTimers again) is not lost, nor are later pages\' effects (none ran again in the file)', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const first = mountWithEffect(); // its effects' flush set while setTimeout is fake...
  vi.useFakeTimers({ toFake: ['Date'] }); // ...and the fake clock it was on discarded
  vi.useRealTimers();
  await tick(100);
  const later = mountWithEffect();
  await tick(100);
  first.unmount();
  later.unmount();
  expect({ first: first.ran(), later: later.ran() }).toEqual({ first: true, later: true });
});

it('under fake timers, effects keep their place in fake time: they have run once the clock is advanced', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  try {
    const page = mountWithEffect();
    await vi.advanceTimersByTimeAsync(40);
    page.unmount();
    expect(page.ran()).toBe(true);
  } finally {
    vi.useRealTimers();
  }
});
