// A campaign's sends as one stacked bar (delivered, sent, failed, skipped, queued), with replies
// and opt-outs beside it. `compact` is the list's version: the bar and one line of figures.
import { cx } from "@servicepro/ui";
import { count, type Progress, progressParts, progressText } from "./campaign-format.ts";

export function CampaignProgressBar({
  progress,
  label,
  compact = false,
}: {
  progress: Progress;
  /** The bar's accessible name, e.g. "Sending progress of Spring promo". */
  label: string;
  compact?: boolean;
}) {
  const parts = progressParts(progress);
  const done = progress.total - progress.queued;
  return (
    <div className={cx("campaign-progress", compact && "campaign-progress--compact")}>
      <div
        className="campaign-progress__bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={Math.max(progress.total, 1)}
        aria-valuenow={done}
        aria-valuetext={progressText(progress)}
      >
        {progress.total > 0
          ? parts
              .filter((part) => part.value > 0)
              .map((part) => (
                <span
                  key={part.key}
                  className={`campaign-progress__part campaign-progress__part--${part.key}`}
                  style={{ width: `${(part.value / progress.total) * 100}%` }}
                />
              ))
          : null}
      </div>
      {compact ? (
        <p className="campaign-progress__summary">
          {progress.total === 0
            ? "Nothing sent yet"
            : `${count(progress.sent)}/${count(progress.total)} sent · ${count(progress.delivered)} delivered · ${count(progress.failed)} failed · ${count(progress.replied)} replied · ${count(progress.optedOut)} opted out`}
        </p>
      ) : (
        <ul className="campaign-progress__legend" aria-label="Sends">
          {parts.map((part) => (
            <li key={part.key}>
              <span className={`campaign-progress__swatch campaign-progress__part--${part.key}`} aria-hidden="true" />
              {part.label} <strong>{count(part.value)}</strong>
            </li>
          ))}
          <li>
            Replied <strong>{count(progress.replied)}</strong>
          </li>
          <li>
            Opted out <strong>{count(progress.optedOut)}</strong>
          </li>
        </ul>
      )}
    </div>
  );
}
