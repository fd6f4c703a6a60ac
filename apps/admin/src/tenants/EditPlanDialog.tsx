import {
  Alert,
  applyServerErrors,
  Button,
  Dialog,
  Form,
  FormCheckboxField,
  FormSelectField,
  useZodForm,
} from "@servicepro/ui";
import {
  needsRootStatusConfirmation,
  PLAN_TIERS,
  planTierBadgeLabel,
  ROOT_STATUS_WARNING,
  type RouterOutputs,
  TENANT_STATUSES,
  type TenantStatus,
  tenantStatusLabel,
  useTRPC,
} from "@servicepro/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { z } from "zod";

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

/** The dialog's fields, with the rule the server applies: stopping the root tenant is confirmed. */
const editPlanSchema = (tenantId: string) =>
  z
    .object({ planTier: z.enum(PLAN_TIERS), status: z.enum(TENANT_STATUSES), confirmRootStatus: z.boolean() })
    .refine((v) => !needsRootStatusConfirmation(tenantId, v.status) || v.confirmRootStatus, {
      path: ["confirmRootStatus"],
      message: "Tick the box to confirm, or choose another status.",
    });

/**
 * The owner's "Edit plan & status" dialog. Sends only what changed (the API takes a partial
 * update); the list refreshes from the server's answer.
 */
export function EditPlanDialog({ tenant, onClose }: { tenant: Tenant; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const schema = useMemo(() => editPlanSchema(tenant.id), [tenant.id]);
  const form = useZodForm(schema, {
    defaultValues: { planTier: tenant.planTier, status: tenant.status, confirmRootStatus: false },
  });
  const [formError, setFormError] = useState<string | null>(null);
  const update = useMutation(
    trpc.admin.tenants.updatePlan.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.admin.tenants.list.queryFilter());
        onClose();
      },
      onError: (error) =>
        setFormError(applyServerErrors(form.setError, error, ["planTier", "status", "confirmRootStatus"])),
    }),
  );
  const [planTier, status] = form.watch(["planTier", "status"]);
  const unchanged = planTier === tenant.planTier && status === tenant.status;
  const stopsRoot = needsRootStatusConfirmation(tenant.id, status);

  return (
    <Dialog
      open
      onClose={onClose}
      title={`Edit plan & status · ${tenant.name}`}
      description="Takes effect on the business's next request. The change is recorded in the audit log."
    >
      <Form
        form={form}
        className="sp-stack"
        onSubmit={(values) => {
          if (unchanged) return onClose();
          setFormError(null);
          update.mutate({
            tenantId: tenant.id,
            ...(values.planTier !== tenant.planTier ? { planTier: values.planTier } : {}),
            ...(values.status !== tenant.status ? { status: values.status } : {}),
            ...(needsRootStatusConfirmation(tenant.id, values.status) ? { confirmRootStatus: true as const } : {}),
          });
        }}
      >
        <FormSelectField
          label="Plan"
          name="planTier"
          options={PLAN_OPTIONS}
          hint={
            planTier === "internal"
              ? "Family, friends and demo accounts: every feature on, at cost, no upgrade prompts."
              : undefined
          }
        />
        <FormSelectField label="Status" name="status" options={STATUS_OPTIONS} hint={STATUS_EFFECTS[status]} />
        {stopsRoot ? (
          <>
            <Alert tone="warning" title="This stops the root business">
              {ROOT_STATUS_WARNING}
            </Alert>
            <FormCheckboxField
              name="confirmRootStatus"
              label={`Yes, make ${tenant.name} ${tenantStatusLabel(status).toLowerCase()}`}
            />
          </>
        ) : null}
        {formError ? (
          <Alert tone="error" title="The change wasn't saved">
            {formError}
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
      </Form>
    </Dialog>
  );
}
