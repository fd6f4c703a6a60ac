// Who may see a text's photo or attachment: the server's GET /media/messages/:messageId/:index asks
// this before it fetches anything from Twilio. Same session rules as staffProcedure (a signed-in
// member of the message's business); the message is looked up through the tenant-scoped client, so
// another business's message is "not found". The route takes a position, never a URL: the URL is
// whatever intake stored (validated there as Twilio's API host) and is re-checked by the route.
import { type Database, tenantDb } from "@servicepro/db";
import { decideAccess } from "@servicepro/identity";
import { MAX_MEDIA_PARTS, type MessageMedia } from "@servicepro/sms";
import { type Logger, principalOf, type SessionCookieJar } from "./context.ts";
import { resolveSession } from "./identity/sessions.ts";

export type MessageMediaAccess =
  | { kind: "unauthenticated" }
  | { kind: "forbidden" }
  | { kind: "not_found" }
  | { kind: "ok"; media: MessageMedia; tenantId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INDEX = /^\d{1,2}$/;

/** The stored parts of a message (messages.media), tolerating rows written before it had a shape. */
export function storedMedia(value: unknown): MessageMedia[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((part: unknown) => {
    const { url, contentType } = (part ?? {}) as Partial<MessageMedia>;
    return typeof url === "string" && typeof contentType === "string" ? [{ url, contentType }] : [];
  });
}

export async function authorizeMessageMedia(
  deps: { db: Database; logger: Logger; now?: () => Date },
  cookies: SessionCookieJar,
  messageId: string,
  index: string,
): Promise<MessageMediaAccess> {
  const auth = await resolveSession({ db: deps.db, logger: deps.logger, now: deps.now ?? (() => new Date()), cookies });
  const decision = decideAccess("staff", principalOf(auth));
  if (decision === "unauthenticated") return { kind: "unauthenticated" };
  if (decision === "forbidden" || !auth.tenantId) return { kind: "forbidden" };
  if (!UUID.test(messageId) || !INDEX.test(index) || Number(index) >= MAX_MEDIA_PARTS) return { kind: "not_found" };
  const message = await tenantDb(deps.db, auth.tenantId).run((tx) =>
    tx.message.findFirst({ where: { id: messageId }, select: { media: true } }),
  );
  const media = storedMedia(message?.media)[Number(index)];
  if (!media) return { kind: "not_found" };
  return { kind: "ok", media, tenantId: auth.tenantId };
}
