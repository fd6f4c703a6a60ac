// "Possible duplicates": pairs of customers that look like one person, side by side, with why.
// Certain pairs share a phone or an email; likely ones (same name and street, an email typo) are
// for a person to judge. Admins merge (choosing which record stays) or say "Not the same person";
// staff can look. A pair leaves the list only when the server's answer says it is done.
import "./customers.css";
import "./customer-merge.css";
import {
  Alert,
  apiErrorMessage,
  Badge,
  Button,
  Card,
  EmptyState,
  LoadErrorAlert,
  PageHeader,
  Spinner,
} from "@servicepro/ui";
import { type RouterOutputs, useSignedInContext, useTRPC } from "@servicepro/web";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { formatPhone } from "../inbox/format.ts";
import { lastVisitLabel } from "./customer-format.ts";
import { REASON_LABELS } from "./merge-format.ts";

type Pair = RouterOutputs["tenant"]["customers"]["duplicates"]["items"][number];
type Side = Pair["a"];

export function DuplicatesPage() {
  const trpc = useTRPC();
  const context = useSignedInContext();
  const isAdmin = context.role === "tenant_admin" || context.role === "platform_owner";
  const pairs = useInfiniteQuery(
    trpc.tenant.customers.duplicates.infiniteQueryOptions(
      { limit: 25 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const items = pairs.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="sp-stack">
      <title>Possible duplicates · Customers · ServicePro</title>
      <PageHeader
        eyebrow={<Link to="/customers">Customers</Link>}
        title="Possible duplicates"
        description="Customers that look like the same person. Merging keeps one record with everything from both; it can be undone from the customer's page."
      />
      {pairs.isPending ? (
        <Card>
          <div className="sp-center tenant-loading">
            <Spinner label="Looking for duplicates…" showLabel />
          </div>
        </Card>
      ) : pairs.isError ? (
        <LoadErrorAlert
          title="The duplicates couldn't be loaded"
          error={pairs.error}
          onRetry={() => void pairs.refetch()}
          retrying={pairs.isFetching}
        />
      ) : items.length === 0 && !pairs.hasNextPage ? (
        <Card>
          <EmptyState
            headingLevel={2}
            title="No possible duplicates"
            description="Every customer looks like one person."
          />
        </Card>
      ) : (
        <>
          {items.map((pair) => (
            <PairCard key={`${pair.a.id}:${pair.b.id}`} pair={pair} isAdmin={isAdmin} />
          ))}
          {pairs.hasNextPage ? (
            <Button onClick={() => void pairs.fetchNextPage()} loading={pairs.isFetchingNextPage}>
              Show more
            </Button>
          ) : null}
        </>
      )}
    </div>
  );
}

function PairCard({ pair, isAdmin }: { pair: Pair; isAdmin: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.tenant.customers.pathFilter());
  const merge = useMutation(
    trpc.tenant.customers.merge.mutationOptions({
      onSuccess: async (result) => {
        setDone(result.survivorId);
        await refresh();
      },
      onError: (e) => setError(apiErrorMessage(e)),
    }),
  );
  const dismiss = useMutation(
    trpc.tenant.customers.dismissDuplicate.mutationOptions({
      onSuccess: refresh,
      onError: (e) => setError(apiErrorMessage(e)),
    }),
  );
  const busy = merge.isPending || dismiss.isPending;
  const keep = (survivor: Side, merged: Side) => {
    setError(null);
    merge.mutate({ survivorId: survivor.id, mergedId: merged.id });
  };
  const label = (side: Side) => side.name ?? formatPhone(side.phone);

  return (
    <Card
      title={`${label(pair.a)} and ${label(pair.b)}`}
      headingLevel={2}
      actions={
        <span className="merge-reasons">
          <Badge tone={pair.level === "certain" ? "warning" : "neutral"}>
            {pair.level === "certain" ? "Same person" : "Maybe the same person"}
          </Badge>
        </span>
      }
    >
      <div className="sp-stack">
        <p className="merge-reasons">
          {pair.reasons.map((reason) => (
            <Badge key={reason} tone="info">
              {REASON_LABELS[reason]}
            </Badge>
          ))}
        </p>
        <div className="merge-pair">
          {[pair.a, pair.b].map((side) => {
            const other = side === pair.a ? pair.b : pair.a;
            return (
              <section key={side.id} className="merge-side" aria-label={label(side)}>
                <CustomerSummary customer={side} />
                {isAdmin && !done ? (
                  <Button onClick={() => keep(side, other)} disabled={busy} loading={merge.isPending}>
                    Merge, keep this one
                  </Button>
                ) : null}
              </section>
            );
          })}
        </div>
        {done ? (
          <Alert tone="success" title="Merged">
            <Link to="/customers/$customerId" params={{ customerId: done }}>
              Open the merged customer
            </Link>
          </Alert>
        ) : null}
        {error ? (
          <Alert tone="error" title="That didn't work">
            {error}
          </Alert>
        ) : null}
        {isAdmin && !done ? (
          <div className="merge-actions">
            <Button
              variant="ghost"
              disabled={busy}
              loading={dismiss.isPending}
              onClick={() => {
                setError(null);
                dismiss.mutate({ customerId: pair.a.id, otherId: pair.b.id });
              }}
            >
              Not the same person
            </Button>
          </div>
        ) : null}
      </div>
    </Card>
  );
}

export function CustomerSummary({ customer }: { customer: Side }) {
  return (
    <>
      <Link to="/customers/$customerId" params={{ customerId: customer.id }}>
        <strong>{customer.name ?? "No name"}</strong>
      </Link>
      <span>{formatPhone(customer.phone)}</span>
      {customer.altPhones.length ? (
        <span className="sp-muted">Also {customer.altPhones.map((p) => formatPhone(p)).join(", ")}</span>
      ) : null}
      <span>{customer.email ?? <span className="sp-muted">No email</span>}</span>
      <span>{customer.address ?? <span className="sp-muted">No address</span>}</span>
      <span className="sp-muted">
        {customer.visitCount} {customer.visitCount === 1 ? "visit" : "visits"} · last visit:{" "}
        {lastVisitLabel(customer.lastVisitAt)}
      </span>
    </>
  );
}
