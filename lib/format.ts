/** Formatting for display; the locale and zone come from the page. Pure. */

let digits: Intl.NumberFormat | undefined;

/** "4:59", "1:02:05", in the digits the locale writes numbers in (۴:۵۹ in Persian), as every other number on the page. */
export function clockCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`.replace(/\d/g, (d) => (digits ??= new Intl.NumberFormat()).format(+d));
}

export function timeOfDay(epochMs: number, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(epochMs);
}

/** Whether two instants fall on the same calendar day in `timeZone` (the page's zone when omitted). */
export function sameDay(a: number, b: number, timeZone?: string): boolean {
  const day = (t: number) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);
  return day(a) === day(b);
}

/** "14:00" today, or "Mon 09:00" for another day. */
export function timeOfDayOrDate(epochMs: number, now: number, locale?: string, timeZone?: string): string {
  if (sameDay(epochMs, now, timeZone)) return timeOfDay(epochMs, locale, timeZone);
  return new Intl.DateTimeFormat(locale, { weekday: 'short', hour: 'numeric', minute: '2-digit', timeZone }).format(epochMs);
}

/**
 * A date as `f` writes it, with one fix Intl lacks: French writes the first of the month as an
 * ordinal, "1er mars" (Intl: "1 mars"); every other day and language as Intl has it.
 */
export function formatDate(f: Intl.DateTimeFormat, at: number): string {
  if (!f.resolvedOptions().locale.toLowerCase().startsWith('fr')) return f.format(at);
  return f.formatToParts(at).map((p) => (p.type === 'day' && p.value === '1' ? '1er' : p.value)).join('');
}
