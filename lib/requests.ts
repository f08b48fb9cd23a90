/**
 * The validator for requests between the pages and the background (valibot). Only the
 * background imports it: pages send requests, they never need to check them, and keeping it out
 * of lib/messages.ts keeps the validator out of every page's bundle.
 */
import * as v from 'valibot';
import { MAX_IMPORT_BYTES } from './limits';

const BreakId = v.pipe(v.string(), v.minLength(1), v.maxLength(80), v.regex(/^[a-z0-9-]+$/));
const RoutineId = v.pipe(v.string(), v.minLength(1), v.maxLength(80), v.regex(/^[a-z0-9-]+$/));

// Built on first use, so a worker start does not pay for it until the first message.
const makeRequestSchema = () => v.variant('type', [
  // History summaries and "Your data" (lib/data.ts). An import carries the file's text; the
  // background checks it whole (lib/backup.ts) before writing anything.
  v.object({ type: v.literal('history/review') }),
  v.object({ type: v.literal('data/export'), format: v.picklist(['json', 'csv']) }),
  v.object({ type: v.literal('data/import'), text: v.pipe(v.string(), v.maxLength(MAX_IMPORT_BYTES + 1)) }),
  v.object({ type: v.literal('data/reset'), confirm: v.literal(true) }),
  v.object({ type: v.literal('status/get') }),
  // The status and the popup's Today part in one answer (one history read).
  v.object({ type: v.literal('popup/get') }),
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

export function parseRequest(raw: unknown): Request | null {
  requestSchema ??= makeRequestSchema();
  const r = v.safeParse(requestSchema, raw);
  return r.success ? r.output : null;
}
