import { Button, Card, DataTable, type DataTableColumn, EmptyState, LoadErrorAlert, Spinner } from "@servicepro/ui";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { AddOnDialog } from "./AddOnDialog.tsx";
import { durationLabel } from "./catalog-format.ts";
import { SourceBadge } from "./SourceBadge.tsx";

type AddOn = RouterOutputs["tenant"]["catalog"]["addOns"][number];
type Service = RouterOutputs["tenant"]["catalog"]["services"][number];

const goesWith = (addOn: AddOn, services: readonly Service[]) =>
  addOn.serviceIds.length === 0
    ? "Any service"
    : addOn.serviceIds.map((id) => services.find((s) => s.id === id)?.name ?? "A removed service").join(", ");

/** Extras offered with a booking: which services they go with and when to offer them. */
export function AddOnsCard({ isAdmin }: { isAdmin: boolean }) {
  const trpc = useTRPC();
  const addOns = useQuery(trpc.tenant.catalog.addOns.queryOptions());
  const services = useQuery(trpc.tenant.catalog.services.queryOptions());
  const [editing, setEditing] = useState<AddOn | null>(null);
  const description = "Extras your staff and AI receptionist offer with a booking.";

  if (addOns.isPending || services.isPending) {
    return (
      <Card title="Add-ons" description={description}>
        <Spinner label="Loading add-ons…" showLabel />
      </Card>
    );
  }
  const failed = addOns.error ?? services.error;
  if (failed) {
    return (
      <LoadErrorAlert
        title="Your add-ons couldn't be loaded"
        error={failed}
        onRetry={() => void Promise.all([addOns.refetch(), services.refetch()])}
        retrying={addOns.isFetching || services.isFetching}
      />
    );
  }
  const serviceList = services.data ?? [];
  const columns: DataTableColumn<AddOn>[] = [
    {
      id: "name",
      header: "Add-on",
      rowHeader: true,
      cell: (addOn) => (
        <div className="tenant-catalog-item">
          <span className="tenant-catalog-item__title">
            {addOn.name} <SourceBadge source={addOn.source} />
          </span>
          {addOn.offerWhen ? <span className="sp-muted">Offer when: {addOn.offerWhen}</span> : null}
        </div>
      ),
    },
    { id: "services", header: "Goes with", cell: (addOn) => goesWith(addOn, serviceList) },
    {
      id: "time",
      header: "Extra time",
      nowrap: true,
      cell: (addOn) => (addOn.durationMinutes === 0 ? "None" : durationLabel(addOn.durationMinutes)),
    },
    { id: "price", header: "Price", nowrap: true, align: "end", cell: (addOn) => addOn.priceLabel },
  ];
  if (isAdmin) {
    columns.push({
      id: "actions",
      header: <span className="sp-visually-hidden">Actions</span>,
      align: "end",
      cell: (addOn) => (
        <Button size="sm" onClick={() => setEditing(addOn)} aria-label={`Edit ${addOn.name}`}>
          Edit
        </Button>
      ),
    });
  }
  return (
    <Card title="Add-ons" description={description} flush>
      <DataTable
        caption="Add-ons"
        captionHidden
        columns={columns}
        rows={(addOns.data ?? []).filter((a) => a.active)}
        rowKey={(a) => a.id}
        empty={<EmptyState headingLevel={3} title="No add-ons" description="Add-ons come with your industry pack." />}
      />
      {editing ? <AddOnDialog addOn={editing} services={serviceList} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}
