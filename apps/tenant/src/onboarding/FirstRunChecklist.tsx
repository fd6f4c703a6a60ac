import { Badge, Button, Card, LoadErrorAlert, SuccessIcon } from "@servicepro/ui";
import { HrefLink, useAuthContext, useTRPC } from "@servicepro/web";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import "./onboarding.css";

const hiddenKey = (tenantId: string | null | undefined) => `sp.firstRun.hidden.${tenantId ?? "none"}`;

function readHidden(key: string): boolean {
  try {
    return window.localStorage.getItem(key) === "1";
  } catch {
    return false; // storage blocked: the card just stays visible
  }
}

/**
 * "Get set up": what a new business still has to do, from tenant.onboarding.checklist. Shown on the
 * overview until everything is done, or until this browser hides it.
 */
export function FirstRunChecklist() {
  const trpc = useTRPC();
  const auth = useAuthContext();
  const checklist = useQuery(trpc.tenant.onboarding.checklist.queryOptions());
  const key = hiddenKey(auth.data?.tenantId);
  const [hidden, setHidden] = useState(() => readHidden(key));

  if (hidden || checklist.isPending) return null;
  if (checklist.isError) {
    return (
      <LoadErrorAlert
        title="Your set-up checklist couldn't be loaded"
        error={checklist.error}
        onRetry={() => void checklist.refetch()}
        retrying={checklist.isFetching}
      />
    );
  }
  const { items, completed, total } = checklist.data;
  if (completed === total) return null;
  const hide = () => {
    try {
      window.localStorage.setItem(key, "1");
    } catch {
      // storage blocked: hidden for this visit only
    }
    setHidden(true);
  };
  return (
    <Card
      title="Get set up"
      description={`${completed} of ${total} done. Finish these and ServicePro can answer, book and follow up for you.`}
      actions={
        <Button size="sm" variant="ghost" onClick={hide}>
          Hide for now
        </Button>
      }
    >
      <progress
        className="tenant-first-run__progress"
        max={total}
        value={completed}
        aria-label={`${completed} of ${total} set-up steps done`}
      />
      <ol className="tenant-first-run" aria-label="Set-up steps">
        {items.map((item) => (
          <li
            key={item.id}
            className={item.done ? "tenant-first-run__item tenant-first-run__item--done" : "tenant-first-run__item"}
          >
            <span className="tenant-first-run__mark" aria-hidden="true">
              {item.done ? <SuccessIcon size={18} /> : null}
            </span>
            <div>
              <p className="tenant-first-run__label">
                {item.href && !item.done ? <HrefLink href={item.href}>{item.label}</HrefLink> : item.label}{" "}
                {item.done ? <Badge tone="success">Done</Badge> : <span className="sp-visually-hidden">(to do)</span>}
              </p>
              {item.done ? null : <p className="sp-muted tenant-first-run__description">{item.description}</p>}
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}
