import { browser } from 'wxt/browser';
import { pauseTomorrowEnd } from '../../lib/pause-tomorrow';
import { useRef, useState } from 'preact/hooks';
import { ask, RequestError, type PopupData, type Status } from '../../lib/protocol/messages';
import { t } from '../../lib/i18n';
import { tTime, tTimeEnd } from '../../lib/i18n-time';
import { HELD_TEXT } from './first-frame';
import { clockCountdown } from '../../lib/format';
import { ANSWER_WAIT_MS, send, useNow } from '../../components/hooks/use-status';
import { usePopupData, type PopupLoad } from '../../components/hooks/use-popup-data';
import { TodayPanel } from '../../components/TodayPanel';
import { useNotificationCheck } from '../../components/hooks/use-notification-check';
import { takeWhatsNew } from '../../lib/storage/live';
import { useEffect } from 'preact/hooks';

/** The "updated" line (with the new version) shows once after an update, then is cleared. */
function useWhatsNewOnce(): string | null {
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    void takeWhatsNew().then((v) => v && setVersion(v));
  }, []);
  return version;
}

/**
 * `load`: the snapshot read and the request started as the page loaded; `initial`: the snapshot,
 * when it was there in time for the first render (entrypoints/popup/main.tsx).
 */
export function App({ load, initial }: { load: PopupLoad; initial: PopupData | null }) {
  const now = useNow(1000);
  const { shown, error, refresh } = usePopupData(load, initial, now);
  const status = shown?.data.status ?? null;
  const notifications = useNotificationCheck();
  const whatsNew = useWhatsNewOnce();
  const [actionError, setActionError] = useState<string | null>(null);
  // The button of the action under way (its data-testid), aria-disabled while its answer is awaited.
  const [pressed, setPressed] = useState<string | null>(null);
  const [told, setTold] = useState('');
  const loading = !error && (!shown || shown.source === 'snapshot');

  // One action at a time: a double click (or Enter held) would send it twice, and the second is
  // refused (the break is already skipped) and shown as a failure. `busy` holds the action under
  // way (its number): one unanswered for ANSWER_WAIT_MS (a worker alive but stuck) is said as "not
  // answering", as the first load is, and frees the buttons; its answer, if it comes, is still
  // taken, and what it says is shown only while no later action has started.
  const busy = useRef(0);
  const acts = useRef(0);
  const act: Act = async (key, fn, close = false) => {
    if (busy.current) return;
    const n = (busy.current = ++acts.current);
    const latest = () => n === acts.current;
    const free = () => {
      if (busy.current !== n) return;
      busy.current = 0;
      setPressed(null);
    };
    setActionError(null);
    setPressed(key);
    const late = setTimeout(() => {
      free();
      if (latest()) setActionError(t('errBackground'));
    }, ANSWER_WAIT_MS);
    try {
      await fn();
      if (latest()) setActionError(null);
      if (close) window.close();
      else refresh();
    } catch (e) {
      // Not delivered at all (no RequestError: "Could not establish connection"): not answering, as the refresh below finds.
      const code = e instanceof RequestError ? e.code : null;
      if (latest()) setActionError(t(code === 'snoozeLimit' ? 'errSnoozeLimit' : code === 'strict' ? 'errStrict' : code ? 'errActionFailed' : 'errBackground'));
      refresh();
    } finally {
      clearTimeout(late);
      free();
    }
  };
  // "Not answering" said once: by the action's alert when it says so (the first load's, or its refresh's, would repeat it).
  const aria = (key: string) => (pressed === key ? 'true' : undefined);

  return (
    // Busy until the background's answer, or its failure: nothing more is coming then, and a
    // screen reader may hold back what a busy element says (the alert below included).
    <main class="popup" aria-busy={loading} data-source={shown?.source ?? 'none'}>
      <header class="popup-head">
        <img src="/icons/32.png" alt="" width="24" height="24" />
        <h1>{t('appName')}</h1>
      </header>
      {error && actionError !== t('errBackground') && <p class="notice" role="alert">{t('errBackground')}</p>}
      {status && <NextBreak status={status} now={now} act={act} aria={aria} tell={setTold} />}
      {shown && <TodayPanel data={shown.data} />}
      {/* What Snooze or Skip came to; in the page from the first render, below the first frame's blocks. */}
      <p class="visually-hidden" role="status">
        {told}
      </p>
      {actionError && <p class="notice" role="alert">{actionError}</p>}
      {status && <PauseControl status={status} now={now} act={act} aria={aria} validUntil={shown!.data.validUntil} />}
      <nav class="popup-actions">
        <button
          class="btn btn-primary"
          data-testid="break-now"
          disabled={!status || status.tracker.phase === 'onBreak'}
          aria-disabled={aria('break-now')}
          onClick={() => act('break-now', () => ask(send, { type: 'break/start' }), true)}
        >
          {t('actionBreakNow')}
        </button>
        <button class="btn" data-testid="open-options" onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}>
          {t('actionOptions')}
        </button>
      </nav>
      {/* Known only after a read of their own: last, so that nothing drawn before them moves. Their
          live region is in the page from the first render, empty (one inserted with its text is not
          read out by several screen readers); the update line comes once the popup is no longer
          busy (a busy element's news may be held back), and stays: it is not stored any more. */}
      <div class="notes" role="status" data-testid="popup-notes">
        {notifications === 'blocked' && <p class="notice" data-testid="notifications-blocked">{t('notificationsBlocked')}</p>}
        {whatsNew && !loading && <p class="notice info" data-testid="whats-new">{t('whatsNew', whatsNew)}</p>}
      </div>
    </main>
  );
}

/** An action for the background, from the button `key` (its data-testid; aria-disabled meanwhile: `Aria`). */
type Act = (key: string, fn: () => Promise<unknown>, close?: boolean) => Promise<void>;
type Aria = (key: string) => 'true' | undefined;

/** "Paused until 10:10 AM" (another day by its weekday), or until resumed. */
const pausedText = (until: number | null, now: number) => (until === null ? t('whyPausedIndefinite') : t('whyPaused', tTime('until', until, { now })));

function NextBreak({ status, now, act, aria, tell }: { status: Status; now: number; act: Act; aria: Aria; tell: (text: string) => void }) {
  const tr = status.tracker;
  const kindLabel = (k: 'micro' | 'stretch') => (k === 'stretch' ? t('kindStretch') : t('kindMicro'));
  // Snooze and Skip go with the due card: they hand the keyboard focus to its heading (the same
  // element in both cards, so it stays). It moves while the card still says "due now": what came of
  // it (the new card's line, "Snoozed until …") is said once by App's polite region (`tell`).
  const head = useRef<HTMLHeadingElement>(null);
  const [asked, setAsked] = useState(false);
  const later = (type: 'break/snooze' | 'break/skip', breakId: string) => {
    head.current?.focus();
    tell('');
    void act(type === 'break/skip' ? 'skip' : 'snooze', () => ask(send, { type, breakId }).then(() => setAsked(true)));
  };
  const due = !!tr.open && (tr.phase === 'due' || tr.phase === 'onBreak');
  useEffect(() => {
    if (!asked || due) return;
    setAsked(false);
    tell(head.current?.parentElement?.querySelector('[data-testid="next-why"]')?.textContent ?? '');
  }, [asked, due]);

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

type PauseChoice = '30m' | '1h' | '2h' | 'tomorrow' | 'indefinite';

function PauseControl({ status, now, act, aria, validUntil }: { status: Status; now: number; act: Act; aria: Aria; validUntil: number }) {
  const [open, setOpen] = useState(false);
  // When "Until tomorrow" would end, asked for as the menu opens: it depends on the hour and the
  // working hours (at 00:30 without them, 23.5 hours; on a Friday, until Monday's hours).
  // Asked again whenever the popup's picture is renewed while the menu is open (`validUntil`: a new
  // day, the end of working hours), so a menu left open past midnight does not keep the evening's.
  const [tomorrowEnd, setTomorrowEnd] = useState<number | null>(null);
  useEffect(() => {
    if (!open) return;
    let live = true;
    pauseTomorrowEnd().then(
      (end) => live && setTomorrowEnd(end),
      () => live && setTomorrowEnd(null),
    );
    return () => {
      live = false;
    };
  }, [open, validUntil]);
  const openMenu = () => {
    setOpen(!open);
    setTomorrowEnd(null); // no earlier opening's answer while this one's is read
  };
  // Pause and Resume are one element (same place in the same box), so the keyboard focus stays on
  // it as one turns into the other; a choice hands the focus to it before the menu closes.
  const toggle = useRef<HTMLButtonElement>(null);
  // A pause chosen here is said once (the focus stays on the button, whose name has no end): its
  // end goes into a polite region that is in the page from the start, written as of the choice's
  // moment, so the popup's redraw every second does not change it (and say it again).
  const [chosenAt, setChosenAt] = useState<number | null>(null);
  const paused = status.tracker.paused;
  const said = (
    <p class="visually-hidden" role="status">
      {paused && chosenAt !== null && pausedText(paused.until, chosenAt)}
    </p>
  );
  if (paused) {
    return (
      <div class="pause">
        <button
          ref={toggle}
          class="btn resume"
          data-testid="resume"
          aria-disabled={aria('resume')}
          onClick={() => {
            setChosenAt(null);
            void act('resume', () => ask(send, { type: 'pause/resume' }));
          }}
        >
          {t('actionResumeReminders')}
        </button>
        {null /* the menu's place: the region stays the same element as the pause turns on and off */}
        {said}
      </div>
    );
  }
  const choices: Array<[PauseChoice, string]> = [
    ['30m', t('pause30m')],
    ['1h', t('pause1h')],
    ['2h', t('pause2h')],
    ['tomorrow', t('pauseTomorrow')],
    ['indefinite', t('pauseIndefinite')],
  ];
  return (
    <div class="pause">
      <button ref={toggle} class="btn btn-quiet" data-testid="pause-menu" aria-expanded={open} aria-controls={open ? 'pause-choices' : undefined} onClick={openMenu}>
        {t('pauseMenuLabel')}
      </button>
      {open && (
        <ul id="pause-choices" class="pause-choices" aria-label={t('pauseMenuLabel')}>
          {choices.map(([choice, label]) => (
            <li key={choice}>
              <button
                class="btn"
                data-testid={`pause-${choice}`}
                aria-disabled={aria(`pause-${choice}`)}
                onClick={() => {
                  toggle.current?.focus();
                  void act(`pause-${choice}`, () =>
                    ask(send, { type: 'pause/set', choice }).then(() => {
                      setOpen(false);
                      setChosenAt(now);
                    }),
                  );
                }}
              >
                {label}
                {choice === 'tomorrow' && tomorrowEnd !== null && (
                  <span class="pause-end small" data-testid="pause-tomorrow-end">
                    {tTime('until', tomorrowEnd, { now })}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
      {said}
    </div>
  );
}
