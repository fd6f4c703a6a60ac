import { Badge } from "@servicepro/ui";
import { ConsentReviewBanner } from "../inbox/ConsentReviewBanner.tsx";
import { type CallerCellCall, callerLabel } from "./CallerCell.tsx";

export type CallConsentReviewCall = CallerCellCall & {
  id: string;
  consentReview: "pending" | "opted_out" | "dismissed" | null;
};

/**
 * A call whose words (voicemail, spoken menu answer) may ask for no more texts: flagged in the log
 * until staff decide, with the same two decisions as a flagged text. A decided call says what was decided.
 */
export function CallConsentReview({ call }: { call: CallConsentReviewCall }) {
  if (call.consentReview === "opted_out") return <Badge tone="neutral">Opted out by staff</Badge>;
  if (call.consentReview !== "pending") return null;
  return (
    <div className="calls-consent-review">
      <Badge tone="warning">May ask to stop texts</Badge>
      <ConsentReviewBanner callId={call.id} customerName={callerLabel(call)} canOptOut={!call.callerWithheld} />
    </div>
  );
}
