// A customer's points on their page: balance, tier, when the points lapse, the rewards to redeem for
// them, their redeemed rewards (cancel one not used yet), the history, and, for admins, a change
// with a reason (an adjustment, or a review or referral bonus). Every figure is the server's answer.
import {
  Alert,
  apiErrorMessage,
  applyServerErrors,
  Badge,
  Button,
  Card,
  Form,
  FormSelectField,
  FormTextField,
  LoadErrorAlert,
  Spinner,
  StatGroup,
  useZodForm,
} from "@servicepro/ui";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { dateLabel, dateTimeLabel } from "../customers/customer-format.ts";
import { adjustFormSchema } from "./loyalty-forms.ts";
import "./loyalty.css";

type Summary = RouterOutputs["tenant"]["loyalty"]["customer"];
type Redemption = Summary["redemptions"][number];

const REDEMPTION_LABELS: Record<Redemption["status"], string> = {
  open: "Waiting for the next booking",
  applied: "On the next appointment",
  cancelled: "Cancelled",
};

const signed = (points: number) => `${points > 0 ? "+" : ""}${points.toLocaleString("en-US")}`;

/** Cancellable: not used yet (waiting, or on an appointment that has not started). */
const cancellable = (r: Redemption, now: number) =>
  r.status === "open" ||
  (r.status === "applied" && r.appointmentStartsAt !== null && Date.parse(r.appointmentStartsAt) > now);

/** `isAdmin`: admins may change points (an adjustment or a bonus); every member may redeem and cancel. */
export function PointsPanel({ customerId, isAdmin }: { customerId: string; isAdmin: boolean }) {
  const trpc = useTRPC();
  const summary = useQuery(trpc.tenant.loyalty.customer.queryOptions({ customerId }));
  return (
    <Card title="Points" headingLevel={2}>
      {summary.isPending ? (
        <Spinner label="Loading points…" />
      ) : summary.isError ? (
        <LoadErrorAlert title="The points couldn't load" error={summary.error} />
      ) : (
        <PointsBody customerId={customerId} summary={summary.data} isAdmin={isAdmin} />
      )}
    </Card>
  );
}

function PointsBody({ customerId, summary, isAdmin }: { customerId: string; summary: Summary; isAdmin: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.tenant.loyalty.customer.queryFilter({ customerId }));
  const onError = (error: unknown) => setNotice({ tone: "error", text: apiErrorMessage(error) });
  const redeem = useMutation(
    trpc.tenant.loyalty.redeem.mutationOptions({
      onSuccess: async (result) => {
        await refresh();
        setNotice({
          tone: "success",
          text:
            result.redemption.status === "applied"
              ? `Redeemed ${result.redemption.rewardName}: it's on the appointment of ${dateTimeLabel(result.redemption.appointmentStartsAt!)}. ${result.balance.toLocaleString("en-US")} points left.`
              : `Redeemed ${result.redemption.rewardName}: it waits for the next booking. ${result.balance.toLocaleString("en-US")} points left.`,
        });
      },
      onError,
    }),
  );
  const cancel = useMutation(
    trpc.tenant.loyalty.cancelRedemption.mutationOptions({
      onSuccess: async (result) => {
        await refresh();
        setNotice({
          tone: "success",
          text: `Cancelled ${result.redemption.rewardName}; ${result.redemption.pointsCost.toLocaleString("en-US")} points returned.`,
        });
      },
      onError,
    }),
  );
  const now = Date.now();
  const live = summary.redemptions.filter((r) => r.status !== "cancelled");

  return (
    <div className="sp-stack">
      {summary.enabled ? null : (
        <Alert tone="info">The loyalty programme is off: visits earn no points and rewards can't be redeemed.</Alert>
      )}
      <StatGroup
        label="Points"
        items={[
          {
            id: "balance",
            label: "Balance",
            value: summary.balance.toLocaleString("en-US"),
            hint: summary.lapsesAt ? `Lapses ${dateLabel(summary.lapsesAt)} without activity` : undefined,
          },
          {
            id: "tier",
            label: "Tier",
            value: summary.tier ?? "None",
            hint: summary.nextTier
              ? `${summary.nextTier.pointsToGo.toLocaleString("en-US")} to ${summary.nextTier.name}`
              : undefined,
          },
          { id: "earned", label: "Earned in all", value: summary.earned.toLocaleString("en-US") },
        ]}
      />
      {notice ? (
        <Alert tone={notice.tone} role={notice.tone === "error" ? "alert" : "status"}>
          {notice.text}
        </Alert>
      ) : null}
      {summary.enabled && summary.rewards.length > 0 ? (
        <section aria-label="Rewards to redeem" className="sp-stack">
          <h3 className="loyalty-subhead">Redeem for them</h3>
          <ul className="loyalty-list">
            {summary.rewards.map((reward) => (
              <li key={reward.id} className="loyalty-list__row">
                <div className="loyalty-list__main">
                  <strong>{reward.name}</strong>
                  <div className="sp-muted">{reward.pointsCost.toLocaleString("en-US")} points</div>
                </div>
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={!reward.affordable || redeem.isPending}
                  aria-label={`Redeem ${reward.name}`}
                  onClick={() => {
                    setNotice(null);
                    redeem.mutate({ customerId, rewardId: reward.id });
                  }}
                >
                  {reward.affordable ? "Redeem" : "Not enough points"}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {live.length > 0 ? (
        <section aria-label="Redeemed rewards" className="sp-stack">
          <h3 className="loyalty-subhead">Redeemed</h3>
          <ul className="loyalty-list">
            {live.map((r) => (
              <li key={r.id} className="loyalty-list__row">
                <div className="loyalty-list__main">
                  <strong>{r.rewardName}</strong>{" "}
                  <Badge tone={r.status === "open" ? "warning" : "info"}>{REDEMPTION_LABELS[r.status]}</Badge>
                  <div className="sp-muted">
                    {r.pointsCost.toLocaleString("en-US")} points
                    {r.appointmentStartsAt ? ` · ${dateTimeLabel(r.appointmentStartsAt)}` : ""}
                  </div>
                </div>
                {cancellable(r, now) ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={cancel.isPending}
                    aria-label={`Cancel ${r.rewardName} and return its points`}
                    onClick={() => {
                      setNotice(null);
                      cancel.mutate({ redemptionId: r.id });
                    }}
                  >
                    Cancel
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {isAdmin ? <AdjustForm customerId={customerId} summary={summary} onDone={refresh} onNotice={setNotice} /> : null}
      <section aria-label="Points history" className="sp-stack">
        <h3 className="loyalty-subhead">History</h3>
        {summary.history.length === 0 ? (
          <p className="sp-muted">No points yet.</p>
        ) : (
          <ul className="loyalty-list">
            {summary.history.map((entry) => (
              <li key={entry.id} className="loyalty-list__row">
                <div className="loyalty-list__main">
                  {entry.description}
                  <div className="sp-muted">{dateLabel(entry.createdAt)}</div>
                </div>
                <div className="loyalty-points">
                  <strong className={entry.points < 0 ? "loyalty-points--minus" : undefined}>
                    {signed(entry.points)}
                  </strong>
                  <div className="sp-muted">= {entry.balanceAfter.toLocaleString("en-US")}</div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

const ADJUST_FIELDS = ["kind", "points", "reason"] as const;

function AdjustForm({
  customerId,
  summary,
  onDone,
  onNotice,
}: {
  customerId: string;
  summary: Summary;
  onDone: () => Promise<void>;
  onNotice: (notice: { tone: "success" | "error"; text: string } | null) => void;
}) {
  const trpc = useTRPC();
  const form = useZodForm(adjustFormSchema(customerId), {
    defaultValues: { kind: "adjust", points: "", reason: "" },
  });
  const kind = form.watch("kind");
  const [formError, setFormError] = useState<string | null>(null);
  const adjust = useMutation(
    trpc.tenant.loyalty.adjust.mutationOptions({
      onSuccess: async (result) => {
        form.reset({ kind: "adjust", points: "", reason: "" });
        await onDone();
        onNotice({
          tone: "success",
          text: `${signed(result.points)} points recorded. Balance: ${result.balance.toLocaleString("en-US")}.`,
        });
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, ADJUST_FIELDS)),
    }),
  );
  const bonus =
    kind === "review_bonus" ? summary.rules.reviewBonus : kind === "referral_bonus" ? summary.rules.referralBonus : 0;
  return (
    <Form
      form={form}
      className="sp-stack loyalty-adjust"
      aria-label="Change points"
      onSubmit={(fields) => {
        setFormError(null);
        onNotice(null);
        adjust.mutate(fields);
      }}
    >
      <h3 className="loyalty-subhead">Change points</h3>
      <div className="loyalty-grid">
        <FormSelectField
          label="Kind"
          name="kind"
          options={[
            { value: "adjust", label: "Adjustment (+ or −)" },
            { value: "review_bonus", label: "Review bonus" },
            { value: "referral_bonus", label: "Referral bonus" },
          ]}
        />
        <FormTextField
          label="Points"
          name="points"
          inputMode="numeric"
          hint={
            kind === "adjust"
              ? "Use a minus sign to take points away, e.g. -20."
              : bonus > 0
                ? `Empty: your bonus of ${bonus.toLocaleString("en-US")}.`
                : "Your programme has no bonus set: enter the points."
          }
        />
        <FormTextField label="Reason" name="reason" required maxLength={200} hint="Kept on the record." />
      </div>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div>
        <Button type="submit" variant="secondary" loading={adjust.isPending}>
          Record
        </Button>
      </div>
    </Form>
  );
}
