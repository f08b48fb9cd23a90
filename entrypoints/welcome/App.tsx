/**
 * First run: when do you work, how should breaks feel, try one now. One screen, three short
 * steps, skippable at any point. Everything chosen here is saved at once as the ordinary settings,
 * the working hours shown with the first choice made (closing the tab then loses nothing). Where
 * settings are stored already, or come before this page saves anything (synced from another
 * computer, or the page opened again), their hours are shown as they are, with the options page's
 * switch, and no choice here changes them.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, type MessageKey } from '../../lib/i18n';
import { tTime } from '../../lib/i18n-time';
import { clock } from '../../lib/platform/clock';
import { currentInterval, nextWorkStart } from '../../lib/schedule';
import { ask } from '../../lib/protocol/messages';
import { applyPreset, presetOf, PRESETS, type Preset } from '../../lib/presets';
import type { BreakKind, Settings } from '../../lib/settings';
import { updateSettings, useSettings } from '../../components/hooks/use-settings';
import { settingsStored } from '../../lib/storage/settings-items';
import { ANSWER_WAIT_MS, send } from '../../components/hooks/use-status';
import { useNotificationCheck } from '../../components/hooks/use-notification-check';
import { ScheduleEditor } from '../../components/ScheduleEditor';

const PRESET_KEYS = {
  gentle: ['presetGentle', 'presetGentleHelp'],
  balanced: ['presetBalanced', 'presetBalancedHelp'],
  focused: ['presetFocused', 'presetFocusedHelp'],
} as const;

// The working hours as shown (prefilled, switched on).
const withHours = (s: Settings): Settings => ({ ...s, schedule: { ...s.schedule, enabled: true } });

export function App() {
  const settings = useSettings();
  // Hours to propose (nothing stored: a first install), or the person's own,
  // synced from another computer (hours turned off there were shown on, and the first choice here
  // turned them on for every computer). Sync may bring them after the page opened: until this
  // page saves (`own`), settings stored from elsewhere end the proposal. This page's saves do not.
  const [propose, setPropose] = useState<boolean | null>(null);
  const own = useRef(false);
  const put = (change: (s: Settings) => Settings) => ((own.current = true), updateSettings(change));
  useEffect(() => void (propose !== false && !own.current && settingsStored().then((s) => own.current || setPropose(!s), () => setPropose(true))), [settings]);
  const proposed = (s: Settings): Settings => (propose ? withHours(s) : s);
  const notifications = useNotificationCheck();
  // What "I'll wait" said (the first reminder's time, or why none is coming), with the choices it
  // was worked out from (`basis`).
  const [waiting, setWaiting] = useState<{ said: string[]; basis: string } | null>(null);
  // A request the background refused or never answered, or a save that failed: said next to what
  // was done (`at`: the step, 4 the footer), not left to look like nothing happened.
  // A request to the background (step 3) unanswered after ANSWER_WAIT_MS is said as "not
  // answering"; its answer, if it comes, is still taken and replaces that, as in the popup (a late
  // "Try one now" opens the break window: the page does not go on saying it did not work). What
  // each action says is shown only while no later one has started.
  const [failed, setFailed] = useState<[MessageKey, number] | null>(null);
  const acts = useRef(0);
  const attempt = (fn: () => Promise<unknown>, error: MessageKey, at = 3) => {
    const n = ++acts.current;
    const say = (f: [MessageKey, number] | null) => n === acts.current && setFailed(f);
    setFailed(null);
    const late = setTimeout(() => at === 3 && say(['errBackground', at]), ANSWER_WAIT_MS);
    fn().then(() => say(null), () => say([error, at])).finally(() => clearTimeout(late));
  };
  const said = (at: number) => failed?.[1] === at && <p class="notice" role="alert" data-testid="welcome-error">{t(failed[0])}</p>;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const hoursRef = useRef<HTMLLIElement>(null);
  // Once the page is drawn: until the settings are read there is no title to focus.
  const drawn = settings !== null && propose !== null;
  useEffect(() => void (drawn && headingRef.current?.focus()), [drawn]);

  if (!settings || propose === null) return <main class="welcome" aria-busy="true" />;
  // On a first install, shown prefilled (Mon-Fri 09:00-17:30) and switched on; saved with the first
  // choice made here (an edit, a preset, a try, "I'll wait", Options) or on Done, so that "Skip setup" straight
  // away keeps the defaults untouched, and a tab closed after a choice keeps the hours it showed.
  const schedule = proposed(settings).schedule;
  const keepHours = () => void (settings.schedule.enabled || !propose || put(withHours).catch(() => undefined));
  const preset = presetOf(settings);
  // The first reminder's time is said only while the hours as shown (their switch too) and the
  // breaks are those it was worked out from, not left standing as a promise of an earlier choice.
  const basis = JSON.stringify([schedule, settings.micro, settings.stretch]);
  const waitSaid = waiting?.basis === basis ? waiting.said : null;
  const choose = (p: Preset) => put((s: Settings) => proposed(applyPreset(s, p)));

  const finish = async (save: boolean) => {
    if (save && propose) await put(withHours);
    window.close();
  };
  const wait = async () => {
    // The answer goes into a live region that is always on the page: emptied first, and filled a
    // moment later (after the answer, and not in the same frame), so that the same answer given
    // again is read out again.
    setWaiting(null);
    keepHours();
    const gap = new Promise((r) => setTimeout(r, 100));
    const { tracker } = await ask(send, { type: 'status/get' });
    await gap;
    // The hours shown are the ones the first reminder will keep (saved as this is asked). A
    // reminder they would not allow comes one interval of desk time after they next start; so does
    // one after a pause (desk time counts again from its end). As the popup says it: paused (until
    // when), no break on, no working hours ahead.
    const now = clock.now();
    const tz = clock.timeZone();
    const first = Math.min(...(['micro', 'stretch'] as const).filter((k) => settings[k].enabled).map((k) => settings[k].everySec * 1000));
    const paused = tracker.paused;
    const from = paused ? paused.until : now;
    const said = paused ? [from === null ? t('whyPausedIndefinite') : t('whyPaused', tTime('until', from, { now }))] : [];
    if (from !== null) {
      const within = currentInterval(schedule, from, tz);
      // A break already due, or waiting out the pause (strict mode), comes now or as the pause ends
      // (inside the hours), not an interval later.
      const lead = tracker.open && (paused || tracker.phase === 'due') ? 0 : first;
      const at = paused ? from + lead : (tracker.next?.at ?? now + lead);
      const when = within && at < within.end ? at : (nextWorkStart(schedule, within ? within.end : from, tz) ?? NaN) + lead;
      said.push(!Number.isFinite(first) ? t('whyNoBreaks') : when ? t('welcomeFirstAt', tTime('around', when, { now })) : t('whyOffHoursNoEnd'));
    }
    setWaiting({ said, basis });
  };
  // A try of the break the chosen settings give: a posture check, or a stretch break where there
  // are none (Gentle).
  const tryKind: BreakKind = settings.micro.enabled || !settings.stretch.enabled ? 'micro' : 'stretch';
  const tryNow = async () => {
    keepHours();
    await ask(send, { type: 'break/start', kind: tryKind });
  };
  // Hours on screen that cannot be saved yet (a time cleared or half typed, ranges that overlap):
  // Done says so and takes the keyboard to the first, rather than close over them with other hours.
  const done = () => {
    const wrong = hoursRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!wrong) return attempt(() => finish(true), 'errSaveFailed', 4);
    acts.current++;
    setFailed(['welcomeFixHours', 4]);
    wrong.focus();
  };

  return (
    <main class="welcome">
      <header class="welcome-head">
        <img src="/icons/128.png" alt="" width="64" height="64" />
        <div>
          <h1 tabIndex={-1} ref={headingRef}>{t('welcomeTitle')}</h1>
          <p class="muted">{t('welcomeIntro')}</p>
        </div>
        <button class="btn btn-quiet skip" data-testid="welcome-skip" onClick={() => void finish(false)}>{t('welcomeSkip')}</button>
      </header>

      {/* The background opens the break window for a prompt it cannot show, on this computer alone:
          "Open the break window directly" is not switched on for it (that syncs, and the person's
          other computers, whose notifications work, would open windows too). */}
      {notifications === 'blocked' && (
        <p class="notice" role="alert" data-testid="notifications-blocked">{t('notificationsBlocked')}</p>
      )}

      <ol class="steps">
        <li class="card step" ref={hoursRef}>
          <h2><span class="step-n" aria-hidden="true">1</span>{t('welcomeStep1')}</h2>
          <p class="muted small">{t('welcomeStep1Help')}</p>
          <ScheduleEditor value={schedule} onChange={(next) => attempt(() => put((s) => ({ ...s, schedule: { ...next, enabled: next.enabled || propose } })), 'errSaveFailed', 1)} showToggle={!propose} idPrefix="welcome" weekStart={settings.weekStart} />
          {said(1)}
        </li>

        <li class="card step">
          <h2 id="preset-h"><span class="step-n" aria-hidden="true">2</span>{t('welcomeStep2')}</h2>
          <div class="presets" role="radiogroup" aria-labelledby="preset-h">
            {PRESETS.map((p) => (
              <label class={`preset${preset === p ? ' chosen' : ''}`} key={p}>
                <input type="radio" name="preset" data-testid={`preset-${p}`} checked={preset === p} onChange={() => attempt(() => choose(p), 'errSaveFailed', 2)} />
                <span class="preset-name">{t(PRESET_KEYS[p][0])}</span>
                <span class="muted small">{t(PRESET_KEYS[p][1])}</span>
              </label>
            ))}
          </div>
          {said(2)}
          {/* "In Options" with the way there (a new install's toolbar button is hidden in the
              browser's extensions menu); the hours shown go with it, as with any choice here. */}
          <div class="row later">
            <p class="muted small">{t('welcomeCustomiseLater')}</p>
            <button class="btn btn-quiet" data-testid="welcome-options" onClick={() => attempt(() => (keepHours(), browser.runtime.openOptionsPage()), 'errActionFailed', 2)}>{t('actionOptions')}</button>
          </div>
        </li>

        <li class="card step">
          <h2><span class="step-n" aria-hidden="true">3</span>{t('welcomeStep3')}</h2>
          <div class="row">
            <button class="btn btn-primary" data-testid="welcome-try" onClick={() => attempt(tryNow, 'errActionFailed')}>{t(tryKind === 'micro' ? 'welcomeTryNow' : 'welcomeTryStretch')}</button>
            <button class="btn" data-testid="welcome-wait" onClick={() => attempt(wait, 'errBackground')}>{t('welcomeWait')}</button>
          </div>
          {said(3)}
          <div role="status" class="first-at" data-testid="welcome-first-at">
            {waitSaid?.map((line) => <p key={line}>{line}</p>)}
          </div>
        </li>
      </ol>

      <section class="privacy" aria-labelledby="privacy-h">
        <h2 id="privacy-h">{t('privacyTitle')}</h2>
        <p class="small">{t('privacyText')}</p>
      </section>

      <footer class="welcome-foot">
        {said(4)}
        <button class="btn btn-primary" data-testid="welcome-done" onClick={done}>{t('welcomeDone')}</button>
      </footer>
    </main>
  );
}
