/**
 * One typed protocol between the pages and the background. Every request is validated on
 * arrival (valibot); a malformed one gets `{ ok: false, error: 'badRequest' }` and changes nothing.
 * Pages never compute schedules or streaks themselves: they ask.
 */
import * as v from 'valibot';
import type { BreakKind } from './settings';
import type { TrackerView } from './tracker/tracker';
import type { TodaySummary } from './storage/history';
import type { PopupHistory, ReviewData } from './review';
import type { ExportFile, ImportResult } from './data';
import { MAX_IMPORT_BYTES } from './limits';

const BreakId = v.pipe(v.string(), v.minLength(1), v.maxLength(80), v.regex(/^[a-z0-9-]+$/));
const RoutineId = v.pipe(v.string(), v.minLength(1), v.maxLength(80), v.regex(/^[a-z0-9-]+$/));

// Built on first use, not at import: pages import this module for `ask` and the types only, and
// a top-level schema would put the validator into every page's bundle.
const makeRequestSchema = () => v.variant('type', [
  // History summaries and "Your data" (lib/data.ts). An import carries the file's text; the
  // background checks it whole (lib/backup.ts) before writing anything.
  v.object({ type: v.literal('history/popup') }),
  v.object({ type: v.literal('history/review') }),
  v.object({ type: v.literal('data/export'), format: v.picklist(['json', 'csv']) }),
  v.object({ type: v.literal('data/import'), text: v.pipe(v.string(), v.maxLength(MAX_IMPORT_BYTES + 1)) }),
  v.object({ type: v.literal('data/reset'), confirm: v.literal(true) }),
  v.object({ type: v.literal('status/get') }),
  v.object({ type: v.literal('break/start'), breakId: v.optional(BreakId), kind: v.optional(v.picklist(['micro', 'stretch'])) }),
  v.object({ type: v.literal('break/snooze'), breakId: BreakId }),
  v.object({ type: v.literal('break/skip'), breakId: BreakId }),
  v.object({ type: v.literal('break/session'), breakId: BreakId }),
  v.object({ type: v.literal('break/another'), breakId: BreakId }),
  v.object({ type: v.literal('pause/set'), choice: v.picklist(['30m', '1h', '2h', 'tomorrow', 'indefinite']) }),
  v.object({ type: v.literal('pause/resume') }),
  v.object({
    type: v.literal('break/finish'),
    breakId: BreakId,
    outcome: v.picklist(['completed', 'partial', 'skipped']),
    routineId: v.nullable(RoutineId),
  }),
]);
let requestSchema: ReturnType<typeof makeRequestSchema> | null = null;


export type Request = v.InferOutput<ReturnType<typeof makeRequestSchema>>;

export interface Status {
  now: number;
  tracker: TrackerView;
  /** null when history is unavailable (IndexedDB off). */
  today: TodaySummary | null;
  historyError: boolean;
}

export interface BreakSession {
  breakId: string;
  kind: BreakKind;
  manual: boolean;
  routineId: string | null;
  lengthSec: number;
}

interface Responses {
  /** null when history is unavailable (IndexedDB off). */
  'history/popup': PopupHistory | null;
  'history/review': ReviewData | null;
  'data/export': ExportFile;
  'data/import': ImportResult;
  'data/reset': { reset: true; historyOff: boolean };
  'status/get': Status;
  'break/start': { started: true };
  'break/snooze': { until: number };
  'break/skip': { skipped: true };
  'break/session': BreakSession | null;
  'break/another': BreakSession | null;
  'break/finish': { today: TodaySummary | null };
  'pause/set': { until: number | null };
  'pause/resume': { resumed: true };
}

export type RequestType = Request['type'];
export type ResponseOf<T extends RequestType> = Responses[T];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

export type ErrorCode = 'badRequest' | 'noSuchBreak' | 'snoozeLimit' | 'strict' | 'paused' | 'internal';
export type Reply<T extends RequestType> = { ok: true; data: ResponseOf<T> } | { ok: false; error: ErrorCode };

export function parseRequest(raw: unknown): Request | null {
  requestSchema ??= makeRequestSchema();
  const r = v.safeParse(requestSchema, raw);
  return r.success ? r.output : null;
}

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
