// The composer's live figures for a message, computed in the browser with the very functions the
// API judges a campaign by (@servicepro/validators): the worst-case segment count and encoding,
// the characters that force Unicode, the cost for the audience, and the text as a customer reads it.
import {
  estimatedCostCents,
  MAX_CAMPAIGN_SEGMENTS,
  type MergeValues,
  renderCampaignText,
  type SegmentCount,
  worstCaseSegments,
} from "@servicepro/validators";

/** The business a campaign's texts name and link to. */
export type CampaignBusiness = { name: string; slug: string; timeZone: string };

export type MessageStats = SegmentCount & {
  overLimit: boolean;
  /** Null until the audience has been counted. */
  costCents: number | null;
  /** The text for an example customer: merge fields filled, the business named, the STOP line added. */
  preview: string;
};

/** The example customer of the composer's own preview (the per-recipient previews are real customers). */
export const EXAMPLE_RECIPIENT = { first_name: "Alex", points: "1,250" } as const;

export function messageStats(
  body: string,
  business: { name: string; bookingLink: string },
  recipients: number | null,
): MessageStats {
  const count = worstCaseSegments(body, business);
  const values: MergeValues = {
    ...EXAMPLE_RECIPIENT,
    business_name: business.name,
    booking_link: business.bookingLink,
  };
  return {
    ...count,
    overLimit: count.segments > MAX_CAMPAIGN_SEGMENTS,
    costCents: recipients === null ? null : estimatedCostCents(recipients, count.segments),
    preview: renderCampaignText(body, values),
  };
}

export type TextRun = { text: string; unicode: boolean };

/** `text` cut into runs, marking the characters in `unicode` (the ones that force UCS-2), for highlighting. */
export function markUnicode(text: string, unicode: readonly string[]): TextRun[] {
  if (unicode.length === 0) return text ? [{ text, unicode: false }] : [];
  const forcing = new Set(unicode);
  const runs: TextRun[] = [];
  // Code points, so an emoji (two UTF-16 units) is one character here as it is to the counter.
  for (const char of text) {
    const marked = forcing.has(char);
    const last = runs.at(-1);
    if (last && last.unicode === marked) last.text += char;
    else runs.push({ text: char, unicode: marked });
  }
  return runs;
}
