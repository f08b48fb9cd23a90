/**
 * The live run's peer: a model, written here, of the published MV3 extension num2k/posture-reminder
 * (MIT; its packages/background.js), chosen as a real example of how many break reminders keep
 * their worker awake. What it models of that worker, and nothing else:
 *   - a wake-up alarm every ~5 s (`periodInMinutes: 0.08`), whose handler writes a heartbeat
 *     (`lastActiveTimestamp`, `serviceWorkerActive`) to storage.local and reads the settings from
 *     storage.sync;
 *   - a 30-s `setInterval` in the worker that writes the same heartbeat to storage.local;
 *   - the reminder: a repeating alarm at the interval that shows a notification.
 * Unpacked, as here, Chromium runs the 5-s alarm as asked; a store build's alarms are clamped to
 * 30 s, so in the field its alarm wakes it less often (its timer still writes every 30 s while
 * it runs). Its code is not copied; only this behaviour is.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const PEER = {
  name: 'num2k/posture-reminder (model)',
  alarmMin: 0.08,
  timerSec: 30,
} as const;

/** Writes the peer extension into `dir`; it reminds every `everySec`. */
export function writePeer(dir: string, icon: string, everySec: number): void {
  mkdirSync(dir, { recursive: true });
  copyFileSync(icon, path.join(dir, 'icon.png'));
  const manifest = {
    manifest_version: 3,
    name: 'Heartbeat reminder (bench peer, after num2k/posture-reminder)',
    version: '1.0.0',
    background: { service_worker: 'heartbeat.js' },
    permissions: ['alarms', 'notifications', 'storage'],
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(
    path.join(dir, 'heartbeat.js'),
    `// The bench's model of num2k/posture-reminder's worker (scripts/bench/heartbeat-peer.ts).
const WAKE = 'wakeUpServiceWorker';
const MAIN = 'postureReminderAlarm';
function heartbeat() {
  chrome.storage.local.set({ lastActiveTimestamp: Date.now(), serviceWorkerActive: true });
}
chrome.runtime.onInstalled.addListener(() => {
  chrome.alarms.create(WAKE, { delayInMinutes: ${PEER.alarmMin}, periodInMinutes: ${PEER.alarmMin} });
  chrome.alarms.create(MAIN, { delayInMinutes: ${everySec / 60}, periodInMinutes: ${everySec / 60} });
});
chrome.alarms.onAlarm.addListener(async (alarm) => {
  heartbeat();
  await chrome.storage.sync.get(['settings']);
  if (alarm.name === MAIN) {
    chrome.notifications.create('posture-' + Date.now(), { type: 'basic', iconUrl: 'icon.png', title: 'Posture Reminder', message: 'Take a short break and stretch!' });
  }
});
setInterval(heartbeat, ${PEER.timerSec * 1000});
heartbeat();
`,
  );
}
