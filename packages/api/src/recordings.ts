// Who may hear a voicemail: the server's GET /media/recordings/:callId asks this before it streams
// anything. Same session rules as staffProcedure (a signed-in member of the call's business);
// the call is looked up through the tenant-scoped client, so another business's call is "not found".
import { type Database, tenantDb } from "@servicepro/db";
import { decideAccess } from "@servicepro/identity";
import { type Logger, principalOf, type SessionCookieJar } from "./context.ts";
import { resolveSession } from "./identity/sessions.ts";

export type RecordingAccess =
  | { kind: "unauthenticated" }
  | { kind: "forbidden" }
  | { kind: "not_found" }
  | { kind: "ok"; recordingUrl: string; tenantId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function authorizeRecording(
  deps: { db: Database; logger: Logger; now?: () => Date },
  cookies: SessionCookieJar,
  callId: string,
): Promise<RecordingAccess> {
  const auth = await resolveSession({ db: deps.db, logger: deps.logger, now: deps.now ?? (() => new Date()), cookies });
  const decision = decideAccess("staff", principalOf(auth));
  if (decision === "unauthenticated") return { kind: "unauthenticated" };
  if (decision === "forbidden" || !auth.tenantId) return { kind: "forbidden" };
  if (!UUID.test(callId)) return { kind: "not_found" };
  const call = await tenantDb(deps.db, auth.tenantId).run((tx) =>
    tx.call.findFirst({ where: { id: callId }, select: { recordingUrl: true } }),
  );
  if (!call?.recordingUrl) return { kind: "not_found" };
  return { kind: "ok", recordingUrl: call.recordingUrl, tenantId: auth.tenantId };
}
