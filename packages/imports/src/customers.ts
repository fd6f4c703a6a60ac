// Writing a batch of customer rows: set-based (a handful of statements per few thousand rows, the
// rows passed as one JSON parameter and read with json_to_recordset), inside the caller's
// transaction, which also moves the import's checkpoint — so a batch is all in or all out.
//
// A row is matched to a customer on any of its phones (primary or alternative) or its case-folded
// email, against the business's customers (earlier batches of this file are committed, so they are
// among them) and against the other rows of its batch. A match is merged into: empty fields filled,
// tags and phones added, and a different non-empty value kept and reported, never overwritten.
// A likely match (same name and street; the same name with an email one typo away) is not merged:
// the row is created and reported "needs review", for staff to merge on the customer page.
import { randomUUID } from "node:crypto";
import type { SqlExecutor } from "@servicepro/db";
import { customerSearchKeys } from "@servicepro/validators";
import { type CustomerRow, oneEditApart } from "./normalize.ts";

export type RowOutcome = "created" | "merged" | "unchanged" | "rejected" | "needs_review";

export type RowReport = {
  row: number;
  outcome: RowOutcome;
  /** The customer the row created or merged into. */
  entityId?: string;
  messages: string[];
};

/** A normalised row with its idempotency key. */
export type PreparedRow<T> = { row: number; key: string; data: T; warnings: string[] };

type Existing = {
  id: string;
  phone: string;
  alt_phones: string[];
  email: string | null;
  name: string | null;
  address: string | null;
  notes: string | null;
  tags: string[];
};

/** Union-find over string tokens ("p:+1…", "e:…", "c:<id>", "r:<index>"). */
class Groups {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    for (let next = this.parent.get(root); next !== undefined && next !== root; next = this.parent.get(root))
      root = next;
    if (!this.parent.has(x)) this.parent.set(x, x);
    // Path compression keeps later finds short.
    let node = x;
    while (node !== root) {
      const next = this.parent.get(node) as string;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

const phoneTokens = (phones: readonly string[]) => phones.map((p) => `p:${p}`);
const norm = (value: string | null) => value?.toLowerCase().replace(/\s+/g, " ").trim() || null;

/** The record a group of rows becomes: an existing customer, or the first row's values. */
type Draft = {
  id: string;
  isNew: boolean;
  phone: string;
  altPhones: string[];
  email: string | null;
  name: string | null;
  address: string | null;
  notes: string | null;
  tags: string[];
  changed: boolean;
};

/** Fills `draft` from `row` (empty fields, phones, tags); returns what it refused to overwrite. */
function mergeInto(draft: Draft, row: CustomerRow): { conflicts: string[]; changed: boolean } {
  const conflicts: string[] = [];
  let changed = false;
  const fill = (field: "name" | "address" | "notes", label: string) => {
    const incoming = row[field];
    if (!incoming) return;
    if (!draft[field]) {
      draft[field] = incoming;
      changed = true;
    } else if (norm(draft[field]) !== norm(incoming))
      conflicts.push(`Kept the ${label} "${draft[field]}"; the file has "${incoming}".`);
  };
  fill("name", "name");
  fill("address", "address");
  fill("notes", "notes");
  if (row.email) {
    if (!draft.email) {
      draft.email = row.email;
      changed = true;
    } else if (draft.email.toLowerCase() !== row.email)
      conflicts.push(`Kept the email "${draft.email}"; the file has "${row.email}".`);
  }
  for (const phone of [row.phone, ...row.altPhones]) {
    if (phone && phone !== draft.phone && !draft.altPhones.includes(phone)) {
      draft.altPhones.push(phone);
      changed = true;
    }
  }
  for (const tag of row.tags) {
    if (!draft.tags.includes(tag)) {
      draft.tags.push(tag);
      changed = true;
    }
  }
  if (changed) draft.changed = true;
  return { conflicts, changed };
}

export type BatchContext = { tenantId: string; importId: string };

/**
 * Applies one batch of customer rows (invalid rows already turned into `rejected` reports by the
 * caller) and records their keys. Returns one report per row, in row order.
 */
export async function applyCustomerBatch(
  sql: SqlExecutor,
  context: BatchContext,
  rows: readonly PreparedRow<CustomerRow>[],
): Promise<RowReport[]> {
  const { tenantId } = context;
  const reports = new Map<number, RowReport>();
  if (rows.length === 0) return [];

  // 1. Rows already imported (this file before, another file with the same ids): unchanged.
  const known = new Map<string, string>();
  const keyed = await sql.query<{ key: string; entity_id: string }>(
    `SELECT key, entity_id FROM import_keys WHERE tenant_id = $1 AND kind = 'customers' AND key = ANY($2::text[])`,
    [tenantId, rows.map((r) => r.key)],
  );
  for (const k of keyed) known.set(k.key, k.entity_id);
  const fresh: PreparedRow<CustomerRow>[] = [];
  const seenKeys = new Set<string>();
  for (const r of rows) {
    const entityId = known.get(r.key);
    if (entityId !== undefined || seenKeys.has(r.key)) {
      reports.set(r.row, {
        row: r.row,
        outcome: "unchanged",
        ...(entityId ? { entityId } : {}),
        messages: [entityId ? "Already imported." : "The same row appears earlier in this file."],
      });
      continue;
    }
    seenKeys.add(r.key);
    fresh.push(r);
  }

  // 2. Existing customers sharing a phone or an email with any fresh row.
  const phones = [...new Set(fresh.flatMap((r) => (r.data.phone ? [r.data.phone, ...r.data.altPhones] : [])))];
  const emails = [...new Set(fresh.flatMap((r) => (r.data.email ? [r.data.email] : [])))];
  const existing =
    phones.length + emails.length === 0
      ? []
      : await sql.query<Existing>(
          // The ids come from app_customers_matching (index lookups that RLS would otherwise forbid
          // for the further phones, see its migration); the rows are then read by id under RLS.
          `SELECT id, phone, alt_phones, email, name, address, notes, tags, created_at FROM customers
            WHERE tenant_id = $1 AND id = ANY (ARRAY(SELECT id FROM app_customers_matching($2::text[], $3::text[])))
            ORDER BY created_at, id`,
          [tenantId, phones, emails],
        );

  // 3. Group rows and customers that share a phone or an email.
  const groups = new Groups();
  fresh.forEach((r, i) => {
    const tokens = [`r:${i}`, ...phoneTokens(r.data.phone ? [r.data.phone, ...r.data.altPhones] : [])];
    if (r.data.email) tokens.push(`e:${r.data.email}`);
    for (const t of tokens.slice(1)) groups.union(tokens[0] as string, t);
  });
  const byId = new Map(existing.map((c) => [c.id, c]));
  for (const c of existing) {
    const tokens = [`c:${c.id}`, ...phoneTokens([c.phone, ...c.alt_phones])];
    if (c.email) tokens.push(`e:${c.email.toLowerCase()}`);
    for (const t of tokens.slice(1)) groups.union(tokens[0] as string, t);
  }
  const members = new Map<string, { rows: number[]; customers: string[] }>();
  const member = (root: string) => {
    let m = members.get(root);
    if (!m) members.set(root, (m = { rows: [], customers: [] }));
    return m;
  };
  fresh.forEach((_, i) => member(groups.find(`r:${i}`)).rows.push(i));
  for (const c of existing) {
    const root = groups.find(`c:${c.id}`);
    if (members.has(root)) member(root).customers.push(c.id);
  }

  // 4. Fold each group into one record.
  const drafts: Draft[] = [];
  for (const { rows: indexes, customers } of members.values()) {
    indexes.sort((a, b) => a - b);
    const target = customers[0] ? byId.get(customers[0]) : undefined;
    const others = customers.slice(1).map((id) => byId.get(id) as Existing);
    let draft: Draft | null = target
      ? {
          id: target.id,
          isNew: false,
          phone: target.phone,
          altPhones: [...target.alt_phones],
          email: target.email,
          name: target.name,
          address: target.address,
          notes: target.notes,
          tags: [...target.tags],
          changed: false,
        }
      : null;
    for (const i of indexes) {
      const r = fresh[i] as PreparedRow<CustomerRow>;
      const messages = [...r.warnings];
      if (!draft) {
        if (!r.data.phone) {
          reports.set(r.row, {
            row: r.row,
            outcome: "rejected",
            messages: [
              ...messages,
              `No customer has the email ${r.data.email}, and a new customer needs a phone number: add one to this row.`,
            ],
          });
          continue;
        }
        draft = {
          id: randomUUID(),
          isNew: true,
          phone: r.data.phone,
          altPhones: [...r.data.altPhones],
          email: r.data.email,
          name: r.data.name,
          address: r.data.address,
          notes: r.data.notes,
          tags: [...r.data.tags],
          changed: true,
        };
        drafts.push(draft);
        reports.set(r.row, { row: r.row, outcome: "created", entityId: draft.id, messages });
        continue;
      }
      if (!drafts.includes(draft)) drafts.push(draft);
      const reason = matchReason(draft, r.data);
      const { conflicts, changed } = mergeInto(draft, r.data);
      for (const other of others)
        messages.push(
          `Also matches ${other.name ?? other.phone} (${other.phone}); both were kept: merge them from the customer page if they are one person.`,
        );
      reports.set(r.row, {
        row: r.row,
        outcome: changed || draft.isNew ? "merged" : conflicts.length > 0 ? "merged" : "unchanged",
        entityId: draft.id,
        messages: [...messages, `Matched ${draft.name ?? draft.phone} (${draft.phone}) by ${reason}.`, ...conflicts],
      });
    }
  }

  // 5. Likely matches of the new customers: same name and street, or the same name and an email one typo away.
  const created = drafts.filter((d) => d.isNew && d.name);
  if (created.length > 0) {
    const names = [...new Set(created.map((d) => (d.name as string).trim().toLowerCase()))];
    const similar = await sql.query<{
      id: string;
      sort_name: string;
      phone: string;
      name: string;
      address: string | null;
      email: string | null;
    }>(
      `SELECT id, sort_name, phone, name, address, email FROM customers WHERE tenant_id = $1 AND sort_name = ANY($2::text[]) LIMIT 10000`,
      [tenantId, names],
    );
    const candidates = [
      ...similar.map((s) => ({
        id: s.id,
        key: s.sort_name,
        label: `${s.name} (${s.phone})`,
        address: s.address,
        email: s.email,
      })),
      ...created.map((d) => ({
        id: d.id,
        key: (d.name as string).trim().toLowerCase(),
        label: `${d.name} (${d.phone})`,
        address: d.address,
        email: d.email,
      })),
    ];
    const byName = new Map<string, typeof candidates>();
    for (const c of candidates) byName.set(c.key, [...(byName.get(c.key) ?? []), c]);
    for (const d of created) {
      const why = (byName.get((d.name as string).trim().toLowerCase()) ?? [])
        .filter((c) => c.id !== d.id)
        .map((c) =>
          d.address && norm(c.address) === norm(d.address)
            ? `Looks like ${c.label}: same name and address.`
            : d.email && c.email && oneEditApart(d.email, c.email.toLowerCase())
              ? `Looks like ${c.label}: same name, email one character different (${c.email}).`
              : null,
        )
        .find((m) => m !== null);
      if (!why) continue;
      const report = [...reports.values()].find((r) => r.entityId === d.id && r.outcome === "created");
      if (report) {
        report.outcome = "needs_review";
        report.messages.push(
          `${why} Created as a new customer; merge them from the customer page if they are one person.`,
        );
      }
    }
  }

  // 6. Write: new customers, merged ones, and every fresh row's key.
  const toJson = (d: Draft) => {
    const keys = customerSearchKeys({ name: d.name, email: d.email, phone: d.phone, altPhones: d.altPhones });
    return {
      id: d.id,
      phone: d.phone,
      alt_phones: d.altPhones,
      email: d.email,
      name: d.name,
      address: d.address,
      notes: d.notes,
      tags: d.tags,
      sort_name: keys.sortName,
      search_text: keys.searchText,
    };
  };
  const inserts = drafts.filter((d) => d.isNew).map(toJson);
  const updates = drafts.filter((d) => !d.isNew && d.changed).map(toJson);
  const COLUMNS = `id uuid, phone text, alt_phones text[], email text, name text, address text, notes text, tags text[], sort_name text, search_text text`;
  if (inserts.length > 0)
    await sql.query(
      `INSERT INTO customers (tenant_id, id, phone, alt_phones, email, name, address, notes, tags, sort_name, search_text, source, updated_at)
       SELECT $1, r.id, r.phone, r.alt_phones, r.email, r.name, r.address, r.notes, r.tags, r.sort_name, r.search_text, 'import', now()
         FROM json_to_recordset($2::json) AS r(${COLUMNS})`,
      [tenantId, JSON.stringify(inserts)],
    );
  if (updates.length > 0)
    await sql.query(
      `UPDATE customers c SET alt_phones = r.alt_phones, email = r.email, name = r.name, address = r.address,
              notes = r.notes, tags = r.tags, sort_name = r.sort_name, search_text = r.search_text, updated_at = now()
         FROM json_to_recordset($2::json) AS r(${COLUMNS})
        WHERE c.tenant_id = $1 AND c.id = r.id`,
      [tenantId, JSON.stringify(updates)],
    );
  const keys = fresh.flatMap((r) => {
    const report = reports.get(r.row);
    return report?.entityId ? [{ key: r.key, entity_id: report.entityId }] : [];
  });
  if (keys.length > 0)
    await sql.query(
      `INSERT INTO import_keys (tenant_id, kind, key, entity_id, import_id)
       SELECT $1, 'customers', r.key, r.entity_id, $3::uuid FROM json_to_recordset($2::json) AS r(key text, entity_id uuid)
       ON CONFLICT DO NOTHING`,
      [tenantId, JSON.stringify(keys), context.importId],
    );
  return rows.map((r) => reports.get(r.row) as RowReport);
}

function matchReason(draft: Draft, row: CustomerRow): string {
  if (row.phone && (row.phone === draft.phone || draft.altPhones.includes(row.phone))) return `phone ${row.phone}`;
  if (row.email && draft.email?.toLowerCase() === row.email) return `email ${row.email}`;
  return "a phone or email shared with another row";
}
