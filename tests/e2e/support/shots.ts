/**
 * Screenshots for a person to look at (into test-results/), taken only with E2E_SHOTS=1. No
 * assertion reads them, and on a 2-core machine a full-page PNG costs a second or more of CPU
 * that every run would pay; `npm run screenshots` takes the README's pictures.
 */
export const SHOTS = Boolean(process.env.E2E_SHOTS);

type Shootable<O> = { screenshot(options: O): Promise<unknown> };

/** `target.screenshot(options)` when E2E_SHOTS is set; nothing otherwise. */
export async function shot<O>(target: Shootable<O>, options: O): Promise<void> {
  if (SHOTS) await target.screenshot(options);
}
