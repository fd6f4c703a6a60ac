// The calls log: every call to the business's numbers, what became of it, and any voicemail
// (played through /media/recordings/<id>, which checks the session before streaming it).
import "../inbox/inbox.css";
import { CALL_OUTCOME_LABELS, IVR_MODE_LABELS } from "@servicepro/telephony/constants";
import {
  apiErrorCode,
  Badge,
  type BadgeTone,
  Button,
  Card,
  DataTable,
  type DataTableColumn,
  EmptyState,
  LoadErrorAlert,
  PageHeader,
  Spinner,
} from "@servicepro/ui";
import { type RouterOutputs, useRefreshAuth, useTRPC } from "@servicepro/web";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { formatDuration, fullTime } from "../inbox/format.ts";
import { LiveIndicator } from "../inbox/LiveIndicator.tsx";
import { useLiveUpdates } from "../inbox/live.ts";
import { CallConsentReview } from "./CallConsentReview.tsx";
import { CallerCell, callerLabel } from "./CallerCell.tsx";

type Call = RouterOutputs["tenant"]["calls"]["list"]["items"][number];

const OUTCOME_TONES: Record<Call["outcome"], BadgeTone> = {
  in_progress: "info",
  answered: "success",
  forwarded: "success",
  voicemail: "warning",
  missed: "danger",
  "ai-handled": "premium",
};

const IVR_SHORT: Record<Call["ivrMode"], string> = {
  forward: "Forwarded",
  menu: "Menu",
  "ai-voice": "AI receptionist",
  voicemail: "Voicemail only",
};

const columns: ReadonlyArray<DataTableColumn<Call>> = [
  {
    id: "caller",
    header: "Caller",
    rowHeader: true,
    cell: (call) => (
      <>
        <CallerCell call={call} />
        <CallConsentReview call={call} />
      </>
    ),
  },
  {
    id: "when",
    header: "When",
    nowrap: true,
    cell: (call) => <time dateTime={call.startedAt}>{fullTime(call.startedAt)}</time>,
  },
  {
    id: "outcome",
    header: "Outcome",
    nowrap: true,
    cell: (call) => <Badge tone={OUTCOME_TONES[call.outcome]}>{CALL_OUTCOME_LABELS[call.outcome]}</Badge>,
  },
  {
    id: "ivr",
    header: "Answered by",
    nowrap: true,
    cell: (call) => <span title={IVR_MODE_LABELS[call.ivrMode]}>{IVR_SHORT[call.ivrMode]}</span>,
  },
  {
    id: "duration",
    header: "Duration",
    align: "end",
    nowrap: true,
    cell: (call) => formatDuration(call.durationSeconds),
  },
  {
    id: "voicemail",
    header: "Voicemail",
    cell: (call) =>
      call.voicemail ? (
        <div className="calls-voicemail">
          <audio
            controls
            preload="none"
            src={`/media/recordings/${call.id}`}
            aria-label={`Voicemail from ${callerLabel(call)}`}
          >
            <a href={`/media/recordings/${call.id}`}>Download the voicemail</a>
          </audio>
          <p className="calls-voicemail__transcript">
            {call.voicemail.transcription ? (
              `“${call.voicemail.transcription}”`
            ) : (
              <span className="sp-muted">No transcription yet.</span>
            )}
          </p>
        </div>
      ) : (
        <span className="sp-muted">None</span>
      ),
  },
];

export function CallsPage() {
  const trpc = useTRPC();
  const live = useLiveUpdates();
  const refreshAuth = useRefreshAuth();
  const calls = useInfiniteQuery(
    trpc.tenant.calls.list.infiniteQueryOptions(
      { limit: 25 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const code = calls.isError ? apiErrorCode(calls.error) : undefined;
  useEffect(() => {
    if (code === "UNAUTHORIZED" || code === "FORBIDDEN") void refreshAuth();
  }, [code, refreshAuth]);
  const rows = calls.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="sp-stack">
      <title>Calls · ServicePro</title>
      <PageHeader
        eyebrow="Phone"
        title="Calls"
        description="Every call to your business numbers, newest first, with voicemails."
        actions={<LiveIndicator status={live} />}
      />
      {calls.isPending ? (
        <Card>
          <div className="sp-center tenant-loading">
            <Spinner label="Loading calls…" showLabel />
          </div>
        </Card>
      ) : calls.isError ? (
        <LoadErrorAlert
          title="Your calls couldn't be loaded"
          error={calls.error}
          onRetry={code === "UNAUTHORIZED" || code === "FORBIDDEN" ? undefined : () => void calls.refetch()}
          retrying={calls.isFetching}
        />
      ) : (
        <Card
          flush
          footer={
            calls.hasNextPage ? (
              <Button size="sm" onClick={() => void calls.fetchNextPage()} loading={calls.isFetchingNextPage}>
                Load older calls
              </Button>
            ) : undefined
          }
        >
          <DataTable
            caption="Calls"
            captionHidden
            columns={columns}
            rows={rows}
            rowKey={(call) => call.id}
            empty={
              <EmptyState
                headingLevel={2}
                title="No calls yet"
                description="Calls to your business number show up here as they happen."
              />
            }
          />
        </Card>
      )}
    </div>
  );
}
