// "Erase this customer's personal data" (tenant.customers.erase, issue 16): an admin confirms by
// typing the customer's name (or phone, without a name). Says what goes and what stays (the consent
// record the law asks to keep), and shows the counts the server returns, not what was asked.
import { Alert, applyServerErrors, Button, Card, Dialog, Form, FormTextField, useZodForm } from "@servicepro/ui";
import { eraseCustomerInput } from "@servicepro/validators";
import { useTRPC } from "@servicepro/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { DialogFormFooter } from "../services/DialogFormFooter.tsx";

/** The card on the customer page that opens the dialog (admins only). */
export function EraseCustomerCard({ customerId, expected }: { customerId: string; expected: string }) {
  const [open, setOpen] = useState(false);
  const [erased, setErased] = useState<number | null>(null);
  return (
    <Card title="Erase this customer's personal data" headingLevel={2}>
      <div className="sp-stack">
        <p className="sp-muted">
          For a customer who asks to be forgotten: their name, contact details, notes, texts, vehicle or pet details and
          portal sign-ins are removed for good. Appointments and points stay as anonymous records, and the record of
          their text consent and opt-outs is kept, as the law requires.
        </p>
        {erased !== null ? <Alert tone="success">Erased: {erased} records changed or removed.</Alert> : null}
        <div>
          <Button variant="danger" onClick={() => setOpen(true)}>
            Erase personal data…
          </Button>
        </div>
      </div>
      {open ? (
        <EraseCustomerDialog
          customerId={customerId}
          expected={expected}
          onClose={() => setOpen(false)}
          onErased={(total) => {
            setErased(total);
            setOpen(false);
          }}
        />
      ) : null}
    </Card>
  );
}

export function EraseCustomerDialog({
  customerId,
  expected,
  onClose,
  onErased,
}: {
  customerId: string;
  expected: string;
  onClose: () => void;
  onErased: (total: number) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(eraseCustomerInput, { defaultValues: { customerId, confirmation: "" } });
  const [formError, setFormError] = useState<string | null>(null);
  const erase = useMutation(
    trpc.tenant.customers.erase.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries(trpc.tenant.customers.pathFilter());
        onErased(Object.values(result.counts).reduce((sum, n) => sum + n, 0));
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, ["confirmation"])),
    }),
  );
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Erase ${expected}'s personal data?`}
      description="This cannot be undone. Their consent and opt-out record (phone number, dates, what they sent) is kept as legal evidence."
    >
      <Form
        form={form}
        className="sp-stack"
        aria-label="Erase personal data"
        onSubmit={(values) => {
          setFormError(null);
          erase.mutate(values);
        }}
      >
        <FormTextField
          label={`Type “${expected}” to confirm`}
          name="confirmation"
          autoComplete="off"
          maxLength={200}
          required
        />
        <DialogFormFooter
          error={formError}
          errorTitle="Nothing was erased"
          pending={erase.isPending}
          submitLabel="Erase for good"
          onCancel={onClose}
        />
      </Form>
    </Dialog>
  );
}
