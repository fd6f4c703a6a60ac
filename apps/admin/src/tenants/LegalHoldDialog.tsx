// The owner's legal-hold switch for one business (admin.retention.*, issue 16): shows whether a hold
// is on (since when, why), the cancellation deadline, and puts a hold on with a reason or lifts it.
// While a hold is on, no deletion of any kind runs for the business, and its Data retention page
// says so. Both changes are audited. What is shown comes from the server's answer.
import {
  Alert,
  applyServerErrors,
  Button,
  DescriptionList,
  Dialog,
  Form,
  FormTextAreaField,
  LoadErrorAlert,
  Spinner,
  useZodForm,
} from "@servicepro/ui";
import { legalHoldInput } from "@servicepro/validators";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

type Tenant = RouterOutputs["admin"]["tenants"]["list"][number];

const when = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC"
    : "—";

export function LegalHoldDialog({ tenant, onClose }: { tenant: Tenant; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const retention = useQuery(trpc.admin.retention.get.queryOptions({ tenantId: tenant.id }));
  const form = useZodForm(legalHoldInput, { defaultValues: { tenantId: tenant.id, on: true, reason: "" } });
  const [formError, setFormError] = useState<string | null>(null);
  const change = useMutation(
    trpc.admin.retention.setLegalHold.mutationOptions({
      onSuccess: (stored) => {
        queryClient.setQueryData(trpc.admin.retention.get.queryKey({ tenantId: tenant.id }), stored);
        form.reset({ tenantId: tenant.id, on: true, reason: "" });
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, ["reason"])),
    }),
  );
  const hold = retention.data?.legalHold ?? null;
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Legal hold · ${tenant.name}`}
      description="While a legal hold is on, nothing of this business is deleted: no old texts or recordings, no customer erasure, no deletion after cancellation. The change is recorded in the audit log."
    >
      {retention.isPending ? (
        <Spinner label="Loading the legal hold…" />
      ) : retention.isError ? (
        <LoadErrorAlert title="The legal hold couldn't load" error={retention.error} />
      ) : (
        <div className="sp-stack">
          <DescriptionList
            items={[
              { term: "Legal hold", detail: hold ? `On since ${when(hold.since)}` : "Off" },
              ...(hold ? [{ term: "Reason", detail: hold.reason }] : []),
              ...(retention.data.cancelledAt
                ? [
                    { term: "Cancelled", detail: when(retention.data.cancelledAt) },
                    { term: "Data deleted on", detail: when(retention.data.deletesAt) },
                  ]
                : []),
              ...(retention.data.dataPurgedAt
                ? [{ term: "Data deleted", detail: when(retention.data.dataPurgedAt) }]
                : []),
            ]}
          />
          {formError ? (
            <Alert tone="error" title="The legal hold wasn't changed">
              {formError}
            </Alert>
          ) : null}
          {hold ? (
            <div className="sp-dialog__footer">
              <Button onClick={onClose} disabled={change.isPending}>
                Close
              </Button>
              <Button
                variant="danger"
                loading={change.isPending}
                onClick={() => {
                  setFormError(null);
                  change.mutate({ tenantId: tenant.id, on: false });
                }}
              >
                Lift the legal hold
              </Button>
            </div>
          ) : (
            <Form
              form={form}
              className="sp-stack"
              aria-label="Put a legal hold on"
              onSubmit={(values) => {
                setFormError(null);
                change.mutate({ ...values, on: true });
              }}
            >
              <FormTextAreaField
                label="Reason"
                name="reason"
                rows={3}
                maxLength={500}
                required
                hint="The matter, case number or request the data must be kept for. The business sees only that a hold is on."
              />
              <div className="sp-dialog__footer">
                <Button onClick={onClose} disabled={change.isPending}>
                  Cancel
                </Button>
                <Button type="submit" variant="primary" loading={change.isPending}>
                  Put on legal hold
                </Button>
              </div>
            </Form>
          )}
        </div>
      )}
    </Dialog>
  );
}
