/**
 * "Weeks start on": the locale's usual day (named) or a fixed Monday / Sunday / Saturday. Used by
 * the weekly review and for the order of the days in the week editor.
 */
import { pageLanguage, t, uiLanguage } from '../lib/i18n';
import { WEEK_STARTS, type WeekStartSetting } from '../lib/settings';
import { firstWeekday, type Weekday } from '../lib/week';

/** A day's name in `locale` (2026-03-02 is a Monday; `day` counts from it). */
function dayName(day: Weekday, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, 2, 2 + day));
}

export function WeekStartField({ value, onChange }: { value: WeekStartSetting; onChange: (v: WeekStartSetting) => void }) {
  // The usual day is the UI language's (its region's); days are named in the page's language, as
  // its words around them are (a Swedish browser's English page: "Monday (usual for your language)").
  const locale = uiLanguage();
  const lang = pageLanguage();
  const label = (w: WeekStartSetting) => (w === 'locale' ? t('weekStartLocale', dayName(firstWeekday('locale', locale), lang)) : dayName(firstWeekday(w, locale), lang));
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
