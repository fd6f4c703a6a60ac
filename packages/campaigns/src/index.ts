// @servicepro/campaigns: marketing texts to an audience (issue 15). See docs/decisions/0018-campaigns.md.
export { bookingLinkOf, campaignTextFor, firstNameOf, type MergeBusiness, type MergeRecipient, mergeValuesFor } from "./merge.ts";

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
export {
  isMessagingService,
  isTollFree,
  maxInWindow,
  numberRate,
  type SenderNumber,
  senderRate,
  spacingMs,
} from "./pacer.ts";
export { type QuietHours, sendingResumesAt } from "./sending-hours.ts";
