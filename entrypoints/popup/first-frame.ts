/**
 * The popup's first frame, drawn from the background's snapshot by the early script
 * (entrypoints/popup-early.ts) before Preact and the popup's module have loaded: the header, the
 * next break (App.tsx NextBreak) and today's ring and streak (components/TodayPanel.tsx), as the
 * same elements with the same classes and text. Preact then renders the whole popup into the same
 * container in one task (entrypoints/popup/main.tsx): it reuses these elements, and what it adds
 * (the week, pause, actions) comes below them, so nothing drawn here moves or flashes
 * (tests/e2e/loop.spec.ts checks both). Plain DOM calls and the browser's message catalogue only:
 * no framework, no polyfill, nothing that must load first.
 */
import type { PopupData } from '../../lib/protocol/messages';
import type { MessageKey } from '../../lib/i18n';
import { pluralKey } from '../../lib/plural';
import { clockCountdown } from '../../lib/format';
import { endPhrase, timePhrase, type TimePhrase } from '../../lib/time-phrase';

/** The catalogue's lookup (chrome.i18n.getMessage), '' for a missing key. */
export type Msg = (key: MessageKey, subs?: Array<string | number>) => string;

type Child = Node | string | null | false;
const SVG = 'http://www.w3.org/2000/svg';

function el(tag: string, attrs: Record<string, string | number> = {}, ...children: Child[]): Element {
  const svg = tag === 'svg' || tag === 'circle' || tag === 'path';
  const e = svg ? document.createElementNS(SVG, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  for (const c of children) if (c !== null && c !== false) e.append(c);
  return e;
}

/** What a held break waits for, in words ('settle': the hold ended, the prompt comes shortly; 'pause': a pause in input or a tab switch; 'typing': a pause in input). */
export const HELD_TEXT = { fullscreen: 'whyHeldFullscreen', sound: 'whyHeldSound', call: 'whyHeldCall', settle: 'whyHeldSettle', pause: 'whyHeldPause', typing: 'whyHeldTyping' } as const satisfies Record<string, MessageKey>;

function nextBreak(data: PopupData, now: number, msg: Msg): Element {
  const tr = data.status.tracker;
  const kind = (k: 'micro' | 'stretch') => msg(k === 'stretch' ? 'kindStretch' : 'kindMicro');
  // A time as its phrase ("at 1:15 PM", "a la 1:15"), as App's tTime writes it; `now`: another day by its weekday.
  const time = (phrase: TimePhrase, at: number, today?: number) => timePhrase(msg, document.documentElement.lang, phrase, at, { now: today });
  const why = (cls: string, text: string) => el('p', { class: cls, 'data-testid': 'next-why' }, text);
  const paused = (p: { until: number | null }) => (p.until === null ? msg('whyPausedIndefinite') : msg('whyPaused', [time('until', p.until, now)]));
  // Where the working hours end, as App's tTimeEnd writes it ("at 24:00" for hours that end at midnight).
  const end = (phrase: 'at' | 'until', at: number) => endPhrase(msg, document.documentElement.lang, phrase, at);
  if (tr.open && (tr.phase === 'due' || tr.phase === 'onBreak')) {
    const due = tr.phase === 'due';
    return el(
      'section',
      { class: 'card next due', 'aria-labelledby': 'next-h', 'data-testid': 'next-break' },
      el('h2', { id: 'next-h' }, due ? msg('statusDue', [kind(tr.open.kind)]) : msg('statusOnBreak')),
      tr.paused && why('muted small', paused(tr.paused)),
      el(
        'div',
        { class: 'row' },
        el('button', { class: 'btn btn-primary', 'data-testid': 'start-due' }, msg(due ? 'actionStart' : 'actionResumeBreak')),
        due && tr.open.canSnooze && el('button', { class: 'btn', 'data-testid': 'snooze' }, msg('actionSnooze')),
        due && tr.open.canSkip && el('button', { class: 'btn btn-quiet', 'data-testid': 'skip' }, msg('actionSkip')),
      ),
    );
  }
  const body: Child[] = [];
  let counting = false;
  if (tr.paused) {
    body.push(why('why-big', paused(tr.paused)));
    if (tr.open && tr.phase === 'snoozed') body.push(el('p', { class: 'muted small' }, msg('whyPausedBreakWaits', [kind(tr.open.kind)])));
  } else if (tr.offHours) body.push(why('why-big', tr.offHours.until === null ? msg('whyOffHoursNoEnd') : msg('whyOffHours', [time('until', tr.offHours.until, now)])));
  else if (tr.held) body.push(why('why-big', msg(HELD_TEXT[tr.held.reason], [tr.hoursEnd ? end('until', tr.held.until) : time('latest', tr.held.until)])));
  else if (tr.hoursEnd) body.push(why('muted', msg('whyHoursEnd', [end('at', tr.hoursEnd)])));
  else if (tr.next) {
    counting = true;
    body.push(
      el('p', { class: 'countdown', 'data-testid': 'countdown', 'aria-live': 'off' }, clockCountdown(tr.next.at - now)),
      why('muted small', tr.phase === 'snoozed' ? msg('whySnoozed', [time('until', tr.next.at)]) : msg('whyNext', [kind(tr.next.kind), time('at', tr.next.at)])),
    );
  } else body.push(why('muted', msg(tr.activity !== 'active' ? 'whyAway' : 'whyNoBreaks')));
  return el(
    'section',
    { class: 'card next', 'aria-labelledby': 'next-h', 'data-testid': 'next-break' },
    // "Next break in" only above a countdown; over a pause, off hours, a hold or no break, the card's plain name.
    el('h2', { id: 'next-h', class: 'muted small' }, msg(counting ? 'nextBreak' : 'remindersHeading')),
    ...body,
    tr.lastNaturalAt !== null && now - tr.lastNaturalAt < 3 * 3600_000 && el('p', { class: 'muted small' }, msg('whyNaturalCredited', [time('at', tr.lastNaturalAt)])),
  );
}

/** Today's ring and streak (TodayPanel's first row and components/WeekCharts.tsx TodayRing), or why there is no history; a history not read just now keeps today's last figures under a note. */
function today(data: PopupData, msg: Msg, num: (n: number) => string): Child[] {
  const { status, history: h } = data;
  const waiting = status.waitingRecords > 0 && el('p', { class: 'notice', role: 'status', 'data-testid': 'history-waiting' }, msg('historyWaiting', [status.waitingRecords]));
  const unreachable = (status.historyError || waiting) && el('p', { class: 'notice', role: 'status', 'data-testid': 'history-unreachable' }, msg('historyUnreachable'));
  if (!status.today || !h) {
    return [waiting, unreachable || el('p', { class: 'notice', role: 'status', 'data-testid': 'history-off' }, msg('historyOff'))];
  }
  const td = status.today;
  const due = Math.max(h.ring.due, td.taken);
  const r = 26;
  const c = 2 * Math.PI * r;
  const frac = due > 0 ? Math.min(1, td.taken / due) : 0;
  const circle = (cls: string, more: Record<string, string> = {}) => el('circle', { class: cls, cx: 32, cy: 32, r, 'stroke-width': 7, ...more });
  const ring = el(
    'div',
    { class: 'ring', role: 'img', 'aria-label': due > 0 ? msg(pluralKey('ringLabel', due, document.documentElement.lang), [td.taken, due]) : msg('ringNoneDue'), 'data-testid': 'today-ring', 'data-taken': td.taken, 'data-due': due },
    el(
      'svg',
      { viewBox: '0 0 64 64', width: 64, height: 64, 'aria-hidden': 'true', focusable: 'false' },
      circle('ring-track'),
      frac > 0 && circle(`ring-bar${h.ring.met ? ' met' : ''}`, { 'stroke-dasharray': `${(c * frac).toFixed(2)} ${c.toFixed(2)}`, transform: 'rotate(-90 32 32)' }),
    ),
    el('div', { class: 'ring-text' }, el('span', { class: 'ring-count', 'data-testid': 'today-count' }, num(td.taken)), due > 0 && el('span', { class: 'ring-of' }, msg('ringOf', [due]))),
  );
  const flame = el(
    'svg',
    { class: `flame${td.streak > 0 ? ' lit' : ''}`, viewBox: '0 0 24 24', width: 20, height: 20, 'aria-hidden': 'true', focusable: 'false' },
    el('path', { d: 'M12 2c1 3.5 5 5.5 5 10.5A5 5 0 0 1 7 12.5c0-2 1-3.5 2-4.5 0 2 1 3 2 3-1-3 0-6 1-9z', fill: 'currentColor' }),
  );
  return [
    el(
      'section',
      { class: 'today', 'aria-labelledby': 'today-h', 'data-testid': 'today' },
      el('h2', { id: 'today-h', class: 'visually-hidden' }, msg('todayHeading')),
      waiting,
      status.historyError && unreachable,
      el(
        'div',
        { class: 'stats' },
        el('div', { class: 'card stat stat-ring' }, ring, el('span', { class: 'stat-label' }, msg(pluralKey('breaksToday', td.taken, document.documentElement.lang)))),
        el(
          'div',
          { class: 'card stat stat-streak' },
          el('span', { class: 'stat-value' }, flame, el('span', { 'data-testid': 'streak' }, num(td.streak)), el('span', { class: 'stat-label' }, msg(pluralKey('streakDays', td.streak, document.documentElement.lang)))),
          el('span', { class: 'muted small', 'data-testid': 'longest' }, msg('streakBest', [td.longest])),
        ),
      ),
    ),
  ];
}

/** The first frame's elements for `data` at `now` (the page's clock), as App renders its top part. */
export function firstFrame(data: PopupData, now: number, text: Msg): Element {
  // Numbers in a sentence as the locale writes them (1,500), as lib/i18n.ts t() does for the popup.
  const numbers = new Intl.NumberFormat();
  const msg: Msg = (key, subs) => text(key, subs?.map((s) => (typeof s === 'number' ? numbers.format(s) : s)));
  return el(
    'main',
    { class: 'popup', 'aria-busy': 'true', 'data-source': 'snapshot' },
    el('header', { class: 'popup-head' }, el('img', { src: '/icons/32.png', alt: '', width: 24, height: 24 }), el('h1', {}, msg('appName'))),
    nextBreak(data, now, msg),
    ...today(data, msg, (n) => numbers.format(n)),
  );
}
