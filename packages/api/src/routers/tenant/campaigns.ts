// Marketing campaigns (`tenant.campaigns.*`, issue 15). Every procedure is gated by the plan
// feature `campaigns` (a starter business gets 403 PLAN_FEATURE_REQUIRED on each). Staff read
// campaigns and their results; admins compose, schedule, pause, resume and cancel them, and each
// of those is audited. The rules live in @servicepro/campaigns; sending is its drain (a job,
// queued after the change commits).

import { TZDate } from "@date-fns/tz";
import {
  type CampaignBusiness,
  type CampaignProgress,
  campaignBookings,
  campaignProgress,
  campaignTimeline,
  cancelCampaign,
  createCampaign,
  EXPANSION_TRANSACTION,
  loadBusiness,
  pauseCampaign,
  previewAudience,
  progressOf,
  resumeCampaign,
  scheduleCampaign,
  storedAudience,
  updateCampaign,
} from "@servicepro/campaigns";
import { type Campaign, INVALID_CURSOR_MESSAGE, keyset, Prisma } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import { campaignTemplatesFor } from "@servicepro/industry-packs";
import {
  audiencePreviewInput,
  campaignIdInput,
  campaignInput,
  campaignListInput,
  campaignScheduleInput,
  campaignUpdateInput,
  MERGE_FIELDS,
} from "@servicepro/validators";
import { createRouter, staffProcedure, tenantAdminProcedure } from "../../trpc.ts";

const readProcedure = staffProcedure.meta({ feature: "campaigns" });
const adminProcedure = tenantAdminProcedure.meta({ feature: "campaigns" });

/** Newest first: the index campaigns (tenant_id, created_at DESC); id breaks ties. */
const campaignOrder = keyset(
  [
    ["c.created_at", "timestamptz"],
    ["c.id", "uuid"],
  ],
  "desc",
);

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function campaignView(campaign: Campaign, progress: CampaignProgress) {
  return {
    id: campaign.id,
    name: campaign.name,
    body: campaign.body,
    audience: storedAudience(campaign.audience),
    status: campaign.status,
    templateKey: campaign.templateKey,
    scheduledAt: iso(campaign.scheduledAt),
    startedAt: iso(campaign.startedAt),
    pausedAt: iso(campaign.pausedAt),
    completedAt: iso(campaign.completedAt),
    cancelledAt: iso(campaign.cancelledAt),
    recipientCount: campaign.recipientCount,
    createdAt: campaign.createdAt.toISOString(),
    updatedAt: campaign.updatedAt.toISOString(),
    progress,
  };
}
export type CampaignView = ReturnType<typeof campaignView>;

function requireBaseUrl(publicBaseUrl: string | null): string {
  if (!publicBaseUrl)
    throw new AppError(
      "PRECONDITION_FAILED",
      "The server has no public address (PUBLIC_BASE_URL), so booking links can't be written. Ask your administrator to set it.",
    );
  return publicBaseUrl;
}

const businessView = (business: CampaignBusiness) => ({
  name: business.name,
  slug: business.slug,
  timeZone: business.timezone,
});

export const tenantCampaignsRouter = createRouter({
  /** Newest first, with each campaign's progress; keyset paged by (created_at, id). */
  list: readProcedure.input(campaignListInput).query(({ ctx, input }) =>
    ctx.tenant.run(async (tx) => {
      const after = input.cursor ? campaignOrder.decode(input.cursor) : null;
      if (input.cursor && !after) throw new AppError("BAD_REQUEST", INVALID_CURSOR_MESSAGE);
      const keys = await tx.$queryRaw<{ id: string; created_at: Date }[]>(Prisma.sql`
        SELECT c.id, c.created_at FROM campaigns c
         WHERE c.tenant_id = ${ctx.tenantId} AND ${campaignOrder.after(after)}
           ${input.status ? Prisma.sql`AND c.status::text = ${input.status}` : Prisma.empty}
         ORDER BY ${campaignOrder.orderBy} ${campaignOrder.limit(input.limit + 1)}`);
      const { items, nextCursor } = campaignOrder.page(keys, input.limit, (row) => [row.created_at, row.id]);
      const ids = items.map((row) => row.id);
      const [rows, progress] = [
        await tx.campaign.findMany({ where: { id: { in: ids } } }),
        await campaignProgress(tx, ctx.tenantId, ids),
      ];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return {
        campaigns: ids.flatMap((id) => {
          const campaign = byId.get(id);
          return campaign ? [campaignView(campaign, progressOf(progress, id))] : [];
        }),
        nextCursor,
      };
    }),
  ),

  /** One campaign with its progress, and what the composer needs (the business, the merge fields). */
  get: readProcedure.input(campaignIdInput).query(({ ctx, input }) =>
    ctx.tenant.run(async (tx) => {
      const campaign = await tx.campaign.findFirst({ where: { id: input.id } });
      if (!campaign) throw notFound();
      const [progress, business] = await Promise.all([
        campaignProgress(tx, ctx.tenantId, [campaign.id]),
        loadBusiness(tx),
      ]);
      return {
        campaign: campaignView(campaign, progressOf(progress, campaign.id)),
        business: businessView(business),
        mergeFields: [...MERGE_FIELDS],
      };
    }),
  ),

  /** Progress, the bookings credited to it (7 days, last touch) and the per-day chart. */
  results: readProcedure.input(campaignIdInput).query(({ ctx, input }) =>
    ctx.tenant.run(async (tx) => {
      const campaign = await tx.campaign.findFirst({ where: { id: input.id } });
      if (!campaign) throw notFound();
      const business = await loadBusiness(tx);
      const progress = progressOf(await campaignProgress(tx, ctx.tenantId, [campaign.id]), campaign.id);
      const bookings = await campaignBookings(tx, ctx.tenantId, campaign.id);
      const timeline = await campaignTimeline(tx, ctx.tenantId, campaign.id, business.timezone);
      return { status: campaign.status, progress, bookings, timeline };
    }),
  ),

  /**
   * Ready-made messages: the business's pack's seasonal templates (in season first, by the month in
   * its own time zone), then the generic ones every business can use.
   */
  templates: readProcedure.query(({ ctx }) =>
    ctx.tenant.run(async (tx) => {
      const [business, install] = await Promise.all([
        loadBusiness(tx),
        tx.packInstall.findFirst({ orderBy: { installedAt: "desc" }, select: { packId: true } }),
      ]);
      const month = new TZDate(+ctx.now(), business.timezone).getMonth() + 1;
      return campaignTemplatesFor(install?.packId ?? null, month).map((t) => ({
        key: t.key,
        name: t.name,
        body: t.body,
        season: t.season ?? null,
        inSeason: t.inSeason,
      }));
    }),
  ),

  /** The live audience count as the filters change; with a body, sample texts, segments and cost. */
  audiencePreview: readProcedure
    .input(audiencePreviewInput)
    .query(({ ctx, input }) =>
      ctx.tenant.run((tx) =>
        previewAudience(tx, input, { now: ctx.now(), publicBaseUrl: requireBaseUrl(ctx.publicBaseUrl) }),
      ),
    ),

  create: adminProcedure.input(campaignInput).mutation(async ({ ctx, input }) => {
    const campaign = await ctx.tenant.run((tx) =>
      createCampaign(tx, input, {
        now: ctx.now(),
        publicBaseUrl: requireBaseUrl(ctx.publicBaseUrl),
        userId: ctx.auth.user?.id ?? null,
      }),
    );
    await audit(ctx, "campaign.created", campaign, { name: campaign.name });
    return campaignView(campaign, progressOf(new Map(), campaign.id));
  }),

  /** Drafts and scheduled campaigns only; a campaign that is sending or done is refused with its state. */
  update: adminProcedure.input(campaignUpdateInput).mutation(async ({ ctx, input }) => {
    const campaign = await ctx.tenant.run((tx) =>
      updateCampaign(tx, input, { now: ctx.now(), publicBaseUrl: requireBaseUrl(ctx.publicBaseUrl) }),
    );
    return campaignView(campaign, progressOf(new Map(), campaign.id));
  }),

  /** "now" (inside the sending hours) starts it; a future time inside them schedules it. */
  schedule: adminProcedure.input(campaignScheduleInput).mutation(async ({ ctx, input }) => {
    const now = ctx.now();
    const { campaign, startDrainAt } = await ctx.tenant.run(
      (tx) => scheduleCampaign(tx, input, { now, publicBaseUrl: requireBaseUrl(ctx.publicBaseUrl) }),
      EXPANSION_TRANSACTION,
    );
    if (campaign.status === "sending" || campaign.status === "scheduled")
      await ctx.messaging.campaigns.start(ctx.tenantId, campaign.id, startDrainAt);
    await audit(ctx, input.sendAt === "now" ? "campaign.started" : "campaign.scheduled", campaign, {
      scheduledAt: iso(campaign.scheduledAt),
      recipients: campaign.recipientCount,
    });
    return campaignView(campaign, progressOf(await progressFor(ctx, campaign.id), campaign.id));
  }),

  /** Stops new texts at once (the drain re-checks the state before every text). */
  pause: adminProcedure.input(campaignIdInput).mutation(async ({ ctx, input }) => {
    const campaign = await ctx.tenant.run((tx) => pauseCampaign(tx, input.id, ctx.now()));
    await audit(ctx, "campaign.paused", campaign, {});
    return campaignView(campaign, progressOf(await progressFor(ctx, campaign.id), campaign.id));
  }),

  resume: adminProcedure.input(campaignIdInput).mutation(async ({ ctx, input }) => {
    const campaign = await ctx.tenant.run((tx) => resumeCampaign(tx, input.id));
    await ctx.messaging.campaigns.start(ctx.tenantId, campaign.id);
    await audit(ctx, "campaign.resumed", campaign, {});
    return campaignView(campaign, progressOf(await progressFor(ctx, campaign.id), campaign.id));
  }),

  /** Unsent texts are dropped; texts already sent stay sent. */
  cancel: adminProcedure.input(campaignIdInput).mutation(async ({ ctx, input }) => {
    const campaign = await ctx.tenant.run((tx) => cancelCampaign(tx, input.id, ctx.now()));
    await audit(ctx, "campaign.cancelled", campaign, {});
    return campaignView(campaign, progressOf(await progressFor(ctx, campaign.id), campaign.id));
  }),
});

type CampaignCtx = {
  tenantId: string;
  tenant: { run: <T>(fn: (tx: Parameters<typeof campaignProgress>[0]) => Promise<T>) => Promise<T> };
  audit: (event: {
    action: string;
    objectType: string;
    objectId: string;
    details?: Prisma.InputJsonObject;
  }) => Promise<unknown>;
};

const progressFor = (ctx: CampaignCtx, id: string) => ctx.tenant.run((tx) => campaignProgress(tx, ctx.tenantId, [id]));

const audit = (ctx: CampaignCtx, action: string, campaign: Campaign, details: Prisma.InputJsonObject) =>
  ctx.audit({ action, objectType: "campaign", objectId: campaign.id, details: { name: campaign.name, ...details } });

const notFound = () =>
  new AppError("NOT_FOUND", "That campaign doesn't exist (it may have been deleted). Reload the list.");
