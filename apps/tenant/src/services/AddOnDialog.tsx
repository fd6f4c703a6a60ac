import { apiErrorMessage, apiFieldErrors, CheckboxField, Dialog, TextAreaField, TextField } from "@servicepro/ui";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { DOLLARS_HINT, dollarsText, parseDollars } from "./catalog-format.ts";
import { DialogFormFooter } from "./DialogFormFooter.tsx";
import { useRefreshCatalog } from "./refresh.ts";

type AddOn = RouterOutputs["tenant"]["catalog"]["addOns"][number];
type Service = RouterOutputs["tenant"]["catalog"]["services"][number];

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
  const [name, setName] = useState(addOn.name);
  const [description, setDescription] = useState(addOn.description);
  const [price, setPrice] = useState(dollarsText(addOn.priceCents));
  const [duration, setDuration] = useState(String(addOn.durationMinutes));
  const [serviceIds, setServiceIds] = useState<string[]>(addOn.serviceIds);
  const [offerWhen, setOfferWhen] = useState(addOn.offerWhen);
  const [local, setLocal] = useState<Record<string, string>>({});
  const update = useMutation(
    trpc.tenant.catalog.updateAddOn.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onClose();
      },
    }),
  );
  const server = update.isError ? apiFieldErrors(update.error) : {};
  const errors = { ...server, ...local };
  // Archived services it still points at stay listed, so unticking them is possible.
  const choices = services.filter((service) => service.active || addOn.serviceIds.includes(service.id));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const priceCents = parseDollars(price);
    const durationMinutes = Number(duration);
    const problems: Record<string, string> = {};
    if (priceCents === null) problems.priceCents = DOLLARS_HINT;
    if (!Number.isInteger(durationMinutes)) problems.durationMinutes = "Enter whole minutes (0 if it adds no time).";
    setLocal(problems);
    if (priceCents === null || Object.keys(problems).length > 0) return;
    update.mutate({ id: addOn.id, name, description, priceCents, durationMinutes, serviceIds, offerWhen });
  };
  const toggle = (id: string, checked: boolean) =>
    setServiceIds((ids) => (checked ? [...ids, id] : ids.filter((other) => other !== id)));
  const formError = update.isError && Object.keys(server).length === 0 ? apiErrorMessage(update.error) : null;

  return (
    <Dialog
      open
      onClose={onClose}
      title={`Edit ${addOn.name}`}
      description="Add-ons are extras staff and the AI receptionist offer with a booking."
    >
      <form className="sp-stack" onSubmit={submit} noValidate>
        <TextField
          label="Name"
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          required
          maxLength={80}
        />
        <TextAreaField
          label="Description"
          name="description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={errors.description}
          rows={2}
          maxLength={600}
        />
        <div className="tenant-field-pair">
          <TextField
            label="Price ($)"
            name="priceCents"
            inputMode="decimal"
            value={price}
            onChange={(e) => setPrice(e.target.value)}
            error={errors.priceCents}
            required
          />
          <TextField
            label="Extra time (minutes)"
            name="durationMinutes"
            type="number"
            min={0}
            step={15}
            value={duration}
            onChange={(e) => setDuration(e.target.value)}
            error={errors.durationMinutes}
          />
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
          {errors.serviceIds ? <p className="sp-field__error">{errors.serviceIds}</p> : null}
        </fieldset>
        <TextAreaField
          label="When to offer it"
          name="offerWhen"
          value={offerWhen}
          onChange={(e) => setOfferWhen(e.target.value)}
          error={errors.offerWhen}
          rows={2}
          maxLength={300}
        />
        <DialogFormFooter
          error={formError}
          errorTitle="The add-on wasn't saved"
          pending={update.isPending}
          submitLabel="Save changes"
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
