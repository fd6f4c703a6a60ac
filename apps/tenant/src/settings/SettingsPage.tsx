import {
  Card,
  DataTable,
  type DataTableColumn,
  EmptyState,
  formatDate,
  LoadErrorAlert,
  PageHeader,
  Spinner,
} from "@servicepro/ui";
import { type RouterOutputs, type SignedInContext, useTRPC } from "@servicepro/web";
import { useQuery } from "@tanstack/react-query";

type Visit = RouterOutputs["tenant"]["settings"]["platformAccess"][number];

const ENDED_BY: Record<NonNullable<Visit["endedBy"]>, string> = {
  owner: "Ended by the owner",
  time_limit: "Ended after 60 minutes",
  sign_out: "Ended at sign-out",
  sign_in: "Ended at sign-in",
  tenant_missing: "Ended",
};

const when = (iso: string) =>
  `${formatDate(iso, { style: "long" })}, ${new Date(iso).toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" })}`;

const columns: ReadonlyArray<DataTableColumn<Visit>> = [
  {
    id: "started",
    header: "Viewed from",
    rowHeader: true,
    nowrap: true,
    cell: (visit) => <time dateTime={visit.startedAt}>{when(visit.startedAt)}</time>,
  },
  {
    id: "ended",
    header: "Until",
    nowrap: true,
    cell: (visit) =>
      visit.endedAt ? (
        <span title={visit.endedBy ? ENDED_BY[visit.endedBy] : undefined}>
          <time dateTime={visit.endedAt}>{when(visit.endedAt)}</time>
        </span>
      ) : (
        <strong>Now</strong>
      ),
  },
  {
    id: "reason",
    header: "Reason given",
    cell: (visit) => visit.reason ?? <span className="sp-muted">None recorded</span>,
  },
];

/** When the ServicePro platform owner viewed the account as its admin, and why (admins only). */
function PlatformAccessCard() {
  const trpc = useTRPC();
  const visits = useQuery(trpc.tenant.settings.platformAccess.queryOptions());
  const description =
    "ServicePro support can open your dashboard as your admin to help you. Every visit is listed here with the reason given.";
  if (visits.isPending) {
    return (
      <Card title="Platform access" description={description}>
        <Spinner label="Loading platform access…" showLabel />
      </Card>
    );
  }
  if (visits.isError) {
    return (
      <LoadErrorAlert
        title="Platform access couldn't be loaded"
        error={visits.error}
        onRetry={() => void visits.refetch()}
        retrying={visits.isFetching}
      />
    );
  }
  return (
    <Card title="Platform access" description={description} flush>
      <DataTable
        caption="Platform access history"
        captionHidden
        columns={columns}
        rows={visits.data}
        rowKey={(visit) => visit.startedAt}
        empty={
          <EmptyState
            headingLevel={3}
            title="No visits"
            description="The ServicePro platform owner has not viewed your account."
          />
        }
      />
    </Card>
  );
}

export function SettingsPage({ context }: { context: SignedInContext }) {
  // The impersonating owner acts as the business's admin, so they see what its admins see.
  const isAdmin = context.role === "tenant_admin" || context.role === "platform_owner";
  return (
    <div className="sp-stack">
      <title>Settings · ServicePro</title>
      <PageHeader
        eyebrow="Settings"
        title="Settings"
        description={`How ${context.tenantName ?? "your business"} works with ServicePro.`}
      />
      {isAdmin ? (
        <PlatformAccessCard />
      ) : (
        <Card title="Platform access">
          <p className="sp-muted">
            Your business's admins can see when ServicePro support viewed the account, and why.
          </p>
        </Card>
      )}
    </div>
  );
}
