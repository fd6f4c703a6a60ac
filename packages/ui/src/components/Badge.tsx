import "./Badge.css";
import type { HTMLAttributes } from "react";
import { cx } from "../utils.ts";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger" | "premium";

export const badgeTones: readonly BadgeTone[] = ["neutral", "info", "success", "warning", "danger", "premium"];

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: BadgeTone;
  /** Shows a small status dot before the label. */
  dot?: boolean;
}

/** A short status or category label. Colour is never the only signal: the text carries the meaning. */
export function Badge({ tone = "neutral", dot = false, className, children, ...rest }: BadgeProps) {
  return (
    <span className={cx("sp-badge", `sp-badge--${tone}`, className)} {...rest}>
      {dot ? <span className="sp-badge__dot" aria-hidden="true" /> : null}
      {children}
    </span>
  );
}
