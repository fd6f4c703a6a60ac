// The Automations form: what people type (the delay as text) converted, then checked with the very
// schema tenant.automations.update uses (@servicepro/validators' automationSettingsInput), so the
// form refuses what the server would, with the same words.
import { type AutomationsOutput, automationSettingsInput } from "@servicepro/validators";
import { z } from "zod";

export const automationFormSchema = z
  .object({
    reviewRequestsEnabled: z.boolean(),
    reviewLink: z.string(),
    reviewDelayMinutes: z.string(),
    rebookRemindersEnabled: z.boolean(),
  })
  .transform((form) => ({
    ...form,
    reviewDelayMinutes:
      form.reviewDelayMinutes.trim() === "" ? Number.NaN : Number(form.reviewDelayMinutes.replaceAll(",", "")),
  }))
  .pipe(automationSettingsInput);
export type AutomationFormValues = z.input<typeof automationFormSchema>;

export function automationFormValues(settings: AutomationsOutput["settings"]): AutomationFormValues {
  return {
    reviewRequestsEnabled: settings.reviewRequestsEnabled,
    reviewLink: settings.reviewLink ?? "",
    reviewDelayMinutes: String(settings.reviewDelayMinutes),
    rebookRemindersEnabled: settings.rebookRemindersEnabled,
  };
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** "Every 8 weeks" when the interval is whole weeks, else "Every 45 days"; "Every year" for 365. */
export function intervalLabel(days: number): string {
  if (days === 365 || days === 366) return "Every year";
  if (days % 7 === 0) return days === 7 ? "Every week" : `Every ${days / 7} weeks`;
  return days === 1 ? "Every day" : `Every ${days} days`;
}

/** "April to October", or "All year" without a season. */
export function seasonLabel(season: { fromMonth: number; toMonth: number } | null): string {
  if (!season) return "All year";
  const from = MONTHS[season.fromMonth - 1];
  const to = MONTHS[season.toMonth - 1];
  return season.fromMonth === season.toMonth ? `Only in ${from}` : `${from} to ${to}`;
}

/** Why a rebook reminder was not sent, in words. */
export const REBOOK_SKIP_REASONS: Record<string, string> = {
  disabled: "Rebook reminders were off",
  booked: "Customer booked again",
  superseded: "A newer visit started a new cycle",
  no_cadence: "The service no longer has a cadence",
  opted_out: "Customer opted out",
  no_consent: "No consent to offers",
  out_of_season: "Out of season",
  no_number: "No business number",
  automation_paused: "Texts paused",
};

/** Why a request was not sent, in words. */
export const SKIP_REASONS: Record<string, string> = {
  disabled: "Review requests were off",
  no_link: "No review link",
  opted_out: "Customer opted out",
  no_consent: "No consent to texts",
  complaint: "Complaint in the conversation",
  no_number: "No business number",
  not_completed: "Appointment no longer completed",
  automation_paused: "Texts paused",
};
