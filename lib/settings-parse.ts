/**
 * Settings read with the reasons they are refused: for an import (lib/backup-parse.ts) and the
 * check of a typed field (lib/settings-validate.ts), which the options page loads after its first
 * paint. Apart from lib/settings.ts so that what the pages load up front (they check settings with
 * `validSettings`) carries no code that words the reasons.
 */
import * as v from 'valibot';
import { SettingsSchema, type Settings } from './settings';

/** Parses anything (storage, an import) into settings, or says why not. Never throws. */
export function parseSettings(raw: unknown): { ok: true; value: Settings } | { ok: false; issues: string[] } {
  const r = v.safeParse(SettingsSchema, raw);
  if (r.success) return { ok: true, value: r.output };
  return { ok: false, issues: r.issues.map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`) };
}
