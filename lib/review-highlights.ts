/**
 * The weekly review's highlights: plain-language lines, each derived from the week's figures
 * (lib/week-stats.ts) and the streaks, never random. Pure. Messages are keys into the message
 * catalogue plus typed values the review page formats (durations, dates, routine titles,
 * body-area names).
 */
import type { BodyArea } from '../content/types';
import type { DayKey } from './days';
import type { MessageKey, PluralBase } from './i18n';
import { isOwnId } from './own-routine-play';
import type { StreakScan } from './streaks';
import { GONE_ROUTINE, type WeekStats } from './week-stats';

export type HighlightValue = { n: number } | { share: number } | { ms: number } | { day: DayKey } | { routine: string } | { areas: BodyArea[] };

/** A highlight: a message, or a plural set (lib/plural.ts) with the count its form follows. */
export type Highlight = { key: MessageKey; values: HighlightValue[] } | { key: PluralBase; count: number; values: HighlightValue[] };

/** Desk time the page writes as at least "1 min" (it rounds to minutes): less is not worth a sentence. */
const SAID_MS = 30_000;

/**
 * Plain-language highlights, each derived from the numbers (in a fixed order of interest). Counts
 * are compared with last week up to the same weekday (`soFar`); rates and maxima with all of it,
 * a maximum called shorter only when it is shorter than last week's by the same weekday too.
 * `own`: the ids of the user's own routines that still exist (one deleted since has no name to quote);
 * null when they could not be read (one of them most used is then neither named nor called deleted).
 */
export function highlights(tw: WeekStats, lw: WeekStats, scan: StreakScan, soFar: WeekStats = lw, own: ReadonlySet<string> | null = new Set()): Highlight[] {
  const out: Highlight[] = [];
  // Recorded: taken (completed, partial, natural) or skipped. With none ever, the page's empty
  // card says so (a new user's words): no highlight repeats it.
  if (tw.taken + tw.skipped === 0 && lw.taken + lw.skipped === 0) {
    if (scan.anyHistory) out.push({ key: 'hlNoBreaks', values: [] });
  } else if (soFar.taken === 0) out.push({ key: 'hlTakenFirst', values: [{ n: tw.taken }] });
  else if (tw.taken > soFar.taken) out.push({ key: 'hlTakenMore', values: [{ n: tw.taken }, { n: tw.taken - soFar.taken }] });
  else if (tw.taken < soFar.taken) out.push({ key: 'hlTakenFewer', values: [{ n: tw.taken }, { n: soFar.taken }] });
  else out.push({ key: 'hlTakenSame', values: [{ n: tw.taken }] });

  if (tw.due > 0) {
    // Shares as they are (0..1): the page words them (components/history-format.ts percent).
    out.push(lw.due > 0 ? { key: 'hlShare', values: [{ share: tw.share }, { share: lw.share }] } : { key: 'hlShareOnly', values: [{ share: tw.share }] });
  }
  if (tw.workDays > 0) out.push({ key: 'hlMetDays', values: [{ n: tw.metDays }, { n: tw.workDays }] });
  if (tw.longestMs >= SAID_MS && tw.longestDay) {
    const v: HighlightValue[] = [{ ms: tw.longestMs }, { day: tw.longestDay }];
    // Shorter only once last week had sat longer by this day: early in the week, a few days' longest
    // is all but sure to be shorter than seven days' (longer than all of them is longer at once).
    if (soFar.longestMs > tw.longestMs) out.push({ key: 'hlSitShorter', values: [...v, { ms: lw.longestMs }] });
    else if (lw.longestMs > 0 && tw.longestMs > lw.longestMs) out.push({ key: 'hlSitLonger', values: [...v, { ms: lw.longestMs }] });
    else out.push({ key: 'hlSit', values: v });
  }
  // The week's 7 days a value too, so that they are written in the same digits as the count.
  if (tw.deskDays > 0 && tw.deskMs / tw.deskDays >= SAID_MS) out.push({ key: 'hlDesk', values: [{ ms: Math.round(tw.deskMs / tw.deskDays) }, { n: tw.deskDays }, { n: 7 }] });
  if (tw.natural > 0) out.push({ key: 'hlNatural', values: [{ n: tw.natural }] });
  const top = tw.routines.find((r) => r.id !== GONE_ROUTINE);
  if (top && isOwnId(top.id) && !own?.has(top.id)) {
    if (own) out.push({ key: 'hlTopRoutineGone', values: [{ n: top.n }] });
  } else if (top) out.push({ key: 'hlTopRoutine', values: [{ routine: top.id }, { n: top.n }] });
  if (tw.areas.length) out.push({ key: 'hlAreas', values: [{ areas: tw.areas.slice(0, 3).map((a) => a.area) }] });
  if (scan.current >= 2 && scan.current === scan.longest) out.push({ key: 'hlBestStreak', count: scan.current, values: [{ n: scan.current }] });
  else if (scan.current > 0) out.push({ key: 'hlStreak', values: [{ n: scan.current }, { n: scan.longest }] });
  return out;
}
