// The business's calls log: who called, what became of the call, and the voicemail if one was left.
// Recordings are never linked directly (Twilio's URL needs the account's credentials): the app
// plays them through GET /media/recordings/:callId, which checks the session first.
import { keyset, Prisma } from "@servicepro/db";
import { type CallOutcome, callerIdOf, type IvrMode } from "@servicepro/telephony";
import { z } from "zod";
import { createRouter, staffProcedure } from "../../trpc.ts";
import { callOutcomeSchema, ivrModeSchema, pageDirectionSchema, pageLimitSchema } from "../telephony-shared.ts";

const callSchema = z.object({
  id: z.string(),
  fromNumber: z.string(),
  toNumber: z.string(),
  /** The customer's name when the caller is a known customer. */
  customerName: z.string().nullable(),
  /** The caller's name as the carrier gave it (Twilio's CallerName), when it is a name. */
  callerName: z.string().nullable(),
  /** The number that forwarded this call to the business's number, when the carrier said. */
  forwardedFrom: z.string().nullable(),
  /** The caller ID was withheld or is not a phone number (anonymous, restricted…): show "Private number". */
  callerWithheld: z.boolean(),
  outcome: callOutcomeSchema,
  ivrMode: ivrModeSchema,
  menuSelection: z.string().nullable(),
  forwardedTo: z.string().nullable(),
  durationSeconds: z.number().int().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  routedByFallback: z.boolean(),
  /** Present when the caller left a recording; play it from `/media/recordings/<id>`. */
  voicemail: z
    .object({ durationSeconds: z.number().int().nullable(), transcription: z.string().nullable() })
    .nullable(),
  /**
   * The caller's words (voicemail or spoken menu answer) may ask for no more texts and staff have not
   * decided yet ("pending"), or what they decided; resolve with tenant.inbox.resolveConsentReview { callId }.
   */
  consentReview: z.enum(["pending", "opted_out", "dismissed"]).nullable(),
});

/** The log's order: newest first (index calls (tenant_id, started_at DESC, id DESC)). */
export const callOrder = keyset(
  [
    ["c.started_at", "timestamptz"],
    ["c.id", "uuid"],
  ],
  "desc",
);

type CallRow = {
  id: string;
  from_number: string;
  to_number: string;
  customer_name: string | null;
  caller_name: string | null;
  forwarded_from: string | null;
  /** As SQL reads them, the enums carry the product's spellings ("ai-handled", "ai-voice"), not Prisma's names. */
  outcome: CallOutcome;
  ivr_mode: IvrMode;
  menu_selection: string | null;
  forwarded_to: string | null;
  duration_seconds: number | null;
  started_at: Date;
  ended_at: Date | null;
  routed_by_fallback: boolean;
  recording_url: string | null;
  recording_duration_seconds: number | null;
  transcription: string | null;
  consent_review: "pending" | "opted_out" | "dismissed" | null;
};

/**
 * One page of the log: a seek in the keyset index, then each row's customer name by primary key.
 * Child legs (the business's phone we dialled when forwarding) belong to their parent call, not the log.
 */
export function callPageQuery(
  tenantId: string,
  after: NonNullable<ReturnType<typeof callOrder.decode>> | null,
  take: number,
): Prisma.Sql {
  return Prisma.sql`
    SELECT c.id, c.from_number, c.to_number, cu.name AS customer_name, c.caller_name, c.forwarded_from,
           c.outcome::text AS outcome, c.ivr_mode::text AS ivr_mode, c.menu_selection, c.forwarded_to,
           c.duration_seconds, c.started_at, c.ended_at, c.routed_by_fallback, c.recording_url,
           c.recording_duration_seconds, c.transcription, c.consent_review::text AS consent_review
    FROM calls c
    LEFT JOIN customers cu ON cu.tenant_id = c.tenant_id AND cu.id = c.customer_id
    WHERE c.tenant_id = ${tenantId} AND c.parent_call_sid IS NULL AND ${callOrder.after(after)}
    ORDER BY ${callOrder.orderBy}
    ${callOrder.limit(take)}`;
}

export const tenantCallsRouter = createRouter({
  /** The business's calls, newest first, one page at a time. */
  list: staffProcedure
    .input(
      z
        .strictObject({ cursor: callOrder.cursor.optional(), limit: pageLimitSchema, direction: pageDirectionSchema })
        .default({ limit: 25 }),
    )
    .output(z.object({ items: z.array(callSchema), nextCursor: z.string().nullable() }))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.tenant.query<CallRow>(callPageQuery(ctx.tenantId, input.cursor ?? null, input.limit + 1));
      const { items, nextCursor } = callOrder.page(rows, input.limit, (call) => [call.started_at, call.id]);
      return {
        items: items.map((call) => ({
          id: call.id,
          fromNumber: call.from_number,
          toNumber: call.to_number,
          customerName: call.customer_name,
          callerName: call.caller_name,
          forwardedFrom: call.forwarded_from,
          callerWithheld: callerIdOf(call.from_number).kind === "withheld",
          outcome: call.outcome,
          ivrMode: call.ivr_mode,
          menuSelection: call.menu_selection,
          forwardedTo: call.forwarded_to,
          durationSeconds: call.duration_seconds,
          startedAt: call.started_at.toISOString(),
          endedAt: call.ended_at?.toISOString() ?? null,
          routedByFallback: call.routed_by_fallback,
          voicemail: call.recording_url
            ? { durationSeconds: call.recording_duration_seconds, transcription: call.transcription }
            : null,
          consentReview: call.consent_review,
        })),
        nextCursor,
      };
    }),
});
