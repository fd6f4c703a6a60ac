import { Alert, apiErrorMessage, Button } from "@servicepro/ui";
import { useTRPC } from "@servicepro/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";

/**
 * Above a text the opt-out classifier was unsure about ("enough", "Stop. Can we do 4pm?"): staff
 * decide. Opting out records it like a STOP (with who decided); "Not an opt-out" clears the flag.
 * Nothing automated answers the customer until then.
 */
export function ConsentReviewBanner({ messageId, customerName }: { messageId: string; customerName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const resolve = useMutation(
    trpc.tenant.inbox.resolveConsentReview.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries(trpc.tenant.inbox.pathFilter()),
    }),
  );
  const decide = (decision: "opt_out" | "dismiss") => {
    if (!resolve.isPending) resolve.mutate({ messageId, decision });
  };
  const pending = resolve.isPending ? resolve.variables?.decision : undefined;

  return (
    <Alert
      tone="warning"
      className="inbox-consent-review"
      title="This text may be asking to stop texts."
      actions={
        <>
          <Button size="sm" variant="primary" onClick={() => decide("opt_out")} loading={pending === "opt_out"}>
            Opt out this number
          </Button>
          <Button size="sm" onClick={() => decide("dismiss")} loading={pending === "dismiss"}>
            Not an opt-out
          </Button>
        </>
      }
    >
      {resolve.isError ? (
        <span role="alert">{apiErrorMessage(resolve.error)}</span>
      ) : (
        `Decide whether ${customerName} wants no more texts. Nothing automatic is sent to them until you do.`
      )}
    </Alert>
  );
}
