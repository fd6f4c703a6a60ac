import {
  applyServerErrors,
  Dialog,
  Form,
  FormSelectField,
  FormTextAreaField,
  FormTextField,
  useZodForm,
} from "@servicepro/ui";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { DOLLARS_HINT, dollarsText } from "./catalog-format.ts";
import { PRICE_FIELD, type PriceType, serviceFormSchema } from "./catalog-forms.ts";
import { DialogFormFooter } from "./DialogFormFooter.tsx";
import { useRefreshCatalog } from "./refresh.ts";

type Service = RouterOutputs["tenant"]["catalog"]["services"][number];

const PRICE_TYPE_OPTIONS = [
  { value: "fixed", label: "One price" },
  { value: "range", label: "A range (depends on the job)" },
  { value: "quote", label: "Quoted per job" },
];

const FIELDS = ["name", "description", "durationMinutes", "price", "priceMin", "priceMax", "priceDependsOn"] as const;

const priceTypeOf = (service?: Service): PriceType =>
  !service || service.priceCents !== null ? "fixed" : service.priceMinCents !== null ? "range" : "quote";

/** Adds a service (no `service`) or edits one. Prices are typed in dollars and sent in cents. */
export function ServiceDialog({ service, onClose }: { service?: Service; onClose: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshCatalog();
  const form = useZodForm(serviceFormSchema, {
    defaultValues: {
      name: service?.name ?? "",
      description: service?.description ?? "",
      durationMinutes: String(service?.durationMinutes ?? 60),
      priceType: priceTypeOf(service),
      price: dollarsText(service?.priceCents ?? null),
      priceMin: dollarsText(service?.priceMinCents ?? null),
      priceMax: dollarsText(service?.priceMaxCents ?? null),
      priceDependsOn: service?.priceDependsOn ?? "",
    },
  });
  const [formError, setFormError] = useState<string | null>(null);
  const onSuccess = async () => {
    await refresh();
    onClose();
  };
  const onError = (error: unknown) =>
    setFormError(applyServerErrors(form.setError, error, FIELDS, (path) => PRICE_FIELD[path]));
  const create = useMutation(trpc.tenant.catalog.createService.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.tenant.catalog.updateService.mutationOptions({ onSuccess, onError }));
  const mutation = service ? update : create;
  const priceType = form.watch("priceType");

  return (
    <Dialog
      open
      onClose={onClose}
      title={service ? `Edit ${service.name}` : "Add a service"}
      description={
        service?.source === "pack"
          ? "Once you change it, pack updates leave this service as you made it."
          : "What customers can book, how long it takes and what it costs."
      }
    >
      <Form
        form={form}
        className="sp-stack"
        onSubmit={(fields) => {
          setFormError(null);
          if (service) update.mutate({ id: service.id, ...fields });
          else create.mutate(fields);
        }}
      >
        <FormTextField label="Name" name="name" required maxLength={80} />
        <FormTextAreaField label="Description" name="description" rows={3} maxLength={600} />
        <FormTextField
          label="Duration (minutes)"
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          min={15}
          step={15}
          hint="In quarter hours: 15, 30, 45, 60…"
          required
        />
        <FormSelectField label="Pricing" name="priceType" options={PRICE_TYPE_OPTIONS} />
        {priceType === "fixed" ? (
          <FormTextField label="Price ($)" name="price" inputMode="decimal" hint={DOLLARS_HINT} required />
        ) : null}
        {priceType === "range" ? (
          <>
            <div className="tenant-field-pair">
              <FormTextField label="From ($)" name="priceMin" inputMode="decimal" required />
              <FormTextField label="To ($)" name="priceMax" inputMode="decimal" required />
            </div>
            <FormTextField
              label="The price depends on"
              name="priceDependsOn"
              hint="For example: lawn size, vehicle size."
              maxLength={120}
            />
          </>
        ) : null}
        <DialogFormFooter
          error={formError}
          errorTitle="The service wasn't saved"
          pending={mutation.isPending}
          submitLabel={service ? "Save changes" : "Add service"}
          onCancel={onClose}
        />
      </Form>
    </Dialog>
  );
}
