// Data retention (issue 16): how long texts and call recordings are kept, what the next nightly run
// will delete and when, the legal-hold banner (set by the platform: nothing is deleted while it is
// on), the cancellation deadline when cancelled, and the deletion log with counts. Staff see it;
// admins change the windows. Everything shown is what the server returned.
import {
  Alert,
  applyServerErrors,
  Button,
  Card,
  EmptyState,
  Form,
  FormTextField,
  LoadErrorAlert,
  PageHeader,
  Spinner,
  useZodForm,
} from "@servicepro/ui";
import type { RetentionOutput } from "@servicepro/validators";
import { type SignedInContext, useTRPC } from "@servicepro/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  countsLabel,
  DELETION_LABELS,
  dateLabel,
  retentionFormSchema,
  retentionFormValues,
} from "./retention-forms.ts";
import "./retention.css";

export function RetentionPage({ context }: { context: SignedInContext }) {
  const trpc = useTRPC();
  const retention = useQuery(trpc.tenant.retention.get.queryOptions());
  const isAdmin = context.role === "tenant_admin" || context.role === "platform_owner";
  return (
    <div className="sp-stack">
      <title>Data retention · ServicePro</title>
      <PageHeader
        eyebrow="Settings"
        title="Data retention"
        description="How long your business keeps texts and call recordings. Older ones are deleted every night; everything else stays until you delete it."
      />
      {retention.isPending ? (
        <Spinner label="Loading your retention settings…" />
      ) : retention.isError ? (
        <LoadErrorAlert title="Your retention settings couldn't load" error={retention.error} />
      ) : (
        <>
          <Banners retention={retention.data} />
          <WindowsForm retention={retention.data} disabled={!isAdmin} />
          <NextRun retention={retention.data} />
          <DeletionLog log={retention.data.log} />
        </>
      )}
    </div>
  );
}

function Banners({ retention }: { retention: RetentionOutput }) {
  return (
    <>
      {retention.legalHold ? (
        <Alert tone="warning" title="Legal hold">
          Since {dateLabel(retention.legalHold.since)}, a legal hold keeps all of your data: nothing is deleted (no old
          texts, recordings or erasures) until it is lifted.
        </Alert>
      ) : null}
      {retention.cancellation ? (
        <Alert tone="error" title="Your business is cancelled">
          All of its data will be deleted on {dateLabel(retention.cancellation.deletesAt)}
          {retention.legalHold ? " once the legal hold is lifted" : ""}. Download an export before then to keep a copy.
        </Alert>
      ) : null}
    </>
  );
}

function WindowsForm({ retention, disabled }: { retention: RetentionOutput; disabled: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(retentionFormSchema, { defaultValues: retentionFormValues(retention.settings) });
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.tenant.retention.update.mutationOptions({
      onSuccess: (stored) => {
        queryClient.setQueryData(trpc.tenant.retention.get.queryKey(), stored);
        form.reset(retentionFormValues(stored.settings));
        setSaved(true);
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, Object.keys(form.getValues()) as never)),
    }),
  );
  return (
    <Form
      form={form}
      className="sp-stack"
      aria-label="Retention windows"
      onSubmit={(fields) => {
        setFormError(null);
        setSaved(false);
        save.mutate(fields);
      }}
    >
      <Card title="How long to keep" headingLevel={2}>
        <div className="sp-stack">
          <FormTextField
            label="Keep texts for (months)"
            name="messageMonths"
            inputMode="numeric"
            placeholder="Forever"
            hint="1 to 120 months. Leave empty to keep them forever."
            disabled={disabled}
          />
          <FormTextField
            label="Keep call recordings for (months)"
            name="recordingMonths"
            inputMode="numeric"
            placeholder="Forever"
            hint="The calls log stays; only the recording and its transcription are deleted. Leave empty to keep them forever."
            disabled={disabled}
          />
          <FormTextField
            label="After cancelling, delete everything after (days)"
            name="cancelledDeletionDays"
            inputMode="numeric"
            placeholder={`${retention.defaultCancelledDeletionDays} (standard)`}
            hint={`If your business is ever cancelled, the owner is emailed 14, 7 and 1 days before. Leave empty for the standard ${retention.defaultCancelledDeletionDays} days.`}
            disabled={disabled}
          />
        </div>
      </Card>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {saved ? <Alert tone="success">Saved.</Alert> : null}
      {disabled ? (
        <p className="sp-muted">Only your admins can change these.</p>
      ) : (
        <div>
          <Button type="submit" variant="primary" disabled={save.isPending}>
            Save retention settings
          </Button>
        </div>
      )}
    </Form>
  );
}

function NextRun({ retention }: { retention: RetentionOutput }) {
  const { next } = retention;
  return (
    <Card title="Next deletion" headingLevel={2}>
      {retention.legalHold ? (
        <p>Nothing will be deleted while the legal hold is on.</p>
      ) : !next.messagesBefore && !next.recordingsBefore ? (
        <p className="sp-muted">Nothing: texts and recordings are kept forever.</p>
      ) : (
        <ul className="retention-next">
          {next.messagesBefore ? (
            <li>
              {next.messages.toLocaleString("en-US")} text{next.messages === 1 ? "" : "s"} from before{" "}
              {dateLabel(next.messagesBefore)}, on {dateLabel(next.runAt)}
            </li>
          ) : null}
          {next.recordingsBefore ? (
            <li>
              {next.recordings.toLocaleString("en-US")} recording{next.recordings === 1 ? "" : "s"} from before{" "}
              {dateLabel(next.recordingsBefore)}, on {dateLabel(next.runAt)}
            </li>
          ) : null}
        </ul>
      )}
    </Card>
  );
}

function DeletionLog({ log }: { log: RetentionOutput["log"] }) {
  return (
    <Card title="Deletion log" headingLevel={2}>
      {log.length === 0 ? (
        <EmptyState title="Nothing deleted yet" description="Every deletion is listed here with what it removed." />
      ) : (
        <ul className="retention-log" aria-label="Deletions">
          {log.map((entry) => (
            <li key={entry.id} className="retention-log__item">
              <span>
                <strong>{DELETION_LABELS[entry.kind]}</strong>
                <span className="sp-muted"> · {countsLabel(entry.counts)}</span>
                {entry.cutoff ? <span className="sp-muted"> · older than {dateLabel(entry.cutoff)}</span> : null}
              </span>
              <time dateTime={entry.createdAt}>{dateLabel(entry.createdAt)}</time>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
