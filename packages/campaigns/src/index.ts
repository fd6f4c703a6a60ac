// @servicepro/campaigns: marketing texts to an audience (issue 15). See docs/decisions/0018-campaigns.md.
export { type AudienceTier, audienceCondition, tierRanges } from "./audience.ts";
// The drain: the campaign outbox sent at each sender's rate, inside the sending hours (drain.ts).
export {
  type CampaignSendReason,
  DRAIN_BUDGET_MS,
  type DrainDeps,
  type DrainJob,
  type DrainOptions,
  type DrainResult,
  drainCampaign,
  STALE_AFTER_MS,
} from "./drain.ts";
export {
  type CampaignDrainJob,
  type CampaignDrainQueue,
  type CampaignDrainWorkerOptions,
  createCampaignDrainQueue,
  startCampaignDrainWorker,
} from "./drain-worker.ts";
export { type AudienceMember, countAudience, type Expansion, expandCampaign, sampleAudience } from "./expand.ts";
export {
  campaignTextFor,
  type MergeBusiness,
  type MergeRecipient,
  mergeValuesFor,
} from "./merge.ts";
export {
  isMessagingService,
  isTollFree,
  maxInWindow,
  numberRate,
  type SenderNumber,
  senderRate,
  spacingMs,
} from "./pacer.ts";
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
export {
  localDateTimeText,
  localTimeText,
  maySendAt,
  nextSendingTime,
  type QuietHours,
  sendingResumesAt,
} from "./sending-hours.ts";
export {
  type AudiencePreview,
  type CampaignBusiness,
  type CampaignContext,
  cancelCampaign,
  checkBodyLength,
  createCampaign,
  EXPANSION_TRANSACTION,
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
