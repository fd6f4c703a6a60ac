// Step 5: a phone number from the platform's supply (Twilio's inventory, or the configured pool
// without Twilio), or none for now; and how it answers, defaulting to the pack's mode.
import { TIER_FEATURES } from "@servicepro/features";
import { IVR_MODE_LABELS, IVR_MODES, type IvrMode } from "@servicepro/telephony/constants";
import {
  Alert,
  apiFieldErrors,
  Button,
  Form,
  FormTextField,
  LoadErrorAlert,
  SelectField,
  Spinner,
  useZodForm,
} from "@servicepro/ui";
import { useTRPC } from "@servicepro/web";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { IVR_MODE_HELP } from "../phone/ivr-modes.ts";
import type { StepProps } from "./step-props.ts";

/** The search box: digits only (the server's rule for area codes checks the rest). */
const searchSchema = z.object({ areaCode: z.string().transform((value) => value.replace(/\D/g, "")) });

const AI_VOICE_WARNING =
  "This plan does not include the AI receptionist: callers will hear the menu until the plan is upgraded.";

export function PhoneStep({ values, set, errors }: StepProps) {
  const trpc = useTRPC();
  const searchForm = useZodForm(searchSchema, { defaultValues: { areaCode: "" } });
  const [search, setSearch] = useState<{ areaCode?: string }>({});
  const numbers = useQuery(trpc.admin.concierge.searchNumbers.queryOptions(search));
  const pack = useQuery({
    ...trpc.admin.packs.get.queryOptions({ id: values.packId ?? "" }),
    enabled: Boolean(values.packId),
  });
  const packMode = pack.data?.ivr.mode as IvrMode | undefined;
  const mode = values.ivrMode ?? packMode ?? "menu";
  const aiVoice = TIER_FEATURES[values.planTier].aiVoiceAgent;

  const submit = ({ areaCode }: { areaCode: string }) => setSearch(areaCode ? { areaCode } : {});

  // Keep the chosen number listed even when a later search does not return it.
  const found = numbers.data?.numbers ?? [];
  // A malformed area code is the owner's to fix, next to the field; anything else is a failed search.
  const areaCodeError = numbers.isError ? apiFieldErrors(numbers.error).areaCode : undefined;
  const listed =
    values.phoneNumber && !found.some((n) => n.phoneNumber === values.phoneNumber)
      ? [{ phoneNumber: values.phoneNumber, locality: null, region: null }, ...found]
      : found;

  return (
    <div className="wizard-fields">
      <Form
        form={searchForm}
        onSubmit={submit}
        className="wizard-search"
        role="search"
        aria-label="Search for a phone number"
      >
        <FormTextField
          label="Area code"
          name="areaCode"
          inputMode="numeric"
          maxLength={3}
          placeholder="e.g. 512"
          error={areaCodeError}
        />
        <Button type="submit" loading={numbers.isFetching}>
          Search numbers
        </Button>
      </Form>

      <fieldset className="wizard-numbers" aria-describedby={errors.phoneNumber ? "wizard-number-error" : undefined}>
        <legend className="sp-field__label">Number</legend>
        {numbers.data ? (
          <p className="sp-field__hint">
            {numbers.data.source === "twilio"
              ? "From Twilio's inventory: bought once the business is created."
              : "From the platform's pool of numbers (Twilio is not configured)."}
          </p>
        ) : null}
        {errors.phoneNumber ? (
          <p id="wizard-number-error" className="sp-field__error" role="alert">
            {errors.phoneNumber}
          </p>
        ) : null}
        {numbers.isPending ? (
          <Spinner label="Looking for numbers…" showLabel />
        ) : numbers.isError && !areaCodeError ? (
          <LoadErrorAlert
            title="Numbers couldn't be searched"
            error={numbers.error}
            onRetry={() => void numbers.refetch()}
            retrying={numbers.isFetching}
          />
        ) : listed.length === 0 && !areaCodeError ? (
          <p className="sp-muted">
            {search.areaCode
              ? `No numbers available in area code ${search.areaCode}. Try another, or continue without a number.`
              : "No numbers are available right now. Continue without one and assign it later from Phone numbers & IVR."}
          </p>
        ) : null}
        {listed.map((n) => (
          <label key={n.phoneNumber} className="wizard-option">
            <input
              type="radio"
              name="phoneNumber"
              value={n.phoneNumber}
              checked={values.phoneNumber === n.phoneNumber}
              onChange={() => set({ phoneNumber: n.phoneNumber })}
            />
            <span className="sp-mono">{n.phoneNumber}</span>
            {n.locality || n.region ? (
              <span className="sp-muted">{[n.locality, n.region].filter(Boolean).join(", ")}</span>
            ) : null}
          </label>
        ))}
        <label className="wizard-option">
          <input
            type="radio"
            name="phoneNumber"
            value=""
            checked={values.phoneNumber === null}
            onChange={() => set({ phoneNumber: null })}
          />
          <span>No number yet</span>
          <span className="sp-muted">Assign one later from Phone numbers & IVR.</span>
        </label>
      </fieldset>

      {values.phoneNumber ? (
        <>
          <SelectField
            label="How the number answers"
            value={mode}
            onChange={(e) => set({ ivrMode: e.target.value as IvrMode })}
            options={IVR_MODES.map((m) => ({
              value: m,
              label: `${IVR_MODE_LABELS[m]}${m === packMode ? " (the pack's choice)" : ""}`,
            }))}
            hint={IVR_MODE_HELP[mode].description}
            error={errors.ivrMode}
          />
          {mode === "ai-voice" && !aiVoice ? <Alert tone="warning">{AI_VOICE_WARNING}</Alert> : null}
        </>
      ) : null}
    </div>
  );
}
