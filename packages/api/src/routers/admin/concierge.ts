// Concierge set-up (issue 5): the platform owner turns "a new business" into a working tenant
// from one form. preview → searchNumbers → provision; the admin wizard calls them in that order.
import { randomUUID } from "node:crypto";
import {
  planGateIssues,
  planProvisioning,
  provisioningInputSchema,
  provisionRequestSchema,
  summarizePlan,
} from "@servicepro/concierge";
import { AppError, fieldErrors } from "@servicepro/errors";
import { getPack } from "@servicepro/industry-packs";
import { newOnboardingToken } from "@servicepro/provisioning";
import { IVR_MODES } from "@servicepro/telephony/constants";
import { PLAN_TIERS } from "@servicepro/tenancy/constants";
import { slugSchema, textSchema } from "@servicepro/validators";
import { z } from "zod";
import { findClashes } from "../../concierge/clashes.ts";
import { provisionBusiness } from "../../concierge/execute.ts";
import {
  deliveryConfigOf,
  onboardingDeliverySchema,
  planOnboardingDelivery,
} from "../../concierge/onboarding-delivery.ts";
import { createRouter, gateTargetPlan, ownerProcedure } from "../../trpc.ts";

const counts = z.object({ services: z.number().int(), addOns: z.number().int(), faqs: z.number().int() });

const previewSchema = z.object({
  business: z.object({
    tenantId: z.string(),
    slug: z.string(),
    name: z.string(),
    planTier: z.enum(PLAN_TIERS),
    timezone: z.string(),
  }),
  owner: z.object({ name: z.string(), email: z.string(), phone: z.string() }),
  pack: z.object({ id: z.string(), name: z.string(), version: z.string() }),
  counts,
  phone: z.object({ phoneNumber: z.string(), ivrMode: z.enum(IVR_MODES), greeting: z.string().nullable() }).nullable(),
  websiteDraft: z.boolean(),
  /** `delivery`: which channels will really carry the link, from the server's configuration. */
  onboarding: z.object({ send: z.boolean(), expiresAt: z.string(), delivery: onboardingDeliverySchema }),
  steps: z.array(z.object({ id: z.string(), label: z.string(), detail: z.string() })),
  warnings: z.array(z.string()),
});

const resultSchema = z.object({
  tenantId: z.string(),
  slug: z.string(),
  businessName: z.string(),
  ownerEmail: z.string(),
  /** Null once the owner used it: the stored answer forgets a spent link. */
  onboardingLink: z.string().nullable(),
  onboardingExpiresAt: z.string(),
  created: counts.extend({ phoneNumber: z.string().nullable(), websiteDraft: z.boolean() }),
  numberSetup: z.enum(["queued", "none"]),
  onboardingNotice: z.enum(["queued", "none"]),
  onboarding: onboardingDeliverySchema,
  warnings: z.array(z.string()),
});

const searchInputSchema = z.strictObject({
  areaCode: z
    .string()
    .trim()
    .regex(/^([2-9]\d{2})?$/, { message: "An area code is 3 digits and does not start with 0 or 1, e.g. 512." })
    .optional()
    .transform((value) => value || undefined),
  limit: z.number().int().min(1).max(30).default(10),
});

const checkSlugInputSchema = z.strictObject({ slug: textSchema("the slug", { min: 0, max: 200 }) });

const noBaseUrl = () =>
  new AppError(
    "PRECONDITION_FAILED",
    "PUBLIC_BASE_URL is not configured, so the new owner's link would lead nowhere. Set it on the server and try again.",
  );

export const adminConciergeRouter = createRouter({
  /**
   * What a set-up would create, checked against the platform (slug, number and email clashes are
   * field errors here too), without writing anything.
   */
  preview: ownerProcedure
    .input(provisioningInputSchema)
    .output(previewSchema)
    .query(async ({ ctx, input }) => {
      const pack = getPack(input.packId)!; // the input schema refuses unknown packs
      const clashes = await ctx.platformRead("admin.concierge.preview").run((tx) => findClashes(tx, input));
      if (clashes.length > 0) throw fieldErrors(clashes);
      // A throwaway token: the preview never shows a link, and nothing is stored.
      const plan = planProvisioning(input, pack, {
        now: ctx.now(),
        publicBaseUrl: ctx.publicBaseUrl ?? "",
        ...newOnboardingToken(),
        newId: randomUUID,
      });
      const summary = summarizePlan(input, pack, plan);
      const delivery = planOnboardingDelivery(
        { send: input.sendOnboarding, ownerPhone: input.owner.phone },
        deliveryConfigOf(ctx.integrations),
      );
      const answer = { ...summary, onboarding: { ...summary.onboarding, delivery } };
      return ctx.publicBaseUrl ? answer : { ...answer, warnings: [...answer.warnings, noBaseUrl().message] };
    }),

  /**
   * Whether a slug can be given to a new business, for the wizard's first step: `message` says why
   * not (the rule it breaks, or the business that holds it). A refused slug is an answer, not a 400:
   * the wizard asks while the owner is still typing.
   */
  checkSlug: ownerProcedure
    .input(checkSlugInputSchema)
    .output(z.object({ slug: z.string(), available: z.boolean(), message: z.string().nullable() }))
    .query(async ({ ctx, input }) => {
      const parsed = slugSchema.safeParse(input.slug);
      if (!parsed.success) {
        return {
          slug: input.slug.toLowerCase(),
          available: false,
          message: parsed.error.issues[0]?.message ?? "That slug can't be used.",
        };
      }
      const slug = parsed.data;
      const [clash] = await ctx
        .platformRead("admin.concierge.checkSlug")
        .run((tx) => findClashes(tx, { slug, phoneNumber: null, owner: { email: "" } }, ["slug"]));
      return { slug, available: !clash, message: clash?.message ?? null };
    }),

  /** Numbers the platform can give a new business now: Twilio's inventory, or the configured pool. */
  searchNumbers: ownerProcedure
    .input(searchInputSchema)
    .output(
      z.object({
        source: z.enum(["twilio", "pool"]),
        numbers: z.array(
          z.object({ phoneNumber: z.string(), locality: z.string().nullable(), region: z.string().nullable() }),
        ),
      }),
    )
    .query(async ({ ctx, input }) => {
      const { numbers } = ctx.messaging;
      try {
        return {
          source: numbers.kind,
          numbers: await numbers.search({ areaCode: input.areaCode, limit: input.limit }),
        };
      } catch (error) {
        ctx.logger.warn({ err: error, areaCode: input.areaCode }, "number search failed");
        throw new AppError(
          "UPSTREAM_FAILED",
          `The number search did not work (${numbers.kind === "twilio" ? "Twilio did not answer" : "the pool could not be read"}). Try again, try another area code, or set the business up without a number for now.`,
          { cause: error },
        );
      }
    }),

  /**
   * Sets the business up: one transaction, idempotent under `idempotencyKey` (a double click or a
   * retry answers with the first request's result). The onboarding link is in the answer: show it
   * once. The new business's plan is the one the request chooses: a number on a plan without
   * one, or the AI receptionist chosen on a plan without it, is refused (403, PLAN_FEATURE_REQUIRED,
   * on the field that asks) before anything is written; the preview warns about the same.
   */
  provision: ownerProcedure
    .meta({ targetFeatures: ["dedicatedNumber", "aiVoiceAgent"] })
    .input(provisionRequestSchema)
    .use(
      gateTargetPlan<z.output<typeof provisionRequestSchema>>((input) => ({
        plan: input,
        asks: planGateIssues(input),
      })),
    )
    .output(resultSchema)
    .mutation(async ({ ctx, input }) => {
      if (!ctx.publicBaseUrl) throw noBaseUrl();
      const result = await provisionBusiness(
        {
          platform: ctx.platform,
          jobs: ctx.messaging.provisioning,
          now: ctx.now,
          publicBaseUrl: ctx.publicBaseUrl,
          actorUserId: ctx.auth.user!.id,
          requestId: ctx.request.requestId,
          logger: ctx.logger,
          onboardingDelivery: deliveryConfigOf(ctx.integrations),
        },
        input,
      );
      ctx.logger.info({ tenantId: result.tenantId, numberSetup: result.numberSetup }, "business set up");
      return result;
    }),
});
