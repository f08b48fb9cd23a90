/**
 * "Weeks start on": the locale's usual day (named) or a fixed Monday / Sunday / Saturday. Used by
 * the weekly review and for the order of the days in the week editor.
 */
import { t, uiLanguage } from '../lib/i18n';
import { WEEK_STARTS, type WeekStartSetting } from '../lib/settings';
import { firstWeekday, type Weekday } from '../lib/week';

/** A day's name in the UI language (2026-03-02 is a Monday; `day` counts from it). */
function dayName(day: Weekday, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, 2, 2 + day));
}

export function WeekStartField({ value, onChange }: { value: WeekStartSetting; onChange: (v: WeekStartSetting) => void }) {
  const locale = uiLanguage();
  const label = (w: WeekStartSetting) => (w === 'locale' ? t('weekStartLocale', dayName(firstWeekday('locale', locale), locale)) : dayName(firstWeekday(w, locale), locale));
  return (
    <div class="field week-start">
      <label for="week-start">{t('weekStartLabel')}</label>
      <select
        id="week-start"
        data-testid="week-start"
        value={value}
        aria-describedby="week-start-hint"
        onChange={(e) => {
          const v = (e.target as HTMLSelectElement).value;
          if ((WEEK_STARTS as readonly string[]).includes(v)) onChange(v as WeekStartSetting);
        }}
      >
        {WEEK_STARTS.map((w) => (
          <option key={w} value={w}>
            {label(w)}
          </option>
        ))}
      </select>
      <p id="week-start-hint" class="muted small">{t('weekStartHint')}</p>
    </div>
  );
}
