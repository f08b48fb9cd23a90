/**
 * The message catalogues as they are packaged: public/_locales/<loc>/messages.json keep a
 * `description` per message for translators; the browser never reads it, so the build
 * (wxt.config.ts, the build:publicAssets hook) writes each catalogue with its messages only,
 * unindented. Nine catalogues with descriptions would not fit the store package's budget
 * (scripts/bundle-size.ts BUDGET_KB.zip; README "Languages").
 */

/** Matches the packaged path of a catalogue, e.g. `_locales/pt_BR/messages.json`. */
export const CATALOGUE_PATH = /^_locales\/[^/]+\/messages\.json$/;

/**
 * The packaged form of a catalogue's text: every message, in order, with only its `message`
 * (and a `placeholders` block, should one ever appear: the browser reads that). Throws on a
 * catalogue that is not an object of messages, so a broken file fails the build, not the user.
 */
export function packCatalogue(text: string): string {
  const source = JSON.parse(text) as unknown;
  if (!source || typeof source !== 'object' || Array.isArray(source)) throw new Error('a message catalogue must be a JSON object');
  const out: Record<string, { message: string; placeholders?: unknown }> = {};
  for (const [key, entry] of Object.entries(source as Record<string, unknown>)) {
    const e = entry as { message?: unknown; placeholders?: unknown } | null;
    if (!e || typeof e.message !== 'string') throw new Error(`message catalogue: "${key}" has no message`);
    out[key] = e.placeholders === undefined ? { message: e.message } : { message: e.message, placeholders: e.placeholders };
  }
  return JSON.stringify(out);
}
