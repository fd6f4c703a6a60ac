import { Alert, apiErrorMessage, apiFieldErrors, Button, Dialog, TextAreaField } from "@servicepro/ui";
import { type RouterOutputs, useStartImpersonation } from "@servicepro/web";
import { type FormEvent, useState } from "react";

type Tenant = RouterOutputs["admin"]["tenants"]["list"][number];

const REASON_MAX = 500;

/**
 * "Login as tenant": asks why (recorded, and shown to the business in its settings), then opens
 * the business dashboard as that business's admin.
 */
export function LoginAsTenantDialog({ tenant, onClose }: { tenant: Tenant; onClose: () => void }) {
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const start = useStartImpersonation();
  const serverError = start.isError ? apiFieldErrors(start.error).reason : undefined;
  const localError =
    touched && reason.trim() === ""
      ? "Say why you are viewing this business (it is recorded and shown to the business)."
      : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (reason.trim() === "") return;
    start.mutate({ tenantId: tenant.id, reason });
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={`Login as ${tenant.name}`}
      description="You'll see their dashboard as their admin for up to 60 minutes. Credential changes, exports and the platform console are off until you exit."
    >
      <form className="sp-stack" onSubmit={submit} noValidate>
        <TextAreaField
          label="Reason"
          name="reason"
          required
          rows={3}
          maxLength={REASON_MAX}
          showCount
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          onBlur={() => setTouched(true)}
          hint="E.g. a support ticket number. The business can see this."
          error={localError ?? serverError}
        />
        {start.isError && !serverError ? (
          <Alert tone="error" title="Couldn't open their dashboard">
            {apiErrorMessage(start.error)}
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
      </form>
    </Dialog>
  );
}
