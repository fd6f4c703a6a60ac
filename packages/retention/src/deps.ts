import type { Database, TenantTx } from "@servicepro/db";
import type { EmailSender } from "@servicepro/notifications";
import { DEFAULT_WINDOWS, type RetentionWindows } from "./policy.ts";

/**
 * Twilio's recordings API as the real SDK client has it (`client.recordings(sid).remove()`), typed
 * by shape so this package needs no SDK of its own: the server passes the client it built.
 */
export type RecordingApi = { recordings(sid: string): { remove(): Promise<boolean> } };

export type RetentionLogger = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export type RetentionDeps = {
  db: Database;
  /** The Twilio client when credentials are configured; recordings are then deleted at Twilio too. */
  twilio?: RecordingApi | null;
  /** Warnings to the owner of a cancelled business. */
  email: EmailSender;
  logger: RetentionLogger;
  now?: () => Date;
  /** Rows deleted per transaction (default 1000): a long deletion never holds one huge transaction. */
  batchSize?: number;
  /**
   * Deletes the business's export archives whose 24-hour links are over and returns how many
   * (packages/data-export sweepExpired, passed in by the server so this package needs no file
   * store of its own). Without it, an archive is removed only when the business's next export ends.
   */
  sweepExpiredExports?: (tenantId: string) => Promise<number>;
};

/** What started a deletion, as the log shows it. */
export type DeletionTrigger = "nightly" | "staff" | "admin";

export const DEFAULT_BATCH = 1000;

/** The business's hold and windows, read in its own transaction. The tenant row is locked FOR SHARE, so a
 * legal hold set by the platform owner waits for this transaction, and the next batch sees it. */
export async function readState(tx: TenantTx, tenantId: string) {
  const [tenant] = await tx.$queryRaw<
    {
      status: string;
      legal_hold_at: Date | null;
      cancelled_at: Date | null;
      data_purged_at: Date | null;
    }[]
  >`SELECT status::text, legal_hold_at, cancelled_at, data_purged_at FROM tenants WHERE id = ${tenantId} FOR SHARE`;
  if (!tenant) return null;
  const settings = await tx.retentionSettings.findUnique({ where: { tenantId } });
  const windows: RetentionWindows = settings
    ? {
        messageMonths: settings.messageMonths,
        recordingMonths: settings.recordingMonths,
        cancelledDeletionDays: settings.cancelledDeletionDays,
      }
    : DEFAULT_WINDOWS;
  return {
    status: tenant.status,
    legalHoldAt: tenant.legal_hold_at,
    cancelledAt: tenant.cancelled_at,
    dataPurgedAt: tenant.data_purged_at,
    windows,
  };
}

/**
 * Records a finished deletion: its row in the business's deletion log and an audit row, in the
 * transaction of its last batch, so the record commits with (and only with) the deletion it counts.
 * The tenant client refuses the audit table (tenant code never reads it), so the audit row is one
 * plain INSERT (all the app role may do there), on the same transaction.
 */
export async function recordDeletion(
  tx: TenantTx,
  tenantId: string,
  entry: {
    kind: "messages" | "recordings" | "customer_erasure";
    cutoff: Date | null;
    counts: Record<string, number>;
    trigger: DeletionTrigger;
    actorUserId: string | null;
    customerId?: string;
    requestId?: string | undefined;
  },
): Promise<string> {
  const row = await tx.dataDeletion.create({
    data: {
      tenantId,
      kind: entry.kind,
      cutoff: entry.cutoff,
      counts: entry.counts,
      trigger: entry.trigger,
      actorUserId: entry.actorUserId,
      ...(entry.customerId ? { customerId: entry.customerId } : {}),
    },
    select: { id: true },
  });
  const details = {
    deletionId: row.id,
    cutoff: entry.cutoff?.toISOString() ?? null,
    counts: entry.counts,
    trigger: entry.trigger,
  };
  await tx.$executeRaw`
    INSERT INTO audit_logs (id, action, actor_user_id, actor_tenant_id, target_tenant_id, object_type, object_id,
      request_id, details)
    VALUES (gen_random_uuid(), ${`retention.${entry.kind}`}, ${entry.actorUserId}::uuid,
      ${entry.trigger === "nightly" ? null : tenantId}, ${tenantId}, ${entry.customerId ? "customer" : "data_deletion"},
      ${entry.customerId ?? row.id}, ${entry.requestId ?? null}, ${JSON.stringify(details)}::jsonb)`;
  return row.id;
}
