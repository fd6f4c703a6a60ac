import { Alert, apiErrorMessage, Button } from "@servicepro/ui";
import { useTRPC } from "@servicepro/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";

/** What staff decide about: a flagged text (inbox) or a flagged call (calls log). */
export type ConsentReviewTarget = { messageId: string } | { callId: string };

export type ConsentReviewBannerProps = ConsentReviewTarget & {
  customerName: string;
  /**
   * False when there is no number to opt out (the caller ID was withheld): only "Not an opt-out"
   * is offered, since the API refuses the other.
   */
  canOptOut?: boolean;
};

/**
 * Above a text, or on a call, the opt-out classifier was unsure about ("enough", "Stop. Can we do
 * 4pm?", a voicemail saying "quit messaging me"): staff decide. Opting out records it like a STOP
 * (with who decided); "Not an opt-out" clears the flag. Nothing automated answers the customer until then.
 */
export function ConsentReviewBanner({ customerName, canOptOut = true, ...props }: ConsentReviewBannerProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const target: ConsentReviewTarget = "callId" in props ? { callId: props.callId } : { messageId: props.messageId };
  const what = "callId" in target ? "call" : "text";
  const resolve = useMutation(
    trpc.tenant.inbox.resolveConsentReview.mutationOptions({
      // The queue, the thread and the calls log all show the flag.
      onSuccess: () =>
        void Promise.all([
          queryClient.invalidateQueries(trpc.tenant.inbox.pathFilter()),
          queryClient.invalidateQueries(trpc.tenant.calls.pathFilter()),
        ]),
    }),
  );
  const decide = (decision: "opt_out" | "dismiss") => {
    if (!resolve.isPending) resolve.mutate({ ...target, decision });
  };
  const pending = resolve.isPending ? resolve.variables?.decision : undefined;

  return (
    <Alert
      tone="warning"
      className="inbox-consent-review"
      title={`This ${what} may be asking to stop texts.`}
      actions={
        <>
          {canOptOut ? (
            <Button size="sm" variant="primary" onClick={() => decide("opt_out")} loading={pending === "opt_out"}>
              Opt out this number
            </Button>
          ) : null}
          <Button size="sm" onClick={() => decide("dismiss")} loading={pending === "dismiss"}>
            Not an opt-out
          </Button>
        </>
      }
    >
      {resolve.isError ? (
        <span role="alert">{apiErrorMessage(resolve.error)}</span>
      ) : canOptOut ? (
        `Decide whether ${customerName} wants no more texts. Nothing automatic is sent to them until you do.`
      ) : (
        "The caller's number was withheld, so there is no number to opt out; nothing can be texted to it either."
      )}
    </Alert>
  );
}
