import "./Field.css";
import "./CheckboxField.css";
import { type InputHTMLAttributes, type ReactNode, type Ref, useId } from "react";
import { cx } from "../utils.ts";
import { FieldError, FieldHint } from "./FieldMessages.tsx";

export interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "children"> {
  label: ReactNode;
  hint?: ReactNode;
  /** Error message (e.g. a confirmation not given), linked with `aria-describedby`. */
  error?: ReactNode;
  fieldClassName?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A checkbox with its label to the right and an optional hint under it. */
export function CheckboxField({ label, hint, error, id, fieldClassName, className, ...rest }: CheckboxFieldProps) {
  const autoId = useId();
  const inputId = id ?? `sp-checkbox-${autoId}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  return (
    <div className={cx("sp-checkbox", fieldClassName)}>
      <input
        id={inputId}
        type="checkbox"
        aria-describedby={cx(hintId, errorId) || undefined}
        aria-invalid={error ? true : undefined}
        className={cx("sp-checkbox__input", className)}
        {...rest}
      />
      <div>
        <label className="sp-checkbox__label" htmlFor={inputId}>
          {label}
        </label>
        <FieldHint id={hintId}>{hint}</FieldHint>
        <FieldError id={errorId}>{error}</FieldError>
      </div>
    </div>
  );
}
