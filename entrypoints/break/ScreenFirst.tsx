/**
 * The safety screen before the first routine that needs it (content/picker.ts needsScreening:
 * self-massage, back bends, twists), shown instead of the player while the screen is unanswered.
 * "None of these apply" stores 'screened' (self-massage stays off: that is switched on in Options)
 * and the routine plays; "One of these applies" stores 'hidden' and asks for another routine, which
 * the picker then takes from the unscreened ones; "Not now" stores no answer and asks for another,
 * which puts the screen off until the next day (lib/routine-choice.ts: it came at every stretch break).
 */
import { useRef } from 'preact/hooks';
import { routineTitle } from '../../content/text';
import type { Routine } from '../../content/types';
import { saveHealthAnswer } from '../../lib/storage/health';
import { SafetyScreen, type SafetyAnswer } from '../../components/SafetyScreen';

interface Props {
  routine: Routine;
  /** The screen closed: with the answer stored ("none apply": the routine plays), or null for "Not now". */
  onClosed: (answer: SafetyAnswer | null) => void;
}

export function ScreenFirst({ routine, onClosed }: Props) {
  const answered = useRef<SafetyAnswer | null>(null);
  const answer = async (a: SafetyAnswer) => {
    await saveHealthAnswer(a === 'allowed' ? 'screened' : 'hidden');
    answered.current = a;
  };
  const title = routineTitle(routine);
  return (
    <section data-testid="screen-first" data-routine-id={routine.id}>
      <h1 class="visually-hidden">{title}</h1>
      <SafetyScreen routineTitle={title} onAnswer={answer} onClose={() => onClosed(answered.current)} />
    </section>
  );
}
