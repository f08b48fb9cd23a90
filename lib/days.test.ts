import { describe, expect, it } from 'vitest';
import { addDays, dayKey, isDayKey } from './days';

describe('dayKey', () => {
  it('uses the local calendar day of the given zone', () => {
    const t = Date.UTC(2026, 0, 1, 3, 30); // 03:30 UTC on Jan 1
    expect(dayKey(t, 'UTC')).toBe('2026-01-01');
    expect(dayKey(t, 'America/New_York')).toBe('2025-12-31');
    expect(dayKey(t, 'Asia/Tokyo')).toBe('2026-01-01');
  });
  it('handles DST days in Europe/Berlin', () => {
    // 2026-03-29 is the spring-forward day in Berlin: 00:30 and 23:30 local are the same day.
    expect(dayKey(Date.UTC(2026, 2, 28, 23, 30), 'Europe/Berlin')).toBe('2026-03-29');
    expect(dayKey(Date.UTC(2026, 2, 29, 21, 30), 'Europe/Berlin')).toBe('2026-03-29');
    expect(dayKey(Date.UTC(2026, 2, 29, 22, 30), 'Europe/Berlin')).toBe('2026-03-30');
  });
});

describe('addDays', () => {
  it('crosses month and year ends and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  it('validates keys', () => {
    expect(isDayKey('2026-02-28')).toBe(true);
    expect(isDayKey('2026-02-30')).toBe(false);
    expect(isDayKey('26-2-3')).toBe(false);
  });
});

// Streak rules are tested in streaks.test.ts.
