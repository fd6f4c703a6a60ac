import "./Alert.css";
import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "../utils.ts";
import { ErrorIcon, InfoIcon, SuccessIcon, WarningIcon } from "./icons.tsx";

export type AlertTone = "info" | "success" | "warning" | "error";

export interface AlertProps extends Omit<HTMLAttributes<HTMLDivElement>, "title"> {
  tone?: AlertTone;
  title?: ReactNode;
  /** Buttons shown under the message (e.g. "Try again"). */
  actions?: ReactNode;
}

const icons = { info: InfoIcon, success: SuccessIcon, warning: WarningIcon, error: ErrorIcon } as const;

/**
 * An inline message. Errors use `role="alert"` (announced immediately); other tones use
 * `role="status"` (announced politely). Pass `role` to override.
 */
export function Alert({ tone = "info", title, actions, className, children, role, ...rest }: AlertProps) {
  const Icon = icons[tone];
  return (
    <div
      role={role ?? (tone === "error" ? "alert" : "status")}
      className={cx("sp-alert", `sp-alert--${tone}`, className)}
      {...rest}
    >
      <span className="sp-alert__icon">
        <Icon size={18} />
      </span>
      <div className="sp-alert__content">
        {title ? <p className="sp-alert__title">{title}</p> : null}
        {children ? <div className="sp-alert__body">{children}</div> : null}
        {actions ? <div className="sp-alert__actions">{actions}</div> : null}
      </div>
    </div>
  );
}
