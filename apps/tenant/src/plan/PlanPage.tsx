import {
  Alert,
  Badge,
  Card,
  DataTable,
  type DataTableColumn,
  LoadErrorAlert,
  PageHeader,
  Spinner,
} from "@servicepro/ui";
import { PlanTierBadge, type RouterOutputs, TenantStatusBadge, useTRPC } from "@servicepro/web";
import { useQuery } from "@tanstack/react-query";

type Summary = RouterOutputs["tenant"]["plan"]["summary"];
type Line = Summary["features"][number];

function columns(internal: boolean): ReadonlyArray<DataTableColumn<Line>> {
  return [
    { id: "feature", header: "Feature", rowHeader: true, cell: (line) => line.label },
    {
      id: "included",
      header: "On your plan",
      nowrap: true,
      cell: (line) =>
        line.included ? <Badge tone="success">Included</Badge> : <Badge tone="neutral">Not included</Badge>,
    },
    {
      id: "unlock",
      header: internal ? "" : "To unlock",
      cell: (line) =>
        // The internal tier has everything at cost: never an upgrade prompt.
        internal || !line.unlockedBy ? null : <span>Available on the {line.unlockedBy.label} plan</span>,
    },
  ];
}

/** What the business's plan includes, and which plan would unlock the rest. */
export function PlanPage() {
  const trpc = useTRPC();
  const summary = useQuery(trpc.tenant.plan.summary.queryOptions());

  if (summary.isPending) {
    return (
      <Card>
        <div className="sp-center tenant-loading">
          <Spinner label="Loading your plan…" showLabel />
        </div>
      </Card>
    );
  }
  if (summary.isError) {
    return (
      <LoadErrorAlert
        title="Your plan couldn't be loaded"
        error={summary.error}
        onRetry={() => void summary.refetch()}
        retrying={summary.isFetching}
      />
    );
  }

  const plan = summary.data;
  const locked = plan.features.filter((line) => !line.included);
  return (
    <div className="sp-stack">
      <title>Plan · ServicePro</title>
      <PageHeader
        eyebrow="Plan"
        title={plan.internal ? "Internal plan" : `${plan.planLabel} plan`}
        description={
          plan.internal
            ? "Every feature is on, at cost: no ServicePro fees on top."
            : locked.length === 0
              ? "Your plan includes every feature."
              : "What your plan includes today. Ask the account owner or ServicePro support to change plans."
        }
        actions={
          <span className="tenant-plan-badges">
            <PlanTierBadge tier={plan.planTier} />
            <TenantStatusBadge status={plan.status} />
          </span>
        }
      />
      {plan.acceptsChanges ? null : (
        <Alert tone="warning" title={`Your account is ${plan.statusLabel.toLowerCase()}`} role="status">
          You can still sign in, view and export your data, but changes and automated messages are paused. Contact
          ServicePro support to reactivate it.
        </Alert>
      )}
      <Card title="Features" flush>
        <DataTable
          caption="Plan features"
          captionHidden
          columns={columns(plan.internal)}
          rows={plan.features}
          rowKey={(line) => line.key}
        />
      </Card>
    </div>
  );
}
