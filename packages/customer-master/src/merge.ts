// Merging two customers into one, and undoing it (issue 16, section 2), inside the caller's tenant
// transaction (row-level security applies to every statement).
//
// What references a customer is read from the database catalog, not from a list kept here: every
// table with a `customer_id` column (and, when two conversations become one, every table with a
// `conversation_id` column). So a table added later is moved too, and the merge test proves no row
// still points at the merged id. Two tables need more than `SET customer_id`: conversations (one per
// customer: the merged thread's messages move into the survivor's) and campaign_sends (one per
// campaign and customer: the merged customer's send for a campaign the survivor also got is removed,
// kept in the record). Every other table needs an `id` column to record what moved.
//
// The merged customer's row is deleted, not flagged: its phone becomes free (the unique
// (tenant, phone) index) and is kept as one of the survivor's other phones, and nothing else in the
// product (inbound texts, calls, the portal) has to learn to skip "merged" rows. The row lives on as
// a JSON snapshot in customer_merges, with the survivor's row before and after, the ids of every
// moved row per table and every row rewritten or removed (before and after), which is what an undo
// puts back. An undo is exact when nothing changed since; changes made since are kept (restoreRow).
// Only a survivor's latest merge can be undone (an earlier one's "after" is no longer the record).
import { randomUUID } from "node:crypto";
import { Prisma, type TenantTx } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import { recordConsentChange, recordMarketingConsent } from "@servicepro/sms";
import { type CustomerJson, mergedProfile, restoredSurvivor, restoreRow } from "./profile.ts";

type Json = Record<string, unknown>;

/** The setting the loyalty ledger's trigger checks before it lets customer_id change (migration customer_master_merges). */
const MERGE_SETTING = "app.customer_merge";

/** Tables whose customer_id moves with more than one UPDATE (see the header). */
const SPECIAL = new Set(["conversations", "campaign_sends"]);
/**
 * Never moved: the customers table itself, and the deletion log (packages/retention), whose rows
 * record what was deleted for whom at the time and are never edited (the app role may not UPDATE them).
 */
const NOT_MOVED = new Set(["customers", "data_deletions"]);

export type ConsentRewrite = {
  table: "sms_consents" | "marketing_consents";
  phone: string;
  before: Json | null;
  after: Json | null;
};

export type ConversationRewrite = {
  /** The survivor's conversation that absorbed the merged one, as it was before and right after. */
  survivorBefore: Json;
  survivorAfter: Json;
  /** The merged customer's conversation (removed by the merge). */
  mergedRow: Json;
  /** Ids moved into the survivor's conversation, per table (messages, agent_runs, …). */
  moved: Record<string, string[]>;
  /** The merged conversation's agent thread: moved to the survivor's conversation, or removed (kept here). */
  thread: { moved: boolean; row: Json } | null;
};

export type MergeRecord = {
  moved: Record<string, string[]>;
  rewritten: {
    conversation: ConversationRewrite | null;
    /** The merged customer's sends for campaigns the survivor also got (removed). */
    campaignSendsRemoved: Json[];
    consents: ConsentRewrite[];
    /** Ledger rows the merge appended (sms_consent_events ids). */
    consentEvents: string[];
  };
};

export type MergeResult = {
  mergeId: string;
  survivorId: string;
  mergedId: string;
  /** Rows moved to the survivor, per table. */
  movedCounts: Record<string, number>;
  /** Phones whose consent was made stricter (an opt-out on the other record). */
  consentTightened: string[];
};

const IDENT = /^[a-z_][a-z0-9_]*$/;
const ident = (name: string) => {
  if (!IDENT.test(name)) throw new Error(`Unexpected table or column name ${JSON.stringify(name)}`);
  return Prisma.raw(`"${name}"`);
};

/** Base tables with a column of that name, and each table's columns (from the catalog). */
async function tablesWithColumn(tx: TenantTx, column: string): Promise<Map<string, string[]>> {
  const rows = await tx.$queryRaw<{ table: string; columns: string[] }[]>`
    SELECT c.table_name::text AS "table", array_agg(c.column_name::text ORDER BY c.ordinal_position) AS columns
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
      AND c.table_name IN (SELECT table_name FROM information_schema.columns
                           WHERE table_schema = current_schema() AND column_name = ${column})
    GROUP BY c.table_name ORDER BY c.table_name`;
  return new Map(rows.map((r) => [r.table, r.columns]));
}

/** The tables that reference customers (a customer_id column), as a merge moves them. */
export async function customerReferencingTables(tx: TenantTx): Promise<string[]> {
  return [...(await tablesWithColumn(tx, "customer_id")).keys()].filter((t) => !NOT_MOVED.has(t));
}

const rowOf = async (tx: TenantTx, table: string, where: Prisma.Sql, lock = false): Promise<Json | null> => {
  const rows = await tx.$queryRaw<{ row: Json }[]>`
    SELECT to_jsonb(x) AS row FROM ${ident(table)} x WHERE ${where} ${lock ? Prisma.sql`FOR UPDATE` : Prisma.empty}`;
  return rows[0]?.row ?? null;
};

/** Writes a snapshot back over the row it came from (every column in `columns`). */
async function writeRow(tx: TenantTx, table: string, columns: string[], row: Json, where: Prisma.Sql): Promise<void> {
  const list = Prisma.join(columns.map(ident), ", ");
  const values = Prisma.join(
    columns.map((c) => Prisma.sql`r.${ident(c)}`),
    ", ",
  );
  await tx.$executeRaw`
    UPDATE ${ident(table)} x SET (${list}) = (${values})
    FROM jsonb_populate_record(NULL::${ident(table)}, ${JSON.stringify(row)}::jsonb) r
    WHERE ${where}`;
}

/** Inserts a row from its snapshot (generated columns are computed again). */
async function insertRow(tx: TenantTx, table: string, row: Json): Promise<void> {
  const columns = await columnsOf(tx, table);
  const list = Prisma.join(columns.map(ident), ", ");
  const values = Prisma.join(
    columns.map((c) => Prisma.sql`r.${ident(c)}`),
    ", ",
  );
  await tx.$executeRaw`
    INSERT INTO ${ident(table)} (${list})
    SELECT ${values} FROM jsonb_populate_record(NULL::${ident(table)}, ${JSON.stringify(row)}::jsonb) r`;
}

/** A table's writable columns (not the generated ones, such as customers.name_key). */
async function columnsOf(tx: TenantTx, table: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ name: string }[]>`
    SELECT column_name::text AS name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table} AND is_generated = 'NEVER'
    ORDER BY ordinal_position`;
  return rows.map((r) => r.name);
}

const customerWhere = (tenantId: string, id: string) => Prisma.sql`x.tenant_id = ${tenantId} AND x.id = ${id}::uuid`;

const notFound = () =>
  new AppError("NOT_FOUND", "One of these customers doesn't exist (or belongs to another business). Reload the page.");

/**
 * Merges `mergedId` into `survivorId`: every row that references the merged customer moves to the
 * survivor, the survivor's figures, tags and phones are combined, the stricter consent is kept on
 * both primary phones, the merged customer's row is removed, and a customer_merges row records it
 * all. Runs in the caller's tenant transaction; refuses merging a customer with itself (400) and ids
 * that are not this business's customers (404).
 */
export async function mergeCustomers(
  tx: TenantTx,
  tenantId: string,
  args: { survivorId: string; mergedId: string; userId: string | null; now: Date },
): Promise<MergeResult> {
  const { survivorId, mergedId, userId, now } = args;
  if (survivorId === mergedId)
    throw new AppError("BAD_REQUEST", "A customer can't be merged with itself. Choose two different customers.");
  const mergeId = randomUUID();
  // Both rows locked in id order (two merges of the same pair wait for each other, no deadlock);
  // a booking for the merged customer committing meanwhile waits too, then finds it gone.
  const locked = await tx.$queryRaw<{ row: CustomerJson }[]>`
    SELECT to_jsonb(c) AS row FROM customers c
    WHERE c.tenant_id = ${tenantId} AND c.id IN (${survivorId}::uuid, ${mergedId}::uuid) ORDER BY c.id FOR UPDATE`;
  const survivor = locked.find((r) => r.row.id === survivorId)?.row;
  const merged = locked.find((r) => r.row.id === mergedId)?.row;
  if (!survivor || !merged) throw notFound();
  await tx.$executeRaw`SELECT set_config(${MERGE_SETTING}, 'on', true)`;

  const record: MergeRecord = {
    moved: {},
    rewritten: { conversation: null, campaignSendsRemoved: [], consents: [], consentEvents: [] },
  };
  const tables = await tablesWithColumn(tx, "customer_id");
  for (const [table, columns] of tables) {
    if (NOT_MOVED.has(table) || SPECIAL.has(table)) continue;
    if (!columns.includes("id"))
      throw new Error(`${table} references customers but has no id column: teach customer-master how to move it.`);
    const rows = await tx.$queryRaw<{ id: string }[]>`
      UPDATE ${ident(table)} SET customer_id = ${survivorId}::uuid
      WHERE tenant_id = ${tenantId} AND customer_id = ${mergedId}::uuid RETURNING id::text AS id`;
    if (rows.length) record.moved[table] = rows.map((r) => r.id).sort();
  }
  await mergeConversations(tx, tenantId, survivorId, mergedId, record);
  await mergeCampaignSends(tx, tenantId, survivorId, mergedId, record);
  const consentTightened = await keepStricterConsent(tx, tenantId, survivor, merged, { mergeId, userId }, record);

  await tx.$executeRaw`DELETE FROM customers WHERE tenant_id = ${tenantId} AND id = ${mergedId}::uuid`;
  const customerColumns = await columnsOf(tx, "customers");
  await writeRow(
    tx,
    "customers",
    customerColumns,
    mergedProfile(survivor, merged, now),
    customerWhere(tenantId, survivorId),
  );
  const survivorAfter = await rowOf(tx, "customers", customerWhere(tenantId, survivorId));

  await tx.customerMerge.create({
    data: {
      tenantId,
      id: mergeId,
      survivorId,
      mergedId,
      survivorBefore: survivor as Prisma.InputJsonObject,
      mergedBefore: merged as Prisma.InputJsonObject,
      survivorAfter: survivorAfter as Prisma.InputJsonObject,
      moved: record.moved as Prisma.InputJsonObject,
      rewritten: record.rewritten as unknown as Prisma.InputJsonObject,
      createdByUserId: userId,
      createdAt: now,
    },
  });
  return {
    mergeId,
    survivorId,
    mergedId,
    movedCounts: Object.fromEntries(Object.entries(record.moved).map(([t, ids]) => [t, ids.length])),
    consentTightened,
  };
}

/** One conversation per customer: the merged one moves over whole, or its messages join the survivor's. */
async function mergeConversations(
  tx: TenantTx,
  tenantId: string,
  survivorId: string,
  mergedId: string,
  record: MergeRecord,
): Promise<void> {
  const ofCustomer = (id: string) => Prisma.sql`x.tenant_id = ${tenantId} AND x.customer_id = ${id}::uuid`;
  const mergedConversation = await rowOf(tx, "conversations", ofCustomer(mergedId), true);
  if (!mergedConversation) return;
  const survivorConversation = await rowOf(tx, "conversations", ofCustomer(survivorId), true);
  const mergedConversationId = mergedConversation.id as string;
  if (!survivorConversation) {
    await tx.$executeRaw`UPDATE conversations SET customer_id = ${survivorId}::uuid
      WHERE tenant_id = ${tenantId} AND id = ${mergedConversationId}::uuid`;
    record.moved.conversations = [mergedConversationId];
    return;
  }
  const survivorConversationId = survivorConversation.id as string;
  const moved: Record<string, string[]> = {};
  for (const [table, columns] of await tablesWithColumn(tx, "conversation_id")) {
    if (table === "agent_threads") continue;
    if (!columns.includes("id"))
      throw new Error(`${table} references conversations but has no id column: teach customer-master how to move it.`);
    const rows = await tx.$queryRaw<{ id: string }[]>`
      UPDATE ${ident(table)} SET conversation_id = ${survivorConversationId}::uuid
      WHERE tenant_id = ${tenantId} AND conversation_id = ${mergedConversationId}::uuid RETURNING id::text AS id`;
    if (rows.length) moved[table] = rows.map((r) => r.id).sort();
  }
  // The agent's memory of a thread is one row per conversation: the merged one's moves over when the
  // survivor's thread has none, and is otherwise removed (and kept in the record for an undo).
  let thread: ConversationRewrite["thread"] = null;
  const threadOf = (id: string) => Prisma.sql`x.tenant_id = ${tenantId} AND x.conversation_id = ${id}::uuid`;
  const mergedThread = await rowOf(tx, "agent_threads", threadOf(mergedConversationId));
  if (mergedThread) {
    const survivorThread = await rowOf(tx, "agent_threads", threadOf(survivorConversationId));
    if (survivorThread) {
      await tx.$executeRaw`DELETE FROM agent_threads WHERE tenant_id = ${tenantId} AND conversation_id = ${mergedConversationId}::uuid`;
    } else {
      await tx.$executeRaw`UPDATE agent_threads SET conversation_id = ${survivorConversationId}::uuid
        WHERE tenant_id = ${tenantId} AND conversation_id = ${mergedConversationId}::uuid`;
    }
    thread = { moved: !survivorThread, row: mergedThread };
  }
  await tx.$executeRaw`DELETE FROM conversations WHERE tenant_id = ${tenantId} AND id = ${mergedConversationId}::uuid`;
  // The inbox's summary of the joined thread: the later thread's last message, both threads' unread.
  const mergedLater =
    Date.parse(mergedConversation.last_message_at as string) >
    Date.parse(survivorConversation.last_message_at as string);
  const latest = mergedLater ? mergedConversation : survivorConversation;
  await tx.$executeRaw`
    UPDATE conversations SET
      last_message_at = ${latest.last_message_at as string}::timestamptz,
      last_message_preview = ${latest.last_message_preview as string},
      last_direction = ${(latest.last_direction as string | null) ?? null}::message_direction,
      tenant_number = ${latest.tenant_number as string},
      unread_count = ${(survivorConversation.unread_count as number) + (mergedConversation.unread_count as number)},
      created_at = LEAST(created_at, ${mergedConversation.created_at as string}::timestamptz)
    WHERE tenant_id = ${tenantId} AND id = ${survivorConversationId}::uuid`;
  const survivorAfter = await rowOf(
    tx,
    "conversations",
    Prisma.sql`x.tenant_id = ${tenantId} AND x.id = ${survivorConversationId}::uuid`,
  );
  record.rewritten.conversation = {
    survivorBefore: survivorConversation,
    survivorAfter: survivorAfter!,
    mergedRow: mergedConversation,
    moved,
    thread,
  };
}

/** One send per campaign and customer: the merged customer's sends move unless the survivor got that campaign too. */
async function mergeCampaignSends(
  tx: TenantTx,
  tenantId: string,
  survivorId: string,
  mergedId: string,
  record: MergeRecord,
): Promise<void> {
  const clashes = await tx.$queryRaw<{ row: Json }[]>`
    DELETE FROM campaign_sends m
    WHERE m.tenant_id = ${tenantId} AND m.customer_id = ${mergedId}::uuid
      AND EXISTS (SELECT 1 FROM campaign_sends s WHERE s.tenant_id = m.tenant_id AND s.campaign_id = m.campaign_id
                  AND s.customer_id = ${survivorId}::uuid)
    RETURNING to_jsonb(m) AS row`;
  record.rewritten.campaignSendsRemoved = clashes
    .map((c) => c.row)
    .sort((a, b) => String(a.campaign_id).localeCompare(String(b.campaign_id)));
  const moved = await tx.$queryRaw<{ id: string }[]>`
    UPDATE campaign_sends SET customer_id = ${survivorId}::uuid
    WHERE tenant_id = ${tenantId} AND customer_id = ${mergedId}::uuid RETURNING campaign_id::text AS id`;
  if (moved.length) record.moved.campaign_sends = moved.map((r) => r.id).sort();
}

type ConsentRows = Map<string, Json | null>;
const consentKey = (table: string, phone: string) => `${table}|${phone}`;

async function readConsents(tx: TenantTx, tenantId: string, phones: string[]): Promise<ConsentRows> {
  const rows: ConsentRows = new Map();
  for (const table of ["sms_consents", "marketing_consents"] as const)
    for (const phone of phones)
      rows.set(
        consentKey(table, phone),
        await rowOf(tx, table, Prisma.sql`x.tenant_id = ${tenantId} AND x.phone = ${phone}`),
      );
  return rows;
}

const stateOf = (rows: ConsentRows, table: string, phone: string) =>
  (rows.get(consentKey(table, phone))?.state as string | undefined) ?? null;

/**
 * The stricter consent on both primary phones: an opt-out of texts on either record opts the other
 * number out too (which also revokes its offers), and a revoked marketing consent on either revokes
 * the other's opt-in. Each change is a ledger row naming the merge. An opt-in is never copied across.
 */
async function keepStricterConsent(
  tx: TenantTx,
  tenantId: string,
  survivor: CustomerJson,
  merged: CustomerJson,
  who: { mergeId: string; userId: string | null },
  record: MergeRecord,
): Promise<string[]> {
  const phones = [...new Set([survivor.phone, merged.phone])];
  const before = await readConsents(tx, tenantId, phones);
  const tightened = new Set<string>();
  const evidence = (phone: string, from: string) => ({
    via: "customer_merge",
    mergeId: who.mergeId,
    userId: who.userId,
    fromPhone: from,
    note: `Customer records merged: ${from} had opted out, so ${phone} is opted out too.`,
  });
  const optedOutText = phones.find((p) => stateOf(before, "sms_consents", p) === "opted_out");
  if (optedOutText) {
    for (const phone of phones) {
      if (stateOf(before, "sms_consents", phone) === "opted_out") continue;
      await recordConsentChange(tx, tenantId, {
        phone,
        state: "opted_out",
        source: "staff",
        evidence: evidence(phone, optedOutText),
      });
      tightened.add(phone);
    }
  }
  const middle = await readConsents(tx, tenantId, phones);
  const optedOutOffers = phones.find((p) => stateOf(middle, "marketing_consents", p) === "opted_out");
  if (optedOutOffers) {
    for (const phone of phones) {
      // Only an opt-in is revoked: a number never asked about offers keeps "not asked" (no row),
      // which already means no offers (as recordConsentChange does for a STOP).
      if (stateOf(middle, "marketing_consents", phone) !== "opted_in") continue;
      await recordMarketingConsent(tx, tenantId, {
        phone,
        state: "opted_out",
        source: "staff",
        evidence: evidence(phone, optedOutOffers),
      });
      tightened.add(phone);
    }
  }
  const after = await readConsents(tx, tenantId, phones);
  for (const [key, row] of after) {
    const was = before.get(key) ?? null;
    if (JSON.stringify(was) === JSON.stringify(row)) continue;
    const [table, phone] = key.split("|") as [ConsentRewrite["table"], string];
    record.rewritten.consents.push({ table, phone, before: was, after: row });
  }
  const events = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM sms_consent_events
    WHERE tenant_id = ${tenantId} AND evidence->>'mergeId' = ${who.mergeId} ORDER BY id`;
  record.rewritten.consentEvents = events.map((e) => e.id);
  return [...tightened];
}

export type UnmergeResult = {
  mergeId: string;
  survivorId: string;
  mergedId: string;
  /** Survivor fields changed since the merge: kept as they are now (counters less what the merge added). */
  keptChanges: string[];
};

const conflict = (message: string) => new AppError("CONFLICT", message);

/**
 * Undoes a merge: the merged customer's row comes back from its snapshot, every moved row goes back
 * to it (and messages to its own conversation), removed rows are re-inserted, the survivor's fields
 * and figures and the consents the merge tightened go back to what they were. Refused (409) when that
 * can no longer be done exactly: already undone, a later merge of the survivor not undone, the
 * survivor gone, or the merged customer's phone now another customer's.
 */
export async function unmergeCustomers(
  tx: TenantTx,
  tenantId: string,
  args: { mergeId: string; userId: string | null; now: Date },
): Promise<UnmergeResult> {
  const { mergeId, userId, now } = args;
  const merge = await tx.customerMerge.findFirst({ where: { id: mergeId } });
  if (!merge)
    throw new AppError("NOT_FOUND", "This merge doesn't exist (or belongs to another business). Reload the page.");
  await tx.$queryRaw`SELECT 1 FROM customer_merges WHERE tenant_id = ${tenantId} AND id = ${mergeId}::uuid FOR UPDATE`;
  const again = await tx.customerMerge.findFirst({ where: { id: mergeId }, select: { undoneAt: true } });
  if (again?.undoneAt) throw conflict("This merge was already undone.");
  const { survivorId, mergedId } = merge;
  const later = await tx.customerMerge.findFirst({
    where: {
      undoneAt: null,
      id: { not: mergeId },
      OR: [{ survivorId }, { mergedId: survivorId }],
      createdAt: { gte: merge.createdAt },
    },
    orderBy: { createdAt: "desc" },
  });
  if (later)
    throw conflict(
      later.mergedId === survivorId
        ? "The surviving customer was itself merged into another customer since. Undo that merge first."
        : "The surviving customer was merged again since. Undo the later merge first (only the latest merge can be undone).",
    );
  const survivorBefore = merge.survivorBefore as CustomerJson;
  const survivorAfter = merge.survivorAfter as CustomerJson;
  const mergedBefore = merge.mergedBefore as CustomerJson;
  const record = { moved: merge.moved, rewritten: merge.rewritten } as unknown as MergeRecord;

  const survivorNow = await rowOf(tx, "customers", customerWhere(tenantId, survivorId), true);
  if (!survivorNow) throw conflict("The surviving customer no longer exists, so the merge can't be undone.");
  const holder = await tx.customer.findFirst({
    where: { OR: [{ id: mergedId }, { phone: mergedBefore.phone }] },
    select: { name: true, id: true },
  });
  if (holder)
    throw conflict(
      `${mergedBefore.phone} now belongs to ${holder.name ?? "another customer"}, so the merged customer can't be brought back. Change that customer's number first.`,
    );
  const restored = restoredSurvivor(survivorBefore, survivorAfter, survivorNow as CustomerJson, now);
  if (restored.row.points_balance < 0 || restored.row.points_earned < 0)
    throw conflict("The surviving customer has spent points that came with the merge, so it can't be undone.");
  await tx.$executeRaw`SELECT set_config(${MERGE_SETTING}, 'on', true)`;

  await insertRow(tx, "customers", mergedBefore);
  const known = await tablesWithColumn(tx, "customer_id");
  for (const [table, ids] of Object.entries(record.moved)) {
    if (!known.has(table)) throw new Error(`The merge moved rows of ${table}, which no longer references customers.`);
    if (table === "campaign_sends") {
      await tx.$executeRaw`UPDATE campaign_sends SET customer_id = ${mergedId}::uuid
        WHERE tenant_id = ${tenantId} AND customer_id = ${survivorId}::uuid AND campaign_id::text = ANY(${ids})`;
      continue;
    }
    await tx.$executeRaw`UPDATE ${ident(table)} SET customer_id = ${mergedId}::uuid
      WHERE tenant_id = ${tenantId} AND customer_id = ${survivorId}::uuid AND id::text = ANY(${ids})`;
  }
  for (const row of record.rewritten.campaignSendsRemoved) await insertRow(tx, "campaign_sends", row);
  await unmergeConversation(tx, tenantId, record.rewritten.conversation);

  const customerColumns = await columnsOf(tx, "customers");
  await writeRow(tx, "customers", customerColumns, restored.row, customerWhere(tenantId, survivorId));
  await restoreConsents(tx, tenantId, record.rewritten.consents, { mergeId, userId });
  await tx.customerMerge.updateMany({ where: { id: mergeId }, data: { undoneAt: now, undoneByUserId: userId } });
  return { mergeId, survivorId, mergedId, keptChanges: restored.changedSince.filter((k) => k !== "updated_at") };
}

async function unmergeConversation(tx: TenantTx, tenantId: string, rewrite: ConversationRewrite | null): Promise<void> {
  if (!rewrite) return;
  const mergedConversationId = rewrite.mergedRow.id as string;
  const survivorConversationId = rewrite.survivorBefore.id as string;
  await insertRow(tx, "conversations", rewrite.mergedRow);
  for (const [table, ids] of Object.entries(rewrite.moved)) {
    await tx.$executeRaw`UPDATE ${ident(table)} SET conversation_id = ${mergedConversationId}::uuid
      WHERE tenant_id = ${tenantId} AND conversation_id = ${survivorConversationId}::uuid AND id::text = ANY(${ids})`;
  }
  if (rewrite.thread?.moved) {
    await tx.$executeRaw`UPDATE agent_threads SET conversation_id = ${mergedConversationId}::uuid
      WHERE tenant_id = ${tenantId} AND conversation_id = ${survivorConversationId}::uuid`;
  } else if (rewrite.thread) {
    await insertRow(tx, "agent_threads", rewrite.thread.row);
  }
  const where = Prisma.sql`x.tenant_id = ${tenantId} AND x.id = ${survivorConversationId}::uuid`;
  const current = await rowOf(tx, "conversations", where);
  if (!current) return;
  const { row } = restoreRow(rewrite.survivorBefore, rewrite.survivorAfter, current, ["unread_count"]);
  if ((row.unread_count as number) < 0) row.unread_count = 0;
  await writeRow(tx, "conversations", await columnsOf(tx, "conversations"), row, where);
}

/**
 * Consents the merge tightened go back, each only if no one changed it since (a STOP or START that
 * came after the merge stands). The ledger is append-only: the undo adds a row saying so.
 */
async function restoreConsents(
  tx: TenantTx,
  tenantId: string,
  rewrites: ConsentRewrite[],
  who: { mergeId: string; userId: string | null },
): Promise<void> {
  for (const rewrite of rewrites) {
    const where = Prisma.sql`x.tenant_id = ${tenantId} AND x.phone = ${rewrite.phone}`;
    const current = await rowOf(tx, rewrite.table, where);
    if (JSON.stringify(current) !== JSON.stringify(rewrite.after)) continue;
    const table = ident(rewrite.table);
    await tx.$executeRaw`DELETE FROM ${table} WHERE tenant_id = ${tenantId} AND phone = ${rewrite.phone}`;
    if (rewrite.before) await insertRow(tx, rewrite.table, rewrite.before);
    const purpose = rewrite.table === "sms_consents" ? "transactional" : "marketing";
    const state =
      (rewrite.before?.state as "opted_in" | "opted_out" | undefined) ??
      (purpose === "transactional" ? "opted_in" : "opted_out");
    await tx.smsConsentEvent.create({
      data: {
        tenantId,
        phone: rewrite.phone,
        state,
        source: "staff",
        purpose,
        evidence: {
          via: "customer_unmerge",
          mergeId: who.mergeId,
          userId: who.userId,
          note: "Customer merge undone: the consent the merge changed is back to what it was.",
        },
      },
    });
  }
}
