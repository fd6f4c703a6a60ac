import { Alert, applyServerErrors, Button, Dialog, Form, FormTextAreaField, useZodForm } from "@servicepro/ui";
import { textSchema } from "@servicepro/validators";
import { type RouterOutputs, useStartImpersonation } from "@servicepro/web";
import { useState } from "react";
import { z } from "zod";

type Tenant = RouterOutputs["admin"]["tenants"]["list"][number];

const REASON_MAX = 500;

const reasonSchema = z.object({
  reason: textSchema("the reason", { min: 0, max: REASON_MAX }).refine((reason) => reason.length > 0, {
    message: "Say why you are viewing this business (it is recorded and shown to the business).",
  }),
});

/**
 * "Login as tenant": asks why (recorded, and shown to the business in its settings), then opens
 * the business dashboard as that business's admin.
 */
export function LoginAsTenantDialog({
  tenant,
  defaultReason = "",
  onClose,
}: {
  tenant: Pick<Tenant, "id" | "name">;
  /** What the reason starts as (e.g. "Finishing concierge setup" right after a set-up). */
  defaultReason?: string;
  onClose: () => void;
}) {
  const form = useZodForm(reasonSchema, { defaultValues: { reason: defaultReason } });
  const [formError, setFormError] = useState<string | null>(null);
  const start = useStartImpersonation();

  return (
    <Dialog
      open
      onClose={onClose}
      title={`Login as ${tenant.name}`}
      description="You'll see their dashboard as their admin for up to 60 minutes. Credential changes, exports and the platform console are off until you exit."
    >
      <Form
        form={form}
        className="sp-stack"
        onSubmit={({ reason }) => {
          setFormError(null);
          start.mutate(
            { tenantId: tenant.id, reason },
            { onError: (error) => setFormError(applyServerErrors(form.setError, error, ["reason"])) },
          );
        }}
      >
        <FormTextAreaField
          label="Reason"
          name="reason"
          required
          rows={3}
          maxLength={REASON_MAX}
          showCount
          hint="E.g. a support ticket number. The business can see this."
        />
        {formError ? (
          <Alert tone="error" title="Couldn't open their dashboard">
            {formError}
          </Alert>
        ) : null}
        <div className="sp-dialog__footer">
          <Button onClick={onClose} disabled={start.isPending || start.isSuccess}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={start.isPending || start.isSuccess}>
            Open their dashboard
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
