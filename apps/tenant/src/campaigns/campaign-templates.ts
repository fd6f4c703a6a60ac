// The ready-made messages the composer offers (`tenant.campaigns.templates`): the business's pack's
// seasonal templates, in season first, then the generic ones every business can use.
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useQuery } from "@tanstack/react-query";

export type CampaignTemplate = RouterOutputs["tenant"]["campaigns"]["templates"][number];

/** The templates, once loaded (none while loading or when they couldn't be had: the composer works without them). */
export function useCampaignTemplates(): readonly CampaignTemplate[] {
  const trpc = useTRPC();
  return useQuery(trpc.tenant.campaigns.templates.queryOptions()).data ?? NO_TEMPLATES;
}

const NO_TEMPLATES: readonly CampaignTemplate[] = [];
