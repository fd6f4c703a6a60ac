// How the campaign screens word a campaign: its state, when it ran, who it goes to, and how far
// sending has got. Pure, so the list, the detail page and the composer say the same thing.
import type { BadgeTone } from "@servicepro/ui";
import type { Audience, CampaignStatus } from "@servicepro/validators";

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: "Draft",
  scheduled: "Scheduled",
  sending: "Sending",
  paused: "Paused",
  completed: "Completed",
  cancelled: "Cancelled",
};

export const CAMPAIGN_STATUS_TONES: Record<CampaignStatus, BadgeTone> = {
  draft: "neutral",
  scheduled: "info",
  sending: "premium",
  paused: "warning",
  completed: "success",
  cancelled: "danger",
};

/** A campaign's state changes while its texts go out: screens poll while it is in one of these. */
export const isLive = (status: CampaignStatus) => status === "sending" || status === "scheduled";

/** Drafts and scheduled campaigns can still be edited (the API refuses the rest with their state). */
export const isEditable = (status: CampaignStatus) => status === "draft" || status === "scheduled";

/** "Dec 8, 2026, 10:00 AM" on the business's clock (the browser's when the zone isn't known yet). */
export function moment(iso: string, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
}

type Timing = {
  status: CampaignStatus;
  scheduledAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  pausedAt: string | null;
};

/** The one moment that matters for the campaign's state, in words: "Scheduled for …", "Started …". */
export function whenLabel(campaign: Timing, timeZone: string | undefined): string {
  const at = (iso: string | null) => (iso ? moment(iso, timeZone) : "");
  switch (campaign.status) {
    case "draft":
      return "Not scheduled";
    case "scheduled":
      return `Scheduled for ${at(campaign.scheduledAt)}`;
    case "sending":
      return `Started ${at(campaign.startedAt)}`;
    case "paused":
      return campaign.pausedAt ? `Paused ${at(campaign.pausedAt)}` : `Started ${at(campaign.startedAt)}`;
    case "completed":
      return `Completed ${at(campaign.completedAt ?? campaign.startedAt)}`;
    case "cancelled":
      return `Cancelled ${at(campaign.cancelledAt)}`;
  }
}

const and = new Intl.ListFormat("en", { type: "conjunction" });
const or = new Intl.ListFormat("en", { type: "disjunction" });
const quoted = (items: readonly string[]) => items.map((item) => `“${item}”`);

const ASSET_WORDS: Record<NonNullable<Audience["assetKinds"]>[number], string> = {
  vehicle: "a vehicle",
  pet: "a pet",
  property: "a property",
};

/** Consent is never a filter: it always applies, so every summary starts with it. */
export const CONSENT_NOTE =
  "Only customers who agreed to offers by text and haven't opted out are included, whatever the filters.";

/**
 * Who a campaign goes to, in one sentence. `serviceName` names a service id (a service since
 * deleted reads as "a removed service").
 */
export function audienceSummary(audience: Audience, serviceName: (id: string) => string | undefined): string {
  const parts: string[] = [];
  const more = audience.lastVisitMoreThanDays;
  const within = audience.lastVisitWithinDays;
  if (more && within) parts.push(`whose last visit was between ${days(more)} and ${days(within)} ago`);
  else if (more) parts.push(`whose last visit was more than ${days(more)} ago`);
  else if (within) parts.push(`who visited in the last ${days(within)}`);
  if (audience.serviceIds?.length)
    parts.push(`who had ${or.format(audience.serviceIds.map((id) => serviceName(id) ?? "a removed service"))}`);
  if (audience.assetKinds?.length)
    parts.push(`with ${or.format(audience.assetKinds.map((kind) => ASSET_WORDS[kind]))} on file`);
  if (audience.tags?.length) parts.push(`tagged ${or.format(quoted(audience.tags))}`);
  if (audience.tiers?.length)
    parts.push(`in the ${or.format(audience.tiers)} ${audience.tiers.length > 1 ? "tiers" : "tier"}`);
  if (audience.neverBooked) parts.push("who have never booked");
  const base = "Customers who agreed to offers by text and haven't opted out";
  return parts.length ? `${base}, ${and.format(parts)}.` : `All ${base.charAt(0).toLowerCase()}${base.slice(1)}.`;
}

const days = (n: number) => (n === 1 ? "1 day" : `${n.toLocaleString("en-US")} days`);

export type Progress = {
  total: number;
  queued: number;
  sent: number;
  delivered: number;
  failed: number;
  skipped: number;
  replied: number;
  optedOut: number;
};

export type ProgressPart = {
  key: "delivered" | "sent" | "failed" | "skipped" | "queued";
  label: string;
  value: number;
};

/**
 * The bar's parts, which don't overlap: delivered, sent but not (yet) confirmed delivered, failed,
 * skipped (opted out or cancelled before their turn) and still queued. Replies and opt-outs are
 * among the sent, so they are counted beside the bar, not in it.
 */
export function progressParts(progress: Progress): ProgressPart[] {
  return [
    { key: "delivered", label: "Delivered", value: progress.delivered },
    { key: "sent", label: "Sent, awaiting delivery", value: Math.max(0, progress.sent - progress.delivered) },
    { key: "failed", label: "Failed", value: progress.failed },
    { key: "skipped", label: "Skipped", value: progress.skipped },
    { key: "queued", label: "Queued", value: progress.queued },
  ];
}

/** "12 of 40 sent, 10 delivered, 1 failed, 2 replied, 1 opted out": the bar as text for screen readers. */
export function progressText(progress: Progress): string {
  if (progress.total === 0) return "Nothing sent yet";
  const extras = [
    `${count(progress.delivered)} delivered`,
    progress.failed ? `${count(progress.failed)} failed` : null,
    progress.skipped ? `${count(progress.skipped)} skipped` : null,
    progress.queued ? `${count(progress.queued)} queued` : null,
    `${count(progress.replied)} replied`,
    `${count(progress.optedOut)} opted out`,
  ].filter((part): part is string => part !== null);
  return `${count(progress.sent)} of ${count(progress.total)} sent, ${extras.join(", ")}`;
}

export const count = (n: number) => n.toLocaleString("en-US");
