import "./Field.css";
import type { ReactNode } from "react";
import { ErrorIcon } from "./icons.tsx";

/** The hint and error lines under a form field; ids match the control's aria-describedby. */
export function FieldHint({ id, children }: { id: string | undefined; children: ReactNode }) {
  return children ? (
    <p id={id} className="sp-field__hint">
      {children}
    </p>
  ) : null;
}

export function FieldError({ id, children }: { id: string | undefined; children: ReactNode }) {
  return children ? (
    <p id={id} className="sp-field__error">
      <ErrorIcon size={14} />
      <span>{children}</span>
    </p>
  ) : null;
}
