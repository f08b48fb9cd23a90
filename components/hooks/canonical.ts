/**
 * A value as text, its objects' keys sorted: Chrome's storage gives objects back with their keys
 * in alphabetical order, so a save coming back must be recognised whatever order it was built in.
 */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
