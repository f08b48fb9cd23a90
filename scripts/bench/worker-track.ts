/**
 * The running intervals of one service worker, from the DevTools protocol's
 * `ServiceWorker.workerVersionUpdated` running states (heard on a page session, nothing attached
 * to the worker): how often it started and how long it ran within a window. Chromium stops an
 * idle extension worker ~30 s after its last event, which is what makes wake-ups countable.
 */
export class WorkerTrack {
  readonly intervals: Array<{ from: number; to: number | null }> = [];
  get up(): boolean {
    return this.intervals.at(-1)?.to === null;
  }
  update(runningStatus: string, at: number): void {
    const up = runningStatus === 'starting' || runningStatus === 'running';
    if (up && !this.up) this.intervals.push({ from: at, to: null });
    else if (!up && this.up) this.intervals.at(-1)!.to = at;
  }
  /** Starts within [t0, t1] (a worker already running at t0 is not a start). */
  starts(t0: number, t1: number): number {
    return this.intervals.filter((i) => i.from >= t0 && i.from <= t1).length;
  }
  /** Seconds running within [t0, t1]. */
  runningSec(t0: number, t1: number): number {
    let ms = 0;
    for (const i of this.intervals) ms += Math.max(0, Math.min(i.to ?? t1, t1) - Math.max(i.from, t0));
    return ms / 1000;
  }
}
