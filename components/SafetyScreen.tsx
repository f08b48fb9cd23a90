/**
 * The one-time safety screen before the first self-massage, back bend or twist (content/picker.ts
 * needsScreening): in Options (turning self-massage on), at the end of a break (the offer), and on
 * the break page before the first routine that needs it (`routineTitle`). It lists the red flags named by the
 * sources (content/sources.ts: "Back Pain Massage Treatment for Lasting Relief" on when to see a
 * professional and when not to massage, certain spinal conditions included; the untitled massage
 * article on fragile bones and disc problems) and asks whether any applies:
 * - "None of these apply to me" -> the answer 'allowed' (before a routine it simply closes: the
 *   routine plays);
 * - "One of these applies"      -> 'hidden', with a kind word to see a professional.
 * The caller stores what the answer means there (lib/storage/health.ts).
 * The answer is about the person's health: it stays on this device (lib/storage/health.ts).
 * "Not now" (or Esc) closes it and changes nothing. A native modal <dialog>: focus moves in and
 * stays in while it is open, and returns to where it was when it closes.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../lib/i18n';
import './safety-screen.css';

export type SafetyAnswer = 'allowed' | 'hidden';

/** The questions, in order (content/catalogue-sources.test.ts checks that they ask about what the screen keeps out). */
export const RED_FLAGS: readonly MessageKey[] = [
  'safetyFlagNumbness',
  'safetyFlagBladder',
  'safetyFlagAccident',
  'safetyFlagInjury',
  'safetyFlagPain',
];

interface Props {
  /** Stores the answer; the screen shows what it means once this resolves. */
  onAnswer: (answer: SafetyAnswer) => Promise<void>;
  /** The screen was closed (after an answer, or without one). */
  onClose: () => void;
  /** Shown before this routine (its title): says why now, and "none apply" closes at once. */
  routineTitle?: string;
}

export function SafetyScreen({ onAnswer, onClose, routineTitle }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [result, setResult] = useState<SafetyAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  // Read by the buttons: a second press before the page draws `busy` sends nothing either.
  const saving = useRef(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!d.open) d.showModal();
    heading.current?.focus();
    return () => {
      if (d.open) d.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  // A new step (the answer's outcome): read its heading first.
  useEffect(() => {
    if (result) heading.current?.focus();
  }, [result]);

  const answer = async (a: SafetyAnswer) => {
    if (saving.current) return; // one answer at a time (the buttons are aria-disabled meanwhile)
    saving.current = true;
    setBusy(true);
    setFailed(false);
    try {
      await onAnswer(a);
      if (routineTitle !== undefined && a === 'allowed') dialog.current?.close();
      else setResult(a);
    } catch {
      setFailed(true);
    } finally {
      saving.current = false;
      setBusy(false);
    }
  };

  const close = () => dialog.current?.close();

  return (
    <dialog
      ref={dialog}
      class="safety"
      aria-labelledby="safety-h"
      aria-describedby="safety-desc"
      data-testid="safety-screen"
      onClose={onClose}
    >
      {result === null ? (
        <>
          <h2 id="safety-h" ref={heading} tabIndex={-1}>{t('safetyTitle')}</h2>
          {routineTitle !== undefined && <p class="small muted safety-before" data-testid="safety-before">{t('safetyBeforeRoutine', routineTitle)}</p>}
          <p id="safety-desc">{t('safetyIntro')}</p>
          <ul class="red-flags" data-testid="red-flags">
            {RED_FLAGS.map((k) => <li key={k}>{t(k)}</li>)}
          </ul>
          <p class="safety-note">{t('safetyNote')}</p>
          <p class="small muted">{t('disclaimer')}</p>
          {failed && <p class="notice" role="alert">{t('errSaveFailed')}</p>}
          {/* aria-disabled, not disabled, while the answer is saved: a disabled button drops the keyboard focus it has (to the page, if the save fails). */}
          <div class="safety-actions">
            <button type="button" class="btn btn-primary" data-testid="safety-none" aria-disabled={busy ? 'true' : undefined} onClick={() => void answer('allowed')}>
              {t('safetyNone')}
            </button>
            <button type="button" class="btn" data-testid="safety-applies" aria-disabled={busy ? 'true' : undefined} onClick={() => void answer('hidden')}>
              {t('safetyApplies')}
            </button>
            <button type="button" class="btn btn-quiet" data-testid="safety-cancel" onClick={close}>
              {t('safetyNotNow')}
            </button>
          </div>
        </>
      ) : (
        <div data-testid={`safety-result-${result}`} class="safety-result">
          <h2 id="safety-h" ref={heading} tabIndex={-1}>{result === 'allowed' ? t('safetyAllowedTitle') : t('safetyHiddenTitle')}</h2>
          <p id="safety-desc">{result === 'allowed' ? t('safetyAllowedBody') : t('safetyHiddenBody')}</p>
          <p class="small muted">{t('disclaimer')}</p>
          <div class="safety-actions">
            <button type="button" class="btn btn-primary" data-testid="safety-close" onClick={close}>
              {t('actionClose')}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
