/**
 * The validator for requests between the pages and the background (valibot). Only the
 * background imports it: pages send requests, they never need to check them, and keeping it out
 * of lib/protocol/messages.ts keeps the validator out of every page's bundle.
 */
import * as v from 'valibot';
import { POSTPONE_MINUTES } from '../tracker/state';

/** A break's or a routine's id: 1 to 80 lower-case letters, digits and hyphens. */
const Id = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,80}$/));
const BreakId = Id;
const RoutineId = Id;

// Built on first use, so a worker start does not pay for it until the first message. Tried in
// turn (what a valibot union does, first pass wins) rather than a variant on `type` or a union:
// each option's literal `type` already picks the one that can pass, and the worker then carries
// neither (~0.4 KB gzip) for the same answers.
const makeRequestSchemas = () => [
  // "Your data" and the weekly review run in their pages (lib/data.ts); after an import or a
  // reset the page asks for the popup's snapshot to be made again from the new history.
  // `replaced`: the history was replaced (an import, a reset): records still waiting to be
  // written belong to the old one and are dropped.
  v.object({ type: v.picklist(['status/refresh']), replaced: v.optional(v.boolean()) }),
  v.object({ type: v.picklist(['status/get']) }),
  // The status and the popup's Today part in one answer (one history read).
  v.object({ type: v.picklist(['popup/get']) }),
  v.object({ type: v.picklist(['break/start']), breakId: v.optional(BreakId), kind: v.optional(v.picklist(['micro', 'stretch'])) }),
  // Postpone: `minutes` one of the offered choices (lib/tracker POSTPONE_MINUTES); without it, the snooze setting's length.
  v.object({ type: v.picklist(['break/snooze']), breakId: BreakId, minutes: v.optional(v.picklist(POSTPONE_MINUTES)) }),
  v.object({ type: v.picklist(['break/skip']), breakId: BreakId }),
  v.object({ type: v.picklist(['break/session']), breakId: BreakId }),
  // The break page's choice of routine; `replace`: "another routine" (else a routine already chosen stays).
  v.object({ type: v.picklist(['break/routine']), breakId: BreakId, routineId: RoutineId, replace: v.boolean() }),
  v.object({ type: v.picklist(['pause/set']), choice: v.picklist(['30m', '1h', '2h', 'tomorrow', 'indefinite']) }),
  v.object({ type: v.picklist(['pause/resume']) }),
  v.object({
    type: v.picklist(['break/finish']),
    breakId: BreakId,
    outcome: v.picklist(['completed', 'partial', 'skipped']),
    routineId: v.nullable(RoutineId),
  }),
] as const;
let requestSchemas: ReturnType<typeof makeRequestSchemas> | null = null;

export type Request = v.InferOutput<ReturnType<typeof makeRequestSchemas>[number]>;

export function parseRequest(raw: unknown): Request | null {
  for (const schema of (requestSchemas ??= makeRequestSchemas())) {
    const r = v.safeParse(schema, raw);
    if (r.success) return r.output;
  }
  return null;
}
