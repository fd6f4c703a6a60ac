// Moving or cancelling inside the business's cancellation window: the fee is shown before anything
// is sent, and the request carries the fee the customer agreed to. If the server says a fee applies
// that the screen did not know of (the window began while it was open), it is shown and confirmed
// again; if the business takes late changes by phone only, the screen says whom to call.
import { Alert, apiErrorMessage } from "@servicepro/ui";
import type { PortalAppointment, PortalMe } from "@servicepro/validators";
import { useState } from "react";
import { portalRefusal } from "../customer/portal-errors.ts";
import { formatCents, phoneLabel } from "../customer/portal-format.ts";

export type LateChangeState = {
  /** The fee the next request agrees to (0: none). */
  feeCents: number;
  /** The server asked for a fee this screen had not shown: say so above the button. */
  feeChanged: boolean;
  /** The business refuses this change online now. */
  refused: boolean;
  error: string | null;
};

/**
 * Runs `send(acceptFeeCents)`; a 409 FEE_CONFIRMATION_REQUIRED shows the fee for an explicit
 * confirmation (nothing is retried on its own), a 403 LATE_CHANGE_REFUSED the business's phone.
 */
export function useLateChange(appointment: PortalAppointment) {
  const [state, setState] = useState<LateChangeState>({
    feeCents: appointment.lateChangeFeeCents,
    feeChanged: false,
    refused: appointment.lateChangeRefused,
    error: null,
  });
  const run = async <T,>(send: (acceptFeeCents: number | undefined) => Promise<T>): Promise<T | null> => {
    setState((s) => ({ ...s, error: null }));
    try {
      return await send(state.feeCents > 0 ? state.feeCents : undefined);
    } catch (error) {
      const refusal = portalRefusal(error);
      if (refusal?.code === "FEE_CONFIRMATION_REQUIRED") {
        setState({ feeCents: refusal.feeCents, feeChanged: true, refused: false, error: null });
      } else if (refusal?.code === "LATE_CHANGE_REFUSED") {
        setState((s) => ({ ...s, refused: true, error: null }));
      } else {
        setState((s) => ({ ...s, error: apiErrorMessage(error) }));
      }
      return null;
    }
  };
  return { state, run };
}

/** "less than 24 hours before it": the window as the policy words it. */
const windowWords = (hours: number) => (hours % 24 === 0 && hours >= 48 ? `${hours / 24} days` : `${hours} hours`);

/** What the customer must know before confirming: the fee, a refusal with whom to call, or an error. */
export function LateChangeNotice({
  state,
  business,
  action,
}: {
  state: LateChangeState;
  business: PortalMe["business"];
  /** "Moving" or "Cancelling". */
  action: string;
}) {
  if (state.refused) {
    return (
      <Alert tone="warning" title={`Call ${business.name} to change this appointment`} role="alert">
        <p>
          It's less than {windowWords(business.cancellationWindowHours)} away, and {business.name} makes changes this
          close to an appointment by phone.{" "}
          {business.phone ? (
            <>
              Call <a href={`tel:${business.phone}`}>{phoneLabel(business.phone)}</a>.
            </>
          ) : (
            "Get in touch with them directly."
          )}
        </p>
      </Alert>
    );
  }
  return (
    <>
      {state.feeCents > 0 ? (
        <Alert tone="warning" title={`${action} it now costs ${formatCents(state.feeCents)}`} role="alert">
          {state.feeChanged
            ? `Your appointment is now inside ${business.name}'s cancellation window. Confirm below to go ahead with the fee.`
            : `It's less than ${windowWords(business.cancellationWindowHours)} away, so ${business.name}'s late-change fee applies.`}
        </Alert>
      ) : null}
      {state.error ? (
        <Alert tone="error" role="alert">
          {state.error}
        </Alert>
      ) : null}
    </>
  );
}

/** The confirming button's words: "Move it" or "Move it and pay $25". */
export const confirmLabel = (verb: string, feeCents: number): string =>
  feeCents > 0 ? `${verb} it and pay ${formatCents(feeCents)}` : `${verb} it`;
