/** latestReload and followStored: an older read is never told after a newer value. */
import { describe, expect, it } from 'vitest';
import { followStored, latestReload } from './latest';

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

describe('followStored', () => {
  function world() {
    let finishLoad!: (v: string) => void;
    let tell!: (v: string) => void;
    let unwatched = 0;
    const told: string[] = [];
    const stop = followStored(
      () => new Promise<string>((r) => (finishLoad = r)),
      (cb) => {
        tell = cb;
        return () => void unwatched++;
      },
      (v) => told.push(v),
    );
    return { told, stop, finishLoad: (v: string) => finishLoad(v), tell: (v: string) => tell(v), unwatched: () => unwatched };
  }
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('tells the first read, then every change', async () => {
    const w = world();
    w.finishLoad('stored');
    await settle();
    w.tell('changed');
    expect(w.told).toEqual(['stored', 'changed']);
  });

  it('a first read that finishes after a change is not told: the change stays', async () => {
    const w = world();
    w.tell('changed');
    w.finishLoad('read before the change');
    await settle();
    expect(w.told).toEqual(['changed']);
  });

  it('after the stop, nothing is told and the watch is ended', async () => {
    const w = world();
    w.stop();
    w.finishLoad('late');
    w.tell('late change');
    await settle();
    expect(w.told).toEqual([]);
    expect(w.unwatched()).toBe(1);
  });
});
