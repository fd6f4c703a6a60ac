import { Alert, apiErrorMessage, apiFieldErrors, Button, Dialog, SelectField } from "@servicepro/ui";
import {
  PLAN_TIERS,
  type PlanTier,
  planTierBadgeLabel,
  type RouterOutputs,
  TENANT_STATUSES,
  type TenantStatus,
  tenantStatusLabel,
  useTRPC,
} from "@servicepro/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";

type Tenant = RouterOutputs["admin"]["tenants"]["list"][number];

const PLAN_OPTIONS = PLAN_TIERS.map((tier) => ({ value: tier, label: planTierBadgeLabel(tier) }));
const STATUS_OPTIONS = TENANT_STATUSES.map((status) => ({ value: status, label: tenantStatusLabel(status) }));

/** What each status means for the business, shown under the select so the owner knows what they are about to do. */
const STATUS_EFFECTS: Record<TenantStatus, string> = {
  trialing: "Everything the plan includes works while they try ServicePro.",
  active: "Everything the plan includes works.",
  past_due: "Everything still works; the dashboard asks them to settle the balance.",
  suspended:
    "They can sign in, read and export, but changes and automated messages stop. Inbound messages are still stored.",
  cancelled: "Like suspended: data kept and readable, nothing sent on their behalf.",
};

/**
 * The owner's "Edit plan & status" dialog. Sends only what changed (the API takes a partial
 * update); the list refreshes from the server's answer.
 */
export function EditPlanDialog({ tenant, onClose }: { tenant: Tenant; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [planTier, setPlanTier] = useState<PlanTier>(tenant.planTier);
  const [status, setStatus] = useState<TenantStatus>(tenant.status);
  const update = useMutation(
    trpc.admin.tenants.updatePlan.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.admin.tenants.list.queryFilter());
        onClose();
      },
    }),
  );
  const fieldErrors = update.isError ? apiFieldErrors(update.error) : {};
  const unchanged = planTier === tenant.planTier && status === tenant.status;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (unchanged) return onClose();
    update.mutate({
      tenantId: tenant.id,
      ...(planTier !== tenant.planTier ? { planTier } : {}),
      ...(status !== tenant.status ? { status } : {}),
    });
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={`Edit plan & status · ${tenant.name}`}
      description="Takes effect on the business's next request. The change is recorded in the audit log."
    >
      <form className="sp-stack" onSubmit={submit} noValidate>
        <SelectField
          label="Plan"
          name="planTier"
          options={PLAN_OPTIONS}
          value={planTier}
          onChange={(event) => setPlanTier(event.target.value as PlanTier)}
          hint={
            planTier === "internal"
              ? "Family, friends and demo accounts: every feature on, at cost, no upgrade prompts."
              : undefined
          }
          error={fieldErrors.planTier}
        />
        <SelectField
          label="Status"
          name="status"
          options={STATUS_OPTIONS}
          value={status}
          onChange={(event) => setStatus(event.target.value as TenantStatus)}
          hint={STATUS_EFFECTS[status]}
          error={fieldErrors.status}
        />
        {update.isError && !fieldErrors.planTier && !fieldErrors.status ? (
          <Alert tone="error" title="The change wasn't saved">
            {apiErrorMessage(update.error)}
          </Alert>
        ) : null}
        <div className="sp-dialog__footer">
          <Button onClick={onClose} disabled={update.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={update.isPending} disabled={unchanged}>
            Save changes
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
