/**
 * @servicepro/loyalty: the loyalty programme over a tenant transaction (`TenantTx`), shared by the
 * booking service (a completed visit earns, a booking takes waiting rewards, a cancellation
 * releases them), the staff routers and the customer portal.
 * - `accrueVisit`: once per appointment (ledger key `visit:<id>`), nothing when the programme is off;
 * - `redeemReward`: one guarded UPDATE takes the points (never below zero), 400 when short or off,
 *   404 for an unknown or inactive reward; applied to the next appointment or left open;
 * - `attachOpenRedemptions` / `releaseRedemptions`: bookings take waiting rewards, cancellations free them;
 * - `cancelRedemption`: an unused reward's points come back (a refund entry);
 * - `adjustPoints`: staff changes with a reason, never below zero;
 * - `loyaltySummary`: balance, tier, rules, rewards, redemptions and history (lapsed points lapse first).
 * The pure rules (points for a visit, tiers, expiry, wording) are in rules.ts.
 */
export {
  ACTIVITY_KINDS,
  describeEntry,
  type EarnRules,
  hasLapsed,
  lapseDate,
  shortOfPointsMessage,
  type Tier,
  tierFor,
  tiersOf,
  visitPoints,
} from "./rules.ts";
export {
  type AccrueVisitArgs,
  type AdjustPointsArgs,
  type AdjustPointsResult,
  type AttachArgs,
  accrueVisit,
  adjustPoints,
  attachOpenRedemptions,
  type CancelRedemptionArgs,
  cancelRedemption,
  customerNotFound,
  DEFAULT_LOYALTY_SETTINGS,
  type LoyaltyActor,
  type LoyaltyRedeemResult,
  type LoyaltyRedemptionView,
  type LoyaltyRewardView,
  type LoyaltySettingsView,
  type LoyaltySummary,
  listRewards,
  loadLoyaltySettings,
  loyaltySummary,
  type RedeemRewardArgs,
  redeemReward,
  releaseRedemptions,
  rewardNotFound,
  type SummaryArgs,
} from "./service.ts";
