/**
 * The traces bench's recorded working days (data; scripts/bench/traces.ts runs them): what the
 * person does, stretch by stretch, and what plays meanwhile. Times are UTC on the day's date.
 *
 * What the person does (the input the browser sees; scripts/bench/traces-model.ts expands it):
 * - `type`   a typing burst: input never stops for 15 s;
 * - `work`   ordinary work: input with a thinking pause of 16-50 s every 1-4 minutes, now and
 *            then one of 1-2 minutes (reading a page);
 * - `read`   reading: a scroll now and then, with 30-150 s without input between;
 * - `still`  at the desk without input: listening in a call, watching a video;
 * - `away`   away from the desk, screen on (a coffee, a colleague);
 * - `locked` away with the screen locked (lunch).
 * What plays (the env as the worker would see it when it asks):
 * - `call`   a call with its sound in the tab in view (the call sites' opt-in is off);
 * - `video`  a fullscreen video with sound;
 * - `music`  music in a background tab: the worker sees nothing of it.
 */
export type Doing = 'type' | 'work' | 'read' | 'still' | 'away' | 'locked';
export type Playing = 'call' | 'video' | 'music';

export interface RecordedDay {
  name: string;
  /** The day's date (YYYY-MM-DD); times below are UTC on it. */
  date: string;
  /** Seeds the pauses inside `work` and `read` stretches. */
  seed: number;
  /** From each time on, what the person does, until the next entry; `end` ends the day. */
  doing: ReadonlyArray<readonly [string, Doing | 'end']>;
  /** What plays, [from, to). */
  playing: ReadonlyArray<readonly [string, string, Playing]>;
}

export const RECORDED_DAYS: readonly RecordedDay[] = [
  {
    name: 'Mon: stand-up call, music after lunch, an hour-long call',
    date: '2026-03-02',
    seed: 11,
    doing: [
      ['08:30', 'work'], ['09:00', 'still'], ['09:18', 'type'], ['09:22', 'still'], ['09:45', 'type'],
      ['10:15', 'work'], ['10:40', 'away'], ['10:47', 'work'], ['11:15', 'type'], ['11:40', 'work'],
      ['12:05', 'locked'], ['12:50', 'read'], ['13:30', 'work'], ['14:30', 'still'], ['14:52', 'work'],
      ['15:02', 'still'], ['15:30', 'away'], ['15:34', 'type'], ['16:10', 'work'], ['17:00', 'end'],
    ],
    playing: [['09:00', '09:45', 'call'], ['12:50', '14:25', 'music'], ['14:30', '15:30', 'call']],
  },
  {
    name: 'Tue: a talk watched fullscreen, a 35-min call',
    date: '2026-03-03',
    seed: 22,
    doing: [
      ['08:45', 'type'], ['09:20', 'work'], ['10:00', 'still'], ['10:50', 'work'], ['11:05', 'away'],
      ['11:09', 'type'], ['11:50', 'work'], ['12:15', 'locked'], ['13:00', 'work'], ['14:00', 'still'],
      ['14:10', 'work'], ['14:15', 'still'], ['14:35', 'away'], ['14:37', 'type'], ['15:30', 'read'],
      ['16:00', 'work'], ['16:40', 'away'], ['16:48', 'type'], ['17:15', 'end'],
    ],
    playing: [['10:00', '10:50', 'video'], ['14:00', '14:35', 'call']],
  },
  {
    name: 'Wed: a 40-min call, a 90-min workshop call that outlasts the bound',
    date: '2026-03-04',
    seed: 33,
    doing: [
      ['08:30', 'work'], ['09:10', 'type'], ['09:50', 'away'], ['09:53', 'work'], ['10:30', 'still'],
      ['10:48', 'type'], ['10:52', 'still'], ['11:10', 'work'], ['12:00', 'locked'], ['12:40', 'read'],
      ['13:10', 'work'], ['13:30', 'still'], ['13:55', 'work'], ['14:05', 'still'], ['14:40', 'type'],
      ['14:45', 'still'], ['15:00', 'away'], ['15:05', 'type'], ['16:00', 'work'], ['17:00', 'end'],
    ],
    playing: [['10:30', '11:10', 'call'], ['12:40', '13:30', 'music'], ['13:30', '15:00', 'call']],
  },
  {
    name: 'Thu: a 30-min and a 50-min call, lunch at the desk with a fullscreen video',
    date: '2026-03-05',
    seed: 44,
    doing: [
      ['08:15', 'work'], ['08:50', 'type'], ['09:30', 'away'], ['09:32', 'work'], ['10:15', 'still'],
      ['10:45', 'type'], ['11:20', 'away'], ['11:22', 'work'], ['12:00', 'still'], ['12:35', 'away'],
      ['12:45', 'type'], ['13:30', 'work'], ['14:15', 'read'], ['14:45', 'work'], ['15:30', 'still'],
      ['15:50', 'work'], ['15:55', 'still'], ['16:20', 'type'], ['17:00', 'end'],
    ],
    playing: [['10:15', '10:45', 'call'], ['12:00', '12:35', 'video'], ['13:30', '15:30', 'music'], ['15:30', '16:20', 'call']],
  },
];
