// One SMS as the inbox shows it, and the opt-out lookup the thread and the list share.
import { ConsentSource, Prisma, type TenantTx } from "@servicepro/db";
import { INLINE_IMAGE_TYPES, redactedBody } from "@servicepro/sms";
import { MESSAGE_STATUSES } from "@servicepro/telephony";
import { z } from "zod";
import { storedMedia } from "../../message-media.ts";

/** One MMS part as the thread shows it: never Twilio's URL, only our session-checked route. */
export const messageMediaSchema = z.object({
  /** /media/messages/<message id>/<index>: fetched through the server with the account's credentials. */
  url: z.string(),
  contentType: z.string(),
  /** A common raster image, shown as a thumbnail; anything else is a download link. */
  inline: z.boolean(),
});

export const messageSchema = z.object({
  id: z.string(),
  direction: z.enum(["inbound", "outbound"]),
  body: z.string(),
  status: z.enum(MESSAGE_STATUSES),
  /** inbound | staff_reply | missed_call | booking_link | help | … (who or what wrote it). */
  kind: z.string(),
  createdAt: z.string(),
  errorCode: z.number().int().nullable(),
  errorMessage: z.string().nullable(),
  /** The staff member who sent a reply; null for customers and automated texts. */
  sentBy: z.string().nullable(),
  /** MMS parts, in Twilio's order (empty for a plain text). */
  media: z.array(messageMediaSchema),
  /** Inbound: the classifier was unsure whether it asks to stop texts; `pending` until staff decide. */
  consentReview: z.enum(["pending", "opted_out", "dismissed"]).nullable(),
});

/** What a message shows: the fields toMessage reads. */
export type MessageRow = Pick<
  Prisma.MessageGetPayload<object>,
  | "id"
  | "direction"
  | "body"
  | "status"
  | "kind"
  | "createdAt"
  | "errorCode"
  | "errorMessage"
  | "sentByUserId"
  | "media"
  | "consentReview"
>;

/** MessageRow's columns of `messages m`, for statements that read messages as SQL. */
export const MESSAGE_COLUMNS = Prisma.sql`m.id, m.direction::text AS direction, m.body, m.status::text AS status, m.kind,
  m.created_at AS "createdAt", m.error_code AS "errorCode", m.error_message AS "errorMessage",
  m.sent_by_user_id AS "sentByUserId", m.media, m.consent_review::text AS "consentReview"`;

export function toMessage(row: MessageRow, senderNames: Map<string, string>): z.infer<typeof messageSchema> {
  return {
    id: row.id,
    direction: row.direction,
    body: redactedBody(row.kind, row.body),
    status: row.status,
    kind: row.kind,
    createdAt: row.createdAt.toISOString(),
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
    sentBy: row.sentByUserId ? (senderNames.get(row.sentByUserId) ?? "A former team member") : null,
    media: storedMedia(row.media).map((part, index) => ({
      url: `/media/messages/${row.id}/${index}`,
      contentType: part.contentType,
      inline: INLINE_IMAGE_TYPES.has(part.contentType),
    })),
    consentReview: row.consentReview,
  };
}

/** How the opt-out was made: a keyword, plain words, the carrier (21610), staff, a voicemail, the phone menu. */
export const optOutSourceSchema = z.enum(ConsentSource);
export type OptOutSource = z.infer<typeof optOutSourceSchema>;

/** When and how `phone` opted out of this tenant's texts, or null when it may be texted. */
export async function optedOutSince(tx: TenantTx, phone: string): Promise<{ at: Date; source: OptOutSource } | null> {
  const consent = await tx.smsConsent.findFirst({
    where: { phone, state: "opted_out" },
    select: { updatedAt: true, source: true },
  });
  return consent ? { at: consent.updatedAt, source: consent.source } : null;
}
