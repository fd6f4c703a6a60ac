import {
  Alert,
  apiErrorMessage,
  Button,
  Card,
  DataTable,
  type DataTableColumn,
  EmptyState,
  LoadErrorAlert,
  Spinner,
} from "@servicepro/ui";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { durationLabel } from "./catalog-format.ts";
import { useRefreshCatalog } from "./refresh.ts";
import { ServiceDialog } from "./ServiceDialog.tsx";
import { SourceBadge } from "./SourceBadge.tsx";

type Service = RouterOutputs["tenant"]["catalog"]["services"][number];

function columns(
  isAdmin: boolean,
  actions: {
    edit: (s: Service) => void;
    archive: (s: Service) => void;
    restore: (s: Service) => void;
    busyId: string | null;
  },
): DataTableColumn<Service>[] {
  const base: DataTableColumn<Service>[] = [
    {
      id: "name",
      header: "Service",
      rowHeader: true,
      cell: (service) => (
        <div className="tenant-catalog-item">
          <span className="tenant-catalog-item__title">
            {service.name} <SourceBadge source={service.source} />
          </span>
          {service.description ? <span className="sp-muted">{service.description}</span> : null}
        </div>
      ),
    },
    { id: "duration", header: "Duration", nowrap: true, cell: (service) => durationLabel(service.durationMinutes) },
    {
      id: "price",
      header: "Price",
      nowrap: true,
      align: "end",
      cell: (service) => (
        <span title={service.priceDependsOn ? `Depends on: ${service.priceDependsOn}` : undefined}>
          {service.priceLabel}
          {service.priceDependsOn ? (
            <span className="tenant-catalog-note">by {service.priceDependsOn.toLowerCase()}</span>
          ) : null}
        </span>
      ),
    },
  ];
  if (!isAdmin) return base;
  return [
    ...base,
    {
      id: "actions",
      header: <span className="sp-visually-hidden">Actions</span>,
      align: "end",
      nowrap: true,
      cell: (service) =>
        service.active ? (
          <span className="tenant-row-actions">
            <Button size="sm" onClick={() => actions.edit(service)} aria-label={`Edit ${service.name}`}>
              Edit
            </Button>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => actions.archive(service)}
              loading={actions.busyId === service.id}
              aria-label={`Archive ${service.name}`}
            >
              Archive
            </Button>
          </span>
        ) : (
          <Button
            size="sm"
            onClick={() => actions.restore(service)}
            loading={actions.busyId === service.id}
            aria-label={`Restore ${service.name}`}
          >
            Restore
          </Button>
        ),
    },
  ];
}

/** The business's services with price and duration; admins edit, add, archive and restore them. */
export function ServicesCard({ isAdmin }: { isAdmin: boolean }) {
  const trpc = useTRPC();
  const refresh = useRefreshCatalog();
  const services = useQuery(trpc.tenant.catalog.services.queryOptions());
  const [editing, setEditing] = useState<Service | "new" | null>(null);
  const archive = useMutation(trpc.tenant.catalog.archiveService.mutationOptions({ onSuccess: () => refresh() }));
  const restore = useMutation(trpc.tenant.catalog.updateService.mutationOptions({ onSuccess: () => refresh() }));
  const busyId = archive.isPending
    ? (archive.variables?.id ?? null)
    : restore.isPending
      ? (restore.variables?.id ?? null)
      : null;
  const actions = {
    edit: (s: Service) => setEditing(s),
    archive: (s: Service) => archive.mutate({ id: s.id }),
    restore: (s: Service) => restore.mutate({ id: s.id, active: true }),
    busyId,
  };
  const description = "What customers can book, with the time it takes and what it costs.";
  const addButton = isAdmin ? (
    <Button size="sm" variant="primary" onClick={() => setEditing("new")}>
      Add service
    </Button>
  ) : null;

  if (services.isPending) {
    return (
      <Card title="Services" description={description}>
        <Spinner label="Loading your services…" showLabel />
      </Card>
    );
  }
  if (services.isError) {
    return (
      <LoadErrorAlert
        title="Your services couldn't be loaded"
        error={services.error}
        onRetry={() => void services.refetch()}
        retrying={services.isFetching}
      />
    );
  }
  const active = services.data.filter((s) => s.active);
  const archived = services.data.filter((s) => !s.active);
  const failed = archive.error ?? restore.error;
  return (
    <Card title="Services" description={description} actions={addButton} flush>
      {failed ? (
        <Alert tone="error" title="That change wasn't saved">
          {apiErrorMessage(failed)}
        </Alert>
      ) : null}
      <DataTable
        caption="Services"
        captionHidden
        columns={columns(isAdmin, actions)}
        rows={active}
        rowKey={(s) => s.id}
        empty={
          <EmptyState
            headingLevel={3}
            title="No services yet"
            description={
              isAdmin
                ? "Add what you sell so customers and your AI receptionist can book it."
                : "Your admin hasn't added any services yet."
            }
          />
        }
      />
      {archived.length > 0 ? (
        <details className="tenant-archived">
          <summary>
            {archived.length} archived {archived.length === 1 ? "service" : "services"}
          </summary>
          <DataTable
            caption="Archived services"
            captionHidden
            columns={columns(isAdmin, actions)}
            rows={archived}
            rowKey={(s) => s.id}
          />
        </details>
      ) : null}
      {editing ? (
        <ServiceDialog service={editing === "new" ? undefined : editing} onClose={() => setEditing(null)} />
      ) : null}
    </Card>
  );
}
