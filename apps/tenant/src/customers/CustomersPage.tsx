// The customer list: search by name, phone or email; filter by tag and last visit; "Load more"
// pages with the server's keyset cursor. Search and filters live in the URL (?q=&tag=&lastVisit=),
// so a reload or a shared link shows the same list.
import "./customers.css";
import {
  Badge,
  Button,
  Card,
  DataTable,
  type DataTableColumn,
  EmptyState,
  LoadErrorAlert,
  PageHeader,
  SelectField,
  Spinner,
  TextField,
} from "@servicepro/ui";
import { LAST_VISIT_FILTERS, type LastVisitFilter } from "@servicepro/validators";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { formatPhone } from "../inbox/format.ts";
import { CustomerDialog } from "./CustomerDialog.tsx";
import { lastVisitLabel, moneyLabel } from "./customer-format.ts";

type Customer = RouterOutputs["tenant"]["customers"]["list"]["items"][number];

const routeApi = getRouteApi("/customers");

export const LAST_VISIT_LABELS: Record<LastVisitFilter, string> = {
  never: "Never visited",
  "30d": "In the last 30 days",
  "90d": "In the last 90 days",
  "365d": "In the last year",
  over365d: "Over a year ago",
};

const columns: ReadonlyArray<DataTableColumn<Customer>> = [
  {
    id: "name",
    header: "Customer",
    rowHeader: true,
    cell: (c) => (
      <span className="sp-stack customers-name">
        <Link to="/customers/$customerId" params={{ customerId: c.id }}>
          {c.name ?? formatPhone(c.phone)}
        </Link>
        {c.name ? <span className="sp-muted">{formatPhone(c.phone)}</span> : null}
        {c.consent === "opted_out" ? <Badge tone="danger">Opted out of texts</Badge> : null}
      </span>
    ),
  },
  {
    id: "tags",
    header: "Tags",
    cell: (c) =>
      c.tags.length ? (
        <span className="customers-tags">
          {c.tags.map((tag) => (
            <Badge key={tag} tone="neutral">
              {tag}
            </Badge>
          ))}
        </span>
      ) : (
        <span className="sp-muted">None</span>
      ),
  },
  { id: "visit", header: "Last visit", nowrap: true, cell: (c) => lastVisitLabel(c.lastVisitAt) },
  {
    id: "spend",
    header: "Lifetime",
    align: "end",
    nowrap: true,
    cell: (c) => `${moneyLabel(c.lifetimeSpendCents)} · ${c.visitCount} ${c.visitCount === 1 ? "visit" : "visits"}`,
  },
];

export function CustomersPage() {
  const trpc = useTRPC();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const [typed, setTyped] = useState(search.q ?? "");
  const [adding, setAdding] = useState(false);

  // The search follows typing after a short pause, so each key press is not a request.
  useEffect(() => {
    const timer = setTimeout(() => {
      if ((search.q ?? "") !== typed.trim())
        void navigate({ search: (prev) => ({ ...prev, q: typed.trim() || undefined }), replace: true });
    }, 300);
    return () => clearTimeout(timer);
  }, [typed, search.q, navigate]);

  const input = {
    limit: 50,
    ...(search.q ? { search: search.q } : {}),
    ...(search.tag ? { tag: search.tag } : {}),
    ...(search.lastVisit ? { lastVisit: search.lastVisit } : {}),
  };
  const customers = useInfiniteQuery(
    trpc.tenant.customers.list.infiniteQueryOptions(input, {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
      placeholderData: keepPreviousData,
    }),
  );
  const rows = customers.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(search.q || search.tag || search.lastVisit);

  return (
    <div className="sp-stack">
      <title>Customers · ServicePro</title>
      <PageHeader
        eyebrow="People"
        title="Customers"
        description="Everyone who has texted, called or booked, and the ones you add."
        actions={
          <>
            <Link to="/customers/duplicates">Possible duplicates</Link>
            <Button variant="primary" onClick={() => setAdding(true)}>
              Add customer
            </Button>
          </>
        }
      />
      <Card>
        <div className="customers-filters" role="search">
          <TextField
            label="Search"
            type="search"
            placeholder="Name, phone or email"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            maxLength={100}
          />
          <TextField
            label="Tag"
            value={search.tag ?? ""}
            placeholder="e.g. vip"
            maxLength={32}
            onChange={(event) =>
              void navigate({
                search: (prev) => ({ ...prev, tag: event.target.value.trim().toLowerCase() || undefined }),
                replace: true,
              })
            }
          />
          <SelectField
            label="Last visit"
            value={search.lastVisit ?? ""}
            options={[
              { value: "", label: "Any time" },
              ...LAST_VISIT_FILTERS.map((value) => ({ value, label: LAST_VISIT_LABELS[value] })),
            ]}
            onChange={(event) =>
              void navigate({
                search: (prev) => ({
                  ...prev,
                  lastVisit: (event.target.value || undefined) as LastVisitFilter | undefined,
                }),
                replace: true,
              })
            }
          />
        </div>
      </Card>
      {customers.isPending ? (
        <Card>
          <div className="sp-center tenant-loading">
            <Spinner label="Loading customers…" showLabel />
          </div>
        </Card>
      ) : customers.isError ? (
        <LoadErrorAlert
          title="Your customers couldn't be loaded"
          error={customers.error}
          onRetry={() => void customers.refetch()}
          retrying={customers.isFetching}
        />
      ) : (
        <Card
          flush
          footer={
            customers.hasNextPage ? (
              <Button size="sm" onClick={() => void customers.fetchNextPage()} loading={customers.isFetchingNextPage}>
                Load more
              </Button>
            ) : undefined
          }
        >
          <DataTable
            caption="Customers"
            captionHidden
            columns={columns}
            rows={rows}
            rowKey={(c) => c.id}
            empty={
              <EmptyState
                headingLevel={2}
                title={filtered ? "No customer matches" : "No customers yet"}
                description={
                  filtered
                    ? "Try part of the name, the last digits of the number, or clear the filters."
                    : "Customers appear here when they text or call, or when you add them."
                }
              />
            }
          />
        </Card>
      )}
      {adding ? (
        <CustomerDialog
          onClose={() => setAdding(false)}
          onSaved={(saved) => {
            setAdding(false);
            void navigate({ to: "/customers/$customerId", params: { customerId: saved.id } });
          }}
        />
      ) : null}
    </div>
  );
}
