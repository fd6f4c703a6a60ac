import type { ReactNode } from "react";
import { Alert } from "./Alert.tsx";
import { Button } from "./Button.tsx";
import "./SlotRefusalAlert.css";

export interface SlotRefusalAlertProps {
  /** The API's sentence: why that time cannot be booked ("That time was just taken."). */
  message: ReactNode;
  /** The nearest times that can be, as the API's ISO strings, nearest first. */
  alternatives: readonly string[];
  /** The button text for one alternative, e.g. "Sat, Dec 5, 9:00 AM" (in the business's zone). */
  label: (iso: string) => string;
  onPick: (iso: string) => void;
}

/**
 * A refused booking time (400 SLOT_UNAVAILABLE or 409 SLOT_TAKEN, see `apiSlotRefusal`): the reason,
 * and the nearest open times as buttons, so the person picks another time in one tap instead of
 * starting over. The booking page, the calendar and its booking dialog all show refusals this way.
 */
export function SlotRefusalAlert({ message, alternatives, label, onPick }: SlotRefusalAlertProps) {
  return (
    <Alert tone="error" title={message}>
      {alternatives.length > 0 ? (
        <div className="sp-slot-alternatives" role="group" aria-label="Nearest open times">
          {alternatives.map((iso) => (
            <Button key={iso} type="button" size="sm" variant="secondary" onClick={() => onPick(iso)}>
              {label(iso)}
            </Button>
          ))}
        </div>
      ) : null}
    </Alert>
  );
}
