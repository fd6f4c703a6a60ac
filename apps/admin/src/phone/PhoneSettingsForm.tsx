// One number's IVR settings. Saves every field at once; the server validates and answers with
// field messages (E.164, https links, hours) or a warning (ai-voice without the plan feature).
import { AFTER_HOURS_MODES, type BusinessHours, IVR_MODES } from "@servicepro/telephony/constants";
import {
  Alert,
  apiErrorMessage,
  apiFieldErrors,
  Button,
  CheckboxField,
  SelectField,
  TextAreaField,
  TextField,
} from "@servicepro/ui";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { BusinessHoursEditor } from "./BusinessHoursEditor.tsx";
import { AFTER_HOURS_HELP, IVR_MODE_HELP } from "./ivr-modes.ts";

type PhoneConfig = RouterOutputs["admin"]["phoneNumbers"]["list"]["numbers"][number];

type Draft = {
  label: string;
  messagingServiceSid: string;
  ivrMode: PhoneConfig["ivrMode"];
  forwardTo: string;
  greeting: string;
  businessHours: BusinessHours;
  afterHoursMode: PhoneConfig["afterHoursMode"];
  voicemailEnabled: boolean;
  missedCallTextEnabled: boolean;
  missedCallText: string;
  missedCallTextWindowMinutes: string;
  helpText: string;
  bookingUrl: string;
  address: string;
};

const draftOf = (c: PhoneConfig): Draft => ({
  label: c.label ?? "",
  messagingServiceSid: c.messagingServiceSid ?? "",
  ivrMode: c.ivrMode,
  forwardTo: c.forwardTo ?? "",
  greeting: c.greeting ?? "",
  businessHours: c.businessHours ?? {},
  afterHoursMode: c.afterHoursMode,
  voicemailEnabled: c.voicemailEnabled,
  missedCallTextEnabled: c.missedCallTextEnabled,
  missedCallText: c.missedCallText ?? "",
  missedCallTextWindowMinutes: String(c.missedCallTextWindowMinutes),
  helpText: c.helpText ?? "",
  bookingUrl: c.bookingUrl ?? "",
  address: c.address ?? "",
});

const orNull = (value: string) => (value.trim() ? value.trim() : null);

export function PhoneSettingsForm({ config, aiVoiceIncluded }: { config: PhoneConfig; aiVoiceIncluded: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(config));
  const [saved, setSaved] = useState<PhoneConfig | null>(null);
  const update = useMutation(
    trpc.admin.phoneNumbers.update.mutationOptions({
      onSuccess: (next) => {
        setSaved(next);
        setDraft(draftOf(next));
        void queryClient.invalidateQueries(trpc.admin.phoneNumbers.list.queryFilter({ tenantId: config.tenantId }));
      },
    }),
  );
  const errors = update.isError ? apiFieldErrors(update.error) : {};
  const formError = update.isError && Object.keys(errors).length === 0 ? apiErrorMessage(update.error) : null;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((prev) => ({ ...prev, [key]: value }));
    setSaved(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({
      phoneNumber: config.phoneNumber,
      label: draft.label,
      messagingServiceSid: orNull(draft.messagingServiceSid),
      ivrMode: draft.ivrMode,
      forwardTo: orNull(draft.forwardTo),
      greeting: draft.greeting,
      businessHours: draft.businessHours,
      afterHoursMode: draft.afterHoursMode,
      voicemailEnabled: draft.voicemailEnabled,
      missedCallTextEnabled: draft.missedCallTextEnabled,
      missedCallText: draft.missedCallText,
      missedCallTextWindowMinutes: Number(draft.missedCallTextWindowMinutes),
      helpText: draft.helpText,
      bookingUrl: orNull(draft.bookingUrl),
      address: draft.address,
    });
  };
  const disabled = update.isPending;
  const warnings = (saved ?? config).warnings;

  return (
    <form className="phone-form" onSubmit={submit} aria-label={`Settings for ${config.phoneNumber}`} noValidate>
      <fieldset className="phone-form__modes">
        <legend className="sp-field__label">When someone calls</legend>
        {IVR_MODES.map((mode) => (
          <label key={mode} className="phone-form__mode">
            <input
              type="radio"
              name={`ivr-${config.phoneNumber}`}
              value={mode}
              checked={draft.ivrMode === mode}
              disabled={disabled}
              onChange={() => set("ivrMode", mode)}
            />
            <span>
              <span className="phone-form__mode-title">
                {IVR_MODE_HELP[mode].title}
                {mode === "ai-voice" && !aiVoiceIncluded ? <span className="sp-muted"> (not in this plan)</span> : null}
              </span>
              <span className="sp-field__hint">{IVR_MODE_HELP[mode].description}</span>
            </span>
          </label>
        ))}
        {draft.ivrMode === "ai-voice" && !aiVoiceIncluded ? (
          <Alert tone="warning">Callers will hear the menu until the plan includes the AI receptionist.</Alert>
        ) : null}
      </fieldset>

      <div className="phone-form__grid">
        <TextField
          label="Forward calls to"
          placeholder="+15555550123"
          value={draft.forwardTo}
          onChange={(e) => set("forwardTo", e.target.value)}
          error={errors.forwardTo}
          hint="E.164: a plus, the country code, then the number."
          disabled={disabled}
          inputMode="tel"
        />
        <TextField
          label="Label"
          value={draft.label}
          onChange={(e) => set("label", e.target.value)}
          error={errors.label}
          hint="For you, e.g. “Main line”."
          disabled={disabled}
        />
        <TextField
          label="Messaging Service SID"
          placeholder="MG…"
          value={draft.messagingServiceSid}
          onChange={(e) => set("messagingServiceSid", e.target.value)}
          error={errors.messagingServiceSid}
          hint="Optional: texts sent through this service reach this business."
          disabled={disabled}
        />
        <TextField
          label="Booking link"
          type="url"
          placeholder="https://…"
          value={draft.bookingUrl}
          onChange={(e) => set("bookingUrl", e.target.value)}
          error={errors.bookingUrl}
          hint="Texted for menu option 1 and by the AI receptionist."
          disabled={disabled}
        />
      </div>
      <TextAreaField
        label="Greeting"
        rows={2}
        maxLength={500}
        value={draft.greeting}
        onChange={(e) => set("greeting", e.target.value)}
        error={errors.greeting}
        hint="Spoken first. Leave empty for “Thanks for calling <business name>.”"
        disabled={disabled}
      />
      <BusinessHoursEditor
        value={draft.businessHours}
        onChange={(hours) => set("businessHours", hours)}
        error={errors.businessHours}
        disabled={disabled}
      />
      <div className="phone-form__grid">
        <SelectField
          label="After hours"
          value={draft.afterHoursMode}
          onChange={(e) => set("afterHoursMode", e.target.value as Draft["afterHoursMode"])}
          options={AFTER_HOURS_MODES.map((mode) => ({ value: mode, label: AFTER_HOURS_HELP[mode] }))}
          error={errors.afterHoursMode}
          disabled={disabled}
        />
        <TextField
          label="Address"
          value={draft.address}
          onChange={(e) => set("address", e.target.value)}
          error={errors.address}
          hint="Read out for menu option 3."
          disabled={disabled}
        />
      </div>
      <CheckboxField
        label="Take voicemails"
        hint="Callers who don't reach anyone can leave a message; it appears in the business's calls log."
        checked={draft.voicemailEnabled}
        onChange={(e) => set("voicemailEnabled", e.target.checked)}
        disabled={disabled}
      />
      <CheckboxField
        label="Text callers we missed"
        hint="A forwarded call nobody answers gets a text within seconds (never to numbers that opted out)."
        checked={draft.missedCallTextEnabled}
        onChange={(e) => set("missedCallTextEnabled", e.target.checked)}
        disabled={disabled}
      />
      {draft.missedCallTextEnabled ? (
        <div className="phone-form__grid">
          <TextAreaField
            label="Missed-call text"
            rows={2}
            maxLength={320}
            showCount
            value={draft.missedCallText}
            onChange={(e) => set("missedCallText", e.target.value)}
            error={errors.missedCallText}
            hint="Leave empty for the standard text naming the business."
            disabled={disabled}
          />
          <TextField
            label="At most one text per (minutes)"
            type="number"
            min={5}
            max={10080}
            value={draft.missedCallTextWindowMinutes}
            onChange={(e) => set("missedCallTextWindowMinutes", e.target.value)}
            error={errors.missedCallTextWindowMinutes}
            hint="5 to 10,080 (one week). Repeat callers are not texted again within it."
            disabled={disabled}
          />
        </div>
      ) : null}
      <TextAreaField
        label="Reply to HELP"
        rows={2}
        maxLength={320}
        value={draft.helpText}
        onChange={(e) => set("helpText", e.target.value)}
        error={errors.helpText}
        hint="Sent when a customer texts HELP or INFO. Leave empty for the standard text."
        disabled={disabled}
      />

      {formError ? (
        <Alert tone="error" title="The settings weren't saved">
          {formError}
        </Alert>
      ) : null}
      {saved ? (
        <Alert tone={warnings.length ? "warning" : "success"} title="Settings saved">
          {warnings.length
            ? warnings.join(" ")
            : `${config.phoneNumber} answers with the new settings from the next call.`}
        </Alert>
      ) : null}
      <div className="phone-form__actions">
        <Button type="submit" variant="primary" loading={update.isPending}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
