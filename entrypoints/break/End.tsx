/** The end of a break: what was recorded, today's count, and the one-time offer of the safety screen. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings';
import type { TodaySummary } from '../../lib/storage/history';
import { formatNumber, t, tp } from '../../lib/i18n';
import { saveHealthAnswer } from '../../lib/storage/health';
import { Flame } from '../../components/Flame';
import { SafetyScreen, type SafetyAnswer } from '../../components/SafetyScreen';
import { chime, speak } from '../../components/sound';
import { statusSnapshotItem } from '../../lib/storage/status-cache';
// The page without a break is an end too, loaded with this one after the first paint (entrypoints/break/App.tsx);
// so is the safety screen before a routine, which shares its SafetyScreen with the end (one file, not three).
export { NoBreak } from './NoBreak';
export { ScreenFirst } from './ScreenFirst';

type Sound = Settings['sound'];
/** How a break in the window ended, as recorded (a closed window is the background's business; `partial`: given up while the machine slept). */
export type Outcome = 'completed' | 'partial' | 'skipped';

interface EndProps {
  today: TodaySummary | null;
  /** The day the break was recorded on (the day it began): one begun before midnight is not today's, and today's count is not shown beside it. */
  day?: string;
  outcome: Outcome;
  /** With the chime on, the end chime sounds here once the break is recorded as completed (a routine's or a free break). */
  sound: Sound | undefined;
  offerSelfMassage: boolean;
  /** Both break kinds are off: no next break will come (the hint that one will is not said). */
  noKinds?: boolean;
}

export function End({ today, day, outcome, sound, offerSelfMassage, noKinds }: EndProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  const [screen, setScreen] = useState(false);
  // Reminders paused until resumed, as the background's picture says (written before it answered
  // the break's end, and whenever that changes): no next break will come either. Unknown, no line yet.
  const [paused, setPaused] = useState<boolean | null>(null);
  useEffect(() => {
    const take = (s: Awaited<ReturnType<typeof statusSnapshotItem.getValue>>) => setPaused(s?.data.status.tracker.paused?.until === null);
    statusSnapshotItem.getValue().then(take, () => setPaused(false));
    return statusSnapshotItem.watch(take);
  }, []);
  useEffect(() => {
    ref.current?.focus();
    // As recorded: a break given up meanwhile (the machine slept, or left open long past its length)
    // is cut short, and no chime says "done" for it.
    if (outcome === 'completed' && sound?.chime) void chime(sound.volume, 'end');
    if (outcome === 'completed' && sound?.voice) speak(t('endCompleted'), sound.volume);
  }, []);

  const answer = (a: SafetyAnswer) => saveHealthAnswer(a);
  const closed = () => {
    setScreen(false);
    // The link that opened the screen is gone once answered: bring focus back to the page.
    requestAnimationFrame(() => {
      if (document.activeElement === document.body || document.activeElement === null) ref.current?.focus();
    });
  };

  return (
    <section class="end" data-testid="break-end">
      <div class={`end-mark${outcome === 'completed' ? ' ok' : ''}`} aria-hidden="true">{outcome === 'completed' ? '✓' : '–'}</div>
      <h1 tabIndex={-1} ref={ref}>{outcome === 'completed' ? t('endCompleted') : outcome === 'partial' ? t('endPartial') : t('endSkipped')}</h1>
      {today && (
        <div class="end-stats">
          {/* Read as shown, number then words ("3 breaks today"): an aria-label on a plain span is ignored by screen readers. */}
          {/* A break begun before midnight is the evening's: the new day's "0 breaks today" is not its count. The streak counts it. */}
          {(!day || day === today.day) && (
            <p class="card stat">
              <span class="stat-value" data-testid="end-today">{formatNumber(today.taken)}</span>
              <span class="stat-label">{tp('endTodayLabel', today.taken, [])}</span>
            </p>
          )}
          <p class="card stat">
            <span class="stat-value"><Flame lit={today.streak > 0} /> {formatNumber(today.streak)}</span>
            <span class="stat-label">{tp('endStreakLabel', today.streak, [])}</span>
          </p>
        </div>
      )}
      {/* That Limber will say when the next break is due, unless none will come (the popup's words for why). */}
      {paused !== null && <p class="muted small">{t(paused ? 'whyPausedIndefinite' : noKinds ? 'whyNoBreaks' : 'endCloseHint')}</p>}
      <button class="btn btn-primary" data-testid="close" onClick={() => window.close()}>{t('actionClose')}</button>
      {offerSelfMassage && (
        <button class="link-btn small" data-testid="try-self-massage" onClick={() => setScreen(true)}>
          {t('trySelfMassage')}
        </button>
      )}
      {screen && <SafetyScreen onAnswer={answer} onClose={closed} />}
    </section>
  );
}
