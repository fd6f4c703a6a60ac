// Who and what can be booked: staff (every member of the business), crew without a sign-in and
// resources (a bay, a van); each works the business's hours or its own, and can take time off.
// Staff see the team; admins change it.
import { createBookableInput, type WeeklyHours } from "@servicepro/scheduling";
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
  FormSelectField,
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
import { HoursEditor } from "./HoursEditor.tsx";
import "./booking.css";

type Bookable = RouterOutputs["tenant"]["team"]["list"][number];

const KIND_LABELS: Record<Bookable["kind"], string> = { staff: "Staff", crew: "Crew", resource: "Resource" };

const addSchema = createBookableInput.pick({ kind: true, name: true });

const dateText = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

export function TeamPage({ context }: { context: SignedInContext }) {
  const trpc = useTRPC();
  const team = useQuery(trpc.tenant.team.list.queryOptions());
  const isAdmin = context.role === "tenant_admin" || context.role === "platform_owner";
  return (
    <div className="sp-stack">
      <title>Team · ServicePro</title>
      <PageHeader
        eyebrow="Team"
        title="Who and what can be booked"
        description="Everyone on your account can be booked. Add crew who don't sign in, and resources such as a bay or a van."
      />
      {team.isPending ? (
        <Spinner label="Loading your team…" />
      ) : team.isError ? (
        <LoadErrorAlert title="Your team couldn't load" error={team.error} />
      ) : (
        <Card title="Your team">
          {team.data.map((bookable) => (
            <TeamItem key={bookable.id} bookable={bookable} isAdmin={isAdmin} />
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

function TeamItem({ bookable, isAdmin }: { bookable: Bookable; isAdmin: boolean }) {
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
      {addingTimeOff ? <TimeOffDialog bookable={bookable} onClose={() => setAddingTimeOff(false)} /> : null}
    </div>
  );
}

function HoursDialog({ bookable, onClose }: { bookable: Bookable; onClose: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshTeam();
  const [own, setOwn] = useState(bookable.hours !== null);
  const [hours, setHours] = useState<WeeklyHours>(bookable.hours ?? {});
  const [error, setError] = useState<string | null>(null);
  const update = useMutation(
    trpc.tenant.team.update.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onClose();
      },
      onError: (e) => setError(apiErrorMessage(e)),
    }),
  );
  return (
    <Dialog open onClose={onClose} title={`${bookable.name}'s hours`}>
      <div className="sp-stack">
        <CheckboxField
          label="Works their own hours"
          hint="Otherwise the business's opening hours."
          checked={own}
          onChange={(event) => setOwn(event.target.checked)}
        />
        {own ? (
          <HoursEditor
            value={hours}
            onChange={setHours}
            legend="Their hours"
            hint="Only bookable where these and the business's hours overlap."
          />
        ) : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div>
          <Button
            disabled={update.isPending}
            onClick={() => update.mutate({ id: bookable.id, hours: own ? hours : null })}
          >
            Save hours
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

function TimeOffDialog({ bookable, onClose }: { bookable: Bookable; onClose: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshTeam();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const add = useMutation(
    trpc.tenant.team.addTimeOff.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onClose();
      },
      onError: (e) => setError(apiErrorMessage(e)),
    }),
  );
  // datetime-local is the browser's local time; sent with its offset, as the API asks.
  const instant = (local: string) => (local ? new Date(local).toISOString() : "");
  return (
    <Dialog open onClose={onClose} title={`Time off for ${bookable.name}`}>
      <div className="sp-stack">
        <TextField label="From" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label="Until" type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
        <TextField label="Reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div>
          <Button
            disabled={add.isPending}
            onClick={() =>
              add.mutate({ bookableId: bookable.id, startsAt: instant(from), endsAt: instant(to), reason })
            }
          >
            Add time off
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
