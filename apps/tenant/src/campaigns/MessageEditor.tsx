// The campaign's text: merge-field buttons that insert {first_name} etc. where the cursor is, and
// live under the box the worst-case segment count and encoding, the characters that force Unicode
// (highlighted in the preview), the cost for the counted audience, and the text as a customer
// reads it, with the business named and the STOP line that is always added.
import { Button, cx, TextAreaField } from "@servicepro/ui";
import { MAX_CAMPAIGN_SEGMENTS, MERGE_FIELD_LABELS, MERGE_FIELDS, SEGMENT_PRICE_CENTS } from "@servicepro/validators";
import { useId, useRef } from "react";
import { useController } from "react-hook-form";
import { moneyLabel } from "../customers/customer-format.ts";
import { count } from "./campaign-format.ts";
import type { CampaignFormValues } from "./campaign-forms.ts";
import { segmentLimitMessage } from "./campaign-forms.ts";
import { EXAMPLE_RECIPIENT, markUnicode, messageStats } from "./message-stats.ts";

export function MessageEditor({
  business,
  recipients,
}: {
  business: { name: string; bookingLink: string };
  /** The audience's size, once counted. */
  recipients: number | undefined;
}) {
  const { field, fieldState } = useController<CampaignFormValues, "body">({ name: "body" });
  const area = useRef<HTMLTextAreaElement | null>(null);
  const previewId = useId();
  const body = field.value;
  const stats = messageStats(body, business, recipients ?? null);

  /** Puts `{field}` in place of the selection (or at the cursor), and the cursor after it. */
  const insert = (mergeField: string) => {
    const token = `{${mergeField}}`;
    const element = area.current;
    const start = element?.selectionStart ?? body.length;
    const end = element?.selectionEnd ?? body.length;
    field.onChange(body.slice(0, start) + token + body.slice(end));
    requestAnimationFrame(() => {
      if (!element) return;
      element.focus();
      element.setSelectionRange(start + token.length, start + token.length);
    });
  };

  return (
    <div className="sp-stack campaign-message">
      <div className="campaign-merge" role="group" aria-label="Insert a merge field">
        <span className="sp-field__label">Insert</span>
        {MERGE_FIELDS.map((mergeField) => (
          <Button key={mergeField} size="sm" variant="secondary" onClick={() => insert(mergeField)}>
            {MERGE_FIELD_LABELS[mergeField]}
          </Button>
        ))}
      </div>
      <TextAreaField
        label="Message"
        name={field.name}
        ref={(element) => {
          field.ref(element);
          area.current = element;
        }}
        value={body}
        rows={5}
        maxLength={1_600}
        onChange={(event) => field.onChange(event.target.value)}
        onBlur={field.onBlur}
        error={fieldState.error?.message}
        hint="Your business name is added at the start when the text doesn't name it, and the opt-out line at the end."
      />
      <dl className="campaign-figures" aria-label="Message figures">
        <div>
          <dt>Segments</dt>
          <dd className={cx(stats.overLimit && "campaign-figures__over")}>
            {stats.segments} of {MAX_CAMPAIGN_SEGMENTS} at most
          </dd>
        </div>
        <div>
          <dt>Encoding</dt>
          <dd>{stats.encoding === "GSM-7" ? "GSM-7 (plain text)" : "Unicode (UCS-2)"}</dd>
        </div>
        <div>
          <dt>Characters</dt>
          <dd>{count(stats.characters)}</dd>
        </div>
        <div>
          <dt>Estimated cost</dt>
          <dd>
            {stats.costCents === null ? "Counting…" : moneyLabel(stats.costCents)}
            {recipients === undefined ? null : (
              <span className="sp-muted">
                {" "}
                ({count(recipients)} × {stats.segments} × ${(SEGMENT_PRICE_CENTS / 100).toFixed(4)})
              </span>
            )}
          </dd>
        </div>
      </dl>
      <p className="sp-field__hint">
        Counted for the longest likely text (a long first name and points balance), with the opt-out line. The cost is
        Twilio's list price per segment; carrier fees are extra.
      </p>
      {stats.overLimit && !fieldState.error ? (
        <p className="sp-field__error" role="alert">
          {segmentLimitMessage(stats)}
        </p>
      ) : null}
      {stats.unicode.length ? (
        <p className="campaign-unicode-note" role="status">
          These characters make the whole text Unicode, which fits far fewer characters per segment:{" "}
          {stats.unicode.map((char) => (
            <mark key={char} className="campaign-unicode">
              {char}
            </mark>
          ))}
          . Replace them (e.g. straight quotes for curly ones) to send plain text.
        </p>
      ) : null}
      {body.trim() ? (
        <figure className="campaign-preview" aria-labelledby={previewId}>
          <figcaption id={previewId} className="sp-field__label">
            Preview for a customer named {EXAMPLE_RECIPIENT.first_name}
          </figcaption>
          <div className="campaign-phone">
            <p className="campaign-phone__bubble">
              {markUnicode(stats.preview, stats.unicode).map((run, index) =>
                run.unicode ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: runs are positional and never reordered
                  <mark key={index} className="campaign-unicode" title="Forces Unicode">
                    {run.text}
                  </mark>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: runs are positional and never reordered
                  <span key={index}>{run.text}</span>
                ),
              )}
            </p>
          </div>
        </figure>
      ) : null}
    </div>
  );
}
