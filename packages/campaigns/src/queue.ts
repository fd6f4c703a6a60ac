/** Where a started (or resumed, or scheduled) campaign's drain job goes (pg-boss `campaign.drain`). */
export type CampaignDrainQueue = {
  /** Queues the campaign's drain to run at `at` (default: now); one job per campaign at a time. */
  start(tenantId: string, campaignId: string, at?: Date): Promise<void>;
};
