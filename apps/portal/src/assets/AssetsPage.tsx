// /portal/<slug>/assets: what the business works on for this customer (vehicles, pets or a property,
// the kind the business's industry works on): the list, add one, edit one. Sizes are the
// business's to set (they price by them), so the customer's form leaves them as they are.
import {
  Alert,
  ASSET_FIELD_LABELS,
  ASSET_NUMBER_FIELDS,
  ASSET_REQUIRED_FIELD,
  ASSET_SIZE_FIELDS,
  applyServerErrors,
  assetFormSchema,
  assetFormValues,
  Button,
  Dialog,
  EmptyState,
  Form,
  FormTextField,
  LoadErrorAlert,
  Spinner,
  useZodForm,
} from "@servicepro/ui";
import { ASSET_FIELDS, type AssetKind } from "@servicepro/validators";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ASSET_KIND_PLURAL } from "../customer/CustomerGate.tsx";
import { usePortalMe, usePortalSlug } from "../customer/portal-context.ts";

type Asset = RouterOutputs["portal"]["assets"]["list"]["assets"][number];

const KIND_WORDS: Record<AssetKind, { one: string; add: string }> = {
  vehicle: { one: "vehicle", add: "Add a vehicle" },
  pet: { one: "pet", add: "Add a pet" },
  property: { one: "property", add: "Add a property" },
};

/** A detail line for the list: the fields the label does not already say. */
function detailLine(asset: Asset): string {
  const shown = new Set([
    "year",
    "make",
    "model",
    "colour",
    "name",
    "breed",
    "species",
    "address",
    "sizeClass",
    "size",
  ]);
  return Object.entries(asset.details)
    .filter(([key, value]) => !shown.has(key) && (typeof value === "string" || typeof value === "number"))
    .map(([key, value]) => `${ASSET_FIELD_LABELS[key] ?? key}: ${String(value)}`)
    .join(" · ");
}

export function AssetsPage() {
  const slug = usePortalSlug();
  const me = usePortalMe();
  const trpc = useTRPC();
  const list = useQuery(trpc.portal.assets.list.queryOptions({ slug }));
  const [editing, setEditing] = useState<Asset | "new" | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const kind = me.business.assetKind;

  if (!kind) {
    return (
      <>
        <title>{`Page not found · ${me.business.name}`}</title>
        <EmptyState headingLevel={1} title="There's no page here" description="Use the tabs above." />
      </>
    );
  }
  const words = KIND_WORDS[kind];
  const title = `Your ${ASSET_KIND_PLURAL[kind].toLowerCase()}`;

  return (
    <>
      <title>{`${ASSET_KIND_PLURAL[kind]} · ${me.business.name}`}</title>
      <div className="portal-actions portal-actions--heading">
        <h1 className="portal-page__title">{title}</h1>
        <Button type="button" variant="primary" size="sm" onClick={() => setEditing("new")}>
          {words.add}
        </Button>
      </div>
      {saved ? <Alert tone="success">{saved}</Alert> : null}
      {list.isPending ? (
        <Spinner label="Loading…" />
      ) : list.isError ? (
        <LoadErrorAlert
          title="This list couldn't load"
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : list.data.assets.length === 0 ? (
        <p className="sp-muted">
          No {ASSET_KIND_PLURAL[kind].toLowerCase()} yet. Add one so {me.business.name} knows what to expect.
        </p>
      ) : (
        <ul className="portal-list">
          {list.data.assets.map((asset) => {
            const more = detailLine(asset);
            return (
              <li key={asset.id} className="portal-item">
                <div className="portal-appointment">
                  <h2 className="portal-appointment__service">{asset.label}</h2>
                  {more ? <p className="sp-muted">{more}</p> : null}
                  {asset.notes ? <p className="sp-muted">{asset.notes}</p> : null}
                </div>
                <div className="portal-actions">
                  <Button
                    type="button"
                    size="sm"
                    variant="secondary"
                    aria-label={`Edit ${asset.label}`}
                    onClick={() => setEditing(asset)}
                  >
                    Edit
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {editing ? (
        <AssetDialog
          slug={slug}
          kind={editing === "new" ? kind : editing.kind}
          asset={editing === "new" ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setSaved(editing === "new" ? `Added. It's in the list below.` : "Saved.");
            setEditing(null);
          }}
        />
      ) : null}
    </>
  );
}

export function AssetDialog({
  slug,
  kind,
  asset,
  onClose,
  onSaved,
}: {
  slug: string;
  kind: AssetKind;
  asset?: Asset;
  onClose: () => void;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The size stays in the values (so an edit keeps it) but is not shown: the business sets it.
  const fields = ASSET_FIELDS[kind].filter((field) => !ASSET_SIZE_FIELDS.has(field));
  const form = useZodForm(assetFormSchema(kind), { defaultValues: assetFormValues(kind, asset) });
  const [formError, setFormError] = useState<string | null>(null);
  const formId = useId();
  const onSuccess = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.portal.pathKey() });
    onSaved();
  };
  const onError = (error: unknown) =>
    setFormError(
      applyServerErrors(form.setError, error, [...fields, "notes"] as never, (path) =>
        path.startsWith("details.") ? (path.slice("details.".length) as never) : undefined,
      ),
    );
  const create = useMutation(trpc.portal.assets.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.portal.assets.update.mutationOptions({ onSuccess, onError }));
  const pending = create.isPending || update.isPending;
  const words = KIND_WORDS[kind];

  return (
    <Dialog
      open
      onClose={onClose}
      title={asset ? `Edit ${asset.label}` : words.add}
      footer={
        <>
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form={formId} variant="primary" loading={pending}>
            {asset ? "Save changes" : "Add"}
          </Button>
        </>
      }
    >
      <Form
        form={form}
        id={formId}
        className="sp-stack"
        aria-label={asset ? `Edit ${asset.label}` : words.add}
        onSubmit={({ details, notes }) => {
          setFormError(null);
          // The details were checked with `kind`'s schema, so they are that kind's details.
          const input = { slug, kind, details, notes } as Parameters<typeof create.mutate>[0];
          if (asset) update.mutate({ ...input, id: asset.id } as Parameters<typeof update.mutate>[0]);
          else create.mutate(input);
        }}
      >
        {fields.map((field) => (
          <FormTextField
            key={field}
            label={ASSET_FIELD_LABELS[field] ?? field}
            name={field}
            inputMode={ASSET_NUMBER_FIELDS.has(field) ? "numeric" : undefined}
            required={ASSET_REQUIRED_FIELD[kind] === field}
          />
        ))}
        <FormTextField label="Notes for the crew (optional)" name="notes" maxLength={1000} />
        {formError ? (
          <Alert tone="error" title="It wasn't saved">
            {formError}
          </Alert>
        ) : null}
      </Form>
    </Dialog>
  );
}
