import {
  applyServerErrors,
  Dialog,
  Form,
  FormCheckboxField,
  FormSelectField,
  FormTextField,
  useZodForm,
} from "@servicepro/ui";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { DialogFormFooter } from "../services/DialogFormFooter.tsx";
import { REWARD_FIELD, rewardFormSchema, rewardFormValues } from "./loyalty-forms.ts";

type Reward = RouterOutputs["tenant"]["loyalty"]["rewards"][number];

const FIELDS = ["name", "kind", "pointsCost", "amount", "addOnId", "active"] as const;

/** Adds a reward (no `reward`) or edits one; the list refreshes from the server's answer. */
export function RewardDialog({ reward, onClose }: { reward?: Reward; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const addOns = useQuery(trpc.tenant.catalog.addOns.queryOptions());
  const form = useZodForm(rewardFormSchema, { defaultValues: rewardFormValues(reward) });
  const kind = form.watch("kind");
  const [formError, setFormError] = useState<string | null>(null);
  const onSuccess = async () => {
    await queryClient.invalidateQueries(trpc.tenant.loyalty.pathFilter());
    onClose();
  };
  const onError = (error: unknown) =>
    setFormError(applyServerErrors(form.setError, error, FIELDS, (path) => REWARD_FIELD[path] as never));
  const create = useMutation(trpc.tenant.loyalty.createReward.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.tenant.loyalty.updateReward.mutationOptions({ onSuccess, onError }));
  const mutation = reward ? update : create;
  const addOnOptions = [
    { value: "", label: addOns.isPending ? "Loading add-ons…" : "Choose an add-on" },
    ...(addOns.data ?? [])
      .filter((a) => a.active || a.id === reward?.addOnId)
      .map((a) => ({ value: a.id, label: a.name })),
  ];

  return (
    <Dialog
      open
      onClose={onClose}
      title={reward ? `Edit ${reward.name}` : "Add a reward"}
      description="Rewards already redeemed keep what they were when they were redeemed."
    >
      <Form
        form={form}
        className="sp-stack"
        aria-label={reward ? "Edit reward" : "Add a reward"}
        onSubmit={(fields) => {
          setFormError(null);
          if (reward) update.mutate({ id: reward.id, ...fields });
          else create.mutate(fields);
        }}
      >
        <FormTextField label="Name" name="name" required maxLength={80} hint="As customers see it, e.g. “$10 off”." />
        <FormSelectField
          label="Reward"
          name="kind"
          options={[
            { value: "money_off", label: "Money off the next visit" },
            { value: "free_add_on", label: "A free add-on on the next visit" },
          ]}
        />
        <FormTextField label="Cost (points)" name="pointsCost" inputMode="numeric" required />
        {kind === "money_off" ? (
          <FormTextField label="Amount off ($)" name="amount" inputMode="decimal" required />
        ) : (
          <FormSelectField label="Add-on" name="addOnId" options={addOnOptions} />
        )}
        <FormCheckboxField name="active" label="Offered" hint="Untick to stop offering it; it stays on the record." />
        <DialogFormFooter
          error={formError}
          errorTitle="The reward wasn't saved"
          pending={mutation.isPending}
          submitLabel={reward ? "Save changes" : "Add reward"}
          onCancel={onClose}
        />
      </Form>
    </Dialog>
  );
}
