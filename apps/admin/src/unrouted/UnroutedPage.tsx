// Traffic the router could not place for sure: quarantined webhooks (no business matched) and
// messages and calls that reached the root business only by fallback. For the owner to review.
import "../phone/phone.css";
import { CALL_OUTCOME_LABELS } from "@servicepro/telephony/constants";
import {
  Alert,
  apiErrorMessage,
  Button,
  Card,
  CheckboxField,
  DataTable,
  type DataTableColumn,
  LoadErrorAlert,
  PageHeader,
  Spinner,
  StatGroup,
} from "@servicepro/ui";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

type Unrouted = RouterOutputs["admin"]["telephony"]["unrouted"];
type Webhook = Unrouted["webhooks"][number];

const when = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));

const messageColumns: ReadonlyArray<DataTableColumn<Unrouted["messages"][number]>> = [
  {
    id: "when",
    header: "When",
    nowrap: true,
    rowHeader: true,
    cell: (m) => <time dateTime={m.createdAt}>{when(m.createdAt)}</time>,
  },
  { id: "from", header: "From", nowrap: true, cell: (m) => <span className="sp-mono">{m.fromNumber}</span> },
  { id: "to", header: "To", nowrap: true, cell: (m) => <span className="sp-mono">{m.toNumber}</span> },
  { id: "tenant", header: "Routed to", cell: (m) => m.tenant.name },
  { id: "body", header: "Text", cell: (m) => <p className="unrouted-body">{m.body}</p> },
];

const callColumns: ReadonlyArray<DataTableColumn<Unrouted["calls"][number]>> = [
  {
    id: "when",
    header: "When",
    nowrap: true,
    rowHeader: true,
    cell: (c) => <time dateTime={c.startedAt}>{when(c.startedAt)}</time>,
  },
  { id: "from", header: "From", nowrap: true, cell: (c) => <span className="sp-mono">{c.fromNumber}</span> },
  { id: "to", header: "To", nowrap: true, cell: (c) => <span className="sp-mono">{c.toNumber}</span> },
  { id: "tenant", header: "Routed to", cell: (c) => c.tenant.name },
  { id: "outcome", header: "Outcome", nowrap: true, cell: (c) => CALL_OUTCOME_LABELS[c.outcome] },
];

export function UnroutedPage() {
  const trpc = useTRPC();
  const [includeReviewed, setIncludeReviewed] = useState(false);
  const unrouted = useQuery(trpc.admin.telephony.unrouted.queryOptions({ includeReviewed }));

  return (
    <div className="sp-stack">
      <title>Unrouted traffic · Platform console · ServicePro</title>
      <PageHeader
        eyebrow="Platform console"
        title="Unrouted traffic"
        description="Texts and calls to numbers no business has. Assign the number to the right business, or mark quarantined webhooks reviewed."
        actions={
          <Button
            size="sm"
            onClick={() => void unrouted.refetch()}
            loading={unrouted.isFetching && !unrouted.isPending}
            disabled={unrouted.isPending}
          >
            Refresh
          </Button>
        }
      />
      {unrouted.isPending ? (
        <Card>
          <div className="sp-center admin-loading">
            <Spinner label="Loading unrouted traffic…" showLabel />
          </div>
        </Card>
      ) : unrouted.isError ? (
        <LoadErrorAlert
          title="Unrouted traffic couldn't be loaded"
          error={unrouted.error}
          onRetry={() => void unrouted.refetch()}
          retrying={unrouted.isFetching}
        />
      ) : (
        <>
          <StatGroup
            label="Unrouted summary"
            items={[
              { id: "webhooks", label: "Quarantined, not reviewed", value: unrouted.data.totals.webhooksUnreviewed },
              { id: "messages", label: "Texts routed by fallback", value: unrouted.data.totals.messages },
              { id: "calls", label: "Calls routed by fallback", value: unrouted.data.totals.calls },
            ]}
          />
          <Card
            title="Quarantined webhooks"
            description="Stored but given to no business, because unknown traffic is quarantined."
            actions={
              <CheckboxField
                label="Show reviewed"
                checked={includeReviewed}
                onChange={(e) => setIncludeReviewed(e.target.checked)}
              />
            }
            flush
          >
            <WebhookTable rows={unrouted.data.webhooks} includeReviewed={includeReviewed} />
          </Card>
          <Card
            title="Texts routed by fallback"
            description="Delivered to the root business because no number or Messaging Service matched (newest 100)."
            flush
          >
            <DataTable
              caption="Texts routed by fallback"
              captionHidden
              columns={messageColumns}
              rows={unrouted.data.messages}
              rowKey={(m) => m.id}
              empty="No texts were routed by fallback."
            />
          </Card>
          <Card
            title="Calls routed by fallback"
            description="Answered for the root business because no number matched (newest 100)."
            flush
          >
            <DataTable
              caption="Calls routed by fallback"
              captionHidden
              columns={callColumns}
              rows={unrouted.data.calls}
              rowKey={(c) => c.id}
              empty="No calls were routed by fallback."
            />
          </Card>
        </>
      )}
    </div>
  );
}

function WebhookTable({ rows, includeReviewed }: { rows: readonly Webhook[]; includeReviewed: boolean }) {
  const columns: ReadonlyArray<DataTableColumn<Webhook>> = [
    {
      id: "when",
      header: "When",
      nowrap: true,
      rowHeader: true,
      cell: (w) => <time dateTime={w.createdAt}>{when(w.createdAt)}</time>,
    },
    { id: "kind", header: "Kind", nowrap: true, cell: (w) => w.kind },
    {
      id: "numbers",
      header: "From → To",
      nowrap: true,
      cell: (w) => <span className="sp-mono">{`${w.fromNumber ?? "?"} → ${w.toNumber ?? "?"}`}</span>,
    },
    { id: "reason", header: "Why", cell: (w) => w.reason },
    {
      id: "body",
      header: "Text",
      cell: (w) => (w.body ? <p className="unrouted-body">{w.body}</p> : <span className="sp-muted">—</span>),
    },
    { id: "review", header: "Review", align: "end", nowrap: true, cell: (w) => <ReviewButton webhook={w} /> },
  ];
  return (
    <DataTable
      caption="Quarantined webhooks"
      captionHidden
      columns={columns}
      rows={rows}
      rowKey={(w) => w.id}
      empty={includeReviewed ? "Nothing was quarantined." : "Nothing waiting for review."}
    />
  );
}

function ReviewButton({ webhook }: { webhook: Webhook }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mark = useMutation(
    trpc.admin.telephony.markReviewed.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries(trpc.admin.telephony.unrouted.pathFilter()),
    }),
  );
  if (webhook.reviewedAt) return <span className="sp-muted">Reviewed {when(webhook.reviewedAt)}</span>;
  return (
    <>
      <Button
        size="sm"
        loading={mark.isPending}
        onClick={() => mark.mutate({ id: webhook.id })}
        aria-label={`Mark the ${webhook.kind} webhook from ${webhook.fromNumber ?? "an unknown number"} reviewed`}
      >
        Mark reviewed
      </Button>
      {mark.isError ? <Alert tone="error">{apiErrorMessage(mark.error)}</Alert> : null}
    </>
  );
}
