// The booking form: the API's own input schema (`bookingCreateInput`) drives it, so the page refuses
// what the server refuses. The day is the only value outside the form: it picks which open times show.

import { localDateOf, localDayRange } from "@servicepro/scheduling";
import {
  Alert,
  apiErrorMessage,
  apiSlotRefusal,
  applyServerErrors,
  Button,
  Form,
  FormCheckboxField,
  FormSelectField,
  FormTextAreaField,
  FormTextField,
  SlotRefusalAlert,
  Spinner,
  useZodForm,
} from "@servicepro/ui";
import { type BookingCreateResult, type BookingPage, bookingCreateInput } from "@servicepro/validators";
import { useTRPC } from "@servicepro/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { z } from "zod";
import {
  dayButtonLabel,
  formatCents,
  formatDuration,
  sizeClassLabel,
  timeLabel,
  upcomingDays,
} from "./booking-format.ts";

type BookingValues = z.output<typeof bookingCreateInput>;

/** Days shown at once: two rows of a week. */
const DAYS_SHOWN = 14;

const ASSET_WORDS = {
  vehicle: { size: "Vehicle size", describe: "Your vehicle", hint: "Year, make, model and colour" },
  pet: { size: "Pet size", describe: "Your pet", hint: "Name, breed, and anything we should know" },
  property: { size: "Lawn or property size", describe: "The property", hint: "The address we'll work at" },
} as const;

/**
 * The service a link asked for (`?service=`), when the page offers it for booking online; otherwise
 * nothing is chosen (a service since removed, or one that is quoted on site).
 */
export function preselectedService(page: BookingPage, serviceId: string | undefined) {
  const service = serviceId ? page.services.find((s) => s.id === serviceId) : undefined;
  return service && !service.quoteOnly ? service : undefined;
}

export function BookingForm({
  slug,
  page,
  onBooked,
  initialServiceId,
}: {
  slug: string;
  page: BookingPage;
  onBooked: (result: BookingCreateResult) => void;
  /** Start with this service chosen (a rebook reminder's link); ignored when the page doesn't offer it. */
  initialServiceId?: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { timeZone, name: businessName } = page.business;
  const initial = preselectedService(page, initialServiceId);
  const form = useZodForm(bookingCreateInput, {
    defaultValues: {
      slug,
      serviceId: initial?.id ?? "",
      addOnIds: [],
      startsAt: "",
      name: "",
      phone: "",
      email: "",
      assetDescription: "",
      // As pickService leaves it: a size to choose when the service has sizes.
      sizeClass: initial && initial.sizeClasses.length > 0 ? "" : null,
      smsConsent: false,
      marketingConsent: false,
      notes: "",
    },
  });
  const [firstDay, setFirstDay] = useState(() => localDateOf(Date.now(), timeZone));
  const days = useMemo(
    () => upcomingDays(localDayRange(firstDay, timeZone).start, timeZone, DAYS_SHOWN),
    [firstDay, timeZone],
  );
  const [day, setDay] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ message: string; alternatives: string[] } | null>(null);

  const serviceId = form.watch("serviceId");
  const addOnIds = form.watch("addOnIds") ?? [];
  const sizeClass = form.watch("sizeClass");
  const startsAt = form.watch("startsAt");
  const service = page.services.find((s) => s.id === serviceId);
  const needsSize = (service?.sizeClasses.length ?? 0) > 0;
  const ready = Boolean(service) && (!needsSize || Boolean(sizeClass));

  const range = { from: localDayRange(days[0]!, timeZone).start, to: localDayRange(days.at(-1)!, timeZone).end };
  const availabilityInput = {
    slug,
    serviceId,
    addOnIds,
    sizeClass: needsSize ? sizeClass : null,
    from: range.from.toISOString(),
    to: range.to.toISOString(),
  };
  const availability = useQuery({
    ...trpc.booking.availability.queryOptions(availabilityInput),
    enabled: ready,
  });
  const startsByDay = useMemo(() => {
    const byDay = new Map<string, string[]>();
    for (const start of availability.data?.starts ?? []) {
      const date = localDateOf(new Date(start), timeZone);
      byDay.set(date, [...(byDay.get(date) ?? []), start]);
    }
    return byDay;
  }, [availability.data, timeZone]);

  const create = useMutation(trpc.booking.create.mutationOptions());

  const pickService = (id: string) => {
    const next = page.services.find((s) => s.id === id);
    form.setValue("serviceId", id, { shouldValidate: true });
    // Add-ons and sizes belong to the service: start them afresh, and the time with them.
    form.setValue("addOnIds", []);
    form.setValue("sizeClass", next && next.sizeClasses.length > 0 ? "" : null);
    form.setValue("startsAt", "");
    setProblem(null);
  };
  const pickTime = (iso: string) => {
    form.setValue("startsAt", iso, { shouldValidate: true });
    setDay(localDateOf(new Date(iso), timeZone));
  };

  const book = async (values: BookingValues) => {
    setProblem(null);
    try {
      const result = await create.mutateAsync({ ...values, startsAt: values.startsAt.toISOString() });
      onBooked(result);
    } catch (error) {
      const refusal = apiSlotRefusal(error);
      if (refusal) {
        form.setValue("startsAt", "");
        await queryClient.invalidateQueries({ queryKey: trpc.booking.availability.pathKey() });
        setProblem({ message: apiErrorMessage(error), alternatives: refusal.alternatives });
        return;
      }
      const message = applyServerErrors(form.setError, error, [
        "name",
        "phone",
        "email",
        "notes",
        "assetDescription",
        "sizeClass",
        "addOnIds",
      ]);
      if (message) setProblem({ message, alternatives: [] });
    }
  };

  const errors = form.formState.errors;
  const words = service?.assetKind ? ASSET_WORDS[service.assetKind] : null;
  const dayStarts = day ? (startsByDay.get(day) ?? []) : [];

  return (
    <Form form={form} onSubmit={book} className="book__form" aria-label={`Book with ${businessName}`}>
      <fieldset className="book__section">
        <legend className="book__legend">Service</legend>
        {errors.serviceId ? <p className="book__error">Choose a service.</p> : null}
        <div className="book__choices">
          {page.services.map((s) => (
            <label key={s.id} className={`book__choice${s.quoteOnly ? " book__choice--quote" : ""}`}>
              <input
                type="radio"
                name="serviceId"
                value={s.id}
                checked={serviceId === s.id}
                disabled={s.quoteOnly}
                onChange={() => pickService(s.id)}
              />
              <span className="book__choice-text">
                <span className="book__choice-name">{s.name}</span>
                <span className="sp-muted">
                  {s.quoteOnly
                    ? "We'll quote on site: call or text to book."
                    : `${s.priceLabel} · ${formatDuration(s.durationMinutes)}`}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {service && service.addOns.length > 0 ? (
        <fieldset className="book__section">
          <legend className="book__legend">Add-ons</legend>
          <div className="book__choices">
            {service.addOns.map((a) => (
              <label key={a.id} className="book__choice">
                <input
                  type="checkbox"
                  checked={addOnIds.includes(a.id)}
                  onChange={(event) => {
                    const next = event.target.checked ? [...addOnIds, a.id] : addOnIds.filter((id) => id !== a.id);
                    form.setValue("addOnIds", next);
                    form.setValue("startsAt", "");
                  }}
                />
                <span className="book__choice-text">
                  <span className="book__choice-name">{a.name}</span>
                  <span className="sp-muted">
                    +{a.priceLabel} · {formatDuration(a.durationMinutes)}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}

      {service && words ? (
        <fieldset className="book__section">
          <legend className="book__legend">{words.describe}</legend>
          {needsSize ? (
            <FormSelectField
              name="sizeClass"
              label={words.size}
              options={[
                { value: "", label: "Choose a size" },
                ...service.sizeClasses.map((s) => ({
                  value: s.sizeClass,
                  label:
                    s.priceCents > 0
                      ? `${sizeClassLabel(s.sizeClass)} (+${formatCents(s.priceCents)})`
                      : sizeClassLabel(s.sizeClass),
                })),
              ]}
              onValueChange={() => form.setValue("startsAt", "")}
            />
          ) : null}
          <FormTextField name="assetDescription" label="Describe it" hint={words.hint} />
        </fieldset>
      ) : null}

      <fieldset className="book__section">
        <legend className="book__legend">Day and time</legend>
        {!service ? (
          <p className="sp-muted">Choose a service to see open times.</p>
        ) : !ready ? (
          <p className="sp-muted">Choose a size to see open times.</p>
        ) : (
          <>
            <div className="book__days-nav">
              <Button
                type="button"
                size="sm"
                variant="secondary"
                disabled={firstDay <= localDateOf(Date.now(), timeZone)}
                onClick={() =>
                  setFirstDay(localDateOf(localDayRange(firstDay, timeZone).start.getTime() - 7 * 86_400_000, timeZone))
                }
              >
                Earlier
              </Button>
              <Button type="button" size="sm" variant="secondary" onClick={() => setFirstDay(days[7]!)}>
                Later
              </Button>
            </div>
            <div className="book__days" role="group" aria-label="Days">
              {days.map((date) => {
                const label = dayButtonLabel(date, timeZone);
                const open = (startsByDay.get(date)?.length ?? 0) > 0;
                return (
                  <button
                    key={date}
                    type="button"
                    className="book__day"
                    aria-pressed={day === date}
                    aria-label={`${label.full}${open ? "" : ": nothing open"}`}
                    disabled={!open}
                    onClick={() => setDay(date)}
                  >
                    <span className="book__day-weekday">{label.weekday}</span>
                    <span className="book__day-number">{label.day}</span>
                  </button>
                );
              })}
            </div>
            {availability.isPending ? (
              <Spinner label="Finding open times…" />
            ) : availability.isError ? (
              <Alert tone="error">{apiErrorMessage(availability.error)}</Alert>
            ) : startsByDay.size === 0 ? (
              <p className="sp-muted">Nothing is open on these days. Try later dates.</p>
            ) : !day ? (
              <p className="sp-muted">Choose a day.</p>
            ) : (
              <div className="book__times" role="group" aria-label="Open times">
                {dayStarts.map((iso) => (
                  <button
                    key={iso}
                    type="button"
                    className="book__time"
                    aria-pressed={startsAt === iso}
                    onClick={() => pickTime(iso)}
                  >
                    {timeLabel(iso, timeZone)}
                  </button>
                ))}
              </div>
            )}
          </>
        )}
        {errors.startsAt ? <p className="book__error">Choose a time.</p> : null}
      </fieldset>

      <fieldset className="book__section">
        <legend className="book__legend">Your details</legend>
        <FormTextField name="name" label="Name" autoComplete="name" />
        <FormTextField name="phone" label="Mobile number" type="tel" autoComplete="tel" inputMode="tel" />
        <FormTextField name="email" label="Email (optional)" type="email" autoComplete="email" />
        <FormTextAreaField name="notes" label="Anything we should know? (optional)" rows={3} />
        <FormCheckboxField name="smsConsent" label={page.smsConsentText} />
        {/* A separate box, never ticked for them: offers are their own consent. */}
        <FormCheckboxField name="marketingConsent" label={page.marketingConsentText} />
      </fieldset>

      {problem ? (
        <SlotRefusalAlert
          message={problem.message}
          alternatives={problem.alternatives}
          label={(iso) =>
            `${dayButtonLabel(localDateOf(new Date(iso), timeZone), timeZone).full}, ${timeLabel(iso, timeZone)}`
          }
          onPick={(iso) => {
            pickTime(iso);
            void form.handleSubmit(book)();
          }}
        />
      ) : null}

      <Button type="submit" variant="primary" size="lg" block loading={create.isPending}>
        Book
      </Button>
    </Form>
  );
}
