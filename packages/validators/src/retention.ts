// Data retention (`tenant.retention.*`, `admin.retention.*`, `tenant.customers.erase`, issue 16):
// the business's windows, the legal hold the platform sets, and the confirmed erasure of one
// customer. The tenant app's Data retention page and the API share these schemas.
import { z } from "zod";
import { textSchema } from "./text.ts";

/** The database's ranges (migration retention): 1 month to 10 years; 1 to 365 days after cancellation. */
export const RETENTION_LIMITS = { months: { min: 1, max: 120 }, cancelledDays: { min: 1, max: 365 } } as const;

const months = (what: string) =>
  z
    .number({ error: `Enter how many months to keep ${what}, or keep them forever.` })
    .int("Use whole months.")
    .min(RETENTION_LIMITS.months.min, `Keep ${what} for at least 1 month, or forever.`)
    .max(RETENTION_LIMITS.months.max, `Use at most 120 months (10 years), or keep ${what} forever.`)
    .nullable();

export const retentionSettingsInput = z.strictObject({
  /** null: keep texts forever. */
  messageMonths: months("texts"),
  /** null: keep call recordings forever. */
  recordingMonths: months("call recordings"),
  /** null: the platform's default. */
  cancelledDeletionDays: z
    .number({ error: "Enter a number of days, or use the standard period." })
    .int("Use whole days.")
    .min(RETENTION_LIMITS.cancelledDays.min, "Use at least 1 day.")
    .max(RETENTION_LIMITS.cancelledDays.max, "Use at most 365 days.")
    .nullable(),
});
export type RetentionSettingsInput = z.infer<typeof retentionSettingsInput>;

export const DELETION_KINDS = ["messages", "recordings", "customer_erasure", "cancelled_purge"] as const;

export const dataDeletionSchema = z.object({
  id: z.string(),
  kind: z.enum(DELETION_KINDS),
  cutoff: z.iso.datetime().nullable(),
  counts: z.record(z.string(), z.number()),
  trigger: z.string(),
  createdAt: z.iso.datetime(),
});
export type DataDeletionView = z.infer<typeof dataDeletionSchema>;

export const retentionOutput = z.object({
  settings: retentionSettingsInput.extend({ updatedAt: z.iso.datetime().nullable() }),
  /** The platform's days after cancellation, used while cancelledDeletionDays is null. */
  defaultCancelledDeletionDays: z.number().int(),
  /** A legal hold stops every deletion; the business sees that it is on and since when. */
  legalHold: z.object({ since: z.iso.datetime() }).nullable(),
  /** The next nightly run (the first sweep after 00:00 UTC) and what it would delete. */
  next: z.object({
    runAt: z.iso.datetime(),
    messagesBefore: z.iso.datetime().nullable(),
    recordingsBefore: z.iso.datetime().nullable(),
    messages: z.number().int(),
    recordings: z.number().int(),
  }),
  /** While cancelled: when everything is deleted. */
  cancellation: z.object({ cancelledAt: z.iso.datetime(), deletesAt: z.iso.datetime() }).nullable(),
  log: z.array(dataDeletionSchema),
});
export type RetentionOutput = z.infer<typeof retentionOutput>;

/**
 * An erasure is confirmed by typing the customer's name (or, without a name, their phone number as
 * shown): the API compares case-insensitively and ignoring spaces.
 */
export const eraseCustomerInput = z.strictObject({
  customerId: z.uuid("That is not a customer id."),
  confirmation: textSchema("the customer's name to confirm", { max: 200 }),
});
export type EraseCustomerInput = z.infer<typeof eraseCustomerInput>;

export const eraseCustomerOutput = z.object({
  deletionId: z.string(),
  counts: z.record(z.string(), z.number()),
});

/** What the confirmation must match: the name, else the phone; compared without case or spaces. */
export const confirmationMatches = (typed: string, expected: string) =>
  typed.replace(/\s+/g, "").toLowerCase() === expected.replace(/\s+/g, "").toLowerCase();

export const legalHoldInput = z
  .strictObject({
    tenantId: z.string().trim().min(1, "Say which business (tenantId).").max(63, "That is not a business id."),
    on: z.boolean({ error: "Choose on or off." }),
    /** Required to put a hold on: the matter, case number or request it is for. */
    reason: textSchema("the reason", { max: 500 }).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.on && !value.reason?.trim())
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Say why the data must be kept (a case, a request)." });
  });
export type LegalHoldInput = z.infer<typeof legalHoldInput>;

export const adminRetentionOutput = z.object({
  tenantId: z.string(),
  status: z.string(),
  legalHold: z.object({ since: z.iso.datetime(), reason: z.string(), byUserId: z.string() }).nullable(),
  cancelledAt: z.iso.datetime().nullable(),
  deletesAt: z.iso.datetime().nullable(),
  dataPurgedAt: z.iso.datetime().nullable(),
});
export type AdminRetentionOutput = z.infer<typeof adminRetentionOutput>;
