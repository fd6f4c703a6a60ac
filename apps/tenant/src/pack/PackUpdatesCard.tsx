import { Alert, apiErrorMessage, Badge, Button, Card, LoadErrorAlert, Spinner } from "@servicepro/ui";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import "./pack.css";

type Preview = NonNullable<RouterOutputs["tenant"]["pack"]["upgradePreview"]>;
type Item = Preview["willApply"][number];

const KIND_LABELS: Record<Item["kind"], string> = { service: "Service", addOn: "Add-on", faq: "Question" };
const CHANGE_LABELS: Record<Item["change"], string> = { added: "New", changed: "Changed", removed: "Removed" };
const HELD_BACK: Record<NonNullable<Item["heldBackReason"]>, string> = {
  edited: "You edited it, so your version stays.",
  archived: "You archived it, so it stays archived as it is.",
  deleted: "You deleted it, so it stays deleted.",
};

function ChangeList({ items, label }: { items: readonly Item[]; label: string }) {
  return (
    <ul className="tenant-pack-changes" aria-label={label}>
      {items.map((item) => (
        <li key={`${item.kind}:${item.packItemId}`}>
          <div className="tenant-pack-changes__head">
            <Badge tone={item.change === "removed" ? "warning" : item.change === "added" ? "success" : "info"}>
              {CHANGE_LABELS[item.change]}
            </Badge>
            <span className="sp-muted">{KIND_LABELS[item.kind]}</span>
            <strong>{item.title}</strong>
          </div>
          <ul className="tenant-pack-changes__details">
            {item.details.map((line) => (
              <li key={line}>{line}</li>
            ))}
            {item.heldBackReason ? <li>{HELD_BACK[item.heldBackReason]}</li> : null}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** The update preview and the Apply button (admins). */
function UpgradePreview({ onApplied }: { onApplied: (message: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const preview = useQuery(trpc.tenant.pack.upgradePreview.queryOptions());
  const apply = useMutation(
    trpc.tenant.pack.applyUpgrade.mutationOptions({
      onSuccess: async (result) => {
        const kept = result.heldBack > 0 ? `, ${result.heldBack} kept as you made them` : "";
        onApplied(
          `Updated to version ${result.toVersion}: ${result.applied} ${result.applied === 1 ? "change" : "changes"} applied${kept}.`,
        );
        await Promise.all([
          queryClient.invalidateQueries(trpc.tenant.pack.pathFilter()),
          queryClient.invalidateQueries(trpc.tenant.catalog.pathFilter()),
        ]);
      },
      // A stale preview (someone applied it meanwhile): show the current one under the message.
      onError: () => void queryClient.invalidateQueries(trpc.tenant.pack.pathFilter()),
    }),
  );
  if (preview.isPending) return <Spinner label="Working out what the update changes…" showLabel />;
  if (preview.isError)
    return (
      <LoadErrorAlert
        title="The update preview couldn't be loaded"
        error={preview.error}
        onRetry={() => void preview.refetch()}
        retrying={preview.isFetching}
      />
    );
  if (!preview.data) return <p className="sp-muted">There is no update to apply any more.</p>;
  const { willApply, heldBack, otherChanges, fromVersion, toVersion } = preview.data;
  return (
    <div className="sp-stack">
      <section aria-labelledby="pack-will-apply">
        <h3 id="pack-will-apply" className="tenant-pack-heading">
          Will be applied ({willApply.length})
        </h3>
        {willApply.length > 0 ? (
          <ChangeList items={willApply} label="Changes that will be applied" />
        ) : heldBack.length > 0 ? (
          <p className="sp-muted">Nothing: every change touches something you made your own.</p>
        ) : (
          <p className="sp-muted">Nothing in your services, add-ons or FAQs changes.</p>
        )}
      </section>
      {heldBack.length > 0 ? (
        <section aria-labelledby="pack-held-back">
          <h3 id="pack-held-back" className="tenant-pack-heading">
            Kept as you have them ({heldBack.length})
          </h3>
          <ChangeList items={heldBack} label="Changes held back because you changed the item" />
        </section>
      ) : null}
      {otherChanges.length > 0 ? (
        <p className="sp-muted">
          The update also changes suggested texts (such as campaign templates), hours or website copy; those are not
          applied to your settings automatically.
        </p>
      ) : null}
      {apply.isError ? (
        <Alert tone="error" title="The update wasn't applied">
          {apiErrorMessage(apply.error)}
        </Alert>
      ) : null}
      <div>
        <Button variant="primary" loading={apply.isPending} onClick={() => apply.mutate({ fromVersion, toVersion })}>
          Apply update
        </Button>
      </div>
    </div>
  );
}

/** Which industry pack the business runs on, and its update when ServicePro ships a newer version (admins). */
export function PackUpdatesCard() {
  const trpc = useTRPC();
  const status = useQuery(trpc.tenant.pack.status.queryOptions());
  const [reviewing, setReviewing] = useState(false);
  const [applied, setApplied] = useState<string | null>(null);

  if (status.isPending) return null;
  if (status.isError)
    return (
      <LoadErrorAlert
        title="Your industry pack's status couldn't be loaded"
        error={status.error}
        onRetry={() => void status.refetch()}
        retrying={status.isFetching}
      />
    );
  const { installed, latestVersion, upgradeAvailable } = status.data;
  if (!installed) return applied ? <Alert tone="success">{applied}</Alert> : null;

  if (!upgradeAvailable) {
    return (
      <Card title="Pack updates" description={`Your services started from the ${installed.packName} industry pack.`}>
        <div className="sp-stack">
          {applied ? <Alert tone="success">{applied}</Alert> : null}
          <p className="sp-muted">
            You have version {installed.version}
            {latestVersion === installed.version ? ", the newest." : "."}
          </p>
        </div>
      </Card>
    );
  }
  return (
    <Card
      title="Pack updates"
      description={`Version ${latestVersion} of the ${installed.packName} pack is available (you have ${installed.version}). Items you changed are never overwritten.`}
      actions={
        reviewing ? null : (
          <Button size="sm" variant="primary" onClick={() => setReviewing(true)}>
            Review the update
          </Button>
        )
      }
    >
      {reviewing ? (
        <UpgradePreview onApplied={setApplied} />
      ) : (
        <p className="sp-muted">See what changes before anything is applied.</p>
      )}
    </Card>
  );
}
