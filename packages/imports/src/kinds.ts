// The kinds of rows besides customers: assets, SMS history and points balances. Each row names its
// customer by the old system's customer id (the id column of an earlier customer import), a phone
// or an email; a row whose customer is not found is rejected with that reason ("import the
// customers first"). Writes are set-based, like the customers'.
import { randomUUID } from "node:crypto";
import type { SqlExecutor } from "@servicepro/db";
import type { BatchContext, PreparedRow, RowReport } from "./customers.ts";
import type { ImportKindName } from "./fields.ts";
import {
  cells,
  type ImportOptions,
  type RowResult,
  readDate,
  readEmail,
  readPhone,
  readWholeNumber,
} from "./normalize.ts";
import type { Mapping } from "./presets.ts";

/** How a row names its customer. */
export type CustomerRef = { externalId: string | null; phone: string | null; email: string | null };

export type AssetRow = CustomerRef & {
  externalId: string | null;
  assetId: string | null;
  kind: "vehicle" | "pet" | "property";
  label: string;
  notes: string | null;
};
export type MessageRow = CustomerRef & {
  messageId: string | null;
  direction: "inbound" | "outbound";
  body: string;
  sentAt: string;
};
export type PointsRow = CustomerRef & { points: number };

type Raw = Record<string, string | undefined>;

export function readRef(row: Raw, mapping: Mapping, options: ImportOptions, errors: string[]): CustomerRef {
  const first = (field: string) => cells(row, mapping, field)[0] ?? null;
  const ref: CustomerRef = { externalId: first("customerExternalId"), phone: null, email: null };
  const phone = first("customerPhone");
  if (phone) {
    const read = readPhone(phone, options.defaultCountry);
    if (read.ok) ref.phone = read.value;
    else errors.push(read.error);
  }
  const email = first("customerEmail");
  if (email) {
    const read = readEmail(email);
    if (read.ok) ref.email = read.value;
    else errors.push(read.error);
  }
  if (!ref.externalId && !phone && !email)
    errors.push("This row does not say whose it is: fill in the customer's ID, phone or email.");
  return ref;
}

const ASSET_WORDS: Record<string, AssetRow["kind"]> = {
  vehicle: "vehicle",
  car: "vehicle",
  truck: "vehicle",
  suv: "vehicle",
  van: "vehicle",
  boat: "vehicle",
  pet: "pet",
  dog: "pet",
  cat: "pet",
  property: "property",
  house: "property",
  home: "property",
  lawn: "property",
  yard: "property",
};

export function normalizeAsset(
  row: Raw,
  mapping: Mapping,
  options: ImportOptions,
  fallback: AssetRow["kind"] | null,
): RowResult<AssetRow> {
  const errors: string[] = [];
  const ref = readRef(row, mapping, options, errors);
  const kindCell = cells(row, mapping, "kind")[0];
  const kind = kindCell ? ASSET_WORDS[kindCell.toLowerCase().trim()] : fallback;
  if (!kind)
    errors.push(
      kindCell
        ? `Kind "${kindCell}" is not one we know: write vehicle, pet or property.`
        : "This row has no kind: add a column saying vehicle, pet or property.",
    );
  const label = cells(row, mapping, "label").join(" ").trim().slice(0, 200);
  if (!label) errors.push("This row has no description (e.g. 2021 Toyota RAV4, or Biscuit the golden retriever).");
  if (errors.length > 0 || !kind) return { ok: false, errors };
  return {
    ok: true,
    warnings: [],
    row: {
      ...ref,
      assetId: cells(row, mapping, "externalId")[0] ?? null,
      kind,
      label,
      notes: cells(row, mapping, "notes").join("\n").slice(0, 2000) || null,
    },
  };
}

const INBOUND = new Set(["in", "inbound", "incoming", "received", "from customer"]);
const OUTBOUND = new Set(["out", "outbound", "outgoing", "sent", "to customer"]);

export function normalizeMessage(row: Raw, mapping: Mapping, options: ImportOptions): RowResult<MessageRow> {
  const errors: string[] = [];
  const ref = readRef(row, mapping, options, errors);
  const directionCell = (cells(row, mapping, "direction")[0] ?? "").toLowerCase();
  const direction = INBOUND.has(directionCell) ? "inbound" : OUTBOUND.has(directionCell) ? "outbound" : null;
  if (!direction)
    errors.push(`Direction "${directionCell}" is not one we know: write "in" (from the customer) or "out" (to them).`);
  const body = cells(row, mapping, "body").join("\n");
  if (!body) errors.push("This message has no text.");
  const sentCell = cells(row, mapping, "sentAt")[0];
  const sent = sentCell ? readDate(sentCell, options) : null;
  if (!sentCell) errors.push("This message has no date.");
  else if (sent && !sent.ok) errors.push(sent.error);
  if (errors.length > 0 || !direction || !sent?.ok) return { ok: false, errors };
  return {
    ok: true,
    warnings: [],
    row: {
      ...ref,
      messageId: cells(row, mapping, "externalId")[0] ?? null,
      direction,
      body: body.slice(0, 1600),
      sentAt: sent.value.toISOString(),
    },
  };
}

export function normalizePoints(row: Raw, mapping: Mapping, options: ImportOptions): RowResult<PointsRow> {
  const errors: string[] = [];
  const ref = readRef(row, mapping, options, errors);
  const cell = cells(row, mapping, "points")[0];
  const points = cell ? readWholeNumber(cell, "Points") : null;
  if (!cell) errors.push("This row has no points balance.");
  else if (points && !points.ok) errors.push(points.error);
  else if (points?.ok && points.value < 0) errors.push(`A points balance can't be negative (${cell}).`);
  if (errors.length > 0 || !points?.ok) return { ok: false, errors };
  return { ok: true, warnings: [], row: { ...ref, points: points.value } };
}

/** The row's own id in the old system (its idempotency key when present). */
export const ownIdOf = (kind: ImportKindName, row: unknown): string | null => {
  if (kind === "assets") return (row as AssetRow).assetId;
  if (kind === "messages") return (row as MessageRow).messageId;
  if (kind === "appointments") return (row as { appointmentId: string | null }).appointmentId;
  return null;
};

/** Finds each row's customer: by the old system's id (an earlier customer import), phone or email. */
export async function resolveCustomers(
  sql: SqlExecutor,
  tenantId: string,
  rows: readonly PreparedRow<CustomerRef>[],
): Promise<Map<number, { id: string; phone: string }>> {
  const ids = [...new Set(rows.flatMap((r) => (r.data.externalId ? [`id:${r.data.externalId}`] : [])))];
  const phones = [...new Set(rows.flatMap((r) => (r.data.phone ? [r.data.phone] : [])))];
  const emails = [...new Set(rows.flatMap((r) => (r.data.email ? [r.data.email] : [])))];
  const byKey = new Map<string, string>();
  if (ids.length > 0)
    for (const k of await sql.query<{ key: string; entity_id: string }>(
      `SELECT key, entity_id FROM import_keys WHERE tenant_id = $1 AND kind = 'customers' AND key = ANY($2::text[])`,
      [tenantId, ids],
    ))
      byKey.set(k.key, k.entity_id);
  const customers = await sql.query<{ id: string; phone: string; alt_phones: string[]; email: string | null }>(
    // Matching ids by phone or email from app_customers_matching (see customers.ts), read under RLS.
    `SELECT id, phone, alt_phones, lower(email) AS email FROM customers
      WHERE tenant_id = $1 AND id = ANY (ARRAY(SELECT id FROM app_customers_matching($2::text[], $3::text[])) || $4::uuid[])
      ORDER BY created_at, id`,
    [tenantId, phones, emails, [...byKey.values()]],
  );
  const byId = new Map(customers.map((c) => [c.id, c]));
  const byPhone = new Map<string, (typeof customers)[number]>();
  const byEmail = new Map<string, (typeof customers)[number]>();
  for (const c of customers) {
    for (const p of [c.phone, ...c.alt_phones]) if (!byPhone.has(p)) byPhone.set(p, c);
    if (c.email && !byEmail.has(c.email)) byEmail.set(c.email, c);
  }
  const found = new Map<number, { id: string; phone: string }>();
  for (const r of rows) {
    const viaId = r.data.externalId ? byId.get(byKey.get(`id:${r.data.externalId}`) ?? "") : undefined;
    const c =
      viaId ??
      (r.data.phone ? byPhone.get(r.data.phone) : undefined) ??
      (r.data.email ? byEmail.get(r.data.email) : undefined);
    if (c) found.set(r.row, { id: c.id, phone: c.phone });
  }
  return found;
}

export const notFound = (ref: CustomerRef) =>
  `No customer matches ${[ref.externalId && `ID ${ref.externalId}`, ref.phone, ref.email].filter(Boolean).join(" / ")}: import the customers first (or fix the reference).`;

/** Rows already imported (by key) are reported unchanged; returns the rest. */
export async function freshRows<T>(
  sql: SqlExecutor,
  context: BatchContext,
  kind: ImportKindName,
  rows: readonly PreparedRow<T>[],
  reports: Map<number, RowReport>,
): Promise<PreparedRow<T>[]> {
  const known = new Map(
    (
      await sql.query<{ key: string; entity_id: string }>(
        `SELECT key, entity_id FROM import_keys WHERE tenant_id = $1 AND kind = $2::import_kind AND key = ANY($3::text[])`,
        [context.tenantId, kind, rows.map((r) => r.key)],
      )
    ).map((k) => [k.key, k.entity_id]),
  );
  const seen = new Set<string>();
  return rows.filter((r) => {
    const entityId = known.get(r.key);
    if (entityId !== undefined || seen.has(r.key)) {
      reports.set(r.row, {
        row: r.row,
        outcome: "unchanged",
        ...(entityId ? { entityId } : {}),
        messages: [entityId ? "Already imported." : "The same row appears earlier in this file."],
      });
      return false;
    }
    seen.add(r.key);
    return true;
  });
}

export async function recordKeys(
  sql: SqlExecutor,
  context: BatchContext,
  kind: ImportKindName,
  keys: { key: string; entity_id: string }[],
) {
  if (keys.length === 0) return;
  await sql.query(
    `INSERT INTO import_keys (tenant_id, kind, key, entity_id, import_id)
     SELECT $1, $4::import_kind, r.key, r.entity_id, $3::uuid FROM json_to_recordset($2::json) AS r(key text, entity_id uuid)
     ON CONFLICT DO NOTHING`,
    [context.tenantId, JSON.stringify(keys), context.importId, kind],
  );
}

export async function applyAssetBatch(
  sql: SqlExecutor,
  context: BatchContext,
  rows: readonly PreparedRow<AssetRow>[],
): Promise<RowReport[]> {
  const reports = new Map<number, RowReport>();
  const fresh = await freshRows(sql, context, "assets", rows, reports);
  const customers = await resolveCustomers(sql, context.tenantId, fresh);
  const inserts: Record<string, unknown>[] = [];
  const keys: { key: string; entity_id: string }[] = [];
  for (const r of fresh) {
    const customer = customers.get(r.row);
    if (!customer) {
      reports.set(r.row, { row: r.row, outcome: "rejected", messages: [notFound(r.data)] });
      continue;
    }
    const id = randomUUID();
    inserts.push({ id, customer_id: customer.id, kind: r.data.kind, label: r.data.label, notes: r.data.notes });
    keys.push({ key: r.key, entity_id: id });
    reports.set(r.row, {
      row: r.row,
      outcome: "created",
      entityId: id,
      messages: [`A ${r.data.kind} of ${customer.phone}.`],
    });
  }
  if (inserts.length > 0)
    await sql.query(
      `INSERT INTO assets (tenant_id, id, customer_id, kind, label, notes, updated_at)
       SELECT $1, r.id, r.customer_id, r.kind::asset_kind, r.label, r.notes, now()
         FROM json_to_recordset($2::json) AS r(id uuid, customer_id uuid, kind text, label text, notes text)`,
      [context.tenantId, JSON.stringify(inserts)],
    );
  await recordKeys(sql, context, "assets", keys);
  return rows.map((r) => reports.get(r.row) as RowReport);
}

export async function applyPointsBatch(
  sql: SqlExecutor,
  context: BatchContext,
  rows: readonly PreparedRow<PointsRow>[],
): Promise<RowReport[]> {
  const reports = new Map<number, RowReport>();
  const fresh = await freshRows(sql, context, "points", rows, reports);
  const customers = await resolveCustomers(sql, context.tenantId, fresh);
  const ids = [...new Set([...customers.values()].map((c) => c.id))];
  const balances = new Map(
    (
      await sql.query<{ id: string; points_balance: number }>(
        `SELECT id, points_balance FROM customers WHERE tenant_id = $1 AND id = ANY($2::uuid[]) FOR UPDATE`,
        [context.tenantId, ids],
      )
    ).map((c) => [c.id, c.points_balance]),
  );
  const entries: Record<string, unknown>[] = [];
  const added = new Map<string, number>();
  for (const r of fresh) {
    const customer = customers.get(r.row);
    if (!customer) {
      reports.set(r.row, { row: r.row, outcome: "rejected", messages: [notFound(r.data)] });
      continue;
    }
    const balance = (balances.get(customer.id) ?? 0) + r.data.points;
    balances.set(customer.id, balance);
    added.set(customer.id, (added.get(customer.id) ?? 0) + r.data.points);
    const id = randomUUID();
    entries.push({
      id,
      customer_id: customer.id,
      points: r.data.points,
      balance_after: balance,
      key: `import:${r.key}`,
    });
    reports.set(r.row, {
      row: r.row,
      outcome: "created",
      entityId: id,
      messages: [`${r.data.points} points added to ${customer.phone} as an imported balance (now ${balance}).`],
    });
  }
  if (entries.length > 0) {
    await sql.query(
      `INSERT INTO loyalty_entries (tenant_id, id, customer_id, kind, points, balance_after, reason, actor_kind, idempotency_key)
       SELECT $1, r.id, r.customer_id, 'adjust', r.points, r.balance_after, 'Imported balance', 'import', r.key
         FROM json_to_recordset($2::json) AS r(id uuid, customer_id uuid, points int, balance_after int, key text)`,
      [context.tenantId, JSON.stringify(entries)],
    );
    await sql.query(
      `UPDATE customers c SET points_balance = c.points_balance + r.points, points_earned = c.points_earned + r.points, updated_at = now()
         FROM json_to_recordset($2::json) AS r(id uuid, points int)
        WHERE c.tenant_id = $1 AND c.id = r.id`,
      [context.tenantId, JSON.stringify([...added].map(([id, points]) => ({ id, points })))],
    );
  }
  await recordKeys(
    sql,
    context,
    "points",
    fresh.flatMap((r) => {
      const report = reports.get(r.row);
      return report?.outcome === "created" && report.entityId ? [{ key: r.key, entity_id: report.entityId }] : [];
    }),
  );
  return rows.map((r) => reports.get(r.row) as RowReport);
}

export async function applyMessageBatch(
  sql: SqlExecutor,
  context: BatchContext,
  rows: readonly PreparedRow<MessageRow>[],
): Promise<RowReport[]> {
  const reports = new Map<number, RowReport>();
  const fresh = await freshRows(sql, context, "messages", rows, reports);
  const [number] = await sql.query<{ phone_number: string }>(
    `SELECT phone_number FROM tenant_phone_configs WHERE tenant_id = $1 ORDER BY created_at, phone_number LIMIT 1`,
    [context.tenantId],
  );
  if (!number) {
    for (const r of fresh)
      reports.set(r.row, {
        row: r.row,
        outcome: "rejected",
        messages: ["This business has no texting number yet: set one up, then import its text history."],
      });
    return rows.map((r) => reports.get(r.row) as RowReport);
  }
  const customers = await resolveCustomers(sql, context.tenantId, fresh);
  const latest = new Map<string, { at: string; body: string; direction: string }>();
  const messages: Record<string, unknown>[] = [];
  for (const r of fresh) {
    const customer = customers.get(r.row);
    if (!customer) {
      reports.set(r.row, { row: r.row, outcome: "rejected", messages: [notFound(r.data)] });
      continue;
    }
    const id = randomUUID();
    const inbound = r.data.direction === "inbound";
    messages.push({
      id,
      customer_id: customer.id,
      direction: r.data.direction,
      body: r.data.body,
      from_number: inbound ? customer.phone : number.phone_number,
      to_number: inbound ? number.phone_number : customer.phone,
      status: inbound ? "received" : "delivered",
      key: `import:${r.key}`,
      at: r.data.sentAt,
    });
    const last = latest.get(customer.id);
    if (!last || last.at < r.data.sentAt)
      latest.set(customer.id, { at: r.data.sentAt, body: r.data.body.slice(0, 160), direction: r.data.direction });
    reports.set(r.row, { row: r.row, outcome: "created", entityId: id, messages: [] });
  }
  if (messages.length > 0) {
    await sql.query(
      `INSERT INTO conversations (tenant_id, id, customer_id, tenant_number, last_message_at, last_message_preview, last_direction)
       SELECT $1, gen_random_uuid(), r.customer_id, $3, r.at, r.body, r.direction::message_direction
         FROM json_to_recordset($2::json) AS r(customer_id uuid, at timestamptz, body text, direction text)
       ON CONFLICT (tenant_id, customer_id) DO UPDATE
         SET last_message_at = EXCLUDED.last_message_at, last_message_preview = EXCLUDED.last_message_preview,
             last_direction = EXCLUDED.last_direction
       WHERE conversations.last_message_at < EXCLUDED.last_message_at`,
      [
        context.tenantId,
        JSON.stringify([...latest].map(([customer_id, m]) => ({ customer_id, ...m }))),
        number.phone_number,
      ],
    );
    await sql.query(
      `INSERT INTO messages (tenant_id, id, conversation_id, direction, body, from_number, to_number, purpose_key, kind, status, created_at, updated_at)
       SELECT $1, r.id, c.id, r.direction::message_direction, r.body, r.from_number, r.to_number, r.key, 'imported',
              r.status::message_status, r.at, r.at
         FROM json_to_recordset($2::json) AS r(id uuid, customer_id uuid, direction text, body text, from_number text,
                                              to_number text, status text, key text, at timestamptz)
         JOIN conversations c ON c.tenant_id = $1 AND c.customer_id = r.customer_id
       ON CONFLICT DO NOTHING`,
      [context.tenantId, JSON.stringify(messages)],
    );
  }
  await recordKeys(
    sql,
    context,
    "messages",
    fresh.flatMap((r) => {
      const report = reports.get(r.row);
      return report?.outcome === "created" && report.entityId ? [{ key: r.key, entity_id: report.entityId }] : [];
    }),
  );
  return rows.map((r) => reports.get(r.row) as RowReport);
}
