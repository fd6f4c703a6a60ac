// Opening hours per weekday: closed, or one or more from–to ranges (24-hour times). The business's
// hours (online booking, the IVR and the AI receptionist read them) and a team member's own hours.
import {
  type BusinessHours,
  WEEKDAY_NAMES as DAY_NAMES,
  WEEKDAYS,
  type Weekday,
} from "@servicepro/telephony/constants";
import { Button, CheckboxField } from "@servicepro/ui";
import "./booking.css";

const MAX_RANGES = 4;

export interface HoursEditorProps {
  legend?: string;
  hint?: string;
  value: BusinessHours;
  onChange: (next: BusinessHours) => void;
  /** The server's message for the hours, when it refused them. */
  error?: string | undefined;
  disabled?: boolean;
}

export function HoursEditor({
  value,
  onChange,
  error,
  disabled = false,
  legend = "Opening hours",
  hint = "In your business's time zone. Customers can book, and calls ring through, only inside these hours.",
}: HoursEditorProps) {
  const setDay = (day: Weekday, ranges: [string, string][] | undefined) => {
    const next = { ...value };
    if (ranges && ranges.length > 0) next[day] = ranges;
    else delete next[day];
    onChange(next);
  };
  return (
    <fieldset className="hours-editor" aria-describedby={error ? "hours-editor-error" : undefined}>
      <legend className="sp-field__label">{legend}</legend>
      <p className="sp-field__hint">{hint}</p>
      {WEEKDAYS.map((day) => {
        const ranges = value[day] ?? [];
        const open = ranges.length > 0;
        return (
          <div key={day} className="hours-editor__day" role="group" aria-label={DAY_NAMES[day]}>
            <CheckboxField
              label={DAY_NAMES[day]}
              checked={open}
              disabled={disabled}
              onChange={(event) => setDay(day, event.target.checked ? [["09:00", "17:00"]] : undefined)}
              fieldClassName="hours-editor__toggle"
            />
            {open ? (
              <div className="hours-editor__ranges">
                {ranges.map(([from, to], index) => (
                  <span key={index} className="hours-editor__range">
                    <input
                      type="time"
                      className="sp-field__input hours-editor__time"
                      aria-label={`${DAY_NAMES[day]} opens at`}
                      value={from}
                      disabled={disabled}
                      onChange={(event) =>
                        setDay(
                          day,
                          ranges.map((r, i) => (i === index ? [event.target.value, r[1]] : r)),
                        )
                      }
                    />
                    <span aria-hidden="true">–</span>
                    <input
                      type="time"
                      className="sp-field__input hours-editor__time"
                      aria-label={`${DAY_NAMES[day]} closes at`}
                      value={to}
                      disabled={disabled}
                      onChange={(event) =>
                        setDay(
                          day,
                          ranges.map((r, i) => (i === index ? [r[0], event.target.value] : r)),
                        )
                      }
                    />
                    {ranges.length > 1 ? (
                      <Button
                        size="sm"
                        variant="ghost"
                        disabled={disabled}
                        onClick={() =>
                          setDay(
                            day,
                            ranges.filter((_, i) => i !== index),
                          )
                        }
                        aria-label={`Remove ${DAY_NAMES[day]} hours ${from}–${to}`}
                      >
                        Remove
                      </Button>
                    ) : null}
                  </span>
                ))}
                {ranges.length < MAX_RANGES ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={disabled}
                    onClick={() => setDay(day, [...ranges, ["13:00", "17:00"]])}
                    aria-label={`Add another opening range on ${DAY_NAMES[day]}`}
                  >
                    Add hours
                  </Button>
                ) : null}
              </div>
            ) : (
              <span className="sp-muted">Closed</span>
            )}
          </div>
        );
      })}
      {error ? (
        <p id="hours-editor-error" className="sp-field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
