// One business's readiness list: numbers, website, pack, branding, plan, each with its state,
// why, and the console page that fixes it. Shown on the Integrations page and from the tenants list.
import "./integrations.css";
import { Badge, type BadgeTone, Button, Dialog, LoadErrorAlert, Spinner } from "@servicepro/ui";
import { HrefLink, type RouterOutputs, useTRPC } from "@servicepro/web";
import { useQuery } from "@tanstack/react-query";

type Item = RouterOutputs["admin"]["integrations"]["tenantReadiness"]["items"][number];

const STATE: Record<Item["state"], { label: string; tone: BadgeTone }> = {
  ready: { label: "Ready", tone: "success" },
  attention: { label: "Needs attention", tone: "warning" },
  not_set_up: { label: "Not set up", tone: "neutral" },
};

/** `onEditPlan`: on the tenants page the plan dialog opens in place instead of following the link. */
export function TenantReadiness({ tenantId, onEditPlan }: { tenantId: string; onEditPlan?: () => void }) {
  const trpc = useTRPC();
  const readiness = useQuery(trpc.admin.integrations.tenantReadiness.queryOptions({ tenantId }));
  if (readiness.isPending) return <Spinner label="Checking the business…" showLabel />;
  if (readiness.isError)
    return (
      <LoadErrorAlert
        title="Readiness couldn't be checked"
        error={readiness.error}
        onRetry={() => void readiness.refetch()}
        retrying={readiness.isFetching}
      />
    );
  const { items, ready } = readiness.data;
  return (
    <div className="readiness">
      <p className="sp-muted">
        {ready} of {items.length} ready.
      </p>
      <ul className="readiness__list" aria-label={`Readiness of ${readiness.data.tenant.name}`}>
        {items.map((item) => (
          <li key={item.key} className="readiness__item">
            <div className="readiness__head">
              <span className="readiness__label">{item.label}</span>
              <Badge tone={STATE[item.state].tone} dot>
                {STATE[item.state].label}
              </Badge>
            </div>
            <p className="readiness__detail">{item.detail}</p>
            {item.fix && item.key === "plan" && onEditPlan ? (
              <Button size="sm" className="readiness__fix" onClick={onEditPlan}>
                {item.fix.label}
              </Button>
            ) : item.fix && item.state !== "ready" ? (
              <HrefLink href={item.fix.href} className="readiness__fix">
                {item.fix.label}
              </HrefLink>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function TenantReadinessDialog({
  tenant,
  onClose,
  onEditPlan,
}: {
  tenant: { id: string; name: string };
  onClose: () => void;
  onEditPlan?: () => void;
}) {
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Readiness · ${tenant.name}`}
      description="What this business still needs before it can take calls, texts and bookings."
      footer={<Button onClick={onClose}>Close</Button>}
    >
      <TenantReadiness tenantId={tenant.id} {...(onEditPlan ? { onEditPlan } : {})} />
    </Dialog>
  );
}
