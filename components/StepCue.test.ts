import { describe, expect, it } from 'vitest';
import { cueAfter } from './StepCue';

const steps = [{ cue: 'eyes-closed' as const }, {}, { cue: 'look-away' as const }, {}];

describe('cueAfter', () => {
  it('cues the end of an eyes-closed or look-away step when the next one starts', () => {
    expect(cueAfter(steps, 0, 1)).toBe('eyes-closed');
    expect(cueAfter(steps, 2, 3)).toBe('look-away');
    // Skipping ahead with Next from a marked step still brings the person back.
    expect(cueAfter(steps, 0, 2)).toBe('eyes-closed');
  });

  it('stays quiet for unmarked steps, the first step, and going back', () => {
    expect(cueAfter(steps, null, 0)).toBeNull();
    expect(cueAfter(steps, 1, 2)).toBeNull();
    expect(cueAfter(steps, 2, 1)).toBeNull();
    expect(cueAfter(steps, 2, 2)).toBeNull();
  });
});
