// Platform "Integrations & keys": each external service's live state with the reason, the
// variables that configure it, and a business picker for the per-business readiness list.
import "./integrations.css";
import {
  Badge,
  type BadgeTone,
  Button,
  Card,
  EmptyState,
  formatDate,
  LoadErrorAlert,
  PageHeader,
  SelectField,
  Spinner,
} from "@servicepro/ui";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { TenantReadiness } from "./TenantReadiness.tsx";

type Integration = RouterOutputs["admin"]["integrations"]["status"]["integrations"][number];

const STATE: Record<Integration["state"], { label: string; tone: BadgeTone }> = {
  reachable: { label: "Reachable", tone: "success" },
  configured: { label: "Configured", tone: "info" },
  not_configured: { label: "Not configured", tone: "neutral" },
  failing: { label: "Failing", tone: "danger" },
};

function IntegrationItem({ integration }: { integration: Integration }) {
  const state = STATE[integration.state];
  return (
    <li className="integrations-item">
      <div className="integrations-item__head">
        <span className="integrations-item__label">{integration.label}</span>
        <Badge tone={state.tone} dot>
          {state.label}
        </Badge>
      </div>
      <p className="integrations-item__detail">{integration.detail}</p>
      <div className="integrations-item__vars" aria-label="Environment variables">
        {integration.envVars.map((name) => (
          <code key={name} className="sp-mono">
            {name}
          </code>
        ))}
      </div>
    </li>
  );
}

function PlatformStatus() {
  const trpc = useTRPC();
  // Live checks take up to 3 s and cost a call to each provider: never refetched behind the owner's back.
  const status = useQuery({
    ...trpc.admin.integrations.status.queryOptions(),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  return (
    <Card
      title="Platform integrations"
      description={
        status.data
          ? `Checked ${formatDate(status.data.checkedAt, { style: "medium" })} at ${new Date(status.data.checkedAt).toLocaleTimeString()}. Keys are set in the server's environment (see the README's configuration table).`
          : "Each service the platform uses, checked live."
      }
      actions={
        <Button size="sm" onClick={() => void status.refetch()} loading={status.isFetching} disabled={status.isPending}>
          Check again
        </Button>
      }
    >
      {status.isPending ? (
        <div className="sp-center admin-loading">
          <Spinner label="Checking each service (up to 3 seconds)…" showLabel />
        </div>
      ) : status.isError ? (
        <LoadErrorAlert
          title="The checks couldn't run"
          error={status.error}
          onRetry={() => void status.refetch()}
          retrying={status.isFetching}
        />
      ) : (
        <ul className="integrations-list" aria-label="Integrations">
          {status.data.integrations.map((integration) => (
            <IntegrationItem key={integration.key} integration={integration} />
          ))}
        </ul>
      )}
    </Card>
  );
}

const route = getRouteApi("/integrations");

function BusinessReadiness() {
  const trpc = useTRPC();
  const tenants = useQuery(trpc.admin.tenants.list.queryOptions());
  const { tenant: chosen } = route.useSearch();
  const navigate = route.useNavigate();
  const setChosen = (id: string) => void navigate({ search: { tenant: id }, replace: true });
  const tenantId = chosen ?? tenants.data?.[0]?.id ?? null;
  return (
    <Card title="Business readiness" description="What a business still needs, with the page that fixes each item.">
      {tenants.isPending ? (
        <Spinner label="Loading businesses…" showLabel />
      ) : tenants.isError ? (
        <LoadErrorAlert
          title="Businesses couldn't be loaded"
          error={tenants.error}
          onRetry={() => void tenants.refetch()}
          retrying={tenants.isFetching}
        />
      ) : !tenantId ? (
        <EmptyState headingLevel={3} title="No businesses yet" description="Set one up with New business." />
      ) : (
        <div className="sp-stack">
          <SelectField
            label="Business"
            value={tenantId}
            onChange={(e) => setChosen(e.target.value)}
            options={tenants.data.map((t) => ({ value: t.id, label: `${t.name} (${t.slug})` }))}
          />
          <TenantReadiness key={tenantId} tenantId={tenantId} />
        </div>
      )}
    </Card>
  );
}

export function IntegrationsPage() {
  return (
    <div className="sp-stack">
      <title>Integrations & keys · Platform console · ServicePro</title>
      <PageHeader
        eyebrow="Platform console"
        title="Integrations & keys"
        description="Whether each outside service is set up and answering, and what each business still lacks."
      />
      <PlatformStatus />
      <BusinessReadiness />
    </div>
  );
}
