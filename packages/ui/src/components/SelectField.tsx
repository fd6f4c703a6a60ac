import "./Field.css";
import "./SelectField.css";
import { type ReactNode, type Ref, type SelectHTMLAttributes, useId } from "react";
import { cx } from "../utils.ts";
import { FieldError, FieldHint } from "./FieldMessages.tsx";

export type SelectOption = { value: string; label: string };

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "children"> {
  /** Visible label (the select's accessible name). */
  label: ReactNode;
  options: readonly SelectOption[];
  hint?: ReactNode;
  error?: ReactNode;
  fieldClassName?: string;
  ref?: Ref<HTMLSelectElement>;
}

/** A labelled native select, styled like TextField (native for keyboard and screen-reader support). */
export function SelectField({
  label,
  options,
  hint,
  error,
  id,
  className,
  fieldClassName,
  "aria-describedby": describedBy,
  ...rest
}: SelectFieldProps) {
  const autoId = useId();
  const selectId = id ?? `sp-select-${autoId}`;
  const hintId = hint ? `${selectId}-hint` : undefined;
  const errorId = error ? `${selectId}-error` : undefined;
  return (
    <div className={cx("sp-field", Boolean(error) && "sp-field--invalid", fieldClassName)}>
      <label className="sp-field__label" htmlFor={selectId}>
        {label}
      </label>
      <select
        id={selectId}
        aria-invalid={error ? true : undefined}
        aria-describedby={cx(describedBy, hintId, errorId) || undefined}
        className={cx("sp-field__input", "sp-select", className)}
        {...rest}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldHint id={hintId}>{hint}</FieldHint>
      <FieldError id={errorId}>{error}</FieldError>
    </div>
  );
}
