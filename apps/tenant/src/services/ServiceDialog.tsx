import { apiErrorMessage, apiFieldErrors, Dialog, SelectField, TextAreaField, TextField } from "@servicepro/ui";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { DOLLARS_HINT, dollarsText, parseDollars } from "./catalog-format.ts";
import { DialogFormFooter } from "./DialogFormFooter.tsx";
import { useRefreshCatalog } from "./refresh.ts";

type Service = RouterOutputs["tenant"]["catalog"]["services"][number];
type PriceType = "fixed" | "range" | "quote";
type Price =
  | { type: "fixed"; cents: number }
  | { type: "range"; minCents: number; maxCents: number }
  | { type: "quote" };

const PRICE_TYPES = [
  { value: "fixed", label: "One price" },
  { value: "range", label: "A range (depends on the job)" },
  { value: "quote", label: "Quoted per job" },
];

const priceTypeOf = (service?: Service): PriceType =>
  !service || service.priceCents !== null ? "fixed" : service.priceMinCents !== null ? "range" : "quote";

/** Adds a service (no `service`) or edits one. Prices are typed in dollars and sent in cents. */
export function ServiceDialog({ service, onClose }: { service?: Service; onClose: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshCatalog();
  const [name, setName] = useState(service?.name ?? "");
  const [description, setDescription] = useState(service?.description ?? "");
  const [duration, setDuration] = useState(String(service?.durationMinutes ?? 60));
  const [priceType, setPriceType] = useState<PriceType>(priceTypeOf(service));
  const [price, setPrice] = useState(dollarsText(service?.priceCents ?? null));
  const [min, setMin] = useState(dollarsText(service?.priceMinCents ?? null));
  const [max, setMax] = useState(dollarsText(service?.priceMaxCents ?? null));
  const [dependsOn, setDependsOn] = useState(service?.priceDependsOn ?? "");
  const [local, setLocal] = useState<Record<string, string>>({});
  const onSuccess = async () => {
    await refresh();
    onClose();
  };
  const create = useMutation(trpc.tenant.catalog.createService.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.tenant.catalog.updateService.mutationOptions({ onSuccess }));
  const mutation = service ? update : create;
  const server = mutation.isError ? apiFieldErrors(mutation.error) : {};
  const errors = { ...server, ...local };

  function readPrice(): Price | string {
    if (priceType === "quote") return { type: "quote" };
    if (priceType === "fixed") {
      const cents = parseDollars(price);
      return cents === null ? DOLLARS_HINT : { type: "fixed", cents };
    }
    const minCents = parseDollars(min);
    const maxCents = parseDollars(max);
    if (minCents === null || maxCents === null) return DOLLARS_HINT;
    return minCents < maxCents
      ? { type: "range", minCents, maxCents }
      : "The lowest price must be below the highest price.";
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsedPrice = readPrice();
    const minutes = Number(duration);
    const problems: Record<string, string> = {};
    if (typeof parsedPrice === "string") problems.price = parsedPrice;
    if (!Number.isInteger(minutes)) problems.durationMinutes = "Enter whole minutes.";
    if (name.trim() === "") problems.name = "Give it a name.";
    setLocal(problems);
    if (Object.keys(problems).length > 0 || typeof parsedPrice === "string") return;
    const fields = {
      name,
      description,
      durationMinutes: minutes,
      price: parsedPrice,
      priceDependsOn: priceType === "range" ? dependsOn : "",
    };
    if (service) update.mutate({ id: service.id, ...fields });
    else create.mutate(fields);
  };

  const formError = mutation.isError && Object.keys(server).length === 0 ? apiErrorMessage(mutation.error) : null;
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
          rows={3}
          maxLength={600}
        />
        <TextField
          label="Duration (minutes)"
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          min={15}
          step={15}
          value={duration}
          onChange={(e) => setDuration(e.target.value)}
          hint="In quarter hours: 15, 30, 45, 60…"
          error={errors.durationMinutes}
          required
        />
        <SelectField
          label="Pricing"
          name="priceType"
          options={PRICE_TYPES}
          value={priceType}
          onChange={(e) => setPriceType(e.target.value as PriceType)}
        />
        {priceType === "fixed" ? (
          <TextField
            label="Price ($)"
            name="price"
            inputMode="decimal"
            value={price}
            onChange={(e) => setPrice(e.target.value)}
            hint={DOLLARS_HINT}
            error={errors.price}
            required
          />
        ) : null}
        {priceType === "range" ? (
          <>
            <div className="tenant-field-pair">
              <TextField
                label="From ($)"
                name="priceMin"
                inputMode="decimal"
                value={min}
                onChange={(e) => setMin(e.target.value)}
                required
              />
              <TextField
                label="To ($)"
                name="priceMax"
                inputMode="decimal"
                value={max}
                onChange={(e) => setMax(e.target.value)}
                error={errors.price}
                required
              />
            </div>
            <TextField
              label="The price depends on"
              name="priceDependsOn"
              value={dependsOn}
              onChange={(e) => setDependsOn(e.target.value)}
              hint="For example: lawn size, vehicle size."
              error={errors.priceDependsOn}
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
      </form>
    </Dialog>
  );
}
