import "./Spinner.css";
import type { HTMLAttributes } from "react";
import { cx } from "../utils.ts";

export type SpinnerSize = "sm" | "md" | "lg";

export interface SpinnerProps extends HTMLAttributes<HTMLSpanElement> {
  size?: SpinnerSize;
  /** Text for assistive technology (and shown next to the ring when `showLabel`). */
  label?: string;
  showLabel?: boolean;
}

/** An indeterminate progress indicator. Announced politely via `role="status"`. */
export function Spinner({ size = "md", label = "Loading…", showLabel = false, className, ...rest }: SpinnerProps) {
  return (
    <span role="status" className={cx("sp-spinner", `sp-spinner--${size}`, className)} {...rest}>
      <span className="sp-spinner__ring" aria-hidden="true" />
      <span className={showLabel ? undefined : "sp-visually-hidden"}>{label}</span>
    </span>
  );
}
