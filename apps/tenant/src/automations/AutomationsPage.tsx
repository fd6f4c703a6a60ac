// Automatic texts: review requests after a completed appointment (on or off, the review link, the
// delay) and rebook reminders on the pack's cadences (on or off, the services they cover), then the
// last 20 of each with what happened to them (sent, waiting, skipped and why) and, for review
// requests, the clicks on their short links. Staff see it; admins change it.
import { formatLocal } from "@servicepro/scheduling";
import {
  Alert,
  applyServerErrors,
  Badge,
  type BadgeTone,
  Button,
  Card,
  EmptyState,
  Form,
  FormCheckboxField,
  FormTextField,
  LoadErrorAlert,
  PageHeader,
  Spinner,
  useZodForm,
} from "@servicepro/ui";
import { type RouterOutputs, type SignedInContext, useTRPC } from "@servicepro/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  automationFormSchema,
  automationFormValues,
  intervalLabel,
  REBOOK_SKIP_REASONS,
  SKIP_REASONS,
  seasonLabel,
} from "./automation-forms.ts";
import "./automations.css";

type Automations = RouterOutputs["tenant"]["automations"]["get"];
type Status = Automations["reviewRequests"][number]["status"];

const STATUS: Record<Status, { label: string; tone: BadgeTone }> = {
  queued: { label: "Waiting", tone: "info" },
  sent: { label: "Sent", tone: "success" },
  skipped: { label: "Skipped", tone: "neutral" },
};

export function AutomationsPage({ context }: { context: SignedInContext }) {
  const trpc = useTRPC();
  const automations = useQuery(trpc.tenant.automations.get.queryOptions());
  const isAdmin = context.role === "tenant_admin" || context.role === "platform_owner";
  return (
    <div className="sp-stack">
      <title>Automations · ServicePro</title>
      <PageHeader
        eyebrow="Automations"
        title="Texts that send themselves"
        description={
          isAdmin
            ? "After you mark an appointment completed, the customer gets one text asking for a review and, when the service is due again, one text inviting them to book. Opted-out customers are never texted."
            : "The automatic texts your business sends. Your admins can change them."
        }
      />
      {automations.isPending ? (
        <Spinner label="Loading your automations…" />
      ) : automations.isError ? (
        <LoadErrorAlert title="Your automations couldn't load" error={automations.error} />
      ) : (
        <>
          <SettingsForm automations={automations.data} disabled={!isAdmin} />
          <RecentRequests automations={automations.data} />
          <RecentRebookReminders automations={automations.data} />
        </>
      )}
    </div>
  );
}

function SettingsForm({ automations, disabled }: { automations: Automations; disabled: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(automationFormSchema, { defaultValues: automationFormValues(automations.settings) });
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.tenant.automations.update.mutationOptions({
      onSuccess: (stored) => {
        queryClient.setQueryData(trpc.tenant.automations.get.queryKey(), stored);
        form.reset(automationFormValues(stored.settings));
        setSaved(true);
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, Object.keys(form.getValues()) as never)),
    }),
  );
  return (
    <Form
      form={form}
      className="sp-stack"
      aria-label="Automatic texts"
      onSubmit={(fields) => {
        setFormError(null);
        setSaved(false);
        save.mutate(fields);
      }}
    >
      <Card
        title="Review requests"
        description="One text per completed appointment: “Thanks for choosing your business! If you have a minute, we'd love a review: <link>”. Sent outside your quiet hours."
      >
        <div className="sp-stack">
          <FormCheckboxField
            name="reviewRequestsEnabled"
            label="Ask customers for a review after each completed appointment"
            hint="Never sent to a customer who opted out of texts or complained in the conversation."
            disabled={disabled}
          />
          <FormTextField
            label="Review link"
            name="reviewLink"
            type="url"
            inputMode="url"
            maxLength={500}
            placeholder="https://g.page/r/…/review"
            hint="Your Google “write a review” link, or any other https page. Customers get a short link to it, so you can see the clicks."
            disabled={disabled}
          />
          <FormTextField
            label="Send after (minutes)"
            name="reviewDelayMinutes"
            inputMode="numeric"
            hint="After the appointment is marked completed: 0 to 10,080 (one week). 120 is two hours."
            disabled={disabled}
          />
        </div>
      </Card>
      <Card
        title="Rebook reminders"
        description="“Time for your next visit”: one text per completed visit of a service your pack gives a cadence, when it's due again, with a link that opens your booking page on that service. Sent between 8 a.m. and 9 p.m., outside your quiet hours."
      >
        <div className="sp-stack">
          <FormCheckboxField
            name="rebookRemindersEnabled"
            label="Remind customers when a service is due again"
            hint="Only to customers who agreed to offers by text and haven't opted out. Any booking they make after the visit stops it."
            disabled={disabled}
          />
          <CadenceList cadences={automations.rebookCadences} />
        </div>
      </Card>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {saved ? <Alert tone="success">Saved.</Alert> : null}
      {disabled ? null : (
        <div>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save automatic texts"}
          </Button>
        </div>
      )}
    </Form>
  );
}

function CadenceList({ cadences }: { cadences: Automations["rebookCadences"] }) {
  if (cadences.length === 0)
    return (
      <p className="sp-muted">
        None of your services has a rebook cadence: cadences come with your industry pack, and services you added
        yourself have none.
      </p>
    );
  return (
    <ul className="automations-list" aria-label="Rebook cadences">
      {cadences.map((cadence) => (
        <li key={cadence.serviceId} className="automations-list__row">
          <div className="automations-list__main">
            <strong>{cadence.serviceName}</strong>
            <div className="sp-muted">{seasonLabel(cadence.season)}</div>
          </div>
          <div className="automations-clicks">{intervalLabel(cadence.intervalDays)}</div>
        </li>
      ))}
    </ul>
  );
}

function RecentRebookReminders({ automations }: { automations: Automations }) {
  const when = (iso: string) => formatLocal(new Date(iso), automations.timeZone, "dateTime");
  return (
    <Card title="Last rebook reminders" description="The 20 most recent, newest first.">
      {automations.rebookReminders.length === 0 ? (
        <EmptyState
          title="No rebook reminders yet"
          description="They appear here once a visit of a service with a cadence is completed with rebook reminders turned on."
        />
      ) : (
        <ul className="automations-list" aria-label="Last rebook reminders">
          {automations.rebookReminders.map((reminder) => (
            <li key={reminder.id} className="automations-list__row">
              <div className="automations-list__main">
                <strong>{reminder.customerName ?? "Customer"}</strong>{" "}
                <Badge tone={STATUS[reminder.status].tone}>{STATUS[reminder.status].label}</Badge>
                <div className="sp-muted">
                  {reminder.status === "sent" && reminder.sentAt
                    ? `Sent ${when(reminder.sentAt)}`
                    : reminder.status === "queued"
                      ? `Due ${when(reminder.dueAt)}`
                      : (REBOOK_SKIP_REASONS[reminder.reason ?? ""] ?? reminder.reason ?? "Skipped")}
                </div>
              </div>
              <div className="automations-service">{reminder.serviceName ?? ""}</div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function RecentRequests({ automations }: { automations: Automations }) {
  const when = (iso: string) => formatLocal(new Date(iso), automations.timeZone, "dateTime");
  return (
    <Card title="Last review requests" description="The 20 most recent, newest first.">
      {automations.reviewRequests.length === 0 ? (
        <EmptyState
          title="No review requests yet"
          description="They appear here once an appointment is completed with review requests turned on."
        />
      ) : (
        <ul className="automations-list" aria-label="Last review requests">
          {automations.reviewRequests.map((request) => (
            <li key={request.id} className="automations-list__row">
              <div className="automations-list__main">
                <strong>{request.customerName ?? "Customer"}</strong>{" "}
                <Badge tone={STATUS[request.status].tone}>{STATUS[request.status].label}</Badge>
                <div className="sp-muted">
                  {request.status === "sent" && request.sentAt
                    ? `Sent ${when(request.sentAt)}`
                    : request.status === "queued"
                      ? `Due ${when(request.dueAt)}`
                      : (SKIP_REASONS[request.reason ?? ""] ?? request.reason ?? "Skipped")}
                </div>
              </div>
              <div className="automations-clicks">
                {request.clickCount === 1 ? "1 click" : `${request.clickCount} clicks`}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
