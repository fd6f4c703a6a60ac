// One number's IVR settings. Saves every field at once; the fields are checked with the shared
// schemas first (a forwarding number in any spelling, text lengths), and the server answers with
// field messages (https links, Messaging Service SIDs) or a warning (ai-voice without the
// plan feature).
import { AFTER_HOURS_MODES, IVR_MODES } from "@servicepro/telephony/constants";
import {
  Alert,
  applyServerErrors,
  Button,
  Form,
  FormCheckboxField,
  FormSelectField,
  FormTextAreaField,
  FormTextField,
  useZodForm,
} from "@servicepro/ui";
import { formatPhone, optionalTextSchema, phoneSchema } from "@servicepro/validators";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { AFTER_HOURS_HELP, IVR_MODE_HELP } from "./ivr-modes.ts";

type PhoneConfig = RouterOutputs["admin"]["phoneNumbers"]["list"]["numbers"][number];

const orNull = (value: string) => (value.trim() ? value.trim() : null);

const phoneSettingsSchema = z.object({
  label: optionalTextSchema("the label", { max: 80 }),
  messagingServiceSid: z.string().transform(orNull),
  ivrMode: z.enum(IVR_MODES),
  /** Empty: calls are not forwarded. Any spelling a person types, sent as E.164. */
  forwardTo: z
    .string()
    .transform((value) => (value.trim() === "" ? null : value))
    .pipe(phoneSchema("the forwarding number").nullable()),
  greeting: optionalTextSchema("the greeting", { max: 500 }),
  afterHoursMode: z.enum(AFTER_HOURS_MODES),
  voicemailEnabled: z.boolean(),
  missedCallTextEnabled: z.boolean(),
  missedCallText: optionalTextSchema("the missed-call text", { max: 320 }),
  missedCallTextWindowMinutes: z
    .string()
    .transform((text) => (text.trim() === "" ? Number.NaN : Number(text)))
    .pipe(
      z
        .number({ error: "Enter the minutes between two missed-call texts, e.g. 60." })
        .int("Enter whole minutes.")
        .min(5, "Send at most one missed-call text every 5 minutes or more.")
        .max(10_080, "Use at most 10,080 minutes (one week)."),
    ),
  helpText: optionalTextSchema("the reply to HELP", { max: 320 }),
  advancedOptOut: z.boolean(),
  bookingUrl: z.string().transform(orNull),
  address: optionalTextSchema("the address", { max: 200 }),
});

const FIELDS = Object.keys(phoneSettingsSchema.shape) as (keyof typeof phoneSettingsSchema.shape)[];

const valuesOf = (c: PhoneConfig) => ({
  label: c.label ?? "",
  messagingServiceSid: c.messagingServiceSid ?? "",
  ivrMode: c.ivrMode,
  forwardTo: c.forwardTo ? formatPhone(c.forwardTo) : "",
  greeting: c.greeting ?? "",
  afterHoursMode: c.afterHoursMode,
  voicemailEnabled: c.voicemailEnabled,
  missedCallTextEnabled: c.missedCallTextEnabled,
  missedCallText: c.missedCallText ?? "",
  missedCallTextWindowMinutes: String(c.missedCallTextWindowMinutes),
  helpText: c.helpText ?? "",
  advancedOptOut: c.advancedOptOut,
  bookingUrl: c.bookingUrl ?? "",
  address: c.address ?? "",
});

export function PhoneSettingsForm({ config, aiVoiceIncluded }: { config: PhoneConfig; aiVoiceIncluded: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(phoneSettingsSchema, { defaultValues: valuesOf(config) });
  const [saved, setSaved] = useState<PhoneConfig | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const update = useMutation(
    trpc.admin.phoneNumbers.update.mutationOptions({
      onSuccess: (next) => {
        setSaved(next);
        form.reset(valuesOf(next));
        void queryClient.invalidateQueries(trpc.admin.phoneNumbers.list.queryFilter({ tenantId: config.tenantId }));
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, FIELDS)),
    }),
  );
  const [ivrMode, missedCallTextEnabled] = form.watch(["ivrMode", "missedCallTextEnabled"]);

  const submit = (values: z.output<typeof phoneSettingsSchema>) => {
    setSaved(null);
    setFormError(null);
    update.mutate({
      phoneNumber: config.phoneNumber,
      ...values,
      // The API takes "" for "none" on these texts, as the form sends them.
      label: values.label ?? "",
      greeting: values.greeting ?? "",
      missedCallText: values.missedCallText ?? "",
      helpText: values.helpText ?? "",
      address: values.address ?? "",
    });
  };
  const disabled = update.isPending;
  const warnings = (saved ?? config).warnings;

  return (
    <Form form={form} className="phone-form" onSubmit={submit} aria-label={`Settings for ${config.phoneNumber}`}>
      <fieldset className="phone-form__modes">
        <legend className="sp-field__label">When someone calls</legend>
        {IVR_MODES.map((mode) => (
          <label key={mode} className="phone-form__mode">
            <input
              type="radio"
              name={`ivr-${config.phoneNumber}`}
              value={mode}
              checked={ivrMode === mode}
              disabled={disabled}
              onChange={() => form.setValue("ivrMode", mode, { shouldDirty: true })}
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
        {ivrMode === "ai-voice" && !aiVoiceIncluded ? (
          <Alert tone="warning">Callers will hear the menu until the plan includes the AI receptionist.</Alert>
        ) : null}
      </fieldset>

      <div className="phone-form__grid">
        <FormTextField
          name="forwardTo"
          label="Forward calls to"
          placeholder="(555) 555-0123"
          hint="As you would dial it: (555) 555-0123, or +44 20 7946 0958 outside North America."
          disabled={disabled}
          inputMode="tel"
        />
        <FormTextField name="label" label="Label" hint="For you, e.g. “Main line”." disabled={disabled} />
        <FormTextField
          name="messagingServiceSid"
          label="Messaging Service SID"
          placeholder="MG…"
          hint="Optional: texts sent through this service reach this business."
          disabled={disabled}
        />
        <FormTextField
          name="bookingUrl"
          label="Booking link"
          type="url"
          placeholder="https://…"
          hint="Texted for menu option 1 and by the AI receptionist."
          disabled={disabled}
        />
      </div>
      <FormTextAreaField
        name="greeting"
        label="Greeting"
        rows={2}
        maxLength={500}
        hint="Spoken first. Leave empty for “Thanks for calling <business name>.”"
        disabled={disabled}
      />
      <div className="phone-form__grid">
        <FormSelectField
          name="afterHoursMode"
          label="After hours"
          options={AFTER_HOURS_MODES.map((mode) => ({ value: mode, label: AFTER_HOURS_HELP[mode] }))}
          hint="Outside the business's opening hours, which the business sets in its Booking settings."
          disabled={disabled}
        />
        <FormTextField name="address" label="Address" hint="Read out for menu option 3." disabled={disabled} />
      </div>
      <FormCheckboxField
        name="voicemailEnabled"
        label="Take voicemails"
        hint="Callers who don't reach anyone can leave a message; it appears in the business's calls log."
        disabled={disabled}
      />
      <FormCheckboxField
        name="missedCallTextEnabled"
        label="Text callers we missed"
        hint="A forwarded call nobody answers gets a text within seconds (never to numbers that opted out)."
        disabled={disabled}
      />
      {missedCallTextEnabled ? (
        <div className="phone-form__grid">
          <FormTextAreaField
            name="missedCallText"
            label="Missed-call text"
            rows={2}
            maxLength={320}
            showCount
            hint="Leave empty for the standard text naming the business."
            disabled={disabled}
          />
          <FormTextField
            name="missedCallTextWindowMinutes"
            label="At most one text per (minutes)"
            type="number"
            min={5}
            max={10080}
            hint="5 to 10,080 (one week). Repeat callers are not texted again within it."
            disabled={disabled}
          />
        </div>
      ) : null}
      <FormTextAreaField
        name="helpText"
        label="Reply to HELP"
        rows={2}
        maxLength={320}
        hint="Sent when a customer texts HELP or INFO. Leave empty for the standard text."
        disabled={disabled}
      />
      <FormCheckboxField
        name="advancedOptOut"
        label="Twilio's Advanced Opt-Out is on for this number"
        hint="Tick only once it is on in Twilio (Messaging Service → Opt-Out Management): Twilio then answers HELP and the opt-out keywords itself, and we send no second reply."
        disabled={disabled}
      />

      {formError ? (
        <Alert tone="error" title="The settings weren't saved">
          {formError}
        </Alert>
      ) : null}
      {/* Said only of what was saved: an edit since then hides it. */}
      {saved && !form.formState.isDirty ? (
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
    </Form>
  );
}
