// Who a campaign goes to: last visit, services had, what's on file, tags, loyalty tier, never
// booked. Every filter narrows; ticking several items of one list matches any of them. The live
// count (from the server, as the filters change) and the consent rule sit under the filters.
import {
  ASSET_KIND_LABELS,
  Button,
  CheckboxField,
  FormCheckboxField,
  FormTextField,
  Spinner,
  TextField,
} from "@servicepro/ui";
import { ASSET_KINDS } from "@servicepro/validators";
import { Link } from "@tanstack/react-router";
import { type ReactNode, useId, useState } from "react";
import { useController, useFormContext } from "react-hook-form";
import { CONSENT_NOTE, count } from "./campaign-format.ts";
import type { CampaignFormValues } from "./campaign-forms.ts";

type Option = { value: string; label: string };
type ListField = "audience.serviceIds" | "audience.assetKinds" | "audience.tiers";

/** Checkboxes bound to one of the audience's lists. */
function CheckboxGroup({
  name,
  legend,
  options,
  empty,
}: {
  name: ListField;
  legend: string;
  options: readonly Option[];
  empty: ReactNode;
}) {
  const { field, fieldState } = useController<CampaignFormValues, ListField>({ name });
  const values = field.value as string[];
  const toggle = (value: string, on: boolean) =>
    field.onChange(on ? [...values, value] : values.filter((item) => item !== value));
  return (
    <fieldset className="campaign-choices">
      <legend className="sp-field__label">{legend}</legend>
      {options.length === 0 ? <p className="sp-field__hint">{empty}</p> : null}
      <div className="campaign-choices__list">
        {options.map((option) => (
          <CheckboxField
            key={option.value}
            label={option.label}
            checked={values.includes(option.value)}
            onChange={(event) => toggle(option.value, event.target.checked)}
            onBlur={field.onBlur}
          />
        ))}
      </div>
      {fieldState.error ? <p className="sp-field__error">{fieldState.error.message}</p> : null}
    </fieldset>
  );
}

/** Tags typed one at a time (Enter or "Add tag"), shown as removable chips. */
function TagChips() {
  const { field, fieldState } = useController<CampaignFormValues, "audience.tags">({ name: "audience.tags" });
  const [typed, setTyped] = useState("");
  const listId = useId();
  const add = () => {
    const tag = typed.trim();
    if (tag && !field.value.some((t) => t.toLowerCase() === tag.toLowerCase())) field.onChange([...field.value, tag]);
    setTyped("");
  };
  // A message about one tag ("audience.tags.2") is shown for the list.
  const error = fieldState.error?.message ?? Object.values(fieldState.error ?? {}).find(isMessage)?.message;
  return (
    <div className="campaign-tags">
      <div className="campaign-tags__entry">
        <TextField
          label="Tags"
          hint="Customers with any of these tags (as on the customer's page)."
          value={typed}
          maxLength={40}
          error={error}
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              add();
            }
          }}
        />
        <Button size="sm" onClick={add} disabled={typed.trim() === "" || field.value.length >= 20}>
          Add tag
        </Button>
      </div>
      {field.value.length ? (
        <ul className="campaign-chips" aria-label="Tags in the audience" id={listId}>
          {field.value.map((tag) => (
            <li key={tag} className="campaign-chip">
              <span>{tag}</span>
              <button
                type="button"
                className="campaign-chip__remove"
                aria-label={`Remove tag ${tag}`}
                onClick={() => field.onChange(field.value.filter((t) => t !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const isMessage = (value: unknown): value is { message: string } =>
  typeof value === "object" && value !== null && typeof (value as { message?: unknown }).message === "string";

export type AudienceCount = {
  /** The latest count, or undefined before the first answer (not shown while there is a problem). */
  value: number | undefined;
  /** A newer count is on its way (the shown one may be stale). */
  updating: boolean;
  /** The count couldn't be had (the filters as typed are invalid, or the call failed). */
  problem: string | null;
};

export function AudienceBuilder({
  services,
  tiers,
  audienceCount,
  notice,
}: {
  services: readonly Option[] | undefined;
  /** The loyalty programme's tier names; undefined while loading. */
  tiers: readonly string[] | undefined;
  audienceCount: AudienceCount;
  /** The server's word that the audience is empty (from a send), shown by the count. */
  notice: string | null;
}) {
  const { formState } = useFormContext<CampaignFormValues>();
  return (
    <div className="sp-stack campaign-audience">
      <div className="campaign-audience__grid">
        <FormTextField
          label="Last visit more than (days ago)"
          name="audience.lastVisitMoreThanDays"
          inputMode="numeric"
          hint="e.g. 60 for customers who haven't been back in two months."
        />
        <FormTextField
          label="Last visit within (days)"
          name="audience.lastVisitWithinDays"
          inputMode="numeric"
          hint="e.g. 30 for recent customers."
        />
      </div>
      <CheckboxGroup
        name="audience.serviceIds"
        legend="Had any of these services"
        options={services ?? []}
        empty={services ? "No services in your catalog yet." : "Loading your services…"}
      />
      <CheckboxGroup
        name="audience.assetKinds"
        legend="Have on file"
        options={ASSET_KINDS.map((kind) => ({ value: kind, label: ASSET_KIND_LABELS[kind] }))}
        empty={null}
      />
      <TagChips />
      <CheckboxGroup
        name="audience.tiers"
        legend="Loyalty tier"
        options={(tiers ?? []).map((tier) => ({ value: tier, label: tier }))}
        empty={
          tiers ? (
            <>
              No loyalty tiers. <Link to="/loyalty">Set them up</Link> to reach your best customers.
            </>
          ) : (
            "Loading your tiers…"
          )
        }
      />
      <FormCheckboxField
        name="audience.neverBooked"
        label="Never booked"
        hint="People who texted or called but never had an appointment."
      />
      <div className="campaign-count" aria-live="polite">
        <p className="campaign-count__figure">
          {audienceCount.problem ? null : audienceCount.value === undefined ? (
            <Spinner size="sm" label="Counting the audience…" showLabel />
          ) : (
            <>
              <strong>{count(audienceCount.value)}</strong>{" "}
              {audienceCount.value === 1 ? "customer matches" : "customers match"}
              {audienceCount.updating ? <span className="sp-muted"> (updating…)</span> : null}
            </>
          )}
        </p>
        {audienceCount.problem ? <p className="sp-field__error">{audienceCount.problem}</p> : null}
        {notice ? (
          <p className="sp-field__error" role="alert">
            {notice}
          </p>
        ) : null}
        {formState.errors.audience?.root?.message ? (
          <p className="sp-field__error">{formState.errors.audience.root.message}</p>
        ) : null}
        <p className="sp-field__hint">{CONSENT_NOTE}</p>
      </div>
    </div>
  );
}
