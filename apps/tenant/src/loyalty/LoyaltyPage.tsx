// The business's loyalty programme: on or off, how points are earned (per dollar, per visit), the
// review and referral bonuses, expiry, tiers, and the rewards customers spend points on. Staff see
// it; admins change it. Everything shown after a save is what the server stored.
import {
  Alert,
  applyServerErrors,
  Badge,
  Button,
  Card,
  EmptyState,
  Form,
  FormCheckboxField,
  FormTextField,
  LoadErrorAlert,
  PageHeader,
  Spinner,
  useZodForm,
} from "@servicepro/ui";
import { type RouterOutputs, type SignedInContext, useTRPC } from "@servicepro/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useFieldArray } from "react-hook-form";
import { moneyLabel } from "../customers/customer-format.ts";
import { loyaltySettingsFormSchema, settingsFormValues } from "./loyalty-forms.ts";
import { RewardDialog } from "./RewardDialog.tsx";
import "./loyalty.css";

type Settings = RouterOutputs["tenant"]["loyalty"]["settings"];
export type Reward = RouterOutputs["tenant"]["loyalty"]["rewards"][number];

export const rewardWhat = (reward: Pick<Reward, "kind" | "amountCents" | "addOnName">): string =>
  reward.kind === "money_off"
    ? `${moneyLabel(reward.amountCents ?? 0)} off the next visit`
    : `Free ${reward.addOnName ?? "add-on"} on the next visit`;

export function LoyaltyPage({ context }: { context: SignedInContext }) {
  const trpc = useTRPC();
  const settings = useQuery(trpc.tenant.loyalty.settings.queryOptions());
  const isAdmin = context.role === "tenant_admin" || context.role === "platform_owner";
  return (
    <div className="sp-stack">
      <title>Loyalty · ServicePro</title>
      <PageHeader
        eyebrow="Loyalty"
        title="Reward your regulars"
        description={
          isAdmin
            ? "Customers earn points for every completed visit and spend them on rewards you choose, on your booking page and in their portal."
            : "How customers earn and spend points. Your admins can change it."
        }
      />
      {settings.isPending ? (
        <Spinner label="Loading your loyalty programme…" />
      ) : settings.isError ? (
        <LoadErrorAlert title="Your loyalty programme couldn't load" error={settings.error} />
      ) : (
        <SettingsForm settings={settings.data} disabled={!isAdmin} />
      )}
      <RewardsCard isAdmin={isAdmin} />
    </div>
  );
}

function SettingsForm({ settings, disabled }: { settings: Settings; disabled: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(loyaltySettingsFormSchema, { defaultValues: settingsFormValues(settings) });
  const tiers = useFieldArray({ control: form.control, name: "tiers" });
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.tenant.loyalty.updateSettings.mutationOptions({
      onSuccess: (stored) => {
        queryClient.setQueryData(trpc.tenant.loyalty.settings.queryKey(), stored);
        form.reset(settingsFormValues(stored));
        setSaved(true);
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, Object.keys(form.getValues()) as never)),
    }),
  );
  return (
    <Form
      form={form}
      className="sp-stack"
      aria-label="Loyalty programme"
      onSubmit={(fields) => {
        setFormError(null);
        setSaved(false);
        save.mutate(fields);
      }}
    >
      <Card title="Programme">
        <FormCheckboxField
          name="enabled"
          label="Run a loyalty programme"
          hint="Completed visits earn points, and customers can redeem rewards. Turned off, points stay as they are."
          disabled={disabled}
        />
      </Card>
      <Card title="Earning points" description="Points are added when you mark an appointment completed.">
        <div className="loyalty-grid">
          <FormTextField
            label="Points per dollar"
            name="pointsPerDollar"
            inputMode="numeric"
            hint="For each whole dollar charged."
            disabled={disabled}
          />
          <FormTextField
            label="Points per visit"
            name="pointsPerVisit"
            inputMode="numeric"
            hint="On top, for every completed visit."
            disabled={disabled}
          />
          <FormTextField
            label="Review bonus"
            name="reviewBonus"
            inputMode="numeric"
            hint="Awarded by staff for a review; 0: none."
            disabled={disabled}
          />
          <FormTextField
            label="Referral bonus"
            name="referralBonus"
            inputMode="numeric"
            hint="Awarded by staff for a referral; 0: none."
            disabled={disabled}
          />
          <FormTextField
            label="Points expire after (months)"
            name="expiryMonths"
            inputMode="numeric"
            hint="Without earning or redeeming. Empty: never."
            disabled={disabled}
          />
        </div>
      </Card>
      <Card title="Tiers" description="Optional levels by points ever earned, e.g. Silver at 300, Gold at 1,000.">
        <div className="sp-stack">
          {tiers.fields.length === 0 ? <p className="sp-muted">No tiers.</p> : null}
          {tiers.fields.map((item, index) => (
            <div key={item.id} className="loyalty-tier">
              <FormTextField label="Tier name" name={`tiers.${index}.name`} maxLength={40} disabled={disabled} />
              <FormTextField
                label="From (points earned)"
                name={`tiers.${index}.minPoints`}
                inputMode="numeric"
                disabled={disabled}
              />
              <Button variant="ghost" size="sm" disabled={disabled} onClick={() => tiers.remove(index)}>
                Remove
              </Button>
            </div>
          ))}
          <div>
            <Button
              variant="secondary"
              size="sm"
              disabled={disabled || tiers.fields.length >= 10}
              onClick={() => tiers.append({ name: "", minPoints: "" })}
            >
              Add a tier
            </Button>
          </div>
        </div>
      </Card>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {saved ? <Alert tone="success">Saved.</Alert> : null}
      {disabled ? null : (
        <div>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save loyalty settings"}
          </Button>
        </div>
      )}
    </Form>
  );
}

function RewardsCard({ isAdmin }: { isAdmin: boolean }) {
  const trpc = useTRPC();
  const rewards = useQuery(trpc.tenant.loyalty.rewards.queryOptions());
  const [dialog, setDialog] = useState<{ reward?: Reward } | null>(null);
  return (
    <Card
      title="Rewards"
      description="What customers can spend points on. A redeemed reward is applied to their next appointment."
      actions={
        isAdmin ? (
          <Button size="sm" onClick={() => setDialog({})}>
            Add a reward
          </Button>
        ) : null
      }
    >
      {rewards.isPending ? (
        <Spinner label="Loading rewards…" />
      ) : rewards.isError ? (
        <LoadErrorAlert title="The rewards couldn't load" error={rewards.error} />
      ) : rewards.data.length === 0 ? (
        <EmptyState title="No rewards yet" description="Add money off or a free add-on that customers can redeem." />
      ) : (
        <ul className="loyalty-list" aria-label="Rewards">
          {rewards.data.map((reward) => (
            <li key={reward.id} className="loyalty-list__row">
              <div className="loyalty-list__main">
                <strong>{reward.name}</strong> {reward.active ? null : <Badge tone="neutral">Not offered</Badge>}
                <div className="sp-muted">
                  {reward.pointsCost.toLocaleString("en-US")} points · {rewardWhat(reward)}
                </div>
              </div>
              {isAdmin ? (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => setDialog({ reward })}
                  aria-label={`Edit ${reward.name}`}
                >
                  Edit
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {dialog ? <RewardDialog reward={dialog.reward} onClose={() => setDialog(null)} /> : null}
    </Card>
  );
}
