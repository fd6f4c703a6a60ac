import {
  applyServerErrors,
  CheckboxField,
  Dialog,
  Form,
  FormTextAreaField,
  FormTextField,
  useZodForm,
} from "@servicepro/ui";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { dollarsText } from "./catalog-format.ts";
import { addOnFormSchema } from "./catalog-forms.ts";
import { DialogFormFooter } from "./DialogFormFooter.tsx";
import { useRefreshCatalog } from "./refresh.ts";

type AddOn = RouterOutputs["tenant"]["catalog"]["addOns"][number];
type Service = RouterOutputs["tenant"]["catalog"]["services"][number];

const FIELDS = ["name", "description", "priceCents", "durationMinutes", "serviceIds", "offerWhen"] as const;

/** Edits an add-on: its price, extra time, the services it goes with and when to offer it. */
export function AddOnDialog({
  addOn,
  services,
  onClose,
}: {
  addOn: AddOn;
  services: readonly Service[];
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshCatalog();
  const form = useZodForm(addOnFormSchema, {
    defaultValues: {
      name: addOn.name,
      description: addOn.description,
      priceCents: dollarsText(addOn.priceCents),
      durationMinutes: String(addOn.durationMinutes),
      serviceIds: addOn.serviceIds,
      offerWhen: addOn.offerWhen,
    },
  });
  const [formError, setFormError] = useState<string | null>(null);
  const update = useMutation(
    trpc.tenant.catalog.updateAddOn.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onClose();
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, FIELDS)),
    }),
  );
  // Archived services it still points at stay listed, so unticking them is possible.
  const choices = services.filter((service) => service.active || addOn.serviceIds.includes(service.id));
  const serviceIds = form.watch("serviceIds");
  const serviceIdsError = form.formState.errors.serviceIds?.message;
  const toggle = (id: string, checked: boolean) =>
    form.setValue("serviceIds", checked ? [...serviceIds, id] : serviceIds.filter((other) => other !== id), {
      shouldDirty: true,
      shouldValidate: Boolean(serviceIdsError),
    });

  return (
    <Dialog
      open
      onClose={onClose}
      title={`Edit ${addOn.name}`}
      description="Add-ons are extras staff and the AI receptionist offer with a booking."
    >
      <Form
        form={form}
        className="sp-stack"
        onSubmit={(fields) => {
          setFormError(null);
          update.mutate({ id: addOn.id, ...fields });
        }}
      >
        <FormTextField label="Name" name="name" required maxLength={80} />
        <FormTextAreaField label="Description" name="description" rows={2} maxLength={600} />
        <div className="tenant-field-pair">
          <FormTextField label="Price ($)" name="priceCents" inputMode="decimal" required />
          <FormTextField label="Extra time (minutes)" name="durationMinutes" type="number" min={0} step={15} />
        </div>
        <fieldset className="tenant-fieldset">
          <legend className="sp-field__label">Goes with</legend>
          <p className="sp-field__hint">Tick none to offer it with any service.</p>
          {choices.map((service) => (
            <CheckboxField
              key={service.id}
              label={service.name}
              checked={serviceIds.includes(service.id)}
              onChange={(e) => toggle(service.id, e.target.checked)}
            />
          ))}
          {serviceIdsError ? <p className="sp-field__error">{serviceIdsError}</p> : null}
        </fieldset>
        <FormTextAreaField label="When to offer it" name="offerWhen" rows={2} maxLength={300} />
        <DialogFormFooter
          error={formError}
          errorTitle="The add-on wasn't saved"
          pending={update.isPending}
          submitLabel="Save changes"
          onCancel={onClose}
        />
      </Form>
    </Dialog>
  );
}
