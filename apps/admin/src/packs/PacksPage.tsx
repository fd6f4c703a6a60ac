// Every industry pack, with its version and what it holds; a pack's details open in a drawer.
// The open pack lives in the URL (?pack=<id>) so it can be linked and reloaded.
import "./packs.css";
import {
  Button,
  Card,
  DataTable,
  type DataTableColumn,
  EmptyState,
  LoadErrorAlert,
  PageHeader,
  Spinner,
} from "@servicepro/ui";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { PackDrawer } from "./PackDetails.tsx";

type PackSummary = RouterOutputs["admin"]["packs"]["list"][number];

const route = getRouteApi("/packs");

function columns(open: (id: string) => void): ReadonlyArray<DataTableColumn<PackSummary>> {
  return [
    {
      id: "name",
      header: "Pack",
      rowHeader: true,
      cell: (pack) => (
        <span className="pack-row-name">
          <span>{pack.name}</span>
          <span className="sp-muted">{pack.summary}</span>
        </span>
      ),
    },
    { id: "version", header: "Version", nowrap: true, cell: (pack) => <span className="sp-mono">{pack.version}</span> },
    { id: "services", header: "Services", align: "end", cell: (pack) => pack.counts.services },
    { id: "addOns", header: "Add-ons", align: "end", cell: (pack) => pack.counts.addOns },
    { id: "faqs", header: "FAQs", align: "end", cell: (pack) => pack.counts.faqs },
    {
      id: "actions",
      header: "Details",
      align: "end",
      cell: (pack) => (
        <Button size="sm" onClick={() => open(pack.id)} aria-label={`View the ${pack.name} pack`}>
          View
        </Button>
      ),
    },
  ];
}

export function PacksPage() {
  const trpc = useTRPC();
  const packs = useQuery(trpc.admin.packs.list.queryOptions());
  const { pack: openId } = route.useSearch();
  const navigate = route.useNavigate();
  const open = (id: string | null) => void navigate({ search: id ? { pack: id } : {}, replace: true });
  const openPack = packs.data?.find((pack) => pack.id === openId);

  return (
    <div className="sp-stack">
      <title>Industry packs · Platform console · ServicePro</title>
      <PageHeader
        eyebrow="Platform console"
        title="Industry packs"
        description="The starter services, prices, add-ons, FAQs, phone greeting and website copy a new business gets for its trade."
      />
      {packs.isPending ? (
        <Card>
          <div className="sp-center admin-loading">
            <Spinner label="Loading packs…" showLabel />
          </div>
        </Card>
      ) : packs.isError ? (
        <LoadErrorAlert
          title="Packs couldn't be loaded"
          error={packs.error}
          onRetry={() => void packs.refetch()}
          retrying={packs.isFetching}
        />
      ) : (
        <Card flush>
          <DataTable
            caption="Industry packs"
            captionHidden
            columns={columns(open)}
            rows={packs.data}
            rowKey={(pack) => pack.id}
            empty={
              <EmptyState
                headingLevel={2}
                title="No packs"
                description="This build ships without industry packs; check the deployment."
              />
            }
          />
        </Card>
      )}
      {openPack ? <PackDrawer pack={openPack} onClose={() => open(null)} /> : null}
    </div>
  );
}
