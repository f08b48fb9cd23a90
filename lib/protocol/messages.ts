/**
 * One typed protocol between the pages and the background. Every request is validated on
 * arrival (valibot, lib/protocol/requests.ts); a malformed one gets `{ ok: false, error: 'badRequest' }` and
 * changes nothing.
 * Pages never compute schedules or streaks themselves: they ask.
 */
import type { BreakKind } from '../settings';
import type { DayKey } from '../days';
import type { TrackerView } from '../tracker/tracker';
import type { TodaySummary } from '../storage/history';
import type { PopupHistory } from '../review';
import type { Request } from './requests';

export type { Request } from './requests';

export interface Status {
  now: number;
  tracker: TrackerView;
  /** null when history is off (no IndexedDB in this browser), or could not be read and there are no figures of today to keep. */
  today: TodaySummary | null;
  /** The history could not be read just now (a failure of the moment, not "off"): `today` and `history` are the last figures read today, if any. */
  historyError: boolean;
  /** Break outcomes not yet written to the history (kept and tried again; see lib/engine/outbox.ts). */
  waitingRecords: number;
}

/** What the popup draws, from one read ('popup/get'; also cached, lib/storage/status-cache.ts). */
export interface PopupData {
  status: Status;
  /** The Today part (ring, last 7 days, cheer); null when history is off or could not be read (see `historyError`). */
  history: PopupHistory | null;
  /**
   * Until when this picture holds by itself: the next thing the tracker wakes for (a break, the
   * end of a pause or of working hours) or midnight. A popup left open asks again then.
   */
  validUntil: number;
}

export interface BreakSession {
  breakId: string;
  kind: BreakKind;
  manual: boolean;
  routineId: string | null;
  lengthSec: number;
  /** Strict mode: the window offers no Skip (closing it early records the break as cut short). */
  strict: boolean;
  /** A prompted break with postpones left (the limit in force): the window offers to postpone it. */
  canPostpone: boolean;
  /**
   * Under way (started by a Start, or taken now). False for a break still due whose window is the
   * prompt itself: it waits for its Start, and meanwhile is a prompt like any other (away for its
   * length, it is taken naturally; README "Being away counts").
   */
  started: boolean;
}

interface Responses {
  'popup/get': PopupData;
  /** After a page changed the history or the settings (an import, a reset): the snapshot is made again. */
  'status/refresh': { refreshed: true };
  'status/get': Status;
  'break/start': { started: true };
  'break/snooze': { until: number };
  'break/skip': { skipped: true };
  'break/session': BreakSession | null;
  'break/routine': BreakSession;
  /**
   * `outcome`: as recorded (a break given up while the machine slept is cut short, whatever the window said);
   * `day`: the day it was recorded on, the day it began (begun before midnight: not `today`'s).
   */
  'break/finish': { today: TodaySummary | null; outcome: 'completed' | 'partial' | 'skipped'; day?: DayKey };
  'pause/set': { until: number | null };
  'pause/resume': { resumed: true };
}

export type RequestType = Request['type'];
export type ResponseOf<T extends RequestType> = Responses[T];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

export type ErrorCode = 'badRequest' | 'noSuchBreak' | 'snoozeLimit' | 'strict' | 'paused' | 'internal';
export type Reply<T extends RequestType> = { ok: true; data: ResponseOf<T> } | { ok: false; error: ErrorCode };


/** The message-sending port, injected so pages can be tested without a browser. */
export type SendMessage = (msg: unknown) => Promise<unknown>;

export class RequestError extends Error {
  constructor(public readonly code: ErrorCode) {
    super(`Request failed: ${code}`);
    this.name = 'RequestError';
  }
}

export async function ask<T extends RequestType>(send: SendMessage, msg: RequestOf<T>): Promise<ResponseOf<T>> {
  const reply = (await send(msg)) as Reply<T> | undefined;
  if (!reply || typeof reply !== 'object') throw new RequestError('internal');
  if (!reply.ok) throw new RequestError(reply.error);
  return reply.data;
}
