import {
  Alert,
  apiErrorCode,
  Badge,
  ButtonLink,
  Card,
  DataTable,
  type DataTableColumn,
  DescriptionList,
  formatDate,
  LoadErrorAlert,
  PageHeader,
  Spinner,
} from "@servicepro/ui";
import {
  industryLabel,
  PlanTierBadge,
  type RouterOutputs,
  TenantStatusBadge,
  useRefreshAuth,
  useTRPC,
} from "@servicepro/web";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { FirstRunChecklist } from "../onboarding/FirstRunChecklist.tsx";
import { statusNotice } from "./status-notice.ts";
import { TodaysJobs } from "./TodaysJobs.tsx";

type Overview = RouterOutputs["tenant"]["overview"];
type Member = Overview["members"][number];

const MEMBER_ROLE_LABELS: Record<Member["role"], string> = {
  tenant_admin: "Admin",
  tenant_staff: "Staff",
};

function memberColumns(currentUserId: string): ReadonlyArray<DataTableColumn<Member>> {
  return [
    {
      id: "name",
      header: "Name",
      rowHeader: true,
      cell: (member) => (
        <span className="tenant-member">
          {member.name || member.email}
          {member.userId === currentUserId ? <Badge tone="info">You</Badge> : null}
        </span>
      ),
    },
    { id: "email", header: "Email", cell: (member) => <a href={`mailto:${member.email}`}>{member.email}</a> },
    {
      id: "role",
      header: "Role",
      nowrap: true,
      cell: (member) => (
        <Badge tone={member.role === "tenant_admin" ? "premium" : "neutral"}>
          {MEMBER_ROLE_LABELS[member.role] ?? member.role}
        </Badge>
      ),
    },
    {
      id: "joined",
      header: "Joined",
      align: "end",
      nowrap: true,
      cell: (member) => <time dateTime={member.createdAt}>{formatDate(member.createdAt)}</time>,
    },
  ];
}

/** The signed-in business: its details, plan, status and team. */
export function OverviewPage({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const overview = useQuery(trpc.tenant.overview.queryOptions());
  const refreshAuth = useRefreshAuth();

  // The session ended (or the membership was removed) while the page was open.
  const code = overview.isError ? apiErrorCode(overview.error) : undefined;
  useEffect(() => {
    if (code === "UNAUTHORIZED" || code === "FORBIDDEN") void refreshAuth();
  }, [code, refreshAuth]);

  if (overview.isPending) {
    return (
      <Card>
        <div className="sp-center tenant-loading">
          <Spinner label="Loading your business…" showLabel />
        </div>
      </Card>
    );
  }

  if (overview.isError) {
    return (
      <LoadErrorAlert
        title="Your business overview couldn't be loaded"
        error={overview.error}
        onRetry={() => void overview.refetch()}
        retrying={overview.isFetching}
      />
    );
  }

  const { tenant, members, plan } = overview.data;
  const industry = industryLabel(tenant.industry);
  const portalPath = `/portal/${encodeURIComponent(tenant.slug)}`;
  const notice = statusNotice(tenant.status, plan);

  return (
    <div className="sp-stack">
      <title>{`${tenant.name} · ServicePro`}</title>
      <PageHeader
        eyebrow="Overview"
        title={tenant.name}
        description={industry ?? "Your business on ServicePro."}
        actions={
          <ButtonLink href={portalPath} size="sm">
            View customer portal
          </ButtonLink>
        }
      />

      {notice ? (
        <Alert tone={notice.tone} title={notice.title} role="status">
          {notice.body}
        </Alert>
      ) : null}

      <FirstRunChecklist />

      <TodaysJobs />

      <Card title="Business" description="How your business appears on ServicePro.">
        <DescriptionList
          items={[
            { term: "Business name", detail: tenant.name },
            { term: "Industry", detail: industry ?? <span className="sp-muted">Not set</span> },
            { term: "Plan", detail: <PlanTierBadge tier={tenant.planTier} /> },
            { term: "Status", detail: <TenantStatusBadge status={tenant.status} /> },
            {
              term: "Customer portal",
              detail: (
                <a className="sp-mono" href={portalPath}>
                  {portalPath}
                </a>
              ),
            },
            {
              term: "On ServicePro since",
              detail: <time dateTime={tenant.createdAt}>{formatDate(tenant.createdAt, { style: "long" })}</time>,
            },
          ]}
        />
      </Card>

      <Card
        title="Team"
        description={`${members.length} ${members.length === 1 ? "person" : "people"} can sign in to ${tenant.name}.`}
        flush
      >
        <DataTable
          caption={`${tenant.name} team`}
          captionHidden
          columns={memberColumns(currentUserId)}
          rows={members}
          rowKey={(member) => member.userId}
          empty="No one is on the team yet."
        />
      </Card>
    </div>
  );
}
