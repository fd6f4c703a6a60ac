// The import's Columns step: for a file whose columns match no preset, which of its columns holds
// each detail. One row per target field of the import's kind (labels, help and what is required come
// from the shared catalogue in @servicepro/validators): a select of the file's columns, or a list of
// them for a field that reads several (an address in parts, further phones), with a few of the
// file's values for what is chosen. Checked by the same rules the server runs; the server's answer
// (tenant.imports.setMapping) is shown on its fields and in a summary.
import "./column-mapping.css";
import { Alert, applyServerErrors, Button, useZodForm } from "@servicepro/ui";
import { IMPORT_REQUIRED_FIELDS, type ImportFieldSpec, type ImportKind, importFieldsOf } from "@servicepro/validators";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useMutation } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { FormProvider, useController, useFormContext } from "react-hook-form";
import {
  formFieldOf,
  type MappingFormValues,
  mappingFormSchema,
  mappingFormValues,
  sampleValues,
} from "./mapping-form.ts";

type ImportView = RouterOutputs["tenant"]["imports"]["setMapping"];
const MAX_COLUMNS = 8;

export type ColumnMappingFile = {
  headers: readonly string[];
  samples: readonly Readonly<Record<string, string>>[];
  /** What the import reads the file with now: the form starts from it. */
  mapping: Readonly<Record<string, readonly string[]>>;
};

export interface ColumnMappingProps {
  importId: string;
  kind: ImportKind;
  fileName: string;
  file: ColumnMappingFile;
  /** Called with the import as stored once the server has kept the mapping. */
  onSaved: (view: ImportView) => void | Promise<void>;
  onCancel?: () => void;
}

/** "Required", or for one of a group: "Required, or Email". */
function requiredText(kind: ImportKind, field: string): string | null {
  const group = IMPORT_REQUIRED_FIELDS[kind].find((g) => g.includes(field));
  if (!group) return null;
  const specs = Object.fromEntries(importFieldsOf(kind).map((f) => [f.field, f.label]));
  const others = group.filter((f) => f !== field).map((f) => specs[f] ?? f);
  return others.length === 0 ? "Required" : `Required, or ${others.join(" or ")}`;
}

export function ColumnMapping({ importId, kind, fileName, file, onSaved, onCancel }: ColumnMappingProps) {
  const trpc = useTRPC();
  const fields = useMemo(() => importFieldsOf(kind), [kind]);
  const schema = useMemo(() => mappingFormSchema(kind, file.headers), [kind, file.headers]);
  const form = useZodForm(schema, { defaultValues: mappingFormValues(kind, file.mapping) });
  const [formError, setFormError] = useState<string | null>(null);
  const setMapping = useMutation(trpc.tenant.imports.setMapping.mutationOptions());
  const headingId = useId();
  const { errors, submitCount } = form.formState;
  const fieldErrors = fields
    .map((f) => ({ field: f, message: errors.mapping?.[f.field]?.message }))
    .filter((e): e is { field: (typeof fields)[number]; message: string } => typeof e.message === "string");

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const view = await setMapping.mutateAsync({ importId, mapping: values.mapping });
      await onSaved(view);
    } catch (error) {
      setFormError(
        applyServerErrors(
          form.setError,
          error,
          fields.map((f) => `mapping.${f.field}` as const),
          (path) => formFieldOf(path, kind),
        ),
      );
    }
  });

  return (
    <FormProvider {...form}>
      <form className="column-mapping" aria-labelledby={headingId} noValidate onSubmit={(event) => void submit(event)}>
        <header className="column-mapping__intro">
          <h2 id={headingId} className="column-mapping__title">
            Columns
          </h2>
          <p className="sp-muted">
            Choose which column of {fileName} holds each detail. Details you leave on “Not imported” are skipped; those
            marked required must have a column.
          </p>
        </header>
        {submitCount > 0 && (fieldErrors.length > 0 || formError) ? (
          <Alert tone="error" title="Some columns need another look">
            <ul className="column-mapping__summary">
              {fieldErrors.map(({ field, message }) => (
                <li key={field.field}>
                  {field.label}: {message}
                </li>
              ))}
              {formError ? <li>{formError}</li> : null}
            </ul>
          </Alert>
        ) : null}
        <div className="column-mapping__rows">
          {fields.map((spec) => (
            <MappingRow
              key={spec.field}
              kind={kind}
              spec={spec}
              headers={file.headers}
              samples={file.samples}
              revalidateAll={submitCount > 0}
            />
          ))}
        </div>
        <div className="column-mapping__actions">
          <Button type="submit" variant="primary" disabled={setMapping.isPending}>
            {setMapping.isPending ? "Saving…" : "Use these columns"}
          </Button>
          {onCancel ? (
            <Button type="button" variant="ghost" onClick={onCancel}>
              Keep the columns as they were
            </Button>
          ) : null}
        </div>
      </form>
    </FormProvider>
  );
}

function MappingRow({
  kind,
  spec,
  headers,
  samples,
  revalidateAll,
}: {
  kind: ImportKind;
  spec: ImportFieldSpec & { field: string };
  headers: readonly string[];
  samples: readonly Readonly<Record<string, string>>[];
  revalidateAll: boolean;
}) {
  const { control, trigger } = useFormContext<MappingFormValues>();
  const { field, fieldState } = useController({ control, name: `mapping.${spec.field}` });
  const id = useId();
  const columns: string[] = field.value?.length ? field.value : [""];
  const error = fieldState.error?.message;
  const required = requiredText(kind, spec.field);
  const shown = sampleValues(samples, columns);
  const chosen = columns.some((c) => c !== "");
  const helpId = `${id}-help`;
  const samplesId = `${id}-samples`;
  const errorId = `${id}-error`;
  const describedBy = [helpId, chosen ? samplesId : null, error ? errorId : null].filter(Boolean).join(" ");
  const options = headers.filter((h) => h !== "");

  const change = (next: string[]) => {
    field.onChange(next);
    // After a submit the whole mapping is checked again: choosing Email clears "Map a column to Phone or Email".
    if (revalidateAll) void trigger();
  };

  return (
    <div
      className="column-mapping__row"
      data-invalid={error ? "" : undefined}
      role="group"
      aria-labelledby={`${id}-label`}
    >
      <div className="column-mapping__target">
        <label id={`${id}-label`} className="sp-field__label" htmlFor={`${id}-0`}>
          {spec.label}
          {required ? <span className="column-mapping__required"> ({required.toLowerCase()})</span> : null}
        </label>
        <p id={helpId} className="sp-field__hint">
          {spec.help}
          {spec.several ? " You may choose several columns." : ""}
        </p>
      </div>
      <div className="column-mapping__source">
        {columns.map((value, index) => (
          <div className="column-mapping__column" key={`${spec.field}-${index}`}>
            {index > 0 ? (
              <label className="sp-visually-hidden" htmlFor={`${id}-${index}`}>
                {spec.label}, column {index + 1}
              </label>
            ) : null}
            <select
              id={`${id}-${index}`}
              ref={index === 0 ? field.ref : undefined}
              name={index === 0 ? field.name : `${field.name}.${index}`}
              className="sp-field__input sp-select"
              value={value}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
              aria-required={required === "Required" ? true : undefined}
              onBlur={field.onBlur}
              onChange={(event) => {
                const next = [...columns];
                next[index] = event.target.value;
                change(index === 0 && next.length === 1 && next[0] === "" ? [] : next);
              }}
            >
              <option value="">{index === 0 ? "Not imported" : "Choose a column"}</option>
              {options.map((header) => (
                <option key={header} value={header}>
                  {header}
                </option>
              ))}
            </select>
            {spec.several && index > 0 ? (
              <Button
                type="button"
                variant="ghost"
                size="sm"
                aria-label={`Remove ${spec.label}, column ${index + 1}`}
                onClick={() => change(columns.filter((_, i) => i !== index))}
              >
                Remove
              </Button>
            ) : null}
          </div>
        ))}
        {spec.several && columns.length < MAX_COLUMNS && columns.at(-1) !== "" ? (
          <Button type="button" variant="ghost" size="sm" onClick={() => change([...columns, ""])}>
            Add another column to {spec.label}
          </Button>
        ) : null}
        {chosen ? (
          <p id={samplesId} className="column-mapping__samples">
            {shown.length > 0 ? (
              <>
                <span className="sp-muted">In the file: </span>
                {shown.map((sample, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: samples are shown in file order and may repeat.
                  <span key={i} className="column-mapping__sample">
                    {sample}
                  </span>
                ))}
              </>
            ) : (
              <span className="sp-muted">Empty in the first rows of the file.</span>
            )}
          </p>
        ) : null}
        {error ? (
          <p id={errorId} className="sp-field__error">
            <span>{error}</span>
          </p>
        ) : null}
      </div>
    </div>
  );
}
