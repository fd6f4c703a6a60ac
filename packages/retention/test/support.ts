// Seeding helpers for the retention suites: businesses with customers, threads, texts and calls at
// chosen instants (the clock is fake: every job takes `now` from the test).
import { randomUUID } from "node:crypto";
import { type Database, platformDb, tenantDb } from "@servicepro/db";
import { createDevEmailSender } from "@servicepro/notifications";
import type { RetentionDeps } from "../src/index.ts";

export const quiet = { info: () => {}, warn: () => {}, error: () => {} };

export const platform = (db: Database) => platformDb(db, { actorUserId: null, purpose: "test.retention" });

export async function createTenant(
  db: Database,
  id: string,
  extra: { status?: "active" | "cancelled"; cancelledAt?: Date; contactEmail?: string } = {},
) {
  await platform(db).run((tx) =>
    tx.tenant.create({
      data: {
        id,
        name: `Business ${id}`,
        slug: id,
        status: extra.status ?? "active",
        cancelledAt: extra.cancelledAt ?? null,
        contactEmail: extra.contactEmail ?? `owner@${id}.example`,
      },
    }),
  );
}

export async function setLegalHold(db: Database, tenantId: string, on: boolean) {
  const userId = randomUUID();
  await platform(db).run(async (tx) => {
    if (on)
      await tx.user.create({
        data: { id: userId, email: `${userId}@owner.example`, name: "Owner", passwordHash: "x" },
      });
    await tx.tenant.update({
      where: { id: tenantId },
      data: on
        ? { legalHoldAt: new Date(), legalHoldReason: "Litigation", legalHoldByUserId: userId }
        : { legalHoldAt: null, legalHoldReason: null, legalHoldByUserId: null },
    });
  });
}

export async function setWindows(
  db: Database,
  tenantId: string,
  windows: { messageMonths?: number | null; recordingMonths?: number | null; cancelledDeletionDays?: number | null },
) {
  await tenantDb(db, tenantId).run((tx) =>
    tx.retentionSettings.upsert({ where: { tenantId }, create: { tenantId, ...windows }, update: windows }),
  );
}

/** A customer with a thread; returns their ids. */
export async function createCustomer(db: Database, tenantId: string, phone: string, name = "Pat Doe") {
  return tenantDb(db, tenantId).run(async (tx) => {
    const customer = await tx.customer.create({
      data: { tenantId, phone, name, email: "pat@example.com", address: "1 Main St", notes: "Gate code 1234" },
    });
    const conversation = await tx.conversation.create({
      data: { tenantId, customerId: customer.id, tenantNumber: "+15125550100", lastMessagePreview: "hello" },
    });
    return { customerId: customer.id, conversationId: conversation.id };
  });
}

export async function addMessage(db: Database, tenantId: string, conversationId: string, createdAt: Date, body = "hi") {
  return tenantDb(db, tenantId).run((tx) =>
    tx.message.create({
      data: {
        tenantId,
        conversationId,
        direction: "inbound",
        body,
        fromNumber: "+15125550199",
        toNumber: "+15125550100",
        kind: "inbound",
        status: "received",
        media: [{ url: "https://api.twilio.com/media/ME1", contentType: "image/jpeg" }],
        twilioSid: `SM${randomUUID().replaceAll("-", "")}`,
        createdAt,
      },
      select: { id: true },
    }),
  );
}

export async function addCall(db: Database, tenantId: string, startedAt: Date, recordingSid: string | null) {
  return tenantDb(db, tenantId).run((tx) =>
    tx.call.create({
      data: {
        tenantId,
        callSid: `CA${randomUUID().replaceAll("-", "")}`,
        fromNumber: "+15125550199",
        toNumber: "+15125550100",
        ivrMode: "voicemail",
        outcome: "voicemail",
        recordingSid,
        recordingUrl: recordingSid ? `https://api.twilio.com/Recordings/${recordingSid}` : null,
        recordingDurationSeconds: recordingSid ? 12 : null,
        transcription: recordingSid ? "Please call me back" : null,
        startedAt,
      },
      select: { id: true },
    }),
  );
}

export function deps(db: Database, now: Date, extra: Partial<RetentionDeps> = {}) {
  const email = createDevEmailSender(quiet);
  return { db, email, logger: quiet, now: () => now, batchSize: 3, ...extra } satisfies RetentionDeps;
}

/** Rows of a table for a tenant, read past row-level security (the platform path). */
export async function countRows(db: Database, table: string, tenantId: string): Promise<number> {
  const [row] = await platform(db).run((tx) =>
    tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}" WHERE tenant_id = $1`, tenantId),
  );
  return row?.n ?? 0;
}

export async function auditRows(db: Database, tenantId: string, action: string) {
  return platform(db).run((tx) =>
    tx.auditLog.findMany({ where: { targetTenantId: tenantId, action }, orderBy: { createdAt: "asc" } }),
  );
}
