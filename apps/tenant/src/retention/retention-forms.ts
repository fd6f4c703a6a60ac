// The Data retention form: what people type (months and days as text, empty for "forever" or "the
// standard period") converted, then checked with the very schema tenant.retention.update uses
// (@servicepro/validators' retentionSettingsInput), so the form refuses what the server would.
import { type RetentionOutput, retentionSettingsInput } from "@servicepro/validators";
import { z } from "zod";

const wholeOrNull = (text: string) => {
  const trimmed = text.trim().replaceAll(",", "");
  return trimmed === "" ? null : Number(trimmed);
};

export const retentionFormSchema = z
  .object({ messageMonths: z.string(), recordingMonths: z.string(), cancelledDeletionDays: z.string() })
  .transform((form) => ({
    messageMonths: wholeOrNull(form.messageMonths),
    recordingMonths: wholeOrNull(form.recordingMonths),
    cancelledDeletionDays: wholeOrNull(form.cancelledDeletionDays),
  }))
  .pipe(retentionSettingsInput);
export type RetentionFormValues = z.input<typeof retentionFormSchema>;

export function retentionFormValues(settings: RetentionOutput["settings"]): RetentionFormValues {
  const text = (value: number | null) => (value === null ? "" : String(value));
  return {
    messageMonths: text(settings.messageMonths),
    recordingMonths: text(settings.recordingMonths),
    cancelledDeletionDays: text(settings.cancelledDeletionDays),
  };
}

export const DELETION_LABELS: Record<RetentionOutput["log"][number]["kind"], string> = {
  messages: "Old texts",
  recordings: "Old call recordings",
  customer_erasure: "Customer erased",
  cancelled_purge: "Business data deleted",
};

const COUNT_LABELS: Record<string, string> = {
  messages: "texts",
  agentRuns: "AI replies",
  conversationsEmptied: "threads emptied",
  recordings: "recordings",
  twilioDeleted: "deleted at Twilio",
  twilioFailed: "kept for retry",
};

/** "12 texts · 1 threads emptied": the non-zero counts, in plain words. */
export function countsLabel(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(
      ([key, n]) => `${n.toLocaleString("en-US")} ${COUNT_LABELS[key] ?? key.replace(/([A-Z])/g, " $1").toLowerCase()}`,
    );
  return parts.length ? parts.join(" · ") : "nothing";
}

/** A UTC instant as a date people read ("3 Dec 2026"), in UTC like the windows themselves. */
export const dateLabel = (iso: string) =>
  new Date(iso).toLocaleDateString("en-US", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
