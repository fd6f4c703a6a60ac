// "Export your data": one button makes a ZIP of everything (every plan, every status), the list
// shows each export's progress as the job records it, and a ready one's download link for 24 hours.
// A cancelled account's sign-in lands here and sees nothing else.
import {
  Alert,
  apiErrorMessage,
  Badge,
  Button,
  Card,
  EmptyState,
  LoadErrorAlert,
  PageHeader,
  Spinner,
} from "@servicepro/ui";
import { useTRPC } from "@servicepro/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  type ExportRow,
  formatBytes,
  formatWhen,
  isBuilding,
  percentDone,
  readLinks,
  rememberLink,
  STATUS_LABELS,
} from "./export-format.ts";
import "./export.css";

const TONES = { queued: "neutral", running: "info", ready: "success", failed: "danger", expired: "neutral" } as const;

export function ExportPage({ exportOnly = false }: { exportOnly?: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [links, setLinks] = useState(() => readLinks());
  const list = useQuery({
    ...trpc.tenant.exports.list.queryOptions(),
    // While one is being built, the list follows its recorded progress.
    refetchInterval: (query) => ((query.state.data ?? []).some(isBuilding) ? 2_000 : false),
  });
  const create = useMutation(
    trpc.tenant.exports.create.mutationOptions({
      onSuccess: (created) => {
        rememberLink(created.export.id, created.downloadPath);
        setLinks(readLinks());
        void queryClient.invalidateQueries({ queryKey: trpc.tenant.exports.list.queryKey() });
      },
    }),
  );

  return (
    <div className="sp-stack">
      <title>Export your data · ServicePro</title>
      <PageHeader
        eyebrow="Your data"
        title="Export your data"
        description="Everything your business has in ServicePro, in one ZIP: customers, assets, appointments, services, campaigns, loyalty, texts, calls with their recordings' links, consent records and the audit log, each as a spreadsheet (CSV) and as JSON, with a README and checksums."
        actions={
          <Button variant="primary" loading={create.isPending} onClick={() => create.mutate()}>
            Export everything
          </Button>
        }
      />
      {exportOnly ? (
        <Alert tone="warning" title="This account is cancelled">
          You can still download everything your business has here. Everything else is closed; contact ServicePro
          support to reactivate the account.
        </Alert>
      ) : null}
      {create.isError ? <Alert tone="error">{apiErrorMessage(create.error)}</Alert> : null}
      <Card>
        {list.isPending ? (
          <div className="sp-center">
            <Spinner label="Loading your exports…" showLabel />
          </div>
        ) : list.isError ? (
          <LoadErrorAlert
            title="Your exports couldn't be loaded"
            error={list.error}
            onRetry={() => void list.refetch()}
            retrying={list.isFetching}
          />
        ) : list.data.length === 0 ? (
          <EmptyState title="No exports yet" description="Press “Export everything” to make your first one." />
        ) : (
          <ul className="export-list">
            {list.data.map((row) => (
              <ExportItem key={row.id} row={row} link={links[row.id]} />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function ExportItem({ row, link }: { row: ExportRow; link: string | undefined }) {
  const percent = percentDone(row);
  return (
    <li className="export-item">
      <div className="export-item__head">
        <strong>{formatWhen(row.createdAt)}</strong>
        <Badge tone={TONES[row.status]}>{STATUS_LABELS[row.status]}</Badge>
        {row.requestedByPlatform ? <span className="export-item__note">Made by ServicePro support</span> : null}
      </div>
      {isBuilding(row) ? (
        <div
          className="export-item__bar"
          role="progressbar"
          aria-label="Export progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
        >
          <span style={{ width: `${percent}%` }} />
        </div>
      ) : null}
      {row.status === "ready" ? (
        <div className="export-item__ready">
          <span>
            {formatBytes(row.bytes)}
            {row.expiresAt ? ` · link works until ${formatWhen(row.expiresAt)}` : ""}
          </span>
          {link ? (
            <a className="sp-button sp-button--primary sp-button--sm" href={link} download>
              Download ZIP
            </a>
          ) : (
            <span className="export-item__note">
              The download link was given to whoever started this export. Start a new one to get a link here.
            </span>
          )}
        </div>
      ) : null}
      {row.status === "failed" && row.error ? <p className="export-item__error">{row.error}</p> : null}
    </li>
  );
}
