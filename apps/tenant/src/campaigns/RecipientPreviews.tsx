// How real customers of the audience will read the text: up to three of them, each text filled in
// by the server exactly as the drain will send it, as phone-style bubbles.
import { EmptyState } from "@servicepro/ui";
import { formatPhone } from "../inbox/format.ts";

export type RecipientSample = {
  customerId: string;
  name: string | null;
  phone: string;
  text: string;
  segments: number;
};

export function RecipientPreviews({
  samples,
  hasBody,
  audienceValid,
  audienceSize,
}: {
  samples: readonly RecipientSample[];
  hasBody: boolean;
  /** False while a filter is invalid: there is no audience to take customers from. */
  audienceValid: boolean;
  audienceSize: number | undefined;
}) {
  if (!hasBody)
    return <EmptyState headingLevel={3} title="Write the message" description="Texts for real customers show here." />;
  if (!audienceValid)
    return <EmptyState headingLevel={3} title="Fix the audience" description="Previews need a valid audience." />;
  if (samples.length === 0)
    return (
      <EmptyState
        headingLevel={3}
        title={audienceSize === 0 ? "No one to preview" : "Preparing previews…"}
        description={audienceSize === 0 ? "No customer matches this audience yet." : undefined}
      />
    );
  return (
    <ul className="campaign-samples" aria-label="Texts for customers in the audience">
      {samples.map((sample) => (
        <li key={sample.customerId} className="campaign-sample">
          <p className="campaign-sample__to">
            To <strong>{sample.name ?? formatPhone(sample.phone)}</strong>
            {sample.name ? <span className="sp-muted"> · {formatPhone(sample.phone)}</span> : null}
          </p>
          <div className="campaign-phone">
            <p className="campaign-phone__bubble">{sample.text}</p>
          </div>
          <p className="sp-field__hint">
            {sample.segments} {sample.segments === 1 ? "segment" : "segments"}
          </p>
        </li>
      ))}
    </ul>
  );
}
