// Who and what can be booked: staff (every member of the business), crew without a sign-in and
// resources (a bay, a van); each works the business's hours or its own, and can take time off.
// Staff see the team; admins change it.
import { createBookableInput, formatLocal } from "@servicepro/scheduling";
import {
  Alert,
  apiErrorMessage,
  applyServerErrors,
  Badge,
  Button,
  Card,
  CheckboxField,
  Dialog,
  Form,
  FormCheckboxField,
  FormSelectField,
  FormTextField,
  LoadErrorAlert,
  PageHeader,
  Spinner,
  useZodForm,
} from "@servicepro/ui";
import { type RouterOutputs, type SignedInContext, useTRPC } from "@servicepro/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Controller } from "react-hook-form";
import { useBusinessTimeZone } from "../calendar/calendar-api.ts";
import { bookableHoursFormSchema, timeOffFormSchema } from "./booking-forms.ts";
import { HoursEditor } from "./HoursEditor.tsx";
import "./booking.css";

type Bookable = RouterOutputs["tenant"]["team"]["list"][number];

const KIND_LABELS: Record<Bookable["kind"], string> = { staff: "Staff", crew: "Crew", resource: "Resource" };

const addSchema = createBookableInput.pick({ kind: true, name: true });

export function TeamPage({ context }: { context: SignedInContext }) {
  const trpc = useTRPC();
  const team = useQuery(trpc.tenant.team.list.queryOptions());
  const zone = useBusinessTimeZone();
  const isAdmin = context.role === "tenant_admin" || context.role === "platform_owner";
  return (
    <div className="sp-stack">
      <title>Team · ServicePro</title>
      <PageHeader
        eyebrow="Team"
        title="Who and what can be booked"
        description="Everyone on your account can be booked. Add crew who don't sign in, and resources such as a bay or a van."
      />
      {team.isPending || zone.isPending ? (
        <Spinner label="Loading your team…" />
      ) : team.isError || zone.isError ? (
        <LoadErrorAlert title="Your team couldn't load" error={team.error ?? zone.error} />
      ) : (
        <Card title="Your team" description={`Times are in your business's time zone, ${zone.data}.`}>
          {team.data.map((bookable) => (
            <TeamItem key={bookable.id} bookable={bookable} isAdmin={isAdmin} timeZone={zone.data} />
          ))}
        </Card>
      )}
      {isAdmin ? <AddBookable /> : null}
    </div>
  );
}

function useRefreshTeam() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.tenant.team.list.queryKey() });
}

function AddBookable() {
  const trpc = useTRPC();
  const refresh = useRefreshTeam();
  const form = useZodForm(addSchema, { defaultValues: { kind: "crew", name: "" } });
  const [formError, setFormError] = useState<string | null>(null);
  const create = useMutation(
    trpc.tenant.team.create.mutationOptions({
      onSuccess: async () => {
        form.reset({ kind: "crew", name: "" });
        await refresh();
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, ["kind", "name"])),
    }),
  );
  return (
    <Card title="Add crew or a resource">
      <Form
        form={form}
        className="sp-stack"
        onSubmit={(fields) => {
          setFormError(null);
          create.mutate(fields);
        }}
      >
        <div className="booking-grid">
          <FormSelectField
            label="Kind"
            name="kind"
            options={[
              { value: "crew", label: "Crew (no sign-in)" },
              { value: "resource", label: "Resource (bay, van…)" },
            ]}
          />
          <FormTextField label="Name" name="name" maxLength={80} required />
        </div>
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <div>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Adding…" : "Add"}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

function TeamItem({ bookable, isAdmin, timeZone }: { bookable: Bookable; isAdmin: boolean; timeZone: string }) {
  const dateText = (iso: string) => formatLocal(new Date(iso), timeZone, "dateTime");
  const trpc = useTRPC();
  const refresh = useRefreshTeam();
  const [editingHours, setEditingHours] = useState(false);
  const [addingTimeOff, setAddingTimeOff] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onError = (e: unknown) => setError(apiErrorMessage(e));
  const update = useMutation(trpc.tenant.team.update.mutationOptions({ onSuccess: refresh, onError }));
  const removeTimeOff = useMutation(trpc.tenant.team.removeTimeOff.mutationOptions({ onSuccess: refresh, onError }));
  return (
    <div className="team-item">
      <div className="sp-stack">
        <strong>
          <span className="team-item__swatch" style={{ background: bookable.color }} aria-hidden="true" />
          {bookable.name} <Badge>{KIND_LABELS[bookable.kind]}</Badge>
          {bookable.active ? null : <Badge tone="warning">Not bookable</Badge>}
        </strong>
        <span className="sp-muted">{bookable.hours ? "Own hours" : "Business hours"}</span>
        {bookable.timeOff.map((off) => (
          <span key={off.id} className="sp-muted">
            Off {dateText(off.startsAt)} – {dateText(off.endsAt)}
            {off.reason ? ` (${off.reason})` : ""}{" "}
            {isAdmin ? (
              <Button size="sm" variant="ghost" onClick={() => removeTimeOff.mutate({ id: off.id })}>
                Remove
              </Button>
            ) : null}
          </span>
        ))}
        {error ? <Alert tone="error">{error}</Alert> : null}
      </div>
      {isAdmin ? (
        <div className="booking-closed__row">
          <CheckboxField
            label="Bookable"
            checked={bookable.active}
            onChange={(event) => update.mutate({ id: bookable.id, active: event.target.checked })}
          />
          <Button size="sm" variant="secondary" onClick={() => setEditingHours(true)}>
            Hours
          </Button>
          <Button size="sm" variant="secondary" onClick={() => setAddingTimeOff(true)}>
            Add time off
          </Button>
        </div>
      ) : null}
      {editingHours ? <HoursDialog bookable={bookable} onClose={() => setEditingHours(false)} /> : null}
      {addingTimeOff ? (
        <TimeOffDialog bookable={bookable} timeZone={timeZone} onClose={() => setAddingTimeOff(false)} />
      ) : null}
    </div>
  );
}

function HoursDialog({ bookable, onClose }: { bookable: Bookable; onClose: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshTeam();
  const form = useZodForm(bookableHoursFormSchema, {
    defaultValues: { own: bookable.hours !== null, hours: bookable.hours ?? {} },
  });
  const [error, setError] = useState<string | null>(null);
  const update = useMutation(
    trpc.tenant.team.update.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onClose();
      },
      onError: (e) => setError(applyServerErrors(form.setError, e, ["hours"])),
    }),
  );
  const own = form.watch("own");
  return (
    <Dialog open onClose={onClose} title={`${bookable.name}'s hours`}>
      <Form
        form={form}
        className="sp-stack"
        onSubmit={({ hours }) => {
          setError(null);
          update.mutate({ id: bookable.id, hours });
        }}
      >
        <FormCheckboxField name="own" label="Works their own hours" hint="Otherwise the business's opening hours." />
        {own ? (
          <Controller
            control={form.control}
            name="hours"
            render={({ field, fieldState }) => (
              <HoursEditor
                value={field.value}
                onChange={field.onChange}
                error={fieldState.error?.message}
                legend="Their hours"
                hint="Only bookable where these and the business's hours overlap."
              />
            )}
          />
        ) : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div>
          <Button type="submit" disabled={update.isPending}>
            Save hours
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}

function TimeOffDialog({ bookable, timeZone, onClose }: { bookable: Bookable; timeZone: string; onClose: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshTeam();
  const form = useZodForm(timeOffFormSchema(bookable.id, timeZone), {
    defaultValues: { startsAt: "", endsAt: "", reason: "" },
  });
  const [error, setError] = useState<string | null>(null);
  const add = useMutation(
    trpc.tenant.team.addTimeOff.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onClose();
      },
      onError: (e) => setError(applyServerErrors(form.setError, e, ["startsAt", "endsAt", "reason"])),
    }),
  );
  const zone = timeZone.replace(/_/g, " ");
  return (
    <Dialog open onClose={onClose} title={`Time off for ${bookable.name}`}>
      <Form
        form={form}
        className="sp-stack"
        onSubmit={(values) => {
          setError(null);
          add.mutate({ ...values, startsAt: values.startsAt.toISOString(), endsAt: values.endsAt.toISOString() });
        }}
      >
        <FormTextField name="startsAt" label="From" type="datetime-local" hint={`${zone} time`} />
        <FormTextField name="endsAt" label="Until" type="datetime-local" hint={`${zone} time`} />
        <FormTextField name="reason" label="Reason (optional)" maxLength={200} />
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div>
          <Button type="submit" disabled={add.isPending}>
            Add time off
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
