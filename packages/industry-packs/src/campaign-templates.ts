// Starting points for the campaign composer (`tenant.campaigns.*`, issue 15): the business's pack's
// seasonal offers, the ones that fit the month first, then a few texts any business can send (also
// all a business without a pack gets). Bodies use the campaign merge fields; the renderer adds the
// business's name and the STOP line.
import { getPack } from "./registry.ts";
import type { MonthRange, PackCampaignTemplate } from "./schema.ts";

/** The pack id that keys the generic templates (no pack uses it: pack ids are trades). */
export const GENERIC_TEMPLATE_SOURCE = "generic";

/** Texts that suit any trade, any time of year. */
export const GENERIC_CAMPAIGN_TEMPLATES: readonly PackCampaignTemplate[] = Object.freeze(
  [
    {
      id: "we-miss-you",
      name: "We miss you",
      body: "Hi {first_name}, it's been a while and we'd love to see you again. Pick a time that works for you: {booking_link}",
    },
    {
      id: "loyalty-points-reminder",
      name: "Loyalty points reminder",
      body: "Hi {first_name}, you have {points} points with {business_name}. Put them toward your next visit: {booking_link}",
    },
    {
      id: "open-slots-this-week",
      name: "Open slots this week",
      body: "Hi {first_name}, a few openings just came up this week. Grab one before they're gone: {booking_link}",
    },
    {
      id: "thank-you-referral",
      name: "Thank you and refer a friend",
      body: "Hi {first_name}, thank you for choosing us. If a friend or neighbor could use our help, send them this link: {booking_link}",
    },
  ].map((template) => Object.freeze(template)),
);

export interface CampaignTemplateSuggestion extends PackCampaignTemplate {
  /** "<pack id>/<template id>" or "generic/<template id>": what a campaign records as its `templateKey`. */
  key: string;
  /** The pack's id, or "generic". */
  source: string;
  /** Whether the month asked about is in the template's season; null without a month or a season. */
  inSeason: boolean | null;
}

/** Whether `month` (1–12) falls in the range, which wraps over New Year when it starts after it ends. */
export function monthInRange(month: number, range: MonthRange): boolean {
  return range.fromMonth <= range.toMonth
    ? month >= range.fromMonth && month <= range.toMonth
    : month >= range.fromMonth || month <= range.toMonth;
}

const suggestion = (source: string, template: PackCampaignTemplate, month: number | undefined) => ({
  ...template,
  key: `${source}/${template.id}`,
  source,
  inSeason: month === undefined || !template.season ? null : monthInRange(month, template.season),
});

// In season first, then the ones for any time of year, then the rest.
const RANK = (s: CampaignTemplateSuggestion) => (s.inSeason === true ? 0 : s.inSeason === null ? 1 : 2);

/** One source's templates as suggestions, in season first for `month`, their own order within a rank. */
export function orderCampaignTemplates(
  source: string,
  templates: readonly PackCampaignTemplate[],
  month?: number,
): CampaignTemplateSuggestion[] {
  return templates.map((t) => suggestion(source, t, month)).sort((a, b) => RANK(a) - RANK(b)); // sort is stable
}

/**
 * The composer's template list: the pack's templates (for `month`, the business's current month
 * 1–12 in its own zone: in-season ones first, out-of-season ones last but still offered), then the
 * generic ones. An unknown, null or absent pack id gets the generic ones only.
 */
export function campaignTemplatesFor(packId: string | null | undefined, month?: number): CampaignTemplateSuggestion[] {
  if (month !== undefined && !(Number.isInteger(month) && month >= 1 && month <= 12))
    throw new RangeError(`A month is 1 to 12, not ${month}.`);
  const pack = packId ? getPack(packId) : undefined;
  return [
    ...(pack ? orderCampaignTemplates(pack.id, pack.campaignTemplates ?? [], month) : []),
    ...orderCampaignTemplates(GENERIC_TEMPLATE_SOURCE, GENERIC_CAMPAIGN_TEMPLATES, month),
  ];
}

/** The template a campaign's `templateKey` names (for its label), or undefined when it is gone. */
export function findCampaignTemplate(key: string): CampaignTemplateSuggestion | undefined {
  const [source, id, ...rest] = key.split("/");
  if (!source || !id || rest.length) return undefined;
  const templates =
    source === GENERIC_TEMPLATE_SOURCE ? GENERIC_CAMPAIGN_TEMPLATES : (getPack(source)?.campaignTemplates ?? []);
  const template = templates.find((t) => t.id === id);
  return template ? suggestion(source, template, undefined) : undefined;
}
