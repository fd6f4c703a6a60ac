// PUT /imports/:id/file (apps/server): who may upload an import's file, and the upload itself.
// Same session rules as tenantAdminProcedure (an admin of the business, its account in good
// standing); the import is looked up through the tenant-scoped client, so another business's
// import is "not found". The body is streamed to FILES_DIR (packages/imports storeUpload), never
// held in memory, and cut off past the limit. Audited like the procedures.
import { type Database, tenantDb, writeAudit } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import { decideAccess } from "@servicepro/identity";
import { storeUpload, UploadTooLarge } from "@servicepro/imports";
import { type Logger, principalOf, type SessionCookieJar } from "./context.ts";
import { resolveSession } from "./identity/sessions.ts";

export type ImportUpload =
  | { kind: "unauthenticated" }
  | { kind: "forbidden"; message: string }
  | { kind: "not_found" }
  | { kind: "too_large"; message: string; limitBytes: number }
  | { kind: "refused"; status: 409 | 412; message: string }
  | { kind: "ok"; id: string; size: number; sha256: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WRITABLE = new Set(["active", "trialing"]);

export async function uploadImportFile(
  deps: { db: Database; logger: Logger; filesDir: string; maxBytes: number; now?: () => Date },
  cookies: SessionCookieJar,
  importId: string,
  body: AsyncIterable<Uint8Array>,
  declaredBytes: number | null,
): Promise<ImportUpload> {
  const auth = await resolveSession({ db: deps.db, logger: deps.logger, now: deps.now ?? (() => new Date()), cookies });
  const decision = decideAccess("tenant_admin", principalOf(auth));
  if (decision === "unauthenticated") return { kind: "unauthenticated" };
  if (decision === "forbidden" || !auth.tenantId || !auth.user)
    return { kind: "forbidden", message: "Only an admin of the business can import files." };
  if (auth.tenant && !WRITABLE.has(auth.tenant.status))
    return { kind: "forbidden", message: "This business's account is not active, so it can't import files." };
  if (!UUID.test(importId)) return { kind: "not_found" };
  const tooLarge = (limitBytes: number) => ({
    kind: "too_large" as const,
    limitBytes,
    message: new UploadTooLarge(limitBytes).message,
  });
  // A declared length over the limit is refused before a byte is written.
  if (declaredBytes !== null && declaredBytes > deps.maxBytes) return tooLarge(deps.maxBytes);
  const tenantId = auth.tenantId;
  const tenant = tenantDb(deps.db, tenantId);
  try {
    const record = await storeUpload(
      { db: deps.db, filesDir: deps.filesDir, withTenant: (fn) => tenant.run(fn) },
      tenantId,
      importId,
      body,
      deps.maxBytes,
    );
    await writeAudit(
      deps.db.prisma,
      {
        actorUserId: auth.user.id,
        purpose: "imports.upload",
        impersonatedTenantId: auth.impersonation?.tenantId ?? null,
      },
      {
        targetTenantId: tenantId,
        actorTenantId: auth.impersonation ? null : tenantId,
        action: "import.uploaded",
        objectType: "import",
        objectId: importId,
        details: { fileName: record.fileName, size: record.fileSize, sha256: record.fileSha256 },
      },
    );
    return { kind: "ok", id: record.id, size: record.fileSize ?? 0, sha256: record.fileSha256 ?? "" };
  } catch (error) {
    if (error instanceof UploadTooLarge) return tooLarge(error.limitBytes);
    if (error instanceof AppError) {
      if (error.code === "NOT_FOUND") return { kind: "not_found" };
      if (error.code === "CONFLICT" || error.code === "PRECONDITION_FAILED")
        return { kind: "refused", status: error.code === "CONFLICT" ? 409 : 412, message: error.message };
    }
    throw error;
  }
}
