// The composer's form: what people type (days as text, tags as chips, a local date and time)
// converted, then checked with the schema tenant.campaigns.create/update use (campaignInput), plus
// the segment limit the API checks against the business's name and booking link. So the form
// refuses what the server would, with the same words.
import { TZDate } from "@date-fns/tz";
import { formatLocal } from "@servicepro/scheduling";
import {
  ASSET_KINDS,
  type Audience,
  audienceSchema,
  type CampaignInput,
  campaignInput,
  MAX_CAMPAIGN_SEGMENTS,
  worstCaseSegments,
} from "@servicepro/validators";
import { z } from "zod";

const audienceFormFields = z.object({
  lastVisitMoreThanDays: z.string(),
  lastVisitWithinDays: z.string(),
  serviceIds: z.array(z.string()),
  assetKinds: z.array(z.enum(ASSET_KINDS)),
  tags: z.array(z.string()),
  tiers: z.array(z.string()),
  neverBooked: z.boolean(),
});
export type AudienceFormValues = z.infer<typeof audienceFormFields>;

const formFields = z.object({
  name: z.string(),
  body: z.string(),
  /** The pack template it started from ("" when none). */
  templateKey: z.string(),
  audience: audienceFormFields,
  /** The send time as a datetime-local input gives it, on the business's clock; not part of the campaign. */
  sendAt: z.string(),
});
export type CampaignFormValues = z.infer<typeof formFields>;

/** "" → no filter; anything else a number ("abc" is NaN, which the schema refuses by name). */
const daysOf = (text: string) => (text.trim() === "" ? undefined : Number(text.replaceAll(",", "").trim()));
const listOf = <T>(items: readonly T[]) => (items.length ? [...items] : undefined);

/** The audience as the API takes it: empty filters left out. */
export function toAudience(form: AudienceFormValues): z.input<typeof audienceSchema> {
  const audience: z.input<typeof audienceSchema> = {
    lastVisitMoreThanDays: daysOf(form.lastVisitMoreThanDays),
    lastVisitWithinDays: daysOf(form.lastVisitWithinDays),
    serviceIds: listOf(form.serviceIds),
    assetKinds: listOf(form.assetKinds),
    tags: listOf(form.tags),
    tiers: listOf(form.tiers),
    neverBooked: form.neverBooked || undefined,
  };
  return Object.fromEntries(Object.entries(audience).filter(([, value]) => value !== undefined));
}

/** The audience the form describes, or null while a filter is invalid (the live count waits for a valid one). */
export function validAudience(form: AudienceFormValues): Audience | null {
  const parsed = audienceSchema.safeParse(toAudience(form));
  return parsed.success ? parsed.data : null;
}

/** The API's own message for a text past the limit (packages/campaigns checkBodyLength), said before saving. */
export function segmentLimitMessage(count: { segments: number; encoding: string; unicode: readonly string[] }) {
  return `This message runs to ${count.segments} segments (with the opt-out line and a long first name); the limit is ${MAX_CAMPAIGN_SEGMENTS}. Shorten it${count.encoding === "UCS-2" ? `, or drop the characters that force Unicode (${count.unicode.join(" ")})` : ""}.`;
}

/** The form's schema for a business (its name and booking link count towards every text's length). */
export const campaignFormSchema = (business: { name: string; bookingLink: string }) =>
  formFields
    .transform(
      (form): CampaignInput => ({
        name: form.name,
        body: form.body,
        audience: toAudience(form.audience),
        ...(form.templateKey ? { templateKey: form.templateKey } : {}),
      }),
    )
    .pipe(
      campaignInput.superRefine((campaign, ctx) => {
        const count = worstCaseSegments(campaign.body, business);
        if (count.segments > MAX_CAMPAIGN_SEGMENTS)
          ctx.addIssue({ code: "custom", path: ["body"], message: segmentLimitMessage(count) });
      }),
    );

export type CampaignFormSchema = ReturnType<typeof campaignFormSchema>;
/** What a valid form gives: tenant.campaigns.create's input. */
export type CampaignFormOutput = z.output<CampaignFormSchema>;

export function campaignFormValues(
  campaign?: { name: string; body: string; templateKey: string | null; audience: Audience; scheduledAt: string | null },
  timeZone?: string,
): CampaignFormValues {
  const audience = campaign?.audience ?? {};
  return {
    name: campaign?.name ?? "",
    body: campaign?.body ?? "",
    templateKey: campaign?.templateKey ?? "",
    audience: {
      lastVisitMoreThanDays: audience.lastVisitMoreThanDays ? String(audience.lastVisitMoreThanDays) : "",
      lastVisitWithinDays: audience.lastVisitWithinDays ? String(audience.lastVisitWithinDays) : "",
      serviceIds: audience.serviceIds ?? [],
      assetKinds: audience.assetKinds ?? [],
      tags: audience.tags ?? [],
      tiers: audience.tiers ?? [],
      neverBooked: audience.neverBooked ?? false,
    },
    sendAt: campaign?.scheduledAt && timeZone ? localInputOf(campaign.scheduledAt, timeZone) : "",
  };
}

/** The server's field paths as the form names them: "audience.tiers.0" is the tiers field. */
export function formFieldOf(
  path: string,
): keyof CampaignFormValues | `audience.${keyof AudienceFormValues}` | undefined {
  const [first, second] = path.split(".");
  if (first === "name" || first === "body" || first === "sendAt") return first;
  if (first === "audience" && second && second in audienceFormFields.shape)
    return `audience.${second as keyof AudienceFormValues}`;
  return undefined;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * A datetime-local value ("2026-12-08T10:00") read on the business's clock, as the instant the API
 * takes; null when it isn't one. A wall time skipped by daylight saving moves forward, as clocks do.
 */
export function instantOfLocalInput(value: string, timeZone: string): string | null {
  const match = LOCAL_INPUT.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  return new Date(+new TZDate(year, month - 1, day, hour, minute, timeZone)).toISOString();
}

/** An instant as a datetime-local value on the business's clock. */
export const localInputOf = (iso: string, timeZone: string) => formatLocal(new Date(iso), timeZone, "iso").slice(0, 16);

/** "Central Standard Time (America/Chicago)": the zone the send time is read in. */
export function timeZoneName(timeZone: string, at: Date = new Date()): string {
  const long = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "long" })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;
  return long ? `${long} (${timeZone})` : timeZone;
}
