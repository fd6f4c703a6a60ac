// The owner's phone-number directory: which business answers each number, and how its IVR
// behaves. Numbers are platform-unique (one number, one business), so assigning and releasing
// cross tenants and go through the platform path, audited with before/after.
import { Prisma } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import { hasFeature } from "@servicepro/features";
import type { IvrMode } from "@servicepro/telephony";
import { PLAN_TIERS } from "@servicepro/tenancy";
import { existingSlugSchema, optionalPhoneSchema } from "@servicepro/validators";
import { z } from "zod";
import { createRouter, gateTargetPlan, ownerProcedure } from "../../trpc.ts";
import {
  afterHoursModeSchema,
  ivrModeFromDb,
  ivrModeSchema,
  ivrModeToDb,
  optionalText,
  phoneInputSchema,
} from "../telephony-shared.ts";

const tenantIdSchema = existingSlugSchema();
// The number being assigned or configured, typed as the Phone numbers page's field shows it.
const numberSchema = phoneInputSchema("the number");

export const AI_VOICE_PLAN_WARNING = "Callers will hear the menu until the plan includes the AI receptionist.";

const messagingServiceSidSchema = z
  .string()
  .trim()
  .regex(/^MG[0-9a-fA-F]{32}$/, {
    message: "A Messaging Service SID is MG followed by 32 hex characters (Twilio console → Messaging → Services).",
  });

const phoneConfigSchema = z.object({
  phoneNumber: z.string(),
  tenantId: z.string(),
  label: z.string().nullable(),
  messagingServiceSid: z.string().nullable(),
  ivrMode: ivrModeSchema,
  forwardTo: z.string().nullable(),
  greeting: z.string().nullable(),
  afterHoursMode: afterHoursModeSchema,
  voicemailEnabled: z.boolean(),
  missedCallTextEnabled: z.boolean(),
  missedCallText: z.string().nullable(),
  missedCallTextWindowMinutes: z.number().int(),
  helpText: z.string().nullable(),
  /** The number's Messaging Service has Twilio's Advanced Opt-Out on: Twilio answers HELP and keywords itself. */
  advancedOptOut: z.boolean(),
  bookingUrl: z.string().nullable(),
  address: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Things the owner should know about this configuration (shown next to it). */
  warnings: z.array(z.string()),
});

type PhoneConfigRow = Prisma.TenantPhoneConfigGetPayload<object>;

function toPhoneConfig(row: PhoneConfigRow, tenant: { planTier: string }): z.infer<typeof phoneConfigSchema> {
  const ivrMode = ivrModeFromDb(row.ivrMode);
  return {
    phoneNumber: row.phoneNumber,
    tenantId: row.tenantId,
    label: row.label,
    messagingServiceSid: row.messagingServiceSid,
    ivrMode,
    forwardTo: row.forwardTo,
    greeting: row.greeting,
    afterHoursMode: row.afterHoursMode,
    voicemailEnabled: row.voicemailEnabled,
    missedCallTextEnabled: row.missedCallTextEnabled,
    missedCallText: row.missedCallText,
    missedCallTextWindowMinutes: row.missedCallTextWindowMinutes,
    helpText: row.helpText,
    advancedOptOut: row.advancedOptOut,
    bookingUrl: row.bookingUrl,
    address: row.address,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    warnings: warningsFor(ivrMode, tenant),
  };
}

const warningsFor = (ivrMode: IvrMode, tenant: { planTier: string }): string[] =>
  ivrMode === "ai-voice" && !hasFeature(tenant, "aiVoiceAgent") ? [AI_VOICE_PLAN_WARNING] : [];

/** What an audit row records of a configuration (everything but timestamps). */
const auditSnapshot = (row: PhoneConfigRow): Prisma.InputJsonValue => {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return JSON.parse(JSON.stringify(rest)) as Prisma.InputJsonValue;
};

const updateSchema = z.strictObject({
  phoneNumber: numberSchema,
  label: optionalText(80, "The label").optional(),
  messagingServiceSid: messagingServiceSidSchema.nullable().optional(),
  ivrMode: ivrModeSchema.optional(),
  forwardTo: optionalPhoneSchema("the number to forward calls to"),
  greeting: optionalText(500, "The greeting").optional(),
  afterHoursMode: afterHoursModeSchema.optional(),
  voicemailEnabled: z.boolean().optional(),
  missedCallTextEnabled: z.boolean().optional(),
  missedCallText: optionalText(320, "The missed-call text").optional(),
  missedCallTextWindowMinutes: z
    .number()
    .int()
    .min(5, { message: "Send at most one missed-call text every 5 minutes or more." })
    .max(10_080, { message: "The missed-call text window can be at most 10,080 minutes (one week)." })
    .optional(),
  helpText: optionalText(320, "The help text").optional(),
  advancedOptOut: z.boolean().optional(),
  bookingUrl: z
    .url({ protocol: /^https$/, message: "The booking link must be a full https:// address." })
    .max(500)
    .nullable()
    .optional(),
  address: optionalText(200, "The address").optional(),
});

const notAssigned = (phoneNumber: string) =>
  new AppError("NOT_FOUND", `${phoneNumber} is not assigned to any business. Assign it first.`);

export const adminPhoneNumbersRouter = createRouter({
  /** A business's numbers and their IVR settings. */
  list: ownerProcedure
    .input(z.strictObject({ tenantId: tenantIdSchema }))
    .output(
      z.object({
        tenant: z.object({
          id: z.string(),
          name: z.string(),
          planTier: z.enum(PLAN_TIERS),
          aiVoiceIncluded: z.boolean(),
        }),
        numbers: z.array(phoneConfigSchema),
      }),
    )
    .query(async ({ ctx, input }) => {
      const tenant = await ctx.platformRead("admin.phoneNumbers.list").run((tx) =>
        tx.tenant.findUnique({
          where: { id: input.tenantId },
          select: { id: true, name: true, planTier: true, phoneConfigs: { orderBy: { createdAt: "asc" } } },
        }),
      );
      if (!tenant) throw new AppError("NOT_FOUND", `There is no business with id ${input.tenantId}.`);
      return {
        tenant: {
          id: tenant.id,
          name: tenant.name,
          planTier: tenant.planTier,
          aiVoiceIncluded: hasFeature(tenant, "aiVoiceAgent"),
        },
        numbers: tenant.phoneConfigs.map((row) => toPhoneConfig(row, tenant)),
      };
    }),

  /**
   * Gives a number to a business, answering with the menu until configured (opening hours are the
   * business's own, in its booking settings).
   * A number of its own is a plan feature: refused (403) for a plan without `dedicatedNumber`.
   */
  assign: ownerProcedure
    .meta({ targetFeatures: ["dedicatedNumber"] })
    .input(
      z.strictObject({
        tenantId: tenantIdSchema,
        phoneNumber: numberSchema,
        label: optionalText(80, "The label").optional(),
        messagingServiceSid: messagingServiceSidSchema.nullable().optional(),
      }),
    )
    .use(
      gateTargetPlan<{ tenantId: string }>(async (input, ctx) => {
        const tenant = await ctx
          .platform("admin.phoneNumbers.assign")
          .run((tx) => tx.tenant.findUnique({ where: { id: input.tenantId }, select: { planTier: true } }));
        return tenant && { plan: tenant, asks: [{ feature: "dedicatedNumber", field: "phoneNumber" }] };
      }),
    )
    .output(phoneConfigSchema)
    .mutation(async ({ ctx, input }) => {
      try {
        return await ctx.platform("admin.phoneNumbers.assign").run(async (tx, audit) => {
          const tenant = await tx.tenant.findUnique({
            where: { id: input.tenantId },
            select: { id: true, planTier: true },
          });
          if (!tenant) throw new AppError("NOT_FOUND", `There is no business with id ${input.tenantId}.`);
          const holder = await tx.tenantPhoneConfig.findUnique({
            where: { phoneNumber: input.phoneNumber },
            select: { tenant: { select: { name: true, slug: true } } },
          });
          if (holder) throw alreadyAssigned(input.phoneNumber, holder.tenant);
          const row = await tx.tenantPhoneConfig.create({
            data: {
              phoneNumber: input.phoneNumber,
              tenantId: tenant.id,
              label: input.label ?? null,
              messagingServiceSid: input.messagingServiceSid ?? null,
            },
          });
          await audit({
            action: "phone_number.assigned",
            targetTenantId: tenant.id,
            objectType: "phone_number",
            objectId: row.phoneNumber,
            details: { after: auditSnapshot(row) },
          });
          return toPhoneConfig(row, tenant);
        });
      } catch (error) {
        // Two owners assigning the same number at once: the primary key decides, the loser hears who won.
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
          const holder = await ctx.platform("admin.phoneNumbers.assign").run((tx) =>
            tx.tenantPhoneConfig.findUnique({
              where: { phoneNumber: input.phoneNumber },
              select: { tenant: { select: { name: true, slug: true } } },
            }),
          );
          throw alreadyAssigned(input.phoneNumber, holder?.tenant ?? { name: "another business", slug: "unknown" });
        }
        throw error;
      }
    }),

  /**
   * Changes a number's IVR settings. Only the fields given change. Choosing the AI receptionist
   * (ivrMode "ai-voice") is refused (403) when the business's plan lacks `aiVoiceAgent`.
   */
  update: ownerProcedure
    .meta({ targetFeatures: ["aiVoiceAgent"] })
    .input(updateSchema)
    .use(
      gateTargetPlan<z.output<typeof updateSchema>>(async (input, ctx) => {
        if (input.ivrMode !== "ai-voice") return null;
        const row = await ctx.platform("admin.phoneNumbers.update").run((tx) =>
          tx.tenantPhoneConfig.findUnique({
            where: { phoneNumber: input.phoneNumber },
            select: { tenant: { select: { planTier: true } } },
          }),
        );
        return row && { plan: row.tenant, asks: [{ feature: "aiVoiceAgent", field: "ivrMode" }] };
      }),
    )
    .output(phoneConfigSchema)
    .mutation(async ({ ctx, input }) => {
      const { phoneNumber, ivrMode, ...rest } = input;
      return ctx.platform("admin.phoneNumbers.update").run(async (tx, audit) => {
        const before = await tx.tenantPhoneConfig.findUnique({
          where: { phoneNumber },
          include: { tenant: { select: { planTier: true } } },
        });
        if (!before) throw notAssigned(phoneNumber);
        const { tenant, ...beforeRow } = before;
        const next = { ...beforeRow, ...rest, ivrMode: ivrMode ? ivrModeToDb(ivrMode) : beforeRow.ivrMode };
        // A mode that rings the business needs a number to ring; saying so now beats a caller hearing silence.
        if (!next.forwardTo && (next.ivrMode === "forward" || next.afterHoursMode === "forward")) {
          throw new AppError(
            "BAD_REQUEST",
            "Forwarding needs a number to ring: set “Forward calls to” first, or choose another mode.",
          );
        }
        const row = await tx.tenantPhoneConfig.update({
          where: { phoneNumber },
          data: { ...rest, ...(ivrMode ? { ivrMode: ivrModeToDb(ivrMode) } : {}) },
        });
        await audit({
          action: "phone_number.updated",
          targetTenantId: row.tenantId,
          objectType: "phone_number",
          objectId: phoneNumber,
          details: {
            before: auditSnapshot(beforeRow),
            after: auditSnapshot(row),
            changed: Object.keys(input).filter((key) => key !== "phoneNumber"),
          },
        });
        return toPhoneConfig(row, tenant);
      });
    }),

  /** Takes a number away from its business. Its messages and calls stay in the business's history. */
  release: ownerProcedure
    .input(z.strictObject({ phoneNumber: numberSchema }))
    .output(z.object({ phoneNumber: z.string(), tenantId: z.string() }))
    .mutation(async ({ ctx, input }) =>
      ctx.platform("admin.phoneNumbers.release").run(async (tx, audit) => {
        const before = await tx.tenantPhoneConfig.findUnique({ where: { phoneNumber: input.phoneNumber } });
        if (!before) throw notAssigned(input.phoneNumber);
        await tx.tenantPhoneConfig.delete({ where: { phoneNumber: input.phoneNumber } });
        await audit({
          action: "phone_number.released",
          targetTenantId: before.tenantId,
          objectType: "phone_number",
          objectId: input.phoneNumber,
          details: { before: auditSnapshot(before) },
        });
        return { phoneNumber: before.phoneNumber, tenantId: before.tenantId };
      }),
    ),
});

function alreadyAssigned(phoneNumber: string, tenant: { name: string; slug: string }) {
  return new AppError(
    "CONFLICT",
    `${phoneNumber} is already assigned to ${tenant.name} (${tenant.slug}). Release it there first.`,
  );
}
