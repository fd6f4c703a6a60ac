// The campaign list: newest first, each with its state, when it ran, its recipients and how far
// sending has got; filtered by state (?status= in the URL, so a reload keeps it), "Load more" pages
// with the server's keyset cursor. On a plan without campaigns, the upgrade notice instead.
import "./campaigns.css";
import {
  Badge,
  Button,
  buttonClassName,
  Card,
  DataTable,
  type DataTableColumn,
  EmptyState,
  PageHeader,
  SelectField,
  Spinner,
} from "@servicepro/ui";
import { CAMPAIGN_STATUSES, type CampaignStatus } from "@servicepro/validators";
import { type RouterOutputs, type SignedInContext, useTRPC } from "@servicepro/web";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useBusinessTimeZone } from "../calendar/calendar-api.ts";
import { CampaignProgressBar } from "./CampaignProgressBar.tsx";
import { CampaignsLoadError } from "./CampaignsLoadError.tsx";
import { CAMPAIGN_STATUS_LABELS, CAMPAIGN_STATUS_TONES, count, isLive, whenLabel } from "./campaign-format.ts";

type Campaign = RouterOutputs["tenant"]["campaigns"]["list"]["campaigns"][number];

const routeApi = getRouteApi("/campaigns");

/** Lists refresh on their own while a campaign on them is sending or waiting for its time. */
const LIVE_REFRESH_MS = 5_000;

function columns(timeZone: string | undefined): ReadonlyArray<DataTableColumn<Campaign>> {
  return [
    {
      id: "name",
      header: "Campaign",
      rowHeader: true,
      cell: (c) => (
        <Link to="/campaigns/$campaignId" params={{ campaignId: c.id }} className="campaigns-name">
          {c.name}
        </Link>
      ),
    },
    {
      id: "status",
      header: "Status",
      nowrap: true,
      cell: (c) => <Badge tone={CAMPAIGN_STATUS_TONES[c.status]}>{CAMPAIGN_STATUS_LABELS[c.status]}</Badge>,
    },
    { id: "when", header: "When", cell: (c) => whenLabel(c, timeZone) },
    {
      id: "recipients",
      header: "Recipients",
      align: "end",
      nowrap: true,
      cell: (c) => (c.status === "draft" || c.status === "scheduled" ? "—" : count(c.recipientCount)),
    },
    {
      id: "progress",
      header: "Progress",
      cell: (c) => <CampaignProgressBar compact progress={c.progress} label={`Sending progress of ${c.name}`} />,
    },
  ];
}

export function CampaignsPage({ context }: { context: SignedInContext }) {
  const trpc = useTRPC();
  const isAdmin = context.role === "tenant_admin" || context.role === "platform_owner";
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const timeZone = useBusinessTimeZone().data;
  const campaigns = useInfiniteQuery(
    trpc.tenant.campaigns.list.infiniteQueryOptions(
      { limit: 25, ...(search.status ? { status: search.status } : {}) },
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        placeholderData: keepPreviousData,
        refetchInterval: (query) =>
          query.state.data?.pages.some((page) => page.campaigns.some((c) => isLive(c.status)))
            ? LIVE_REFRESH_MS
            : false,
      },
    ),
  );

  if (campaigns.isError && !campaigns.data)
    return (
      <CampaignsLoadError
        title="Your campaigns couldn't be loaded"
        error={campaigns.error}
        onRetry={() => void campaigns.refetch()}
        retrying={campaigns.isFetching}
      />
    );

  const rows = campaigns.data?.pages.flatMap((page) => page.campaigns) ?? [];
  return (
    <div className="sp-stack">
      <title>Campaigns · ServicePro</title>
      <PageHeader
        eyebrow="Marketing"
        title="Campaigns"
        description="Offers by text to the customers who agreed to them, sent between 8 AM and 9 PM your time."
        actions={
          isAdmin ? (
            <Link to="/campaigns/new" className={buttonClassName({ variant: "primary" })}>
              New campaign
            </Link>
          ) : null
        }
      />
      <Card>
        <div className="campaigns-filters">
          <SelectField
            label="Status"
            value={search.status ?? ""}
            options={[
              { value: "", label: "All campaigns" },
              ...CAMPAIGN_STATUSES.map((value) => ({ value, label: CAMPAIGN_STATUS_LABELS[value] })),
            ]}
            onChange={(event) =>
              void navigate({
                search: { status: (event.target.value || undefined) as CampaignStatus | undefined },
                replace: true,
              })
            }
          />
        </div>
      </Card>
      {campaigns.isPending ? (
        <Card>
          <div className="sp-center tenant-loading">
            <Spinner label="Loading campaigns…" showLabel />
          </div>
        </Card>
      ) : (
        <Card
          flush
          footer={
            campaigns.hasNextPage ? (
              <Button size="sm" onClick={() => void campaigns.fetchNextPage()} loading={campaigns.isFetchingNextPage}>
                Load more
              </Button>
            ) : undefined
          }
        >
          <DataTable
            caption="Campaigns"
            captionHidden
            columns={columns(timeZone)}
            rows={rows}
            rowKey={(c) => c.id}
            empty={
              <EmptyState
                headingLevel={2}
                title={
                  search.status
                    ? `No ${CAMPAIGN_STATUS_LABELS[search.status].toLowerCase()} campaigns`
                    : "No campaigns yet"
                }
                description={
                  search.status
                    ? "Choose another status to see the rest."
                    : isAdmin
                      ? "Start one with “New campaign”: pick who gets it, write the text, and send it now or later."
                      : "Your admins can start one; it will show here with its progress and results."
                }
              />
            }
          />
        </Card>
      )}
    </div>
  );
}
