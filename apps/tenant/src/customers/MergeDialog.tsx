// "Merge with…" from a customer's page (admins): find the other record, choose which one stays, see
// what moves (from the server's preview), confirm. The merge can be undone from the merge history.
import "./customer-merge.css";
import { Alert, apiErrorMessage, Button, Dialog, Spinner, TextField } from "@servicepro/ui";
import { useTRPC } from "@servicepro/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatPhone } from "../inbox/format.ts";
import { CustomerSummary } from "./DuplicatesPage.tsx";
import { movesLabel } from "./merge-format.ts";

export function MergeDialog({
  customerId,
  customerLabel,
  onClose,
  onMerged,
}: {
  customerId: string;
  customerLabel: string;
  onClose: () => void;
  onMerged: (survivorId: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [otherId, setOtherId] = useState<string | null>(null);
  const [keepThis, setKeepThis] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const term = search.trim();
  const results = useQuery({
    ...trpc.tenant.customers.list.queryOptions({ search: term, limit: 8 }),
    enabled: term.length >= 2 && !otherId,
  });
  const pair = otherId
    ? keepThis
      ? { survivorId: customerId, mergedId: otherId }
      : { survivorId: otherId, mergedId: customerId }
    : null;
  const preview = useQuery({
    ...trpc.tenant.customers.mergePreview.queryOptions(pair ?? { survivorId: customerId, mergedId: customerId }),
    enabled: !!pair,
  });
  const merge = useMutation(
    trpc.tenant.customers.merge.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries(trpc.tenant.customers.pathFilter());
        onMerged(result.survivorId);
      },
      onError: (e) => setError(apiErrorMessage(e)),
    }),
  );
  const candidates = (results.data?.items ?? []).filter((c) => c.id !== customerId);

  return (
    <Dialog
      open
      onClose={onClose}
      title={`Merge ${customerLabel} with another customer`}
      description="One record stays, with everything from both: appointments, texts, calls, vehicles, points and consent. The stricter consent is kept. You can undo it later."
    >
      <div className="sp-stack">
        {!otherId ? (
          <>
            <TextField
              label="Find the other customer"
              hint="Name, phone or email"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              autoFocus
            />
            {results.isFetching ? <Spinner label="Searching…" showLabel /> : null}
            {term.length >= 2 && results.isSuccess && candidates.length === 0 ? (
              <p className="sp-muted">No other customer matches “{term}”.</p>
            ) : null}
            <ul className="merge-search-results" aria-label="Matching customers">
              {candidates.map((c) => (
                <li key={c.id}>
                  <Button variant="ghost" onClick={() => setOtherId(c.id)}>
                    {c.name ?? "No name"} · {formatPhone(c.phone)}
                    {c.email ? ` · ${c.email}` : ""}
                  </Button>
                </li>
              ))}
            </ul>
          </>
        ) : preview.isPending ? (
          <Spinner label="Working out what moves…" showLabel />
        ) : preview.isError ? (
          <Alert tone="error" title="The merge couldn't be previewed">
            {apiErrorMessage(preview.error)}
          </Alert>
        ) : (
          <>
            <fieldset className="merge-pair">
              <legend>Which record stays?</legend>
              {[preview.data.survivor, preview.data.merged].map((side) => {
                const isThis = side.id === customerId;
                const chosen = side.id === preview.data.survivor.id;
                return (
                  <label key={side.id} className={chosen ? "merge-side merge-side--chosen" : "merge-side"}>
                    <span>
                      <input type="radio" name="survivor" checked={chosen} onChange={() => setKeepThis(isThis)} />{" "}
                      {chosen ? "Stays" : "Merged into the other"}
                    </span>
                    <CustomerSummary customer={side} />
                  </label>
                );
              })}
            </fieldset>
            <div>
              <p>
                Moves from {preview.data.merged.name ?? formatPhone(preview.data.merged.phone)} to{" "}
                {preview.data.survivor.name ?? formatPhone(preview.data.survivor.phone)}:
              </p>
              {movesLabel(preview.data.moves).length ? (
                <ul className="merge-moves">
                  {movesLabel(preview.data.moves).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              ) : (
                <p className="sp-muted">Nothing but the record itself.</p>
              )}
              <p className="sp-muted">
                {formatPhone(preview.data.merged.phone)} becomes one of the other numbers of the record that stays.
              </p>
            </div>
          </>
        )}
        {error ? (
          <Alert tone="error" title="The customers weren't merged">
            {error}
          </Alert>
        ) : null}
        <div className="merge-actions">
          {otherId ? (
            <Button variant="ghost" onClick={() => setOtherId(null)} disabled={merge.isPending}>
              Choose another customer
            </Button>
          ) : null}
          <Button variant="ghost" onClick={onClose} disabled={merge.isPending}>
            Cancel
          </Button>
          <Button
            variant="primary"
            disabled={!pair || !preview.isSuccess}
            loading={merge.isPending}
            onClick={() => {
              if (!pair) return;
              setError(null);
              merge.mutate(pair);
            }}
          >
            Merge
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
