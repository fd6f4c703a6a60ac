// The industry pack this business was set up from (`tenant.pack.*`, admins): which version it has,
// what a newer version would change, and applying it. A PackInstall row is the pack as installed
// (its snapshot); diffing that snapshot with the shipped pack says what the new version changes,
// and rows the business edited, archived or deleted are held back: their version stays.
import { randomUUID } from "node:crypto";
import { addOnRow, faqRow, serviceRow } from "@servicepro/concierge";
import type { Prisma, TenantTx } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import {
  type CatalogKind,
  compareVersions,
  getPack,
  type IndustryPack,
  otherChangeSchema,
  type PackAddOn,
  type PackFaq,
  type PackService,
  planUpgrade,
  previewItemSchema,
  type RowState,
  snapshotSchema,
  type UpgradePlan,
} from "@servicepro/industry-packs";
import { z } from "zod";
import { createRouter, tenantAdminProcedure } from "../../trpc.ts";

const statusSchema = z.object({
  installed: z
    .object({ packId: z.string(), packName: z.string(), version: z.string(), installedAt: z.string() })
    .nullable(),
  /** The newest version ServicePro ships of that pack; null when the pack is no longer offered. */
  latestVersion: z.string().nullable(),
  upgradeAvailable: z.boolean(),
});

const previewSchema = z.object({
  packId: z.string(),
  packName: z.string(),
  fromVersion: z.string(),
  toVersion: z.string(),
  willApply: z.array(previewItemSchema),
  heldBack: z.array(previewItemSchema),
  otherChanges: z.array(otherChangeSchema),
});

const semver = z.string().regex(/^\d{1,4}\.\d{1,4}\.\d{1,4}$/, "Use a version like 1.2.0.");

type InstallState = {
  install: { packId: string; version: string; installedAt: Date };
  snapshot: IndustryPack;
  /** The shipped pack; undefined when ServicePro no longer offers it. */
  pack: IndustryPack | undefined;
  rows: Map<string, RowState & { kind: CatalogKind }>;
};

/** The latest install, its snapshot and the business's pack-derived rows, read in one transaction. */
async function loadInstall(tx: TenantTx): Promise<InstallState | null> {
  const install = await tx.packInstall.findFirst({ orderBy: [{ installedAt: "desc" }, { id: "desc" }] });
  if (!install) return null;
  const parsed = snapshotSchema.safeParse(install.snapshot);
  if (!parsed.success || parsed.data.id !== install.packId) {
    throw new AppError("INTERNAL", `The installed copy of the ${install.packId} pack is unreadable.`);
  }
  const rows = new Map<string, RowState & { kind: CatalogKind }>();
  const fromPack = { packItemId: { not: null } };
  const select = { packItemId: true, editedAt: true, active: true } as const;
  for (const row of await tx.service.findMany({ where: fromPack, select }))
    rows.set(row.packItemId!, { ...row, packItemId: row.packItemId!, kind: "service" });
  for (const row of await tx.addOn.findMany({ where: fromPack, select }))
    rows.set(row.packItemId!, { ...row, packItemId: row.packItemId!, kind: "addOn" });
  for (const row of await tx.faq.findMany({ where: fromPack, select: { packItemId: true, editedAt: true } }))
    rows.set(row.packItemId!, { ...row, packItemId: row.packItemId!, active: true, kind: "faq" });
  return { install, snapshot: parsed.data as unknown as IndustryPack, pack: getPack(install.packId), rows };
}

const hasUpgrade = (state: InstallState): state is InstallState & { pack: IndustryPack } =>
  state.pack !== undefined && compareVersions(state.pack.version, state.install.version) > 0;

export const tenantPackRouter = createRouter({
  /** The installed pack and version, and whether ServicePro ships a newer one. */
  status: tenantAdminProcedure.output(statusSchema).query(async ({ ctx }) => {
    const state = await ctx.tenant.run(loadInstall);
    if (!state) return { installed: null, latestVersion: null, upgradeAvailable: false };
    const { install, pack } = state;
    return {
      installed: {
        packId: install.packId,
        packName: pack?.name ?? install.packId,
        version: install.version,
        installedAt: install.installedAt.toISOString(),
      },
      latestVersion: pack?.version ?? null,
      upgradeAvailable: hasUpgrade(state),
    };
  }),

  /** What applying the newest version would do, item by item; null when there is nothing newer. */
  upgradePreview: tenantAdminProcedure.output(previewSchema.nullable()).query(async ({ ctx }) => {
    const state = await ctx.tenant.run(loadInstall);
    if (!state || !hasUpgrade(state)) return null;
    const plan = planUpgrade(state.snapshot, state.pack, state.rows);
    return {
      packId: state.pack.id,
      packName: state.pack.name,
      fromVersion: plan.fromVersion,
      toVersion: plan.toVersion,
      willApply: plan.willApply.map(({ raw: _raw, ...item }) => item),
      heldBack: plan.heldBack,
      otherChanges: plan.otherChanges,
    };
  }),

  /**
   * Applies the preview the admin saw: `fromVersion` → `toVersion`. One transaction, serialised per
   * business; refused when the installed version or the newest version is no longer what they saw.
   */
  applyUpgrade: tenantAdminProcedure
    .input(z.strictObject({ fromVersion: semver, toVersion: semver }))
    .output(
      z.object({
        packId: z.string(),
        fromVersion: z.string(),
        toVersion: z.string(),
        applied: z.number().int(),
        heldBack: z.number().int(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const outcome = await ctx.tenant.run(
        async (tx) => {
          // Two admins pressing Apply at once: the second waits here, then sees the first's install.
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`pack-upgrade:${ctx.tenantId}`}))`;
          const state = await loadInstall(tx);
          if (!state)
            throw new AppError(
              "PRECONDITION_FAILED",
              "This business wasn't set up from an industry pack, so there is no pack to update.",
            );
          const name = state.pack?.name ?? state.install.packId;
          if (state.install.version !== input.fromVersion) {
            throw new AppError(
              "CONFLICT",
              `The ${name} pack on this account is now version ${state.install.version}, not ${input.fromVersion}: the update was applied meanwhile. Review the changes again.`,
            );
          }
          if (!state.pack)
            throw new AppError(
              "NOT_FOUND",
              `ServicePro no longer offers the ${name} pack, so there is no update to apply.`,
            );
          if (!hasUpgrade(state))
            throw new AppError(
              "CONFLICT",
              `This account already has the newest ${name} pack (version ${state.install.version}).`,
            );
          if (state.pack.version !== input.toVersion) {
            throw new AppError(
              "CONFLICT",
              `The newest ${name} pack is now version ${state.pack.version}, not ${input.toVersion}. Review the changes again before applying.`,
            );
          }
          const plan = planUpgrade(state.snapshot, state.pack, state.rows);
          await applyPlan(tx, ctx.tenantId, state.pack, plan);
          await tx.packInstall.create({
            data: {
              tenantId: ctx.tenantId,
              packId: state.pack.id,
              version: state.pack.version,
              snapshot: state.pack as unknown as Prisma.InputJsonValue,
            },
          });
          return { packId: state.pack.id, plan };
        },
        { timeout: 30_000 },
      );
      const { packId, plan } = outcome;
      await ctx.audit({
        action: "pack.upgraded",
        objectType: "pack",
        objectId: packId,
        details: {
          fromVersion: plan.fromVersion,
          toVersion: plan.toVersion,
          applied: plan.willApply.map((item) => item.packItemId),
          heldBack: plan.heldBack.map((item) => item.packItemId),
        },
      });
      return {
        packId,
        fromVersion: plan.fromVersion,
        toVersion: plan.toVersion,
        applied: plan.willApply.length,
        heldBack: plan.heldBack.length,
      };
    }),
});

/** A row's content columns: what an upgrade may overwrite (never its id, tenant or position). */
const contentOf = <T extends { tenantId: string; id: string; position: number; packItemId: string }>({
  tenantId: _t,
  id: _i,
  position: _p,
  packItemId: _k,
  ...content
}: T) => content;

/**
 * Writes the safe changes, with set-up's own mapping from pack items to rows (@servicepro/concierge),
 * so an upgraded item looks exactly like a freshly installed one. Services first (add-ons point at
 * them), then add-ons, then FAQs. Every update is conditional on the row still being unedited, so
 * an edit that lands while the upgrade runs is never overwritten. Removed services and add-ons are
 * archived (history may point at them); removed FAQs are deleted.
 */
async function applyPlan(tx: TenantTx, tenantId: string, pack: IndustryPack, plan: UpgradePlan): Promise<void> {
  const items = (kind: CatalogKind) => plan.willApply.filter((item) => item.kind === kind);
  const unedited = (packItemId: string) => ({ packItemId, editedAt: null });

  let position = ((await tx.service.aggregate({ _max: { position: true } }))._max.position ?? -1) + 1;
  for (const item of items("service")) {
    if (item.change === "removed") {
      await tx.service.updateMany({ where: unedited(item.packItemId), data: { active: false } });
      continue;
    }
    const row = serviceRow(pack, item.raw.after as PackService, { tenantId, id: randomUUID(), position });
    const { count } = await tx.service.updateMany({
      where: unedited(item.packItemId),
      data: { ...contentOf(row), active: true },
    });
    if (count === 0 && item.change === "added") {
      await tx.service.create({ data: row });
      position++;
    }
  }

  const serviceRowIds = new Map(
    (await tx.service.findMany({ where: { packItemId: { not: null } }, select: { id: true, packItemId: true } })).map(
      (row) => [row.packItemId!, row.id],
    ),
  );
  position = ((await tx.addOn.aggregate({ _max: { position: true } }))._max.position ?? -1) + 1;
  for (const item of items("addOn")) {
    if (item.change === "removed") {
      await tx.addOn.updateMany({ where: unedited(item.packItemId), data: { active: false } });
      continue;
    }
    const row = addOnRow(item.raw.after as PackAddOn, serviceRowIds, { tenantId, id: randomUUID(), position });
    const { count } = await tx.addOn.updateMany({
      where: unedited(item.packItemId),
      data: { ...contentOf(row), active: true },
    });
    if (count === 0 && item.change === "added") {
      await tx.addOn.create({ data: row });
      position++;
    }
  }

  position = ((await tx.faq.aggregate({ _max: { position: true } }))._max.position ?? -1) + 1;
  for (const item of items("faq")) {
    if (item.change === "removed") {
      await tx.faq.deleteMany({ where: unedited(item.packItemId) });
      continue;
    }
    const row = faqRow(item.raw.after as PackFaq, { tenantId, id: randomUUID(), position });
    const { count } = await tx.faq.updateMany({ where: unedited(item.packItemId), data: contentOf(row) });
    if (count === 0 && item.change === "added") {
      await tx.faq.create({ data: row });
      position++;
    }
  }
}
