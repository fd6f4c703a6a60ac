// Per business: its phone numbers and how each answers (owner only). The business being looked
// at lives in the URL (?tenant=<id>) so the page can be linked and reloaded.
import "./phone.css";
import { IVR_MODE_LABELS } from "@servicepro/telephony/constants";
import {
  Alert,
  apiErrorMessage,
  Badge,
  Button,
  Card,
  EmptyState,
  LoadErrorAlert,
  PageHeader,
  SelectField,
  Spinner,
} from "@servicepro/ui";
import { PlanTierBadge, type RouterOutputs, useTRPC } from "@servicepro/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { AssignNumberForm } from "./AssignNumberForm.tsx";
import { PhoneSettingsForm } from "./PhoneSettingsForm.tsx";

type PhoneList = RouterOutputs["admin"]["phoneNumbers"]["list"];

const route = getRouteApi("/phone-numbers");

export function PhoneNumbersPage() {
  const trpc = useTRPC();
  const tenants = useQuery(trpc.admin.tenants.list.queryOptions());
  const { tenant: chosen } = route.useSearch();
  const navigate = route.useNavigate();
  const tenantId = chosen ?? tenants.data?.[0]?.id ?? null;
  const choose = (id: string) => void navigate({ search: { tenant: id }, replace: true });

  return (
    <div className="sp-stack">
      <title>Phone numbers & IVR · Platform console · ServicePro</title>
      <PageHeader
        eyebrow="Platform console"
        title="Phone numbers & IVR"
        description="Which business answers each number, and what callers hear."
      />
      {tenants.isPending ? (
        <Card>
          <div className="sp-center admin-loading">
            <Spinner label="Loading businesses…" showLabel />
          </div>
        </Card>
      ) : tenants.isError ? (
        <LoadErrorAlert
          title="Businesses couldn't be loaded"
          error={tenants.error}
          onRetry={() => void tenants.refetch()}
          retrying={tenants.isFetching}
        />
      ) : tenants.data.length === 0 || !tenantId ? (
        <Card>
          <EmptyState
            title="No businesses yet"
            description="Numbers are assigned to a business; none has signed up yet."
          />
        </Card>
      ) : (
        <>
          <Card>
            <SelectField
              label="Business"
              value={tenantId}
              onChange={(e) => choose(e.target.value)}
              options={tenants.data.map((t) => ({ value: t.id, label: `${t.name} (${t.slug})` }))}
            />
          </Card>
          <TenantNumbers key={tenantId} tenantId={tenantId} />
        </>
      )}
    </div>
  );
}

function TenantNumbers({ tenantId }: { tenantId: string }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.admin.phoneNumbers.list.queryOptions({ tenantId }));
  if (list.isPending) {
    return (
      <Card>
        <div className="sp-center admin-loading">
          <Spinner label="Loading phone numbers…" showLabel />
        </div>
      </Card>
    );
  }
  if (list.isError)
    return (
      <LoadErrorAlert
        title="Phone numbers couldn't be loaded"
        error={list.error}
        onRetry={() => void list.refetch()}
        retrying={list.isFetching}
      />
    );
  const { tenant, numbers } = list.data;
  return (
    <>
      <Card
        title={`Assign a number to ${tenant.name}`}
        description={
          <span className="phone-plan">
            Plan <PlanTierBadge tier={tenant.planTier} />
            {tenant.aiVoiceIncluded ? "includes the AI receptionist." : "does not include the AI receptionist."}
          </span>
        }
      >
        <AssignNumberForm tenantId={tenant.id} tenantName={tenant.name} />
      </Card>
      {numbers.length === 0 ? (
        <Card>
          <EmptyState
            headingLevel={2}
            title={`${tenant.name} has no numbers yet`}
            description="Assign one above. Until then, its customers can't call or text it."
          />
        </Card>
      ) : (
        numbers.map((config) => <NumberCard key={config.phoneNumber} config={config} tenant={tenant} />)
      )}
    </>
  );
}

function NumberCard({ config, tenant }: { config: PhoneList["numbers"][number]; tenant: PhoneList["tenant"] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const release = useMutation(
    trpc.admin.phoneNumbers.release.mutationOptions({
      onSuccess: () =>
        void queryClient.invalidateQueries(trpc.admin.phoneNumbers.list.queryFilter({ tenantId: tenant.id })),
    }),
  );
  return (
    <Card
      title={
        <span className="phone-number">
          <span className="sp-mono">{config.phoneNumber}</span>
          {config.label ? <Badge>{config.label}</Badge> : null}
        </span>
      }
      description={`${IVR_MODE_LABELS[config.ivrMode]}${config.forwardTo ? ` · forwards to ${config.forwardTo}` : ""}`}
      actions={
        <>
          <Button size="sm" onClick={() => setEditing((v) => !v)} aria-expanded={editing}>
            {editing ? "Close settings" : "Edit settings"}
          </Button>
          {confirming ? (
            <>
              <Button
                size="sm"
                variant="danger"
                loading={release.isPending}
                onClick={() => release.mutate({ phoneNumber: config.phoneNumber })}
              >
                Release {config.phoneNumber}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
                Keep it
              </Button>
            </>
          ) : (
            <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>
              Release…
            </Button>
          )}
        </>
      }
    >
      {config.warnings.map((warning) => (
        <Alert key={warning} tone="warning">
          {warning}
        </Alert>
      ))}
      {confirming && !release.isError ? (
        <p className="sp-muted">
          Releasing stops calls and texts to this number reaching {tenant.name}. Its history stays.
        </p>
      ) : null}
      {release.isError ? (
        <Alert tone="error" title="The number wasn't released">
          {apiErrorMessage(release.error)}
        </Alert>
      ) : null}
      {editing ? <PhoneSettingsForm config={config} aiVoiceIncluded={tenant.aiVoiceIncluded} /> : null}
    </Card>
  );
}
