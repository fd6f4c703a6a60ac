// What fills a campaign's merge fields for one recipient. The composer's preview and the drain use
// this one function, so the preview is the text that is sent.
import { FALLBACK_FIRST_NAME, type MergeValues, renderCampaignText } from "@servicepro/validators";

export type MergeRecipient = { name: string | null; pointsBalance: number };
export type MergeBusiness = { name: string; slug: string };

/** The first word of the name on file, or "there" ("Hi there!") when there is none. */
export function firstNameOf(name: string | null): string {
  const first = name?.trim().split(/\s+/)[0];
  return first ? first : FALLBACK_FIRST_NAME;
}

/** The business's public booking page, e.g. https://app.example.com/book/clean-machine. */
export const bookingLinkOf = (publicBaseUrl: string, slug: string) =>
  `${publicBaseUrl.replace(/\/$/, "")}/book/${slug}`;

export function mergeValuesFor(recipient: MergeRecipient, business: MergeBusiness, publicBaseUrl: string): MergeValues {
  return {
    first_name: firstNameOf(recipient.name),
    business_name: business.name,
    booking_link: bookingLinkOf(publicBaseUrl, business.slug),
    points: recipient.pointsBalance.toLocaleString("en-US"),
  };
}

/** One recipient's text. */
export const campaignTextFor = (
  body: string,
  recipient: MergeRecipient,
  business: MergeBusiness,
  publicBaseUrl: string,
) => renderCampaignText(body, mergeValuesFor(recipient, business, publicBaseUrl));
