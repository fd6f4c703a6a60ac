import "./Field.css";
import "./TextAreaField.css";
import { type ReactNode, type Ref, type TextareaHTMLAttributes, useId } from "react";
import { cx } from "../utils.ts";
import { FieldError, FieldHint } from "./FieldMessages.tsx";

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "children"> {
  /** Visible label (the textarea's accessible name). Pass `labelHidden` to keep it for screen readers only. */
  label: ReactNode;
  labelHidden?: boolean;
  hint?: ReactNode;
  error?: ReactNode;
  /** Shows "n / maxLength" under the field when `maxLength` is set. */
  showCount?: boolean;
  fieldClassName?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled multi-line text field, styled like TextField. */
export function TextAreaField({
  label,
  labelHidden = false,
  hint,
  error,
  showCount = false,
  id,
  className,
  fieldClassName,
  maxLength,
  value,
  "aria-describedby": describedBy,
  ...rest
}: TextAreaFieldProps) {
  const autoId = useId();
  const areaId = id ?? `sp-textarea-${autoId}`;
  const hintId = hint ? `${areaId}-hint` : undefined;
  const errorId = error ? `${areaId}-error` : undefined;
  const countId = showCount && maxLength ? `${areaId}-count` : undefined;
  const length = typeof value === "string" ? value.length : 0;
  return (
    <div className={cx("sp-field", Boolean(error) && "sp-field--invalid", fieldClassName)}>
      <label className={cx("sp-field__label", labelHidden && "sp-visually-hidden")} htmlFor={areaId}>
        {label}
      </label>
      <textarea
        id={areaId}
        maxLength={maxLength}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={cx(describedBy, hintId, errorId, countId) || undefined}
        className={cx("sp-field__input", "sp-textarea", className)}
        {...rest}
      />
      <FieldHint id={hintId}>{hint}</FieldHint>
      {countId ? (
        <p id={countId} className="sp-field__hint sp-textarea__count">
          {length} / {maxLength}
        </p>
      ) : null}
      <FieldError id={errorId}>{error}</FieldError>
    </div>
  );
}
