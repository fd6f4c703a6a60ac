import "./Button.css";
// The loading state shows the spinner's markup.
import "./Spinner.css";
import type { AnchorHTMLAttributes, ButtonHTMLAttributes, ReactNode, Ref } from "react";
import { cx } from "../utils.ts";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md" | "lg";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a spinner, sets `aria-busy` and disables the button; the label stays for a stable name. */
  loading?: boolean;
  /** Stretches to the container width. */
  block?: boolean;
  /** Optional leading icon (decorative). */
  icon?: ReactNode;
  ref?: Ref<HTMLButtonElement>;
}

export function Button({
  variant = "secondary",
  size = "md",
  loading = false,
  block = false,
  icon,
  disabled,
  type = "button",
  className,
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      className={cx("sp-button", `sp-button--${variant}`, `sp-button--${size}`, block && "sp-button--block", className)}
      {...rest}
    >
      {loading ? (
        <span className="sp-spinner sp-spinner--sm" aria-hidden="true">
          <span className="sp-spinner__ring" />
        </span>
      ) : icon ? (
        <span className="sp-button__icon" aria-hidden="true">
          {icon}
        </span>
      ) : null}
      {children}
    </button>
  );
}

export interface ButtonLinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  block?: boolean;
  ref?: Ref<HTMLAnchorElement>;
}

/** The classes that make an element look like a button, e.g. for a router `<Link>` styled as one. */
export function buttonClassName({
  variant = "secondary",
  size = "md",
  block = false,
}: {
  variant?: ButtonVariant;
  size?: ButtonSize;
  block?: boolean;
} = {}): string {
  return cx("sp-button", `sp-button--${variant}`, `sp-button--${size}`, block && "sp-button--block");
}

/** A link styled as a button, for navigation to another app or page (e.g. "Open the business dashboard"). */
export function ButtonLink({ variant = "secondary", size = "md", block = false, className, ...rest }: ButtonLinkProps) {
  return <a className={cx(buttonClassName({ variant, size, block }), className)} {...rest} />;
}
