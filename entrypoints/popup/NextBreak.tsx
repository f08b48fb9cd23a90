/** The popup's first card: the next break (or why none is coming), and a due break's Start, Snooze and Skip. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ask, type Status } from '../../lib/protocol/messages';
import { t } from '../../lib/i18n';
import { tTime, tTimeEnd } from '../../lib/i18n-time';
import { clockCountdown } from '../../lib/format';
import { send } from '../../components/hooks/use-status';
import { HELD_TEXT } from './first-frame';
import { pausedText, type Act, type Aria } from './act';

export function NextBreak({ status, now, act, aria, told, tell }: { status: Status; now: number; act: Act; aria: Aria; told: string; tell: (text: string) => void }) {
  const tr = status.tracker;
  const kindLabel = (k: 'micro' | 'stretch') => (k === 'stretch' ? t('kindStretch') : t('kindMicro'));
  // Snooze and Skip go with the due card: they hand the keyboard focus to its heading (the same
  // element in both cards, so it stays). It moves while the card still says "due now": what came of
  // it (the new card's line, "Snoozed until …") is said once by App's polite region (`tell`).
  const head = useRef<HTMLHeadingElement>(null);
  const [asked, setAsked] = useState(false);
  // The Snooze or Skip still unanswered. Pressed again after "not answering" (App's `act` stops
  // waiting after 8 s), its answer is awaited again rather than a second one sent: the first, only
  // slow, snoozes the break, and the second was refused (no break due) and said "That did not work".
  const out = useRef<{ what: string; answer: Promise<unknown> } | null>(null);
  const later = (type: 'break/snooze' | 'break/skip', breakId: string) => {
    head.current?.focus();
    tell('');
    const what = type + breakId;
    let o = out.current;
    if (o?.what !== what) {
      const answer = ask(send, { type, breakId }).then(() => setAsked(true));
      const gone = () => void (out.current === o && (out.current = null));
      answer.then(gone, gone);
      o = out.current = { what, answer };
    }
    const { answer } = o;
    void act(type === 'break/skip' ? 'skip' : 'snooze', () => answer);
  };
  const due = !!tr.open && (tr.phase === 'due' || tr.phase === 'onBreak');
  const why = () => head.current?.parentElement?.querySelector('[data-testid="next-why"]')?.textContent ?? '';
  useEffect(() => {
    if (!asked || due) return;
    setAsked(false);
    tell(why());
  }, [asked, due]);
  // What was said stays in the region, where a screen reader browsing the popup still reads it:
  // emptied once the card no longer says it (the snooze over, a pause chosen since).
  useEffect(() => {
    if (told && why() !== told) tell('');
  });

  if (tr.open && due) {
    const id = tr.open.id;
    return (
      <section class="card next due" aria-labelledby="next-h" data-testid="next-break">
        <h2 id="next-h" tabIndex={-1} ref={head}>{tr.phase === 'onBreak' ? t('statusOnBreak') : t('statusDue', kindLabel(tr.open.kind))}</h2>
        {/* A break taken while reminders are paused: the pause stands, and says until when (beside "Resume reminders"). */}
        {tr.paused && <p class="muted small" data-testid="next-why">{pausedText(tr.paused.until, now)}</p>}
        <div class="row">
          <button class="btn btn-primary" data-testid="start-due" aria-disabled={aria('start-due')} onClick={() => act('start-due', () => ask(send, { type: 'break/start', breakId: id }), true)}>
            {tr.phase === 'onBreak' ? t('actionResumeBreak') : t('actionStart')}
          </button>
          {tr.phase === 'due' && tr.open.canSnooze && (
            <button class="btn" data-testid="snooze" aria-disabled={aria('snooze')} onClick={() => later('break/snooze', id)}>
              {t('actionSnooze')}
            </button>
          )}
          {tr.phase === 'due' && tr.open.canSkip && (
            <button class="btn btn-quiet" data-testid="skip" aria-disabled={aria('skip')} onClick={() => later('break/skip', id)}>
              {t('actionSkip')}
            </button>
          )}
        </div>
      </section>
    );
  }

  let body;
  let counting = false;
  if (tr.paused) {
    body = (
      <p class="why-big" data-testid="next-why">
        {pausedText(tr.paused.until, now)}
      </p>
    );
    // A break waiting out the pause (strict mode, or postponed from its window): it is not gone.
    if (tr.open && tr.phase === 'snoozed') body = [body, <p class="muted small">{t('whyPausedBreakWaits', kindLabel(tr.open.kind))}</p>];
  } else if (tr.offHours) {
    body = (
      <p class="why-big" data-testid="next-why">
        {tr.offHours.until === null ? t('whyOffHoursNoEnd') : t('whyOffHours', tTime('until', tr.offHours.until, { now }))}
      </p>
    );
  } else if (tr.held) {
    // Held until the hours end: that end as the options page writes it (24:00, not 0:00).
    body = <p class="why-big" data-testid="next-why">{t(HELD_TEXT[tr.held.reason], tr.hoursEnd ? tTimeEnd('until', tr.held.until) : tTime('latest', tr.held.until))}</p>;
  } else if (tr.hoursEnd) {
    body = <p class="muted" data-testid="next-why">{t('whyHoursEnd', tTimeEnd('at', tr.hoursEnd))}</p>;
  } else if (tr.next) {
    counting = true;
    const left = tr.next.at - now;
    body = (
      <>
        <p class="countdown" data-testid="countdown" aria-live="off">{clockCountdown(left)}</p>
        <p class="muted small" data-testid="next-why">
          {tr.phase === 'snoozed' ? t('whySnoozed', tTime('until', tr.next.at)) : t('whyNext', [kindLabel(tr.next.kind), tTime('at', tr.next.at)])}
        </p>
      </>
    );
  } else if (tr.activity !== 'active') {
    body = <p class="muted" data-testid="next-why">{t('whyAway')}</p>;
  } else {
    body = <p class="muted" data-testid="next-why">{t('whyNoBreaks')}</p>;
  }
  return (
    <section class="card next" aria-labelledby="next-h" data-testid="next-break">
      {/* "Next break in" only above a countdown; over a pause, off hours, a hold or no break, the card's plain name. */}
      <h2 id="next-h" class="muted small" tabIndex={-1} ref={head}>{t(counting ? 'nextBreak' : 'remindersHeading')}</h2>
      {body}
      {tr.lastNaturalAt !== null && now - tr.lastNaturalAt < 3 * 3600_000 && (
        <p class="muted small">{t('whyNaturalCredited', tTime('at', tr.lastNaturalAt))}</p>
      )}
    </section>
  );
}
