/**
 * The safety screen's answer (before self-massage and the back routines it concerns): whether one
 * of its health questions applies to this person. It is about their health, so it stays on this
 * device: storage.local only, never in the settings (which sync through the browser vendor),
 * never in a backup, cleared by a reset. PRIVACY.md says so, and a test holds it.
 */
import { storage } from 'wxt/utils/storage';
import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from './live';

/**
 * 'ask': not answered yet; 'screened': none of the screen's cautions applies (answered before a
 * back routine); 'allowed': none applies and self-massage is on; 'off': none applies and the
 * person switched self-massage off in Options (as 'screened', and a break's end no longer offers
 * it); 'hidden': one applies (content/picker.ts pickPrefsFor says what each one lets through).
 */
export type HealthAnswer = 'ask' | 'screened' | 'allowed' | 'off' | 'hidden';

export const HEALTH_KEY = 'healthScreen' as const;
const healthItem = storage.defineItem<HealthAnswer>(`local:${HEALTH_KEY}`, { fallback: 'ask' });

const valid = (v: unknown): HealthAnswer => (v === 'allowed' || v === 'hidden' || v === 'screened' || v === 'off' ? v : 'ask');

/** Whether a break's end offers to try self-massage: not answered yet, or answered only before a back routine. */
export function selfMassageOffered(a: HealthAnswer): boolean {
  return a === 'ask' || a === 'screened';
}

export async function loadHealthAnswer(): Promise<HealthAnswer> {
  return valid(await healthItem.getValue());
}

export async function saveHealthAnswer(a: HealthAnswer): Promise<void> {
  await healthItem.setValue(a);
}

export function watchHealthAnswer(cb: (a: HealthAnswer) => void): () => void {
  return healthItem.watch((v) => cb(valid(v)));
}

/**
 * Limber 0.1 kept this answer in the settings (`routines.selfMassage`), which sync. On an update
 * the background moves such an answer here (a "one applies" answer wins over "none applies") and
 * writes both settings copies back without it. Does nothing once moved.
 */
export async function moveLegacyHealthAnswer(): Promise<void> {
  const areas = [browser.storage.local, browser.storage.sync] as const;
  const found: HealthAnswer[] = [];
  for (const area of areas) {
    let raw: unknown;
    try {
      raw = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
    } catch {
      continue; // sync unavailable
    }
    const routines = raw && typeof raw === 'object' ? (raw as { routines?: Record<string, unknown> }).routines : undefined;
    if (!routines || !('selfMassage' in routines)) continue;
    found.push(valid(routines.selfMassage));
    const { selfMassage: _gone, ...rest } = routines;
    await area.set({ [SETTINGS_KEY]: { ...(raw as object), routines: rest } }).catch(() => undefined);
  }
  if (!found.length || (await loadHealthAnswer()) !== 'ask') return;
  await saveHealthAnswer(found.includes('hidden') ? 'hidden' : found.includes('allowed') ? 'allowed' : 'ask');
}
