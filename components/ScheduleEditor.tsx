/**
 * The week editor for working hours: per weekday on/off and one or more ranges, add / remove,
 * copy a day to weekdays or all days, ranges may cross midnight. Invalid ranges get a message
 * next to them and nothing is handed on until the whole week is valid. Used by the options page
 * and the welcome page (one component, not two).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeSchedule, endsAtMidnight, fieldMinute, fieldText, formatMinute, scheduleValid, weekProblems, weekdayNames, type RangeProblem } from '../lib/schedule-form';
import type { Schedule, TimeRange, WeekStartSetting } from '../lib/settings';
import { firstWeekday } from '../lib/week';
import { pageLanguage, t, uiLanguage, type MessageKey } from '../lib/i18n';
import { timeOfDay } from '../lib/format';
import { canonical } from './hooks/canonical';
import { useFocusAfterRender } from './hooks/use-focus-after';
import './schedule-editor.css';

const DEFAULT_RANGE: TimeRange = { from: 9 * 60, to: 17 * 60 + 30 };
const MAX_RANGES = 6;

/**
 * A minute of the day as the locale writes a time (for words; the time inputs take fieldText's
 * 24-hour form): minutes since 1 January 1970 00:00 UTC, that time of the day. A range that ends
 * at midnight ends at formatMinute(1440), as the preview writes it ("18:00–24:00"): endsAtMidnight.
 */
const clockText = (m: number) => timeOfDay(m * 6e4, undefined, 'UTC');

const PROBLEM_KEY: Record<RangeProblem, MessageKey> = {
  zeroLength: 'schedErrZero',
  overlap: 'schedErrOverlap',
  overlapNextDay: 'schedErrOverlapNext',
  outOfDay: 'schedErrTime', // as a time cleared or half typed
};

interface Props {
  value: Schedule;
  /** Called with a valid schedule only. */
  onChange: (s: Schedule) => void;
  /** Show the on/off switch (the welcome page always uses a schedule). */
  showToggle?: boolean;
  idPrefix?: string;
  /** Which day the week is shown from (the settings' choice; 'locale' follows the UI language). */
  weekStart?: WeekStartSetting;
  /** A time being typed (true), then settled on (false): its field left, or a second with no change. */
  onTyping?: (typing: boolean) => void;
}

export function ScheduleEditor({ value, onChange, showToggle = true, idPrefix = 'sched', weekStart = 'mon', onTyping }: Props) {
  const firstDay = firstWeekday(weekStart, uiLanguage());
  // The draft may be invalid while the user types; only valid weeks are handed on.
  const [draft, setDraft] = useState<Schedule>(value);
  const [bad, setBad] = useState<Record<string, boolean>>({});
  // An action whose button goes away (✕, the sixth "Add hours") leaves the focus on its day.
  const root = useRef<HTMLDivElement>(null);
  const focusNext = useFocusAfterRender(root);
  // `value` is the stored week with this page's edits not yet saved on top (useSettings), so an
  // edit's own save coming back, or another setting's, gives the week on screen again. Anything
  // else was changed elsewhere (restore defaults, an import, another window): shown, unless mid-edit
  // (an invalid week edited here; one stored invalid, synced from elsewhere and untouched, is not).
  // The marks of fields left unreadable belong to the week replaced: kept, they would hold back
  // every later edit and name a problem the week shown does not have. Mid-edit, only the days
  // edited here are kept: the others come as now stored, or the edit, once fixed, would save the
  // days of before over the other window's change.
  const received = useRef(value);
  useEffect(() => {
    const before = received.current;
    const untouched = canonical(draft) === canonical(before);
    received.current = value;
    if (canonical(value) === canonical(draft)) return;
    const midEdit = !untouched && !scheduleValid(draft);
    const kept = (d: number) => midEdit && canonical(draft.days[d]) !== canonical(before.days[d]);
    setDraft({ ...value, days: value.days.map((r, d) => (kept(d) ? draft.days[d]! : r)) });
    setBad(without((d) => !kept(d)));
  }, [value]);

  const names = weekdayNames(undefined, 'long');
  const short = weekdayNames(undefined, 'short');
  // The days "Copy to" sets, named ("weekdays" reads Sunday to Thursday in Israel, and Italian "feriali" takes in Saturday).
  const monFri = t('schedRange', [short[0]!, short[4]!]);
  // `nextBad`: the fields still unreadable once this edit is made (a corrected field is no longer;
  // fields of ranges removed or replaced are gone), so a valid week is never held back by a stale mark.
  const update = (next: Schedule, nextBad = bad) => {
    setDraft(next);
    setBad(nextBad);
    if (scheduleValid(next) && Object.values(nextBad).every((b) => !b)) {
      onChange(next);
    }
  };
  // On or off, the days' fields are shown afresh (off, hidden): no mark outlives them. Off is
  // always handed on, whatever a hidden day shows: with the last valid week when the draft's is
  // not (kept here, with its problem shown again when switched back on).
  const toggle = (enabled: boolean) => {
    const next = { ...draft, enabled };
    if (enabled || scheduleValid(next)) return update(next, {});
    setDraft(next);
    setBad({});
    if (scheduleValid({ ...value, enabled })) onChange({ ...value, enabled });
  };
  const without = (days: (d: number) => boolean) => Object.fromEntries(Object.entries(bad).filter(([k]) => !days(Number(/-d(\d)-r/.exec(k)?.[1]))));
  const setDay = (d: number, ranges: TimeRange[], nextBad = without((x) => x === d)) => update({ ...draft, days: draft.days.map((r, i) => (i === d ? ranges : r)) }, nextBad);
  const setRange = (d: number, i: number, patch: Partial<TimeRange>, nextBad: Record<string, boolean>) =>
    setDay(d, (draft.days[d] ?? []).map((r, j) => (j === i ? { ...r, ...patch } : r)), nextBad);
  const copy = (d: number, to: 'weekdays' | 'all') =>
    update({ ...draft, days: draft.days.map((r, i) => ((to === 'all' || i < 5) ? (draft.days[d] ?? []).map((x) => ({ ...x })) : r)) }, without((x) => x !== d && (to === 'all' || x < 5)));

  const preview = describeSchedule(draft, undefined, firstDay, pageLanguage(), { range: (a, b) => t('schedRange', [a, b]), pair: (a, b) => t('schedDayPair', [a, b]) });
  const week = weekProblems(draft.days);
  const sentence = !draft.enabled
    ? t('schedPreviewAlways')
    : preview && preview.length
      ? t('schedPreview', new Intl.ListFormat(pageLanguage()).format(preview.map((g) => `${g.days} ${g.ranges}`)))
      : t('schedPreviewNone');
  // Each day's problems, each said once (the fields at fault are marked; a time unreadable: "Enter a time").
  const errors = Array.from({ length: 7 }, (_, d) => {
    const keys = new Set((week[d] ?? []).map((p) => PROBLEM_KEY[p.problem]));
    if (Object.entries(bad).some(([k, on]) => on && k.startsWith(`${idPrefix}-d${d}-r`))) keys.add('schedErrTime');
    return [...keys];
  });
  // A time field saves on each change ("0830": 8:00, 8:03, 8:30): the sentence on screen follows each; the
  // one read out (the live region) holds the one of before until the person settles, then says it once.
  // A day's problems (each its own alert) show until then only as they were: none new for a time on the way ("1" of
  // "13:30" is 01:00, overlapping the morning; '' at the "0" of "0830"), said once settled; one fixed goes at once.
  const [held, setHeld] = useState<string | null>(null);
  const [heldErrors, setHeldErrors] = useState<MessageKey[][] | null>(null);
  const quiet = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(quiet.current), []);
  const typing = (on: boolean) => {
    clearTimeout(quiet.current);
    if (on) quiet.current = setTimeout(() => typing(false), 1000);
    setHeld(on ? (h) => h ?? sentence : null);
    setHeldErrors(on ? (h) => h ?? errors : null);
    onTyping?.(on);
  };

  return (
    <div class="sched" ref={root}>
      {showToggle && (
        <label class="switch sched-toggle">
          <input type="checkbox" data-testid="schedule-enabled" checked={draft.enabled} onChange={(e) => toggle((e.target as HTMLInputElement).checked)} />
          <span>{t('schedEnabled')}</span>
        </label>
      )}
      <p class="sched-preview" aria-hidden="true" data-testid="schedule-preview">{sentence}</p>
      <p class="visually-hidden" role="status" data-testid="schedule-said">{held ?? sentence}</p>
      {draft.enabled && (
        <ol class="sched-days">
          {Array.from({ length: 7 }, (_, i) => (firstDay + i) % 7).map((d) => {
            const ranges = draft.days[d] ?? [];
            const problems = week[d] ?? [];
            const on = ranges.length > 0;
            const dayId = `${idPrefix}-d${d}`;
            const error = errors[d]!.filter((k) => (heldErrors ?? errors)[d]!.includes(k));
            return (
              <li class="sched-day" key={d}>
                <fieldset aria-describedby={error[0] && `${dayId}-err`}>
                  <legend class="visually-hidden">{names[d]}</legend>
                  <label class="sched-dayname">
                    <input type="checkbox" id={`${dayId}-on`} data-testid={`day-${d}`} checked={on} onChange={(e) => setDay(d, (e.target as HTMLInputElement).checked ? [{ ...DEFAULT_RANGE }] : [])} />
                    <span aria-hidden="true">{short[d]}</span>
                    <span class="visually-hidden">{t('schedWorkOn', names[d]!)}</span>
                  </label>
                  <div class="sched-ranges">
                    {!on && <span class="muted small">{t('schedDayOff')}</span>}
                    {ranges.map((r, i) => {
                      const rid = `${dayId}-r${i}`;
                      const crosses = r.to < r.from;
                      const faulty = problems.some((p) => p.index === i);
                      // With more than one range on the day, each field's label says which one it is in.
                      const label = (one: MessageKey, many: MessageKey) => (ranges.length > 1 ? t(many, [names[d]!, String(i + 1)]) : t(one, names[d]!));
                      return (
                        <div class="sched-range" key={i}>
                          <label class="visually-hidden" for={`${rid}-from`}>{label('schedFrom', 'schedFromNth')}</label>
                          <TimeInput
                            id={`${rid}-from`}
                            testId={`day-${d}-range-${i}-from`}
                            minute={r.from}
                            invalid={faulty || !!bad[`${rid}-from`]}
                            typing={typing}
                            onCommit={(v) => {
                              if (v === null) setBad({ ...bad, [`${rid}-from`]: true });
                              else setRange(d, i, { from: v }, { ...bad, [`${rid}-from`]: false });
                            }}
                          />
                          <span aria-hidden="true">–</span>
                          {/* The range's end and its ✕ wrap together: the ✕ never sits alone on a line. */}
                          <span class="sched-end">
                            <label class="visually-hidden" for={`${rid}-to`}>{label('schedTo', 'schedToNth')}</label>
                            <TimeInput
                              id={`${rid}-to`}
                              testId={`day-${d}-range-${i}-to`}
                              minute={r.to}
                              invalid={faulty || !!bad[`${rid}-to`]}
                              typing={typing}
                              onCommit={(v) => {
                                if (v === null) setBad({ ...bad, [`${rid}-to`]: true });
                                else setRange(d, i, { to: v }, { ...bad, [`${rid}-to`]: false });
                              }}
                            />
                            {crosses && <span class="muted small">{t('schedNextDay')}</span>}
                            <button
                              type="button"
                              id={`${rid}-remove`}
                              class="btn btn-quiet sched-remove"
                              aria-label={t('schedRemove', [names[d]!, clockText(r.from), endsAtMidnight(r) ? formatMinute(1440) : clockText(r.to)])}
                              onClick={() => {
                                // The range that takes its place, else the one before; none left, the day's checkbox.
                                focusNext.current = ranges.length > 1 ? `#${dayId}-r${Math.min(i, ranges.length - 2)}-remove` : `#${dayId}-on`;
                                setDay(d, ranges.filter((_, j) => j !== i));
                              }}
                            >
                              ✕
                            </button>
                          </span>
                        </div>
                      );
                    })}
                    {error[0] && (
                      <p id={`${dayId}-err`} class="field-error" data-testid={`day-${d}-error`}>
                        {error.map((k) => <span key={k} role="alert">{t(k)}</span>)}
                      </p>
                    )}
                  </div>
                  <div class="sched-actions">
                    {on && ranges.length < MAX_RANGES && (
                      <button
                        type="button"
                        class="btn btn-quiet"
                        data-testid={`day-${d}-add`}
                        aria-label={t('schedAddOn', names[d]!)}
                        onClick={() => {
                          // To the new range's start (the sixth takes the button away).
                          focusNext.current = `#${dayId}-r${ranges.length}-from`;
                          setDay(d, [...ranges, nextRange(ranges)]);
                        }}
                      >
                        {t('schedAdd')}
                      </button>
                    )}
                    <button type="button" class="btn btn-quiet" data-testid={`day-${d}-copy-weekdays`} aria-label={t('schedCopyWeekdaysFrom', [monFri, names[d]!])} onClick={() => copy(d, 'weekdays')}>
                      {t('schedCopyWeekdays', monFri)}
                    </button>
                    <button type="button" class="btn btn-quiet" aria-label={t('schedCopyAllFrom', names[d]!)} onClick={() => copy(d, 'all')}>
                      {t('schedCopyAll')}
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

/** A sensible next range after the existing ones (an hour after the last ends). */
function nextRange(ranges: readonly TimeRange[]): TimeRange {
  const last = ranges[ranges.length - 1];
  if (!last) return { ...DEFAULT_RANGE };
  const from = Math.min(23 * 60, (last.to + 60) % 1440);
  return { from, to: Math.min(24 * 60 - 1, from + 120) };
}

/**
 * A time field that Preact never writes to while it has focus: rewriting `value` mid-typing
 * resets the browser's hour/minute segments, so typed digits would land in the wrong place. A
 * mark taken away (the range's week replaced, its day edited) shows its time again: an unmarked
 * field never keeps text that was not saved. Nor does a field left: a time it still shows is the
 * one in force once the change of its leaving is taken (the week replaced elsewhere while it had
 * the focus, say in a window in the background, it showed the time of before).
 */
function TimeInput({ id, testId, minute, invalid, onCommit, typing }: { id: string; testId: string; minute: number; invalid: boolean; onCommit: (v: number | null) => void; typing: (on: boolean) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  const now = useRef(minute);
  now.current = minute;
  useEffect(() => {
    const el = ref.current;
    if (el && document.activeElement !== el) el.value = fieldText(minute);
  }, [minute, invalid]);
  return (
    <input
      ref={ref}
      id={id}
      type="time"
      data-testid={testId}
      aria-invalid={invalid}
      onChange={(e) => {
        typing(true);
        onCommit(fieldMinute((e.target as HTMLInputElement).value));
      }}
      onBlur={(e) => {
        const el = e.target as HTMLInputElement;
        typing(false);
        if (fieldMinute(el.value) === null) onCommit(null);
        else setTimeout(() => document.activeElement !== el && (el.value = fieldText(now.current)));
      }}
    />
  );
}
