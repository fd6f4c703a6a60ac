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
  };
}

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
