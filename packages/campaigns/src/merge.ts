// What fills a campaign's merge fields for one recipient. The composer's preview and the drain use
// this one function, so the preview is the text that is sent.
import { bookingLinkOf, firstNameOf, type MergeValues, renderCampaignText } from "@servicepro/validators";

export type MergeRecipient = { name: string | null; pointsBalance: number };
export type MergeBusiness = { name: string; slug: string };

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
