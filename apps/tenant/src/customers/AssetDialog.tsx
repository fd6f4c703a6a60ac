import {
  applyServerErrors,
  Dialog,
  Form,
  FormSelectField,
  FormTextField,
  SelectField,
  useZodForm,
} from "@servicepro/ui";
import { ASSET_KINDS, type AssetKind } from "@servicepro/validators";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { DialogFormFooter } from "../services/DialogFormFooter.tsx";
import { ASSET_FIELD_LABELS, ASSET_KIND_LABELS, assetFormSchema } from "./customer-forms.ts";

type Page = RouterOutputs["tenant"]["customers"]["get"];
type Asset = Page["assets"][number];
type KindConfig = Page["assetKinds"][number];

const SIZE_FIELDS = new Set(["sizeClass", "size"]);
const NUMBER_FIELDS = new Set(["year", "squareFeet"]);

/**
 * Adds an asset to a customer, or edits one: the fields the business's pack asks for the kind, and
 * its size classes as a list (the prices and durations that depend on size key on them).
 */
export function AssetDialog({
  customerId,
  asset,
  kinds,
  onClose,
}: {
  customerId: string;
  asset?: Asset;
  kinds: readonly KindConfig[];
  onClose: () => void;
}) {
  const [kind, setKind] = useState<AssetKind>(asset?.kind ?? kinds[0]?.kind ?? "vehicle");
  const config = kinds.find((k) => k.kind === kind) ?? { kind, fields: [], sizeClasses: [] };
  return (
    <Dialog
      open
      onClose={onClose}
      title={asset ? `Edit ${asset.label}` : "Add what you work on"}
      description="Sizes set the price and time of services that depend on them."
    >
      {!asset && kinds.length > 1 ? (
        <SelectField
          label="Kind"
          name="kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as AssetKind)}
          options={ASSET_KINDS.filter((k) => kinds.some((c) => c.kind === k)).map((k) => ({
            value: k,
            label: ASSET_KIND_LABELS[k],
          }))}
        />
      ) : null}
      <AssetForm key={kind} customerId={customerId} asset={asset} config={config} onClose={onClose} />
    </Dialog>
  );
}

function AssetForm({
  customerId,
  asset,
  config,
  onClose,
}: {
  customerId: string;
  asset?: Asset;
  config: KindConfig;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const kind = config.kind;
  const fields = [...config.fields, "notes"];
  const form = useZodForm(assetFormSchema(kind), {
    defaultValues: Object.fromEntries(
      fields.map((field) => [field, field === "notes" ? (asset?.notes ?? "") : String(asset?.details[field] ?? "")]),
    ),
  });
  const [formError, setFormError] = useState<string | null>(null);
  const onSuccess = async () => {
    await queryClient.invalidateQueries(trpc.tenant.customers.pathFilter());
    onClose();
  };
  const onError = (error: unknown) =>
    setFormError(
      applyServerErrors(form.setError, error, fields as never, (path) =>
        path.startsWith("details.") ? (path.slice("details.".length) as never) : undefined,
      ),
    );
  const add = useMutation(trpc.tenant.customers.addAsset.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.tenant.customers.updateAsset.mutationOptions({ onSuccess, onError }));
  const mutation = asset ? update : add;

  return (
    <Form
      form={form}
      className="sp-stack"
      aria-label={asset ? "Edit asset" : "Add an asset"}
      onSubmit={({ details, notes }) => {
        setFormError(null);
        // The details were checked with `kind`'s schema, so they are that kind's details.
        const input = { kind, details, notes } as Parameters<typeof add.mutate>[0] & { kind: AssetKind };
        if (asset) update.mutate({ ...input, id: asset.id } as Parameters<typeof update.mutate>[0]);
        else add.mutate({ ...input, customerId });
      }}
    >
      {config.fields.map((field) =>
        SIZE_FIELDS.has(field) && config.sizeClasses.length > 0 ? (
          <FormSelectField
            key={field}
            label={ASSET_FIELD_LABELS[field] ?? field}
            name={field}
            options={[
              { value: "", label: "Not known yet" },
              ...config.sizeClasses.map((c) => ({ value: c.id, label: c.label })),
            ]}
          />
        ) : (
          <FormTextField
            key={field}
            label={ASSET_FIELD_LABELS[field] ?? field}
            name={field}
            inputMode={NUMBER_FIELDS.has(field) ? "numeric" : undefined}
            required={REQUIRED[kind] === field}
          />
        ),
      )}
      <FormTextField label="Notes" name="notes" maxLength={1000} />
      <DialogFormFooter
        error={formError}
        errorTitle="It wasn't saved"
        pending={mutation.isPending}
        submitLabel={asset ? "Save changes" : "Add"}
        onCancel={onClose}
      />
    </Form>
  );
}

/** The one field each kind cannot do without (the label is built from it). */
const REQUIRED: Record<AssetKind, string> = { vehicle: "make", pet: "name", property: "address" };
