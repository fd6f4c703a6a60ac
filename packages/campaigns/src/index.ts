// @servicepro/campaigns: marketing texts to an audience (issue 15). See docs/decisions/0018-campaigns.md.
export { type AudienceTier, audienceCondition, tierRanges } from "./audience.ts";
export { type AudienceMember, countAudience, type Expansion, expandCampaign, sampleAudience } from "./expand.ts";
export {
  bookingLinkOf,
  campaignTextFor,
  firstNameOf,
  type MergeBusiness,
  type MergeRecipient,
  mergeValuesFor,
} from "./merge.ts";
export type { CampaignDrainQueue } from "./queue.ts";
export {
  ATTRIBUTION_DAYS,
  type CampaignBookings,
  type CampaignProgress,
  campaignBookings,
  campaignProgress,
  campaignTimeline,
  progressOf,
  type TimelineDay,
} from "./results.ts";
export { localDateTimeText, localTimeText, maySendAt, nextSendingTime, type QuietHours } from "./sending-hours.ts";
export {
  type AudiencePreview,
  type CampaignBusiness,
  type CampaignContext,
  cancelCampaign,
  checkBodyLength,
  createCampaign,
  loadBusiness,
  loadQuietHours,
  loadTiers,
  lockCampaign,
  pauseCampaign,
  previewAudience,
  resumeCampaign,
  type ScheduleResult,
  scheduleCampaign,
  startDueCampaign,
  storedAudience,
  updateCampaign,
} from "./service.ts";
