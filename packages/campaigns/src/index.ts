// @servicepro/campaigns: marketing texts to an audience (issue 15). See docs/decisions/0018-campaigns.md.
export { bookingLinkOf, campaignTextFor, firstNameOf, type MergeBusiness, type MergeRecipient, mergeValuesFor } from "./merge.ts";
