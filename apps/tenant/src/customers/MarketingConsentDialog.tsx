import { applyServerErrors, Dialog, Form, FormTextAreaField, useZodForm } from "@servicepro/ui";
import { customerMarketingConsentInput } from "@servicepro/validators";
import { useTRPC } from "@servicepro/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { DialogFormFooter } from "../services/DialogFormFooter.tsx";

/**
 * Records that the customer agreed to offers by text (`allow`), with the note that is the consent's
 * evidence, or that they asked for no more offers (the note is optional then).
 */
export function MarketingConsentDialog({
  customerId,
  customerLabel,
  allow,
  onClose,
}: {
  customerId: string;
  customerLabel: string;
  allow: boolean;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(customerMarketingConsentInput, { defaultValues: { customerId, allow, note: "" } });
  const [formError, setFormError] = useState<string | null>(null);
  const save = useMutation(
    trpc.tenant.customers.setMarketingConsent.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.tenant.customers.pathFilter());
        onClose();
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, ["note"])),
    }),
  );

  return (
    <Dialog
      open
      onClose={onClose}
      title={allow ? `${customerLabel} agreed to offers by text` : `Stop offers to ${customerLabel}`}
      description={
        allow
          ? "Only when the customer said yes to offers themselves. Appointment texts are a separate consent."
          : "Appointment texts (confirmations, reminders) carry on."
      }
    >
      <Form
        form={form}
        className="sp-stack"
        aria-label={allow ? "Record consent to offers" : "Stop offers"}
        onSubmit={(values) => {
          setFormError(null);
          save.mutate(values);
        }}
      >
        <FormTextAreaField
          label={allow ? "How did they agree?" : "Note (optional)"}
          name="note"
          rows={3}
          maxLength={500}
          required={allow}
          hint={allow ? "E.g. “Asked at the counter on 3 March, signed the paper form.”" : undefined}
        />
        <DialogFormFooter
          error={formError}
          errorTitle="The consent wasn't recorded"
          pending={save.isPending}
          submitLabel={allow ? "Record consent" : "Stop offers"}
          onCancel={onClose}
        />
      </Form>
    </Dialog>
  );
}
