import { browser } from 'wxt/browser';
import type { Activity } from '../tracker/tracker';

export async function configureIdle(idleSec: number): Promise<void> {
  browser.idle.setDetectionInterval(Math.max(15, Math.round(idleSec)));
}

export async function queryActivity(idleSec: number): Promise<Activity> {
  const s = await browser.idle.queryState(Math.max(15, Math.round(idleSec)));
  return s === 'locked' || s === 'idle' ? s : 'active';
}
