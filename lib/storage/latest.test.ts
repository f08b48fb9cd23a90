/** latestReload: of reloads started one after another, only the latest started is told. */
import { expect, it } from 'vitest';
import { latestReload } from './latest';

it('an earlier reload that finishes later is not told; the latest is, once', async () => {
  const told: string[] = [];
  const finish: Array<(v: string) => void> = [];
  const reload = latestReload(() => new Promise<string>((r) => finish.push(r)), (v) => told.push(v));
  reload();
  reload();
  finish[1]!('second');
  await Promise.resolve();
  finish[0]!('first'); // finishes last, started first
  await new Promise((r) => setTimeout(r, 0));
  expect(told).toEqual(['second']);
});
