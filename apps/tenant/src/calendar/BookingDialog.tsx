// Booking from the calendar: a customer (searched by name, phone or email), a service and its
// add-ons, a day and time, and who does it. The form is the API's own input schema
// (`createAppointmentInput`); a time the schedule refuses shows the reason and the nearest times.
import {
  apiErrorMessage,
  apiSlotRefusal,
  applyServerErrors,
  Button,
  Dialog,
  Form,
  FormSelectField,
  FormTextAreaField,
  SelectField,
  SlotRefusalAlert,
  TextField,
  useZodForm,
} from "@servicepro/ui";
import { createAppointmentInput } from "@servicepro/validators";
import { useTRPC } from "@servicepro/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import type { CalendarBookable } from "./calendar-api.ts";
import { dateTimeText, instantAt, localDateOf, wallMinutesOf } from "./calendar-time.ts";
import { minutesLabel, QUARTER_HOURS } from "./RescheduleDialog.tsx";

export type BookingDraft = { date: string; startsAt: Date | null; bookableId: string | null };

export function BookingDialog({
  draft,
  timeZone,
  team,
  onClose,
}: {
  draft: BookingDraft;
  timeZone: string;
  team: CalendarBookable[];
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [date, setDate] = useState(draft.startsAt ? localDateOf(draft.startsAt, timeZone) : draft.date);
  const [minutes, setMinutes] = useState(draft.startsAt ? wallMinutesOf(draft.startsAt, timeZone) : 9 * 60);
  const [problem, setProblem] = useState<{ message: string; alternatives: string[] } | null>(null);
  const customers = useQuery({
    ...trpc.tenant.customers.list.queryOptions({ search: search.trim() || undefined, limit: 10 }),
    placeholderData: (previous) => previous,
  });
  const services = useQuery(trpc.tenant.catalog.services.queryOptions());
  const addOns = useQuery(trpc.tenant.catalog.addOns.queryOptions());
  const create = useMutation(trpc.tenant.appointments.create.mutationOptions());

  const form = useZodForm(createAppointmentInput, {
    defaultValues: {
      customerId: "",
      serviceId: "",
      addOnIds: [],
      startsAt: (draft.startsAt ?? instantAt(draft.date, 9 * 60, timeZone)).toISOString(),
      bookableId: draft.bookableId ?? null,
      customerNotes: "",
    },
  });
  const serviceId = form.watch("serviceId");
  const chosenAddOns = form.watch("addOnIds") ?? [];
  const offered = (addOns.data ?? []).filter(
    (a) => a.active && (a.serviceIds.length === 0 || a.serviceIds.includes(serviceId)),
  );
  const setTime = (nextDate: string, nextMinutes: number) => {
    setDate(nextDate);
    setMinutes(nextMinutes);
    form.setValue("startsAt", instantAt(nextDate, nextMinutes, timeZone).toISOString(), { shouldValidate: true });
  };

  const book = async (values: z.output<typeof createAppointmentInput>) => {
    setProblem(null);
    try {
      await create.mutateAsync({ ...values, startsAt: values.startsAt.toISOString(), endsAt: undefined });
      await queryClient.invalidateQueries({ queryKey: trpc.tenant.appointments.pathKey() });
      onClose();
    } catch (error) {
      const refusal = apiSlotRefusal(error);
      if (refusal) {
        setProblem({ message: apiErrorMessage(error), alternatives: refusal.alternatives });
        return;
      }
      const message = applyServerErrors(form.setError, error, [
        "customerId",
        "serviceId",
        "bookableId",
        "customerNotes",
      ]);
      if (message) setProblem({ message, alternatives: [] });
    }
  };

  const customerOptions = (customers.data?.items ?? []).map((c) => ({
    value: c.id,
    label: `${c.name ?? c.phone}${c.name ? ` · ${c.phone}` : ""}`,
  }));
  return (
    <Dialog
      open
      onClose={onClose}
      title="Book a job"
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form="cal-booking-form" loading={create.isPending}>
            Book
          </Button>
        </>
      }
    >
      <Form form={form} onSubmit={book} className="cal-form" aria-label="Book a job" id="cal-booking-form">
        <TextField
          label="Find a customer"
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          hint="Name, phone or email"
        />
        <FormSelectField
          name="customerId"
          label="Customer"
          options={[{ value: "", label: customers.isPending ? "Searching…" : "Choose a customer" }, ...customerOptions]}
        />
        <FormSelectField
          name="serviceId"
          label="Service"
          options={[
            { value: "", label: "Choose a service" },
            ...(services.data ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
        {offered.length > 0 ? (
          <fieldset className="cal-form__group">
            <legend>Add-ons</legend>
            {offered.map((a) => (
              <label key={a.id} className="cal-form__check">
                <input
                  type="checkbox"
                  checked={chosenAddOns.includes(a.id)}
                  onChange={(event) =>
                    form.setValue(
                      "addOnIds",
                      event.target.checked ? [...chosenAddOns, a.id] : chosenAddOns.filter((id) => id !== a.id),
                    )
                  }
                />
                {a.name}
              </label>
            ))}
          </fieldset>
        ) : null}
        <TextField label="Day" type="date" value={date} onChange={(event) => setTime(event.target.value, minutes)} />
        <SelectField
          label="Time"
          value={String(minutes)}
          onChange={(event) => setTime(date, Number(event.target.value))}
          options={QUARTER_HOURS.map((m) => ({ value: String(m), label: minutesLabel(m) }))}
        />
        <SelectField
          label="Who"
          value={form.watch("bookableId") ?? ""}
          onChange={(event) => form.setValue("bookableId", event.target.value || null)}
          options={[{ value: "", label: "Whoever is free" }, ...team.map((b) => ({ value: b.id, label: b.name }))]}
        />
        <FormTextAreaField name="customerNotes" label="Notes (optional)" rows={2} />
        {problem ? (
          <SlotRefusalAlert
            message={problem.message}
            alternatives={problem.alternatives}
            label={(iso) => dateTimeText(iso, timeZone)}
            onPick={(iso) => setTime(localDateOf(new Date(iso), timeZone), wallMinutesOf(iso, timeZone))}
          />
        ) : null}
      </Form>
    </Dialog>
  );
}
