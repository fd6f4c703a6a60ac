// The business's customers (`tenant.customers.*`): the list (search, tag and last-visit filters,
// keyset paging that stays fast at 100,000 customers), one customer's page (profile, assets,
// appointments, texts, calls, consent history, lifetime figures), and staff edits (including the
// customer's marketing consent, given only with a note on how they agreed).
//
// The list is one hand-written statement on purpose (issue 10's profile of the inbox list), run with
// tenantDb().query (plain SQL under RLS, no Prisma) in the keyset pattern of @servicepro/db (keyset.ts):
// - no Prisma `include`, which becomes a second query `tenant_id IN (<a copy per row>) AND id IN (…)`
//   that PostgreSQL plans as a full scan;
// - the cursor is a row-value comparison `(sort_name, id) > ($1, $2)`, which seeks in the index
//   (tenant_id, sort_name, id); the OR form (`sort_name > $1 OR (sort_name = $1 AND id > $2)`) makes
//   PostgreSQL read and filter every earlier row, so the deepest page would be the slowest.
// packages/api/test/customers.test.ts checks the plan with EXPLAIN on PostgreSQL.

import {
  ConsentPurpose,
  ConsentSource,
  keyset,
  Prisma,
  type Prisma as PrismaTypes,
  type TenantTx,
} from "@servicepro/db";
import { AppError, type FieldIssue } from "@servicepro/errors";
import { getPack } from "@servicepro/industry-packs";
import { hasMarketingConsent, recordMarketingConsent } from "@servicepro/sms";
import {
  ASSET_FIELDS,
  ASSET_KINDS,
  type AssetDetails,
  type AssetKind,
  assetArchiveInput,
  assetCreateInput,
  assetLabel,
  assetSizeClass,
  assetUpdateInput,
  CUSTOMER_SOURCES,
  customerCreateInput,
  customerIdInput,
  customerMarketingConsentInput,
  customerSearchKeys,
  customerSearchTerm,
  customersListInput,
  customerUpdateInput,
} from "@servicepro/validators";
import { z } from "zod";
import { createRouter, staffProcedure } from "../../trpc.ts";
import { callOutcomeFromDb, callOutcomeSchema } from "../telephony-shared.ts";
import { customerMergeProcedures } from "./customer-merges.ts";
import { eraseCustomerProcedure } from "./customers-erase.ts";
import { messageSchema, toMessage } from "./inbox-shared.ts";

const THREAD_MESSAGES = 50;
const RECENT_CALLS = 20;
const APPOINTMENTS_EACH_WAY = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

const consentStateSchema = z.enum(["opted_in", "opted_out"]).nullable();
const customerSourceSchema = z.enum(CUSTOMER_SOURCES);
const assetKindSchema = z.enum(ASSET_KINDS);

const listItemSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  phone: z.string(),
  email: z.string().nullable(),
  tags: z.array(z.string()),
  source: customerSourceSchema,
  lastSeenAt: z.string().nullable(),
  lastVisitAt: z.string().nullable(),
  visitCount: z.number().int(),
  lifetimeSpendCents: z.number().int(),
  /** The primary phone's SMS consent: null when nothing is on record (texts allowed). */
  consent: consentStateSchema,
});

const assetSchema = z.object({
  id: z.string(),
  kind: assetKindSchema,
  label: z.string(),
  details: z.record(z.string(), z.unknown()),
  sizeClass: z.string().nullable(),
  notes: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
});

const appointmentSchema = z.object({
  id: z.string(),
  serviceName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(["booked", "confirmed", "completed", "cancelled", "no_show"]),
  priceCents: z.number().int().nullable(),
  priceMinCents: z.number().int().nullable(),
  priceMaxCents: z.number().int().nullable(),
  assetLabel: z.string().nullable(),
});

const callSchema = z.object({
  id: z.string(),
  fromNumber: z.string(),
  outcome: callOutcomeSchema,
  durationSeconds: z.number().int().nullable(),
  startedAt: z.string(),
  voicemail: z.object({ transcription: z.string().nullable() }).nullable(),
});

const consentEventSchema = z.object({
  id: z.string(),
  phone: z.string(),
  state: z.enum(["opted_in", "opted_out"]),
  source: z.enum(ConsentSource),
  /** Texts at all (transactional) or offers (marketing). */
  purpose: z.enum(ConsentPurpose),
  at: z.string(),
  /** What the customer wrote, when the change came from a text ("STOP"). */
  text: z.string().nullable(),
  /** Staff's note on how the customer agreed, when staff recorded it. */
  note: z.string().nullable(),
});

/** The primary phone's marketing consent: its state on record, and whether offers may be texted now. */
const marketingConsentSchema = z.object({
  /** null: never asked (no marketing consent). */
  state: consentStateSchema,
  /** Opted in to offers and not opted out of texts. */
  allowed: z.boolean(),
});

/** What the business's pack asks about each asset kind (the customer page's asset forms use it). */
const assetKindConfigSchema = z.object({
  kind: assetKindSchema,
  fields: z.array(z.string()),
  sizeClasses: z.array(z.object({ id: z.string(), label: z.string() })),
});

const profileSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  phone: z.string(),
  altPhones: z.array(z.string()),
  email: z.string().nullable(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  tags: z.array(z.string()),
  source: customerSourceSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  lastSeenAt: z.string().nullable(),
  lastVisitAt: z.string().nullable(),
  visitCount: z.number().int(),
  lifetimeSpendCents: z.number().int(),
  consent: consentStateSchema,
});

const customerPageSchema = z.object({
  customer: profileSchema,
  assets: z.array(assetSchema),
  /** The kinds the business works on, with the fields and size classes its pack declares. */
  assetKinds: z.array(assetKindConfigSchema),
  /** Soonest first. */
  upcoming: z.array(appointmentSchema),
  /** Most recent first. */
  past: z.array(appointmentSchema),
  /** The latest texts, oldest first. */
  messages: z.array(messageSchema),
  conversationId: z.string().nullable(),
  /** Newest first. */
  calls: z.array(callSchema),
  /** Every consent change of any of the customer's phones, both purposes, newest first. */
  consentHistory: z.array(consentEventSchema),
  marketingConsent: marketingConsentSchema,
  figures: z.object({
    visitCount: z.number().int(),
    lifetimeSpendCents: z.number().int(),
    lastVisitAt: z.string().nullable(),
    upcomingCount: z.number().int(),
    noShowCount: z.number().int(),
    cancelledCount: z.number().int(),
  }),
});

type CustomerRow = PrismaTypes.CustomerGetPayload<object>;
type AssetRow = PrismaTypes.AssetGetPayload<object>;

const iso = (date: Date | null) => date?.toISOString() ?? null;

const customerNotFound = () =>
  new AppError(
    "NOT_FOUND",
    "This customer doesn't exist (or belongs to another business). Go back to the customer list.",
  );
const assetNotFound = () =>
  new AppError("NOT_FOUND", "This asset doesn't exist (or belongs to another business). Reload the customer's page.");
const badCursor = () => new AppError("BAD_REQUEST", "That page cursor is not valid; reload the list.");

// ----- The list's order: by name, then id (index customers (tenant_id, sort_name, id)). -----

export const customerOrder = keyset(
  [
    ["c.sort_name", "text"],
    ["c.id", "uuid"],
  ],
  "asc",
);

/** The keys of a list cursor (opaque to clients: base64url of the last row's [sort_name, id]). */
export function decodeCustomerCursor(cursor: string): { sortName: string; id: string } {
  const keys = customerOrder.decode(cursor);
  if (!keys) throw badCursor();
  return { sortName: keys[0], id: keys[1] };
}

export const encodeCustomerCursor = (sortName: string, id: string) => customerOrder.encode([sortName, id]);

/** `%term%` for ILIKE, with the pattern characters in the term matched literally. */
const containsPattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type ListRow = {
  id: string;
  name: string | null;
  phone: string;
  email: string | null;
  tags: string[];
  source: string;
  last_seen_at: Date | null;
  last_visit_at: Date | null;
  visit_count: number;
  lifetime_spend_cents: number;
  sort_name: string;
  consent: "opted_in" | "opted_out" | null;
};

/**
 * The list statement: one tenant's customers in (sort_name, id) order, filtered, after the cursor.
 * Exported for the EXPLAIN test, which must plan exactly what the procedure runs.
 */
export function customerListQuery(tenantId: string, input: z.output<typeof customersListInput>, now: Date): Prisma.Sql {
  const term = input.search ? customerSearchTerm(input.search) : "";
  const after = input.cursor ? decodeCustomerCursor(input.cursor) : null;
  const visit = lastVisitFilter(input.lastVisit, now);
  // The consent is a correlated lookup by sms_consents' key, evaluated only for the rows the LIMIT
  // keeps. As a LEFT JOIN, PostgreSQL may hash-join the whole consent table and sort the page again
  // (it did, on a deep page: a Seq Scan on sms_consents and a Sort above the index scan).
  const columns = Prisma.sql`c.id, c.name, c.phone, c.email, c.tags, c.source::text AS source, c.last_seen_at,
           c.last_visit_at, c.visit_count, c.lifetime_spend_cents, c.sort_name,
           (SELECT s.state::text FROM sms_consents s WHERE s.tenant_id = c.tenant_id AND s.phone = c.phone) AS consent`;
  if (term || input.tag) {
    // A search or tag filter cannot use its index under row-level security (LIKE and @> are not
    // leakproof), so app_customer_page() picks the page's ids for the current tenant, and the rows
    // are read here under RLS as usual (migration customer_search).
    return Prisma.sql`
    SELECT ${columns}
    FROM app_customer_page(${term ? containsPattern(term) : null}::text, ${input.tag ?? null}::text,
                           ${visit?.mode ?? null}::text, ${visit && visit.mode !== "never" ? visit.since : null}::timestamptz,
                           ${after?.sortName ?? null}::text, ${after?.id ?? null}::uuid, ${input.limit + 1}::int)
         WITH ORDINALITY AS page(id, position)
    JOIN customers c ON c.tenant_id = ${tenantId} AND c.id = page.id
    ORDER BY page.position`;
  }
  const where: Prisma.Sql[] = [Prisma.sql`c.tenant_id = ${tenantId}`];
  if (visit?.mode === "never") where.push(Prisma.sql`c.last_visit_at IS NULL`);
  if (visit?.mode === "before") where.push(Prisma.sql`c.last_visit_at < ${visit.since}`);
  if (visit?.mode === "since") where.push(Prisma.sql`c.last_visit_at >= ${visit.since}`);
  if (after) where.push(customerOrder.after([after.sortName, after.id]));
  return Prisma.sql`
    SELECT ${columns}
    FROM customers c
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${customerOrder.orderBy}
    ${customerOrder.limit(input.limit + 1)}`;
}

/** The last-visit filter as a comparison: never visited, visited since a date, or not since it. */
function lastVisitFilter(
  filter: z.output<typeof customersListInput>["lastVisit"],
  now: Date,
): { mode: "never" } | { mode: "since" | "before"; since: Date } | null {
  if (!filter) return null;
  if (filter === "never") return { mode: "never" };
  const days = { "30d": 30, "90d": 90, "365d": 365, over365d: 365 }[filter];
  return { mode: filter === "over365d" ? "before" : "since", since: new Date(now.getTime() - days * DAY_MS) };
}

// ----- Assets: what the business's pack asks about each kind. -----

type AssetKindConfig = z.infer<typeof assetKindConfigSchema>;

/**
 * The asset kinds of the business's pack (the latest install), with its fields and size classes.
 * A business without a pack, or whose pack predates asset kinds, may record any kind with every field.
 */
async function assetKindsOf(tx: TenantTx): Promise<AssetKindConfig[]> {
  const install = await tx.packInstall.findFirst({ orderBy: { installedAt: "desc" }, select: { packId: true } });
  const declared = install ? getPack(install.packId)?.assets : undefined;
  if (declared && declared.length > 0)
    return declared.map((asset) => ({
      kind: asset.kind,
      fields: [...asset.fields],
      sizeClasses: [...asset.sizeClasses],
    }));
  return ASSET_KINDS.map((kind) => ({ kind, fields: [...ASSET_FIELDS[kind]], sizeClasses: [] }));
}

/** Refuses a size class the business's pack does not declare for the kind (a field error on it). */
async function checkSizeClass(tx: TenantTx, kind: AssetKind, details: AssetDetails): Promise<void> {
  const sizeClass = assetSizeClass(kind, details);
  if (!sizeClass) return;
  const config = (await assetKindsOf(tx)).find((c) => c.kind === kind);
  if (!config || config.sizeClasses.length === 0) return;
  if (config.sizeClasses.some((c) => c.id === sizeClass)) return;
  const field = kind === "pet" ? "size" : "sizeClass";
  const message = `Choose a size from the list: ${config.sizeClasses.map((c) => c.label).join(", ")}.`;
  const issues: FieldIssue[] = [{ path: ["details", field], message }];
  throw new AppError("BAD_REQUEST", message, { issues });
}

const toAsset = (row: AssetRow): z.infer<typeof assetSchema> => ({
  id: row.id,
  kind: row.kind,
  label: row.label,
  details: (row.details ?? {}) as Record<string, unknown>,
  sizeClass: row.sizeClass,
  notes: row.notes,
  archivedAt: iso(row.archivedAt),
  createdAt: row.createdAt.toISOString(),
});

/** The details as stored: the parsed fields without the ones left empty. */
const storedDetails = (details: AssetDetails) =>
  Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)) as PrismaTypes.InputJsonObject;

// ----- Customers: profile and the phone rule. -----

/** 409 naming the customer who already has `phone` (its primary number is unique per business). */
async function refuseTakenPhone(tx: TenantTx, phone: string, exceptId?: string): Promise<void> {
  const holder = await tx.customer.findFirst({
    where: { phone, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { name: true, phone: true },
  });
  if (holder) throw phoneTaken(holder.name, phone);
}

const phoneTaken = (name: string | null, phone: string) =>
  new AppError(
    "CONFLICT",
    `${phone} is already the number of ${name ?? "another customer (no name yet)"}. Open that customer instead, or use another number.`,
    { issues: [{ path: ["phone"], message: `${phone} already belongs to ${name ?? "another customer"}.` }] },
  );

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

async function marketingConsentOf(tx: TenantTx, phone: string): Promise<z.infer<typeof marketingConsentSchema>> {
  const row = await tx.marketingConsent.findFirst({ where: { phone }, select: { state: true } });
  return { state: row?.state ?? null, allowed: await hasMarketingConsent(tx, phone) };
}

async function consentOf(tx: TenantTx, phone: string): Promise<"opted_in" | "opted_out" | null> {
  const row = await tx.smsConsent.findFirst({ where: { phone }, select: { state: true } });
  return row?.state ?? null;
}

const toProfile = (row: CustomerRow, consent: "opted_in" | "opted_out" | null): z.infer<typeof profileSchema> => ({
  id: row.id,
  name: row.name,
  phone: row.phone,
  altPhones: row.altPhones,
  email: row.email,
  address: row.address,
  notes: row.notes,
  tags: row.tags,
  source: row.source,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  lastSeenAt: iso(row.lastSeenAt),
  lastVisitAt: iso(row.lastVisitAt),
  visitCount: row.visitCount,
  lifetimeSpendCents: row.lifetimeSpendCents,
  consent,
});

type AppointmentRow = {
  id: string;
  service_name: string;
  starts_at: Date;
  ends_at: Date;
  status: z.infer<typeof appointmentSchema>["status"];
  price_cents: number | null;
  price_min_cents: number | null;
  price_max_cents: number | null;
  asset_label: string | null;
};

const toAppointment = (row: AppointmentRow): z.infer<typeof appointmentSchema> => ({
  id: row.id,
  serviceName: row.service_name,
  startsAt: row.starts_at.toISOString(),
  endsAt: row.ends_at.toISOString(),
  status: row.status,
  priceCents: row.price_cents,
  priceMinCents: row.price_min_cents,
  priceMaxCents: row.price_max_cents,
  assetLabel: row.asset_label,
});

/** The customer's appointments on one side of `now`, with the service's name (one joined statement). */
function appointmentsOf(tx: TenantTx, tenantId: string, customerId: string, now: Date, side: "upcoming" | "past") {
  const select = Prisma.sql`
    SELECT a.id, s.name AS service_name, a.starts_at, a.ends_at, a.status::text AS status, a.price_cents,
           a.price_min_cents, a.price_max_cents, x.label AS asset_label
    FROM appointments a
    JOIN services s ON s.tenant_id = a.tenant_id AND s.id = a.service_id
    LEFT JOIN assets x ON x.tenant_id = a.tenant_id AND x.id = a.asset_id
    WHERE a.tenant_id = ${tenantId} AND a.customer_id = ${customerId}::uuid`;
  return side === "upcoming"
    ? tx.$queryRaw<AppointmentRow[]>`${select} AND a.starts_at >= ${now}
        ORDER BY a.starts_at, a.id LIMIT ${APPOINTMENTS_EACH_WAY}`
    : tx.$queryRaw<AppointmentRow[]>`${select} AND a.starts_at < ${now}
        ORDER BY a.starts_at DESC, a.id DESC LIMIT ${APPOINTMENTS_EACH_WAY}`;
}

export const tenantCustomersRouter = createRouter({
  // Duplicates, merge, unmerge, dismissDuplicate, merges, mergePreview (customer-merges.ts).
  ...customerMergeProcedures,

  /** An erasure request: the customer's personal data removed, the consent ledger kept (customers-erase.ts). */
  erase: eraseCustomerProcedure,
  /** Customers by name (then id), 50 a page by default; `nextCursor` asks for the next page. */
  list: staffProcedure
    .input(customersListInput)
    .output(z.object({ items: z.array(listItemSchema), nextCursor: z.string().nullable() }))
    .query(async ({ ctx, input }) => {
      // A search or tag filter is planned each time: how many customers match decides the join, and a
      // prepared statement's generic plan cannot know (it chose a hash join over every customer).
      const filtered = !!(input.search || input.tag);
      const rows = await ctx.tenant.query<ListRow>(customerListQuery(ctx.tenantId, input, ctx.now()), {
        prepare: !filtered,
      });
      const { items, nextCursor } = customerOrder.page(rows, input.limit, (row) => [row.sort_name, row.id]);
      return {
        items: items.map((row) => ({
          id: row.id,
          name: row.name,
          phone: row.phone,
          email: row.email,
          tags: row.tags,
          source: row.source as z.infer<typeof customerSourceSchema>,
          lastSeenAt: iso(row.last_seen_at),
          lastVisitAt: iso(row.last_visit_at),
          visitCount: row.visit_count,
          lifetimeSpendCents: row.lifetime_spend_cents,
          consent: row.consent,
        })),
        nextCursor,
      };
    }),

  /** One customer's page. */
  get: staffProcedure
    .input(customerIdInput)
    .output(customerPageSchema)
    .query(async ({ ctx, input }) => {
      const now = ctx.now();
      return ctx.tenant.run(async (tx) => {
        const customer = await tx.customer.findFirst({ where: { id: input.id } });
        if (!customer) throw customerNotFound();
        const phones = [customer.phone, ...customer.altPhones];
        // One after another: an interactive transaction has one connection, so nothing would run at once.
        const assets = await tx.asset.findMany({
          where: { customerId: customer.id },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        });
        const assetKinds = await assetKindsOf(tx);
        const upcoming = await appointmentsOf(tx, ctx.tenantId, customer.id, now, "upcoming");
        const past = await appointmentsOf(tx, ctx.tenantId, customer.id, now, "past");
        const conversation = await tx.conversation.findFirst({
          where: { customerId: customer.id },
          select: { id: true },
        });
        const calls = await tx.call.findMany({
          where: { customerId: customer.id },
          orderBy: [{ startedAt: "desc" }, { id: "desc" }],
          take: RECENT_CALLS,
        });
        const consentEvents = await tx.smsConsentEvent.findMany({
          where: { phone: { in: phones } },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        });
        const consent = await consentOf(tx, customer.phone);
        const marketingConsent = await marketingConsentOf(tx, customer.phone);
        const counts = await tx.appointment.groupBy({
          by: ["status"],
          where: { customerId: customer.id },
          _count: { _all: true },
        });
        const messages = conversation
          ? await tx.message.findMany({
              where: { conversationId: conversation.id },
              orderBy: [{ createdAt: "desc" }, { id: "desc" }],
              take: THREAD_MESSAGES,
            })
          : [];
        const senderIds = [...new Set(messages.flatMap((m) => (m.sentByUserId ? [m.sentByUserId] : [])))];
        const senders = senderIds.length
          ? await tx.membership.findMany({
              where: { userId: { in: senderIds } },
              select: { userId: true, user: { select: { name: true, email: true } } },
            })
          : [];
        const senderNames = new Map(senders.map((s) => [s.userId, s.user.name || s.user.email]));
        const countOf = (status: string) => counts.find((c) => c.status === status)?._count._all ?? 0;
        const upcomingCount = await tx.appointment.count({
          where: { customerId: customer.id, startsAt: { gte: now }, status: { in: ["booked", "confirmed"] } },
        });
        return {
          customer: toProfile(customer, consent),
          assets: assets.map(toAsset),
          assetKinds,
          upcoming: upcoming.map(toAppointment),
          past: past.map(toAppointment),
          messages: messages.reverse().map((m) => toMessage(m, senderNames)),
          conversationId: conversation?.id ?? null,
          calls: calls.map((call) => ({
            id: call.id,
            fromNumber: call.fromNumber,
            outcome: callOutcomeFromDb(call.outcome),
            durationSeconds: call.durationSeconds,
            startedAt: call.startedAt.toISOString(),
            voicemail: call.recordingUrl ? { transcription: call.transcription } : null,
          })),
          consentHistory: consentEvents.map((event) => ({
            id: event.id,
            phone: event.phone,
            state: event.state,
            source: event.source,
            purpose: event.purpose,
            at: event.createdAt.toISOString(),
            text: textOf(event.evidence),
            note: noteOf(event.evidence),
          })),
          marketingConsent,
          figures: {
            visitCount: customer.visitCount,
            lifetimeSpendCents: customer.lifetimeSpendCents,
            lastVisitAt: iso(customer.lastVisitAt),
            upcomingCount,
            noShowCount: countOf("no_show"),
            cancelledCount: countOf("cancelled"),
          },
        };
      });
    }),

  create: staffProcedure
    .input(customerCreateInput)
    .output(profileSchema)
    .mutation(async ({ ctx, input }) => {
      try {
        return await ctx.tenant.run(async (tx) => {
          await refuseTakenPhone(tx, input.phone);
          const row = await tx.customer.create({
            data: {
              tenantId: ctx.tenantId,
              name: input.name,
              phone: input.phone,
              altPhones: input.altPhones,
              email: input.email,
              address: input.address,
              notes: input.notes,
              tags: input.tags,
              source: input.source,
              ...customerSearchKeys(input),
            },
          });
          return toProfile(row, await consentOf(tx, row.phone));
        });
      } catch (error) {
        // Two people adding the same number at once: the unique index decides, with the same answer.
        if (isUniqueViolation(error)) throw await phoneTakenNow(ctx.tenant.run.bind(ctx.tenant), input.phone);
        throw error;
      }
    }),

  /** Changes what is sent; a new phone keeps the customer's conversation and history (they hang on the id). */
  update: staffProcedure
    .input(customerUpdateInput)
    .output(profileSchema)
    .mutation(async ({ ctx, input }) => {
      const { id, ...changes } = input;
      try {
        return await ctx.tenant.run(async (tx) => {
          const current = await tx.customer.findFirst({ where: { id } });
          if (!current) throw customerNotFound();
          if (changes.phone && changes.phone !== current.phone) await refuseTakenPhone(tx, changes.phone, id);
          const next = {
            name: changes.name ?? current.name,
            phone: changes.phone ?? current.phone,
            altPhones: changes.altPhones ?? current.altPhones,
            email: changes.email === undefined ? current.email : changes.email,
          };
          if (next.altPhones.includes(next.phone)) {
            const message = "The other phone numbers already include the primary number; remove it from the list.";
            throw new AppError("BAD_REQUEST", message, { issues: [{ path: ["altPhones"], message }] });
          }
          const data = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
          await tx.customer.updateMany({ where: { id }, data: { ...data, ...customerSearchKeys(next) } });
          const row = await tx.customer.findFirst({ where: { id } });
          return toProfile(row!, await consentOf(tx, row!.phone));
        });
      } catch (error) {
        if (isUniqueViolation(error) && changes.phone)
          throw await phoneTakenNow(ctx.tenant.run.bind(ctx.tenant), changes.phone);
        throw error;
      }
    }),

  /**
   * Staff record the customer's marketing consent (offers by text) for their primary phone: given
   * only with a note on how they agreed (the evidence), refused while the number is opted out of
   * texts (it has to opt back in itself). Audited, with the note.
   */
  setMarketingConsent: staffProcedure
    .input(customerMarketingConsentInput)
    .output(marketingConsentSchema)
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.auth.user!.id;
      const { phone, result } = await ctx.tenant.run(async (tx) => {
        const customer = await tx.customer.findFirst({ where: { id: input.customerId }, select: { phone: true } });
        if (!customer) throw customerNotFound();
        await recordMarketingConsent(tx, ctx.tenantId, {
          phone: customer.phone,
          state: input.allow ? "opted_in" : "opted_out",
          source: "staff",
          evidence: { via: "staff", userId, customerId: input.customerId, note: input.note },
        });
        return { phone: customer.phone, result: await marketingConsentOf(tx, customer.phone) };
      });
      await ctx.audit({
        action: "customers.marketing_consent_changed",
        objectType: "customer",
        objectId: input.customerId,
        details: { phone, state: input.allow ? "opted_in" : "opted_out", note: input.note },
      });
      return result;
    }),

  addAsset: staffProcedure
    .input(assetCreateInput)
    .output(assetSchema)
    .mutation(async ({ ctx, input }) =>
      ctx.tenant.run(async (tx) => {
        const customer = await tx.customer.findFirst({ where: { id: input.customerId }, select: { id: true } });
        if (!customer) throw customerNotFound();
        await checkSizeClass(tx, input.kind, input.details);
        const row = await tx.asset.create({
          data: {
            tenantId: ctx.tenantId,
            customerId: customer.id,
            kind: input.kind,
            label: assetLabel(input.kind, input.details),
            details: storedDetails(input.details),
            sizeClass: assetSizeClass(input.kind, input.details),
            notes: input.notes ?? null,
          },
        });
        return toAsset(row);
      }),
    ),

  /** Replaces an asset's details (and notes, when sent); the kind cannot change. */
  updateAsset: staffProcedure
    .input(assetUpdateInput)
    .output(assetSchema)
    .mutation(async ({ ctx, input }) =>
      ctx.tenant.run(async (tx) => {
        const current = await tx.asset.findFirst({ where: { id: input.id } });
        if (!current) throw assetNotFound();
        if (current.kind !== input.kind) {
          const message = `This asset is a ${current.kind}; its kind can't change. Archive it and add a ${input.kind} instead.`;
          throw new AppError("BAD_REQUEST", message, { issues: [{ path: ["kind"], message }] });
        }
        await checkSizeClass(tx, input.kind, input.details);
        await tx.asset.updateMany({
          where: { id: input.id },
          data: {
            label: assetLabel(input.kind, input.details),
            details: storedDetails(input.details),
            sizeClass: assetSizeClass(input.kind, input.details),
            ...(input.notes !== undefined ? { notes: input.notes } : {}),
          },
        });
        return toAsset((await tx.asset.findFirst({ where: { id: input.id } }))!);
      }),
    ),

  /** Hides an asset from new bookings; past appointments keep pointing at it. */
  archiveAsset: staffProcedure
    .input(assetArchiveInput)
    .output(assetSchema)
    .mutation(async ({ ctx, input }) =>
      ctx.tenant.run(async (tx) => {
        const current = await tx.asset.findFirst({ where: { id: input.id } });
        if (!current) throw assetNotFound();
        if (current.archivedAt) return toAsset(current);
        await tx.asset.updateMany({ where: { id: input.id }, data: { archivedAt: ctx.now() } });
        return toAsset((await tx.asset.findFirst({ where: { id: input.id } }))!);
      }),
    ),
});

/** After a lost race on the phone's unique index: the 409 naming whoever holds it now. */
async function phoneTakenNow(
  run: <T>(fn: (tx: TenantTx) => Promise<T>) => Promise<T>,
  phone: string,
): Promise<AppError> {
  const holder = await run((tx) => tx.customer.findFirst({ where: { phone }, select: { name: true } }));
  return phoneTaken(holder?.name ?? null, phone);
}

const noteOf = (evidence: unknown): string | null => {
  if (evidence && typeof evidence === "object" && "note" in evidence && typeof evidence.note === "string")
    return evidence.note;
  return null;
};

const textOf = (evidence: unknown): string | null => {
  if (evidence && typeof evidence === "object" && "text" in evidence && typeof evidence.text === "string")
    return evidence.text;
  return null;
};
