// Automatic texts: review requests after a completed appointment (on or off, the review link, the
// delay) and the last 20 requests with what happened to them (sent, waiting, skipped and why) and
// the clicks on their short links. Staff see it; admins change it.
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
import { automationFormSchema, automationFormValues, SKIP_REASONS } from "./automation-forms.ts";
import "./automations.css";

type Automations = RouterOutputs["tenant"]["automations"]["get"];
type ReviewRequest = Automations["reviewRequests"][number];

const STATUS: Record<ReviewRequest["status"], { label: string; tone: BadgeTone }> = {
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
            ? "After you mark an appointment completed, the customer gets one text asking for a review. Opted-out customers and unhappy ones are never asked."
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
      aria-label="Review requests"
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
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {saved ? <Alert tone="success">Saved.</Alert> : null}
      {disabled ? null : (
        <div>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save review requests"}
          </Button>
        </div>
      )}
    </Form>
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
