import type { PlanTier, TenantStatus } from "@servicepro/tenancy/constants";
import { Badge } from "@servicepro/ui";
import { PLAN_TIER_TONES, planTierBadgeLabel, TENANT_STATUS_TONES, tenantStatusLabel } from "../labels.ts";

export function PlanTierBadge({ tier }: { tier: PlanTier }) {
  return (
    <Badge tone={PLAN_TIER_TONES[tier] ?? "neutral"} data-plan-tier={tier}>
      {planTierBadgeLabel(tier)}
    </Badge>
  );
}

export function TenantStatusBadge({ status }: { status: TenantStatus }) {
  return (
    <Badge tone={TENANT_STATUS_TONES[status] ?? "neutral"} dot data-tenant-status={status}>
      {tenantStatusLabel(status)}
    </Badge>
  );
}
