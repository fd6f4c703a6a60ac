// How the business takes bookings: opening hours and closed dates (also what the phone line and AI
// receptionist go by), the start-time grid, notice, window, buffer and capacity, deposit and
// cancellation policy, reminder times and quiet hours. Staff see them; admins change them.
import {
  Alert,
  applyServerErrors,
  Button,
  Card,
  Form,
  FormCheckboxField,
  FormTextField,
  LoadErrorAlert,
  PageHeader,
  Spinner,
  TextField,
  useZodForm,
} from "@servicepro/ui";
import { type RouterOutputs, type SignedInContext, useTRPC } from "@servicepro/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Controller, useFieldArray } from "react-hook-form";
import { bookingSettingsFormSchema, formValuesOf, SETTINGS_FIELD } from "./booking-forms.ts";
import { HoursEditor } from "./HoursEditor.tsx";
import "./booking.css";

type Settings = RouterOutputs["tenant"]["booking"]["settings"];

export function BookingSettingsPage({ context }: { context: SignedInContext }) {
  const trpc = useTRPC();
  const settings = useQuery(trpc.tenant.booking.settings.queryOptions());
  const isAdmin = context.role === "tenant_admin" || context.role === "platform_owner";
  return (
    <div className="sp-stack">
      <title>Booking settings · ServicePro</title>
      <PageHeader
        eyebrow="Booking settings"
        title="How customers book you"
        description={
          isAdmin
            ? "Your hours, when people can book, your policies and the texts customers get before a visit."
            : "Your business's hours and booking policies. Your admins can change them."
        }
      />
      {settings.isPending ? (
        <Spinner label="Loading your booking settings…" />
      ) : settings.isError ? (
        <LoadErrorAlert title="Your booking settings couldn't load" error={settings.error} />
      ) : (
        <SettingsForm settings={settings.data} disabled={!isAdmin} />
      )}
    </div>
  );
}

function SettingsForm({ settings, disabled }: { settings: Settings; disabled: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(bookingSettingsFormSchema, { defaultValues: formValuesOf(settings) });
  const closedDates = useFieldArray({ control: form.control, name: "closedDates" });
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation(
    trpc.tenant.booking.updateSettings.mutationOptions({
      onSuccess: async (stored) => {
        // The form shows what was stored (earliest reminder first, dates in order), not what was typed.
        queryClient.setQueryData(trpc.tenant.booking.settings.queryKey(), stored);
        form.reset(formValuesOf(stored));
        setSaved(stored.updatedAt);
      },
      onError: (error) =>
        setFormError(
          applyServerErrors(
            form.setError,
            error,
            Object.keys(form.getValues()) as never,
            (path) => (SETTINGS_FIELD[path] ?? path.split(".")[0]) as never,
          ),
        ),
    }),
  );
  return (
    <Form
      form={form}
      className="sp-stack"
      onSubmit={(fields) => {
        setFormError(null);
        setSaved(null);
        save.mutate(fields);
      }}
    >
      <Card title="Opening hours" description={`Times are in your business's time zone, ${settings.timeZone}.`}>
        <Controller
          control={form.control}
          name="hours"
          render={({ field, fieldState }) => (
            <HoursEditor
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
              disabled={disabled}
            />
          )}
        />
      </Card>
      <Card title="Closed dates" description="Holidays and days off: closed all day, for bookings and calls alike.">
        <div className="sp-stack">
          {closedDates.fields.length === 0 ? <p className="sp-muted">No closed dates.</p> : null}
          {closedDates.fields.map((item, index) => (
            <div key={item.id} className="booking-closed__row">
              <Controller
                control={form.control}
                name={`closedDates.${index}.date`}
                render={({ field, fieldState }) => (
                  <TextField
                    label="Date"
                    type="date"
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    error={fieldState.error?.message}
                    disabled={disabled}
                  />
                )}
              />
              <FormTextField label="Reason" name={`closedDates.${index}.reason`} maxLength={80} disabled={disabled} />
              <Button variant="ghost" size="sm" disabled={disabled} onClick={() => closedDates.remove(index)}>
                Remove
              </Button>
            </div>
          ))}
          <div>
            <Button
              variant="secondary"
              size="sm"
              disabled={disabled}
              onClick={() => closedDates.append({ date: "", reason: "" })}
            >
              Add a closed date
            </Button>
          </div>
        </div>
      </Card>
      <Card title="When people can book">
        <div className="booking-grid">
          <FormTextField
            label="Start times every (minutes)"
            name="slotIntervalMinutes"
            inputMode="numeric"
            hint="15, 30 or 60 are common."
            disabled={disabled}
          />
          <FormTextField
            label="Notice you need (minutes)"
            name="leadTimeMinutes"
            inputMode="numeric"
            hint="The earliest booking is this long from now."
            disabled={disabled}
          />
          <FormTextField
            label="Book up to (days ahead)"
            name="bookingWindowDays"
            inputMode="numeric"
            disabled={disabled}
          />
          <FormTextField
            label="Break after each job (minutes)"
            name="bufferMinutes"
            inputMode="numeric"
            hint="Travel or clean-up time."
            disabled={disabled}
          />
          <FormTextField
            label="Jobs at once"
            name="maxConcurrent"
            inputMode="numeric"
            hint="Empty: as many as your team and resources."
            disabled={disabled}
          />
        </div>
        <FormCheckboxField
          name="onlineBookingEnabled"
          label="Take bookings online"
          hint="Your booking page shows open times and takes bookings."
          disabled={disabled}
        />
      </Card>
      <Card title="Deposit and cancellations">
        <div className="booking-grid">
          <FormTextField label="Deposit ($)" name="deposit" inputMode="decimal" disabled={disabled} />
          <FormTextField
            label="Cancellation window (hours)"
            name="cancellationWindowHours"
            inputMode="numeric"
            hint="Cancelling later than this before the start costs the fee."
            disabled={disabled}
          />
          <FormTextField
            label="Late cancellation fee ($)"
            name="cancellationFee"
            inputMode="decimal"
            disabled={disabled}
          />
        </div>
        <FormCheckboxField
          name="lateChangesOnline"
          label="Let customers move or cancel late in their portal"
          hint="Inside the window they see the fee and confirm it; unticked, they're asked to call you."
          disabled={disabled}
        />
      </Card>
      <Card
        title="Reminders"
        description="Customers get a confirmation when they book, and reminders before the visit: “Reply C to confirm, R to reschedule”."
      >
        <div className="booking-grid">
          <FormTextField
            label="Remind (hours before)"
            name="reminderHours"
            hint="Up to 4, separated by commas, e.g. 24, 2."
            disabled={disabled}
          />
          <FormTextField label="Quiet hours from" name="quietHoursStart" type="time" disabled={disabled} />
          <FormTextField
            label="Quiet hours until"
            name="quietHoursEnd"
            type="time"
            hint="No reminder texts in between; one due then goes out when they end."
            disabled={disabled}
          />
        </div>
      </Card>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {saved ? <Alert tone="success">Saved.</Alert> : null}
      {disabled ? null : (
        <div>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save booking settings"}
          </Button>
        </div>
      )}
    </Form>
  );
}
