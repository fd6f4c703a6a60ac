// The business's calls log: who called, what became of the call, and the voicemail if one was left.
// Recordings are never linked directly (Twilio's URL needs the account's credentials): the app
// plays them through GET /media/recordings/:callId, which checks the session first.
import { callerIdOf } from "@servicepro/telephony";
import { z } from "zod";
import { createRouter, staffProcedure } from "../../trpc.ts";
import {
  callOutcomeFromDb,
  callOutcomeSchema,
  cursorSchema,
  decodeCursor,
  encodeCursor,
  ivrModeFromDb,
  ivrModeSchema,
  pageDirectionSchema,
  pageLimitSchema,
} from "../telephony-shared.ts";

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

export const tenantCallsRouter = createRouter({
  /** The business's calls, newest first, one page at a time. */
  list: staffProcedure
    .input(
      z
        .strictObject({ cursor: cursorSchema.optional(), limit: pageLimitSchema, direction: pageDirectionSchema })
        .default({ limit: 25 }),
    )
    .output(z.object({ items: z.array(callSchema), nextCursor: z.string().nullable() }))
    .query(async ({ ctx, input }) => {
      const after = input.cursor ? decodeCursor(input.cursor) : null;
      const rows = await ctx.tenant.run((tx) =>
        tx.call.findMany({
          // Child legs (the business's phone we dialled when forwarding) belong to their parent call, not the log.
          where: {
            parentCallSid: null,
            ...(after ? { OR: [{ startedAt: { lt: after.at } }, { startedAt: after.at, id: { lt: after.id } }] } : {}),
          },
          orderBy: [{ startedAt: "desc" }, { id: "desc" }],
          take: input.limit + 1,
          include: { customer: { select: { name: true } } },
        }),
      );
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        items: page.map((call) => ({
          id: call.id,
          fromNumber: call.fromNumber,
          toNumber: call.toNumber,
          customerName: call.customer?.name ?? null,
          callerName: call.callerName,
          forwardedFrom: call.forwardedFrom,
          callerWithheld: callerIdOf(call.fromNumber).kind === "withheld",
          outcome: callOutcomeFromDb(call.outcome),
          ivrMode: ivrModeFromDb(call.ivrMode),
          menuSelection: call.menuSelection,
          forwardedTo: call.forwardedTo,
          durationSeconds: call.durationSeconds,
          startedAt: call.startedAt.toISOString(),
          endedAt: call.endedAt?.toISOString() ?? null,
          routedByFallback: call.routedByFallback,
          voicemail: call.recordingUrl
            ? { durationSeconds: call.recordingDurationSeconds, transcription: call.transcription }
            : null,
          consentReview: call.consentReview,
        })),
        nextCursor: rows.length > input.limit && last ? encodeCursor(last.startedAt, last.id) : null,
      };
    }),
});
