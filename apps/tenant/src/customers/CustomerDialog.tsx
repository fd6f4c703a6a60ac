import { applyServerErrors, Dialog, Form, FormTextAreaField, FormTextField, useZodForm } from "@servicepro/ui";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatPhone } from "../inbox/format.ts";
import { DialogFormFooter } from "../services/DialogFormFooter.tsx";
import { customerFormSchema } from "./customer-forms.ts";

type Profile = RouterOutputs["tenant"]["customers"]["get"]["customer"];

const FIELDS = ["name", "phone", "altPhones", "email", "address", "notes", "tags"] as const;

/** Adds a customer (no `customer`) or edits one; `onSaved` gets the record as the server stored it. */
export function CustomerDialog({
  customer,
  onClose,
  onSaved,
}: {
  customer?: Profile;
  onClose: () => void;
  onSaved: (saved: Profile) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(customerFormSchema, {
    defaultValues: {
      name: customer?.name ?? "",
      phone: customer ? formatPhone(customer.phone) : "",
      altPhones: customer?.altPhones.map((p) => formatPhone(p)).join(", ") ?? "",
      email: customer?.email ?? "",
      address: customer?.address ?? "",
      notes: customer?.notes ?? "",
      tags: customer?.tags.join(", ") ?? "",
    },
  });
  const [formError, setFormError] = useState<string | null>(null);
  const onSuccess = async (saved: Profile) => {
    await queryClient.invalidateQueries(trpc.tenant.customers.pathFilter());
    onSaved(saved);
  };
  const onError = (error: unknown) => setFormError(applyServerErrors(form.setError, error, FIELDS));
  const create = useMutation(trpc.tenant.customers.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.tenant.customers.update.mutationOptions({ onSuccess, onError }));
  const mutation = customer ? update : create;

  return (
    <Dialog
      open
      onClose={onClose}
      title={customer ? `Edit ${customer.name ?? formatPhone(customer.phone)}` : "Add a customer"}
      description="Phone numbers can be typed any way; they're saved in one format."
    >
      <Form
        form={form}
        className="sp-stack"
        aria-label={customer ? "Edit customer" : "Add a customer"}
        onSubmit={(fields) => {
          setFormError(null);
          if (customer) update.mutate({ id: customer.id, ...fields });
          else create.mutate(fields);
        }}
      >
        <FormTextField label="Name" name="name" required maxLength={120} autoComplete="off" />
        <FormTextField label="Mobile number" name="phone" type="tel" required autoComplete="off" />
        <FormTextField label="Other numbers" name="altPhones" type="tel" hint="Separate them with commas." />
        <FormTextField label="Email" name="email" type="email" autoComplete="off" />
        <FormTextField label="Address" name="address" hint="Where the work happens, for visits." maxLength={300} />
        <FormTextField label="Tags" name="tags" hint="Separate them with commas, e.g. vip, fleet." />
        <FormTextAreaField label="Notes" name="notes" rows={3} maxLength={4000} />
        <DialogFormFooter
          error={formError}
          errorTitle="The customer wasn't saved"
          pending={mutation.isPending}
          submitLabel={customer ? "Save changes" : "Add customer"}
          onCancel={onClose}
        />
      </Form>
    </Dialog>
  );
}
