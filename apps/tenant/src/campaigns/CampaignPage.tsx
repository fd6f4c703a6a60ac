// One campaign: its state, the message, who it goes to in words, the progress bar (refreshed every
// few seconds while it is sending or waiting for its time), pause / resume / cancel for admins, and
// the results: bookings credited to it and a chart per day. What it shows is the server's record.
import "./campaigns.css";
import {
  Alert,
  apiErrorMessage,
  Badge,
  Button,
  buttonClassName,
  Card,
  Dialog,
  EmptyState,
  PageHeader,
  Spinner,
  StatGroup,
} from "@servicepro/ui";
import { type RouterOutputs, type SignedInContext, useTRPC } from "@servicepro/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { moneyLabel } from "../customers/customer-format.ts";
import { CampaignProgressBar } from "./CampaignProgressBar.tsx";
import { CampaignsLoadError } from "./CampaignsLoadError.tsx";
import {
  audienceSummary,
  CAMPAIGN_STATUS_LABELS,
  CAMPAIGN_STATUS_TONES,
  count,
  isEditable,
  isLive,
  whenLabel,
} from "./campaign-format.ts";
import { ResultsChart } from "./ResultsChart.tsx";

type Campaign = RouterOutputs["tenant"]["campaigns"]["get"]["campaign"];

const routeApi = getRouteApi("/campaigns/$campaignId");

/** How often a sending (or scheduled) campaign's figures are re-read. */
const LIVE_REFRESH_MS = 3_000;

export function CampaignPage({ context }: { context: SignedInContext }) {
  const { campaignId } = routeApi.useParams();
  const trpc = useTRPC();
  const isAdmin = context.role === "tenant_admin" || context.role === "platform_owner";
  const page = useQuery({
    ...trpc.tenant.campaigns.get.queryOptions({ id: campaignId }),
    refetchInterval: (query) =>
      query.state.data && isLive(query.state.data.campaign.status) ? LIVE_REFRESH_MS : false,
  });
  const services = useQuery(trpc.tenant.catalog.services.queryOptions());

  if (page.isPending)
    return (
      <Card>
        <div className="sp-center tenant-loading">
          <Spinner label="Loading the campaign…" showLabel />
        </div>
      </Card>
    );
  if (page.isError)
    return (
      <CampaignsLoadError
        title="This campaign couldn't be loaded"
        error={page.error}
        onRetry={() => void page.refetch()}
        retrying={page.isFetching}
      />
    );

  const { campaign, business } = page.data;
  const serviceName = (id: string) => services.data?.find((s) => s.id === id)?.name;
  return (
    <div className="sp-stack">
      <title>{`${campaign.name} · Campaigns · ServicePro`}</title>
      <PageHeader
        eyebrow={<Link to="/campaigns">Campaigns</Link>}
        title={campaign.name}
        titleAddon={
          <Badge tone={CAMPAIGN_STATUS_TONES[campaign.status]}>{CAMPAIGN_STATUS_LABELS[campaign.status]}</Badge>
        }
        description={whenLabel(campaign, business.timeZone)}
        actions={
          isAdmin && isEditable(campaign.status) ? (
            <Link
              to="/campaigns/$campaignId/edit"
              params={{ campaignId: campaign.id }}
              className={buttonClassName({ variant: campaign.status === "draft" ? "primary" : "secondary" })}
            >
              {campaign.status === "draft" ? "Edit and send" : "Edit"}
            </Link>
          ) : null
        }
      />
      {isAdmin ? <CampaignControls campaign={campaign} /> : null}
      <Card
        title="Progress"
        description={
          campaign.status === "draft" || campaign.status === "scheduled"
            ? "Texts are queued for each recipient when it starts."
            : `${count(campaign.recipientCount)} ${campaign.recipientCount === 1 ? "recipient" : "recipients"}.`
        }
      >
        <CampaignProgressBar progress={campaign.progress} label="Sending progress" />
      </Card>
      <div className="campaign-compose-grid">
        <Card title="Message">
          <div className="campaign-phone">
            <p className="campaign-phone__bubble">{campaign.body}</p>
          </div>
          <p className="sp-field__hint">
            As written: merge fields are filled in for each customer, the business is named and the opt-out line is
            added.
          </p>
        </Card>
        <Card title="Audience">
          <p>{audienceSummary(campaign.audience, serviceName)}</p>
        </Card>
      </div>
      <ResultsCard campaign={campaign} />
    </div>
  );
}

function ResultsCard({ campaign }: { campaign: Campaign }) {
  const trpc = useTRPC();
  const results = useQuery({
    ...trpc.tenant.campaigns.results.queryOptions({ id: campaign.id }),
    refetchInterval: isLive(campaign.status) ? LIVE_REFRESH_MS : false,
  });
  return (
    <Card
      title="Results"
      description="Bookings made within 7 days of a text are credited to the last campaign that reached the customer."
    >
      {results.isPending ? (
        <Spinner label="Loading the results…" showLabel />
      ) : results.isError ? (
        <Alert tone="error" title="The results couldn't be loaded">
          {apiErrorMessage(results.error)}
        </Alert>
      ) : (
        <div className="sp-stack">
          <StatGroup
            label="Results"
            items={[
              { id: "bookings", label: "Bookings credited", value: count(results.data.bookings.count) },
              { id: "revenue", label: "Revenue", value: moneyLabel(results.data.bookings.revenueCents) },
              { id: "replies", label: "Replied", value: count(results.data.progress.replied) },
              { id: "optouts", label: "Opted out", value: count(results.data.progress.optedOut) },
            ]}
          />
          {results.data.timeline.length ? (
            <ResultsChart timeline={results.data.timeline} />
          ) : (
            <EmptyState headingLevel={3} title="No texts sent yet" description="The chart fills in as texts go out." />
          )}
        </div>
      )}
    </Card>
  );
}

/** Pause, resume and cancel (with a confirm), as the state allows; the server's refusal is shown as it says it. */
function CampaignControls({ campaign }: { campaign: Campaign }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const options = {
    onSuccess: async (stored: Campaign) => {
      queryClient.setQueryData(trpc.tenant.campaigns.get.queryKey({ id: campaign.id }), (old) =>
        old ? { ...old, campaign: stored } : old,
      );
      setConfirmCancel(false);
      await queryClient.invalidateQueries(trpc.tenant.campaigns.pathFilter());
    },
    onError: () => setConfirmCancel(false),
  };
  const pause = useMutation(trpc.tenant.campaigns.pause.mutationOptions(options));
  const resume = useMutation(trpc.tenant.campaigns.resume.mutationOptions(options));
  const cancel = useMutation(trpc.tenant.campaigns.cancel.mutationOptions(options));
  const failed = [pause, resume, cancel].find((m) => m.isError);
  const busy = pause.isPending || resume.isPending || cancel.isPending;
  const reset = () => [pause, resume, cancel].forEach((m) => m.reset());
  const canCancel = campaign.status !== "completed" && campaign.status !== "cancelled";
  if (!canCancel && !failed) return null;
  return (
    <>
      {canCancel ? (
        <div className="campaign-controls" role="group" aria-label="Campaign controls">
          {campaign.status === "sending" ? (
            <Button
              onClick={() => {
                reset();
                pause.mutate({ id: campaign.id });
              }}
              loading={pause.isPending}
              disabled={busy}
            >
              Pause
            </Button>
          ) : null}
          {campaign.status === "paused" ? (
            <Button
              variant="primary"
              onClick={() => {
                reset();
                resume.mutate({ id: campaign.id });
              }}
              loading={resume.isPending}
              disabled={busy}
            >
              Resume
            </Button>
          ) : null}
          <Button
            variant="danger"
            onClick={() => {
              reset();
              setConfirmCancel(true);
            }}
            disabled={busy}
          >
            Cancel campaign
          </Button>
        </div>
      ) : null}
      {failed?.error ? (
        <Alert tone="error" title="That didn't work">
          {apiErrorMessage(failed.error)}
        </Alert>
      ) : null}
      <Dialog
        open={confirmCancel}
        onClose={() => setConfirmCancel(false)}
        title={`Cancel ${campaign.name}?`}
        description="Texts not sent yet are dropped; texts already sent stay sent. A cancelled campaign can't be restarted."
        footer={
          <>
            <Button onClick={() => setConfirmCancel(false)} disabled={cancel.isPending}>
              Keep it
            </Button>
            <Button variant="danger" loading={cancel.isPending} onClick={() => cancel.mutate({ id: campaign.id })}>
              Cancel campaign
            </Button>
          </>
        }
      />
    </>
  );
}
