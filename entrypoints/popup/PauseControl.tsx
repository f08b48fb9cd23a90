/** The popup's Pause menu (30 min to "until I resume") and, while paused, Resume reminders. */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { pauseTomorrowEnd } from '../../lib/pause-tomorrow';
import { ask, type Status } from '../../lib/protocol/messages';
import { t } from '../../lib/i18n';
import { tTime } from '../../lib/i18n-time';
import { send } from '../../components/hooks/use-status';
import { pausedText, type Act, type Aria } from './act';

type PauseChoice = '30m' | '1h' | '2h' | 'tomorrow' | 'indefinite';

export function PauseControl({ status, now, act, aria, validUntil }: { status: Status; now: number; act: Act; aria: Aria; validUntil: number }) {
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
  // Resume is said there too ("Reminders are back on", the words of the notification when a pause
  // ends), once reminders are back on; a pause since, from here or elsewhere, takes it back.
  const [resumed, setResumed] = useState(false);
  const paused = status.tracker.paused;
  // A pause that comes from elsewhere (the keyboard shortcut, another window) while the menu is
  // open closes it, so that Resume does not bring it back open; the keyboard focus, if it was on
  // one of its choices (gone with it), goes to the Resume button. Read while the menu is still in
  // the page: this render is about to remove it.
  const menu = useRef<HTMLUListElement>(null);
  const refocus = useRef(false);
  if (paused && menu.current?.contains(document.activeElement)) refocus.current = true;
  useLayoutEffect(() => {
    // Ended (here or by itself): a pause that comes later from elsewhere is not said as chosen here.
    if (!paused) return setChosenAt(null);
    setOpen(false);
    setResumed(false);
    if (refocus.current) toggle.current?.focus();
    refocus.current = false;
  }, [!!paused]);
  const said = (
    <p class="visually-hidden" role="status">
      {paused ? chosenAt !== null && pausedText(paused.until, chosenAt) : resumed && t('noticePauseEndedTitle')}
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
            void act('resume', () => ask(send, { type: 'pause/resume' }).then(() => setResumed(true)));
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
        <ul ref={menu} id="pause-choices" class="pause-choices" aria-label={t('pauseMenuLabel')}>
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
