// The business's settings that concern the platform: when the ServicePro owner viewed the account
// ("login as tenant") and why. Transparency is the other half of impersonation being allowed.
import { platformDb } from "@servicepro/db";
import { z } from "zod";
import { IMPERSONATION_ACTIONS, type ImpersonationAction } from "../../identity/audit.ts";
import { createRouter, tenantAdminProcedure } from "../../trpc.ts";

const HISTORY_LIMIT = 50;

const visitSchema = z.object({
  startedAt: z.string(),
  /** Null while the visit is still going on. */
  endedAt: z.string().nullable(),
  endedBy: z.enum(["owner", "time_limit", "sign_out", "sign_in", "tenant_missing"]).nullable(),
  reason: z.string().nullable(),
});

type Row = { action: string; createdAt: Date; details: unknown };
type Details = { visit?: unknown; reason?: unknown; endedBy?: unknown };

const detailsOf = (row: Row): Details =>
  row.details && typeof row.details === "object" ? (row.details as Details) : {};

/** Pairs each start with its stop or expiry (same `visit` key), newest first. */
export function visitsFrom(rows: Row[]): z.infer<typeof visitSchema>[] {
  const ends = new Map<string, Row>();
  for (const row of rows) {
    const visit = detailsOf(row).visit;
    if (row.action !== "impersonation_start" && typeof visit === "string" && !ends.has(visit)) ends.set(visit, row);
  }
  return rows
    .filter((row) => row.action === "impersonation_start")
    .map((start) => {
      const details = detailsOf(start);
      const end = typeof details.visit === "string" ? ends.get(details.visit) : undefined;
      const endedBy = end ? detailsOf(end).endedBy : null;
      return {
        startedAt: start.createdAt.toISOString(),
        endedAt: end ? end.createdAt.toISOString() : null,
        endedBy:
          visitSchema.shape.endedBy.safeParse(
            endedBy ?? (end?.action === "impersonation_expired" ? "time_limit" : null),
          ).data ?? null,
        reason: typeof details.reason === "string" ? details.reason : null,
      };
    });
}

export const tenantSettingsRouter = createRouter({
  /** When the platform owner viewed this business's account, and why (the 50 latest visits). */
  platformAccess: tenantAdminProcedure.output(z.array(visitSchema)).query(async ({ ctx }) => {
    // The audit log is readable only on the platform path; this read is narrowed to this tenant's
    // rows and the impersonation actions, and returns no IPs, user agents or user ids.
    const access = {
      actorUserId: ctx.auth.user!.id,
      purpose: "tenant.settings.platformAccess",
      requestId: ctx.request.requestId,
      ip: ctx.request.ip,
    };
    const rows = await platformDb(ctx.db, access, ctx.logger).run((tx) =>
      tx.auditLog.findMany({
        where: {
          targetTenantId: ctx.tenantId,
          action: { in: [...IMPERSONATION_ACTIONS] satisfies ImpersonationAction[] },
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: HISTORY_LIMIT * 2,
        select: { action: true, createdAt: true, details: true },
      }),
    );
    return visitsFrom(rows).slice(0, HISTORY_LIMIT);
  }),
});
