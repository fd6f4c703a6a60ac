// Who called, for the calls log: the customer's or the carrier's name, the number (or "Private
// number" when the caller ID was withheld or is not a phone), and the number that forwarded the
// call, e.g. "Jane Doe · forwarded from (555) 010-0000".
import { WITHHELD_CALLER_LABEL } from "@servicepro/telephony/phone";
import { Badge } from "@servicepro/ui";
import { formatPhone } from "../inbox/format.ts";

export type CallerCellCall = {
  fromNumber: string;
  customerName: string | null;
  callerName: string | null;
  forwardedFrom: string | null;
  callerWithheld: boolean;
  routedByFallback: boolean;
};

/** What the log calls the caller: a name when there is one, else the number, else "Private number". */
export function callerLabel(call: CallerCellCall): string {
  return (
    call.customerName ?? call.callerName ?? (call.callerWithheld ? WITHHELD_CALLER_LABEL : formatPhone(call.fromNumber))
  );
}

export function CallerCell({ call }: { call: CallerCellCall }) {
  const label = callerLabel(call);
  const named = Boolean(call.customerName ?? call.callerName);
  const number = call.callerWithheld ? WITHHELD_CALLER_LABEL : formatPhone(call.fromNumber);
  return (
    <span className="sp-stack calls-caller">
      <span>
        {label}
        {call.forwardedFrom ? ` · forwarded from ${formatPhone(call.forwardedFrom)}` : null}
      </span>
      {named ? <span className="sp-muted">{number}</span> : null}
      {call.routedByFallback ? (
        <Badge tone="neutral" title="Reached you through the platform's fallback routing">
          Via fallback
        </Badge>
      ) : null}
    </span>
  );
}
