import { Alert, apiErrorMessage, Button, Dialog } from "@servicepro/ui";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useMutation } from "@tanstack/react-query";
import "./export-dialog.css";

type Tenant = RouterOutputs["admin"]["tenants"]["list"][number];

/**
 * "Export data": the platform owner exports any business, at any plan and status (a cancelled
 * business's data handed over on request). The job builds the ZIP; the link shown here is the only
 * copy of its token, and works once the archive is ready, for 24 hours.
 */
export function ExportTenantDialog({ tenant, onClose }: { tenant: Pick<Tenant, "id" | "name">; onClose: () => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.admin.exports.create.mutationOptions());
  const link = create.data ? new URL(create.data.downloadPath, window.location.origin).toString() : null;

  return (
    <Dialog
      open
      onClose={onClose}
      title={`Export ${tenant.name}'s data`}
      description="A ZIP of everything the business has (CSV and JSON per kind, a README and checksums). It is recorded in the business's audit log as done by you."
    >
      <div className="sp-stack">
        {create.isError ? <Alert tone="error">{apiErrorMessage(create.error)}</Alert> : null}
        {link ? (
          <Alert tone="success" title="Export started">
            <p>
              It is being built now. This link downloads it once it is ready (a few minutes for most businesses) and
              stops working 24 hours after that. Copy it now: it is not shown again.
            </p>
            <p className="admin-export-link">
              <a href={link} download>
                {link}
              </a>
            </p>
          </Alert>
        ) : null}
        <div className="sp-dialog__footer">
          <Button onClick={onClose}>{link ? "Close" : "Cancel"}</Button>
          {link ? null : (
            <Button variant="primary" loading={create.isPending} onClick={() => create.mutate({ tenantId: tenant.id })}>
              Start export
            </Button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
