import {
  apiErrorCode,
  Button,
  buttonClassName,
  Card,
  DataTable,
  type DataTableColumn,
  EmptyState,
  formatDate,
  LoadErrorAlert,
  PageHeader,
  Spinner,
  StatGroup,
} from "@servicepro/ui";
import {
  industryLabel,
  PlanTierBadge,
  ROOT_TENANT_ID,
  type RouterOutputs,
  TenantStatusBadge,
  useRefreshAuth,
  useTRPC,
} from "@servicepro/web";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { TenantReadinessDialog } from "../integrations/TenantReadiness.tsx";
import { EditPlanDialog } from "../tenants/EditPlanDialog.tsx";
import { ExportTenantDialog } from "../tenants/ExportTenantDialog.tsx";
import { LegalHoldDialog } from "../tenants/LegalHoldDialog.tsx";
import { LoginAsTenantDialog } from "../tenants/LoginAsTenantDialog.tsx";

type Tenant = RouterOutputs["admin"]["tenants"]["list"][number];

/** Which dialog is open, for which tenant. */
type OpenDialog = { kind: "plan" | "login" | "readiness" | "legalHold" | "export"; tenant: Tenant } | null;

/** ?plan=<tenantId> (the readiness list's "Edit plan & status" link) opens that dialog. */
const route = getRouteApi("/");

/** The name, and for internal (at-cost) tenants the owner's note, so nobody forgets why it is free. */
function NameCell({ tenant }: { tenant: Tenant }) {
  return (
    <div className="admin-tenant-name">
      <span>{tenant.name}</span>
      {tenant.planTier === "internal" ? (
        <span className="admin-internal-note" data-testid="internal-note">
          <strong>Internal:</strong>{" "}
          {tenant.internalNotes?.trim() || "No note yet. Say whose account this is and why it is at cost."}
        </span>
      ) : null}
    </div>
  );
}

function tenantColumns(open: (dialog: NonNullable<OpenDialog>) => void): ReadonlyArray<DataTableColumn<Tenant>> {
  return [
    { id: "name", header: "Name", rowHeader: true, cell: (tenant) => <NameCell tenant={tenant} /> },
    {
      id: "slug",
      header: "Slug",
      cell: (tenant) => (
        <a
          className="sp-mono"
          href={`/portal/${encodeURIComponent(tenant.slug)}`}
          title={`Open ${tenant.name}'s customer portal`}
        >
          {tenant.slug}
        </a>
      ),
    },
    {
      id: "industry",
      header: "Industry",
      cell: (tenant) => industryLabel(tenant.industry) ?? <span className="sp-muted">Not set</span>,
    },
    { id: "plan", header: "Plan", nowrap: true, cell: (tenant) => <PlanTierBadge tier={tenant.planTier} /> },
    { id: "status", header: "Status", nowrap: true, cell: (tenant) => <TenantStatusBadge status={tenant.status} /> },
    {
      id: "created",
      header: "Created",
      align: "end",
      nowrap: true,
      cell: (tenant) => <time dateTime={tenant.createdAt}>{formatDate(tenant.createdAt)}</time>,
    },
    {
      id: "actions",
      header: "Actions",
      align: "end",
      nowrap: true,
      cell: (tenant) => (
        <div className="admin-row-actions">
          <Button
            size="sm"
            variant="ghost"
            onClick={() => open({ kind: "readiness", tenant })}
            aria-label={`Readiness: ${tenant.name}`}
          >
            Readiness
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => open({ kind: "legalHold", tenant })}
            aria-label={`Legal hold: ${tenant.name}`}
          >
            Legal hold
          </Button>
          <Button
            size="sm"
            onClick={() => open({ kind: "plan", tenant })}
            aria-label={`Edit plan & status: ${tenant.name}`}
          >
            Edit plan & status
          </Button>
          <Button size="sm" onClick={() => open({ kind: "export", tenant })} aria-label={`Export data: ${tenant.name}`}>
            Export data
          </Button>
          {/* The root tenant is the platform's own business: it cannot be impersonated. */}
          {tenant.id === ROOT_TENANT_ID ? null : (
            <Button
              size="sm"
              variant="primary"
              onClick={() => open({ kind: "login", tenant })}
              aria-label={`Login as tenant: ${tenant.name}`}
            >
              Login as tenant
            </Button>
          )}
        </div>
      ),
    },
  ];
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Every tenant on the platform, for the platform owner. */
export function TenantsPage() {
  const trpc = useTRPC();
  const tenants = useQuery(trpc.admin.tenants.list.queryOptions());
  const refreshAuth = useRefreshAuth();
  const [dialog, setDialog] = useState<OpenDialog>(null);

  const { plan: planFor } = route.useSearch();
  const navigate = useNavigate();
  useEffect(() => {
    const tenant = planFor ? tenants.data?.find((candidate) => candidate.id === planFor) : undefined;
    if (!tenant) return;
    setDialog({ kind: "plan", tenant });
    void navigate({ to: "/", search: {}, replace: true });
  }, [planFor, tenants.data, navigate]);

  // The session ended while the console was open: re-read auth.context, which shows sign-in.
  const code = tenants.isError ? apiErrorCode(tenants.error) : undefined;
  useEffect(() => {
    if (code === "UNAUTHORIZED") void refreshAuth();
  }, [code, refreshAuth]);

  const list = tenants.data ?? [];
  const count = (status: Tenant["status"]) => list.filter((tenant) => tenant.status === status).length;

  return (
    <div className="sp-stack">
      <title>Tenants · Platform console · ServicePro</title>
      <PageHeader
        eyebrow="Platform console"
        title="Tenants"
        description={
          tenants.isSuccess
            ? `${plural(list.length, "business", "businesses")} on ServicePro.`
            : "Every business on ServicePro."
        }
        actions={
          <>
            <Button
              size="sm"
              onClick={() => void tenants.refetch()}
              loading={tenants.isFetching && !tenants.isPending}
              disabled={tenants.isPending}
            >
              Refresh
            </Button>
            <Link to="/new-business" className={buttonClassName({ size: "sm", variant: "primary" })}>
              New business
            </Link>
          </>
        }
      />

      {tenants.isSuccess && list.length > 0 ? (
        <StatGroup
          label="Tenant summary"
          items={[
            { id: "total", label: "Total", value: list.length },
            { id: "active", label: "Active", value: count("active") },
            { id: "trialing", label: "Trialing", value: count("trialing") },
            {
              id: "attention",
              label: "Needs attention",
              value: count("past_due") + count("suspended"),
              hint: "Past due or suspended",
            },
          ]}
        />
      ) : null}

      {tenants.isPending ? (
        <Card>
          <div className="sp-center admin-loading">
            <Spinner label="Loading tenants…" showLabel />
          </div>
        </Card>
      ) : tenants.isError ? (
        <LoadErrorAlert
          title="Tenants couldn't be loaded"
          error={tenants.error}
          // A retry cannot fix a signed-out session or a user who is not the owner.
          onRetry={code === "UNAUTHORIZED" || code === "FORBIDDEN" ? undefined : () => void tenants.refetch()}
          retrying={tenants.isFetching}
        />
      ) : (
        <Card flush>
          <DataTable
            caption="Tenants"
            captionHidden
            columns={tenantColumns(setDialog)}
            rows={list}
            rowKey={(tenant) => tenant.id}
            empty={
              <EmptyState
                headingLevel={2}
                title="No businesses yet"
                description="Businesses appear here as soon as they sign up, or when you set one up with New business."
              />
            }
          />
        </Card>
      )}

      {dialog?.kind === "plan" ? (
        <EditPlanDialog key={dialog.tenant.id} tenant={dialog.tenant} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === "readiness" ? (
        <TenantReadinessDialog
          key={dialog.tenant.id}
          tenant={dialog.tenant}
          onClose={() => setDialog(null)}
          onEditPlan={() => setDialog({ kind: "plan", tenant: dialog.tenant })}
        />
      ) : null}
      {dialog?.kind === "legalHold" ? (
        <LegalHoldDialog key={dialog.tenant.id} tenant={dialog.tenant} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === "export" ? (
        <ExportTenantDialog key={dialog.tenant.id} tenant={dialog.tenant} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === "login" ? (
        <LoginAsTenantDialog key={dialog.tenant.id} tenant={dialog.tenant} onClose={() => setDialog(null)} />
      ) : null}
    </div>
  );
}
