// Automatic texts (`tenant.automations.*`, issue 15): review requests after a completed appointment,
// and rebook reminders ("time for your next visit") on the installed pack's cadences. The tenant
// app's Automations form and the API share these schemas.
import { z } from "zod";

/** The database's range (migration review_requests, automation_settings_delay_check): up to a week. */
export const REVIEW_DELAY_LIMITS = { min: 0, max: 10_080, default: 120 } as const;

const isHttpsUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.includes(".");
  } catch {
    return false;
  }
};

/** The review page: empty (none yet) or an https address, e.g. a Google place's "write a review" link. */
export const reviewLinkSchema = z
  .string()
  .trim()
  .max(500, "Use a link of at most 500 characters.")
  .refine((value) => value === "" || isHttpsUrl(value), {
    error: "Enter the full https:// address of your review page, e.g. your Google review link.",
  });

export const automationSettingsInput = z
  .strictObject({
    reviewRequestsEnabled: z.boolean({ error: "Choose on or off." }),
    /** Empty: no link (review requests cannot be turned on without one). */
    reviewLink: reviewLinkSchema,
    reviewDelayMinutes: z
      .number({ error: "Enter the delay in minutes." })
      .int("Use whole minutes.")
      .min(REVIEW_DELAY_LIMITS.min, "The delay can't be negative (use 0 to send right after the job).")
      .max(REVIEW_DELAY_LIMITS.max, "Use at most 10,080 minutes (one week)."),
    rebookRemindersEnabled: z.boolean({ error: "Choose on or off." }),
  })
  .superRefine((value, ctx) => {
    if (value.reviewRequestsEnabled && value.reviewLink === "")
      ctx.addIssue({
        code: "custom",
        path: ["reviewLink"],
        message: "Add your review link before turning review requests on.",
      });
  });
export type AutomationSettingsInput = z.infer<typeof automationSettingsInput>;

export const REVIEW_REQUEST_STATUSES = ["queued", "sent", "skipped"] as const;

export const reviewRequestSchema = z.object({
  id: z.string(),
  appointmentId: z.string(),
  customerName: z.string().nullable(),
  status: z.enum(REVIEW_REQUEST_STATUSES),
  /** Why it was skipped: disabled, no_link, opted_out, no_consent, complaint, no_number… */
  reason: z.string().nullable(),
  dueAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  clickCount: z.number().int(),
  firstClickAt: z.iso.datetime().nullable(),
});
export type ReviewRequestView = z.infer<typeof reviewRequestSchema>;

export const REBOOK_REMINDER_STATUSES = ["queued", "sent", "skipped"] as const;

/** One service's rebook cadence from the installed pack: "every 56 days", maybe only in some months. */
export const rebookCadenceViewSchema = z.object({
  serviceId: z.string(),
  serviceName: z.string(),
  intervalDays: z.number().int(),
  /** Months 1–12, inclusive, may wrap over New Year; null: all year. */
  season: z.object({ fromMonth: z.number().int(), toMonth: z.number().int() }).nullable(),
});
export type RebookCadenceView = z.infer<typeof rebookCadenceViewSchema>;

export const rebookReminderSchema = z.object({
  id: z.string(),
  appointmentId: z.string(),
  customerName: z.string().nullable(),
  serviceName: z.string().nullable(),
  status: z.enum(REBOOK_REMINDER_STATUSES),
  /** Why it was skipped: disabled, booked, superseded, opted_out, no_consent, out_of_season, no_number… */
  reason: z.string().nullable(),
  dueAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type RebookReminderView = z.infer<typeof rebookReminderSchema>;

export const automationsOutput = z.object({
  settings: z.object({
    reviewRequestsEnabled: z.boolean(),
    reviewLink: z.string().nullable(),
    reviewDelayMinutes: z.number().int(),
    rebookRemindersEnabled: z.boolean(),
    updatedAt: z.iso.datetime().nullable(),
  }),
  /** The business's zone, for showing the times. */
  timeZone: z.string(),
  /** The last 20 review requests, newest first. */
  reviewRequests: z.array(reviewRequestSchema),
  /** The active services the installed pack gives a reminder cadence, in catalog order. */
  rebookCadences: z.array(rebookCadenceViewSchema),
  /** The last 20 rebook reminders, newest first. */
  rebookReminders: z.array(rebookReminderSchema),
});
export type AutomationsOutput = z.infer<typeof automationsOutput>;
