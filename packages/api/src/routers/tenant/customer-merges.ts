// Duplicates and merges of the business's customers (issue 16, section 2), part of
// `tenant.customers.*`: the duplicate finder's pages, a merge's preview, the merge itself, its undo,
// "not the same person", and a customer's merge history. Staff read; admins change; each change is
// audited (the merge row in customer_merges holds both originals; the audit row names it). The rules
// live in @servicepro/customer-master.
import {
  customerReferencingTables,
  type DuplicateCustomer,
  dismissDuplicate,
  findDuplicates,
  mergeCustomers,
  unmergeCustomers,
} from "@servicepro/customer-master";
import { Prisma, type TenantTx } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import {
  customerDismissDuplicateInput,
  customerDuplicatesInput,
  customerMergeInput,
  customerMergesInput,
  customerUnmergeInput,
} from "@servicepro/validators";
import { z } from "zod";
import { staffProcedure, tenantAdminProcedure } from "../../trpc.ts";

/** A merge touches every customer table: more than the default five seconds on a large history. */
const MERGE_TRANSACTION = { timeout: 60_000 };

const reasonSchema = z.enum(["phone", "email", "name_street", "name_email_typo"]);

const summarySchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  phone: z.string(),
  altPhones: z.array(z.string()),
  email: z.string().nullable(),
  address: z.string().nullable(),
  visitCount: z.number().int(),
  lastVisitAt: z.string().nullable(),
  createdAt: z.string(),
});

const toSummary = (c: DuplicateCustomer): z.infer<typeof summarySchema> => ({
  id: c.id,
  name: c.name,
  phone: c.phone,
  altPhones: c.altPhones,
  email: c.email,
  address: c.address,
  visitCount: c.visitCount,
  lastVisitAt: c.lastVisitAt?.toISOString() ?? null,
  createdAt: c.createdAt.toISOString(),
});

const mergeSummarySchema = z.object({
  id: z.string(),
  survivorId: z.string(),
  mergedId: z.string(),
  /** The merged customer's name and phone as they were (from the record's snapshot). */
  mergedName: z.string().nullable(),
  mergedPhone: z.string(),
  survivorName: z.string().nullable(),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
  /** Whether "Undo merge" is offered: not undone, and the survivor's latest merge. */
  canUndo: z.boolean(),
});

const notFound = () =>
  new AppError("NOT_FOUND", "One of these customers doesn't exist (or belongs to another business). Reload the page.");

/** Rows that reference a customer, per table (what a merge would move). */
async function referencingCounts(tx: TenantTx, tenantId: string, customerId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await customerReferencingTables(tx)) {
    const [row] = await tx.$queryRaw<{ n: number }[]>(
      Prisma.sql`SELECT count(*)::int AS n FROM ${Prisma.raw(`"${table}"`)}
                 WHERE tenant_id = ${tenantId} AND customer_id = ${customerId}::uuid`,
    );
    if (row && row.n > 0) counts[table] = row.n;
  }
  return counts;
}

const snapshotField = (snapshot: unknown, field: string): string | null => {
  if (snapshot && typeof snapshot === "object" && field in snapshot) {
    const value = (snapshot as Record<string, unknown>)[field];
    return typeof value === "string" ? value : null;
  }
  return null;
};

export const customerMergeProcedures = {
  /** Pairs that look like one person, a page at a time, with why (certain: phone/email; likely: for review). */
  duplicates: staffProcedure
    .input(customerDuplicatesInput)
    .output(
      z.object({
        items: z.array(
          z.object({
            level: z.enum(["certain", "likely"]),
            reasons: z.array(reasonSchema),
            a: summarySchema,
            b: summarySchema,
          }),
        ),
        nextCursor: z.string().nullable(),
      }),
    )
    .query(async ({ ctx, input }) => {
      // Each page joins the whole customer table (about a second at 100,000 customers on a busy server).
      const page = await ctx.tenant.run(
        (tx) => findDuplicates(tx, ctx.tenantId, { cursor: input.cursor ?? null, limit: input.limit }),
        { timeout: 30_000 },
      );
      return {
        items: page.items.map((pair) => ({
          level: pair.level,
          reasons: pair.reasons,
          a: toSummary(pair.a),
          b: toSummary(pair.b),
        })),
        nextCursor: page.nextCursor,
      };
    }),

  /** What a merge would move: the rows referencing the merged customer, per table, and both customers. */
  mergePreview: staffProcedure
    .input(customerMergeInput)
    .output(z.object({ survivor: summarySchema, merged: summarySchema, moves: z.record(z.string(), z.number()) }))
    .query(async ({ ctx, input }) =>
      ctx.tenant.run(async (tx) => {
        const select = {
          id: true,
          name: true,
          phone: true,
          altPhones: true,
          email: true,
          address: true,
          visitCount: true,
          lastVisitAt: true,
          createdAt: true,
        } as const;
        const survivor = await tx.customer.findFirst({ where: { id: input.survivorId }, select });
        const merged = await tx.customer.findFirst({ where: { id: input.mergedId }, select });
        if (!survivor || !merged) throw notFound();
        return {
          survivor: toSummary(survivor),
          merged: toSummary(merged),
          moves: await referencingCounts(tx, ctx.tenantId, merged.id),
        };
      }),
    ),

  /** Merges `mergedId` into `survivorId` (admins). Audited; undoable with `unmerge`. */
  merge: tenantAdminProcedure
    .input(customerMergeInput)
    .output(
      z.object({
        mergeId: z.string(),
        survivorId: z.string(),
        movedCounts: z.record(z.string(), z.number()),
        consentTightened: z.array(z.string()),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.auth.user?.id ?? null;
      const result = await ctx.tenant.run(
        (tx) => mergeCustomers(tx, ctx.tenantId, { ...input, userId, now: ctx.now() }),
        MERGE_TRANSACTION,
      );
      await ctx.audit({
        action: "customers.merged",
        objectType: "customer",
        objectId: result.survivorId,
        details: {
          mergeId: result.mergeId,
          survivorId: result.survivorId,
          mergedId: result.mergedId,
          movedCounts: result.movedCounts,
          consentTightened: result.consentTightened,
        },
      });
      return {
        mergeId: result.mergeId,
        survivorId: result.survivorId,
        movedCounts: result.movedCounts,
        consentTightened: result.consentTightened,
      };
    }),

  /** Undoes a merge (admins): both customers as they were. 409 when it can no longer be done exactly. */
  unmerge: tenantAdminProcedure
    .input(customerUnmergeInput)
    .output(z.object({ survivorId: z.string(), mergedId: z.string(), keptChanges: z.array(z.string()) }))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.auth.user?.id ?? null;
      const result = await ctx.tenant.run(
        (tx) => unmergeCustomers(tx, ctx.tenantId, { mergeId: input.mergeId, userId, now: ctx.now() }),
        MERGE_TRANSACTION,
      );
      await ctx.audit({
        action: "customers.unmerged",
        objectType: "customer",
        objectId: result.survivorId,
        details: {
          mergeId: result.mergeId,
          survivorId: result.survivorId,
          mergedId: result.mergedId,
          keptChanges: result.keptChanges,
        },
      });
      return { survivorId: result.survivorId, mergedId: result.mergedId, keptChanges: result.keptChanges };
    }),

  /** "Not the same person" (admins): the pair is no longer offered. Audited. */
  dismissDuplicate: tenantAdminProcedure
    .input(customerDismissDuplicateInput)
    .output(z.object({ dismissed: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.auth.user?.id ?? null;
      await ctx.tenant.run((tx) => dismissDuplicate(tx, ctx.tenantId, { ...input, userId }));
      await ctx.audit({
        action: "customers.duplicate_dismissed",
        objectType: "customer",
        objectId: input.customerId,
        details: { customerId: input.customerId, otherId: input.otherId },
      });
      return { dismissed: true as const };
    }),

  /** The merges a customer took part in, newest first (the customer page's history). */
  merges: staffProcedure
    .input(customerMergesInput)
    .output(z.array(mergeSummarySchema))
    .query(async ({ ctx, input }) =>
      ctx.tenant.run(async (tx) => {
        const rows = await tx.customerMerge.findMany({
          where: { OR: [{ survivorId: input.customerId }, { mergedId: input.customerId }] },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: 50,
          select: {
            id: true,
            survivorId: true,
            mergedId: true,
            mergedBefore: true,
            survivorBefore: true,
            createdAt: true,
            undoneAt: true,
          },
        });
        // The survivor's latest merge not undone (only it can be undone exactly).
        const latest = await tx.customerMerge.findFirst({
          where: { undoneAt: null, OR: [{ survivorId: input.customerId }, { mergedId: input.customerId }] },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          select: { id: true, survivorId: true },
        });
        return rows.map((row) => ({
          id: row.id,
          survivorId: row.survivorId,
          mergedId: row.mergedId,
          mergedName: snapshotField(row.mergedBefore, "name"),
          mergedPhone: snapshotField(row.mergedBefore, "phone") ?? "",
          survivorName: snapshotField(row.survivorBefore, "name"),
          createdAt: row.createdAt.toISOString(),
          undoneAt: row.undoneAt?.toISOString() ?? null,
          canUndo: !row.undoneAt && latest?.id === row.id && row.survivorId === input.customerId,
        }));
      }),
    ),
};
