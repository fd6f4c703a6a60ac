import "./Field.css";
import { type InputHTMLAttributes, type ReactNode, type Ref, useId } from "react";
import { cx } from "../utils.ts";
import { FieldError, FieldHint } from "./FieldMessages.tsx";

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "children"> {
  /** Visible label, always rendered (accessible name of the input). */
  label: ReactNode;
  /** Helper text under the input. */
  hint?: ReactNode;
  /** Error message; marks the input invalid and is linked with `aria-describedby`. */
  error?: ReactNode;
  /** Class for the wrapper element (`className` goes to the input). */
  fieldClassName?: string;
  ref?: Ref<HTMLInputElement>;
}

export function TextField({
  label,
  hint,
  error,
  id,
  className,
  fieldClassName,
  required,
  type = "text",
  "aria-describedby": describedBy,
  ...inputProps
}: TextFieldProps) {
  const autoId = useId();
  const inputId = id ?? `sp-field-${autoId}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedByIds = cx(describedBy, hintId, errorId) || undefined;

  return (
    <div className={cx("sp-field", Boolean(error) && "sp-field--invalid", fieldClassName)}>
      <label className="sp-field__label" htmlFor={inputId}>
        {label}
        {required ? (
          <span className="sp-field__required" aria-hidden="true">
            *
          </span>
        ) : null}
      </label>
      <input
        id={inputId}
        type={type}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByIds}
        className={cx("sp-field__input", className)}
        {...inputProps}
      />
      <FieldHint id={hintId}>{hint}</FieldHint>
      <FieldError id={errorId}>{error}</FieldError>
    </div>
  );
}
