// A customer's merges, newest first, with "Undo merge" (admins) on the one that can still be undone
// exactly (the survivor's latest). Shows only what the server returned.
import "./customer-merge.css";
import { Alert, apiErrorMessage, Badge, Button, Card } from "@servicepro/ui";
import { useTRPC } from "@servicepro/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatPhone } from "../inbox/format.ts";
import { dateTimeLabel } from "./customer-format.ts";

export function MergeHistoryCard({
  customerId,
  isAdmin,
  onUndone,
}: {
  customerId: string;
  isAdmin: boolean;
  onUndone?: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const merges = useQuery(trpc.tenant.customers.merges.queryOptions({ customerId }));
  const [error, setError] = useState<string | null>(null);
  const undo = useMutation(
    trpc.tenant.customers.unmerge.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.tenant.customers.pathFilter());
        onUndone?.();
      },
      onError: (e) => setError(apiErrorMessage(e)),
    }),
  );
  if (!merges.data?.length) return null;
  return (
    <Card title="Merges" headingLevel={2}>
      <ul className="merge-history">
        {merges.data.map((merge) => (
          <li key={merge.id}>
            <span>
              {merge.survivorId === customerId
                ? `${merge.mergedName ?? formatPhone(merge.mergedPhone)} (${formatPhone(merge.mergedPhone)}) merged into this customer`
                : `Merged into ${merge.survivorName ?? "another customer"}`}{" "}
              <span className="sp-muted">on {dateTimeLabel(merge.createdAt)}</span>{" "}
              {merge.undoneAt ? <Badge tone="neutral">Undone {dateTimeLabel(merge.undoneAt)}</Badge> : null}
            </span>
            {isAdmin && merge.canUndo ? (
              <Button
                size="sm"
                loading={undo.isPending && undo.variables?.mergeId === merge.id}
                disabled={undo.isPending}
                onClick={() => {
                  setError(null);
                  undo.mutate({ mergeId: merge.id });
                }}
              >
                Undo merge
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {error ? (
        <Alert tone="error" title="The merge wasn't undone">
          {error}
        </Alert>
      ) : null}
    </Card>
  );
}
