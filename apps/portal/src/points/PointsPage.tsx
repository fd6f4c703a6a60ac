// /portal/<slug>/points: the customer's balance and tier, how points are earned, the business's
// rewards (Redeem only when the balance covers it), what they redeemed, and every entry of the ledger.
import { Alert, apiErrorMessage, Badge, Button, Card, LoadErrorAlert, Spinner } from "@servicepro/ui";
import type { LoyaltySummary } from "@servicepro/validators";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { usePortalMe, usePortalSlug } from "../customer/portal-context.ts";
import { dateLabel, formatCents, shortDateTime } from "../customer/portal-format.ts";

type Redeemed = RouterOutputs["portal"]["loyalty"]["redeem"];

const points = (n: number) => `${n.toLocaleString("en-US")} ${Math.abs(n) === 1 ? "point" : "points"}`;
const signed = (n: number) => (n > 0 ? `+${n.toLocaleString("en-US")}` : n.toLocaleString("en-US"));

const REDEMPTION_STATUS = { open: "Waiting for your next visit", applied: "Applied", cancelled: "Cancelled" } as const;

/** "$1 spent = 10 points", "Each visit = 50 points", …: the rules that give anything. */
function earnLines(rules: LoyaltySummary["rules"]): string[] {
  return [
    rules.pointsPerDollar > 0 ? `${points(rules.pointsPerDollar)} for every dollar you spend` : null,
    rules.pointsPerVisit > 0 ? `${points(rules.pointsPerVisit)} for every completed visit` : null,
    rules.reviewBonus > 0 ? `${points(rules.reviewBonus)} for leaving a review` : null,
    rules.referralBonus > 0 ? `${points(rules.referralBonus)} for referring a friend` : null,
  ].filter((line): line is string => line !== null);
}

export function PointsPage() {
  const slug = usePortalSlug();
  const me = usePortalMe();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const summary = useQuery(trpc.portal.loyalty.summary.queryOptions({ slug }));
  const redeem = useMutation(trpc.portal.loyalty.redeem.mutationOptions());
  const [redeemed, setRedeemed] = useState<Redeemed | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { name, timeZone } = me.business;

  const redeemReward = async (rewardId: string) => {
    setProblem(null);
    setRedeemed(null);
    try {
      setRedeemed(await redeem.mutateAsync({ slug, rewardId }));
    } catch (error) {
      setProblem(apiErrorMessage(error));
    }
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.portal.loyalty.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.portal.me.queryKey({ slug }) }),
    ]);
  };

  const body = () => {
    if (summary.isPending) return <Spinner label="Loading your points…" />;
    if (summary.isError) {
      return (
        <LoadErrorAlert
          title="Your points couldn't load"
          error={summary.error}
          onRetry={() => void summary.refetch()}
          retrying={summary.isFetching}
        />
      );
    }
    const data = summary.data;
    if (!data.enabled) return <p className="sp-muted">{name} doesn't run a points program right now.</p>;
    const earn = earnLines(data.rules);
    return (
      <>
        <Card title="Your balance" headingLevel={2}>
          <div className="sp-stack">
            <p className="portal-stat">
              <span className="portal-stat__number">{data.balance.toLocaleString("en-US")}</span>
              <span>points</span>
              {data.tier ? <Badge tone="premium">{data.tier}</Badge> : null}
            </p>
            {data.nextTier ? (
              <p className="sp-muted">
                {points(data.nextTier.pointsToGo)} to {data.nextTier.name}.
              </p>
            ) : null}
            {data.lapsesAt ? (
              <p className="sp-muted">
                Your points lapse on {dateLabel(data.lapsesAt, timeZone)} unless you earn or redeem before then.
              </p>
            ) : null}
          </div>
        </Card>

        {redeemed ? (
          <Alert tone="success" title={`Redeemed: ${redeemed.redemption.rewardName}`}>
            {redeemed.redemption.appointmentStartsAt
              ? `It's applied to your appointment on ${shortDateTime(redeemed.redemption.appointmentStartsAt, timeZone)}.`
              : "It will be applied to your next appointment."}{" "}
            Your balance is now {points(redeemed.balance)}.
          </Alert>
        ) : null}
        {problem ? (
          <Alert tone="error" role="alert">
            {problem}
          </Alert>
        ) : null}

        <section className="portal-section" aria-labelledby="rewards-heading">
          <h2 id="rewards-heading" className="portal-section__title">
            Rewards
          </h2>
          {data.rewards.length === 0 ? (
            <p className="sp-muted">{name} hasn't set up rewards yet.</p>
          ) : (
            <ul className="portal-list">
              {data.rewards.map((reward) => (
                <li key={reward.id} className="portal-item">
                  <div className="portal-appointment">
                    <h3 className="portal-appointment__service">{reward.name}</h3>
                    <p className="sp-muted">
                      {points(reward.pointsCost)}
                      {reward.kind === "money_off" && reward.amountCents !== null
                        ? ` · ${formatCents(reward.amountCents)} off your next appointment`
                        : reward.addOnName
                          ? ` · ${reward.addOnName} free on your next appointment`
                          : ""}
                    </p>
                  </div>
                  <div className="portal-actions">
                    <Button
                      type="button"
                      size="sm"
                      variant="primary"
                      disabled={!reward.affordable || redeem.isPending}
                      loading={redeem.isPending && redeem.variables?.rewardId === reward.id}
                      aria-label={`Redeem ${reward.name}`}
                      onClick={() => void redeemReward(reward.id)}
                    >
                      Redeem
                    </Button>
                    {reward.affordable ? null : (
                      <span className="sp-muted">{points(reward.pointsCost - data.balance)} to go</span>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>

        {earn.length > 0 ? (
          <section className="portal-section" aria-labelledby="earn-heading">
            <h2 id="earn-heading" className="portal-section__title">
              How to earn
            </h2>
            <ul>
              {earn.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            {data.rules.expiryMonths ? (
              <p className="sp-muted">
                Points lapse after {data.rules.expiryMonths} months without earning or redeeming.
              </p>
            ) : null}
          </section>
        ) : null}

        {data.redemptions.length > 0 ? (
          <section className="portal-section" aria-labelledby="redemptions-heading">
            <h2 id="redemptions-heading" className="portal-section__title">
              Your redemptions
            </h2>
            <ul className="portal-list">
              {data.redemptions.map((r) => (
                <li key={r.id} className="portal-item">
                  <div className="portal-appointment">
                    <h3 className="portal-appointment__service">{r.rewardName}</h3>
                    <p className="sp-muted">
                      {points(r.pointsCost)} · {dateLabel(r.createdAt, timeZone)} · {REDEMPTION_STATUS[r.status]}
                      {r.appointmentStartsAt ? ` (${shortDateTime(r.appointmentStartsAt, timeZone)})` : ""}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <section className="portal-section" aria-labelledby="history-heading">
          <h2 id="history-heading" className="portal-section__title">
            History
          </h2>
          {data.history.length === 0 ? (
            <p className="sp-muted">No points yet: they're added after each completed visit.</p>
          ) : (
            <ul className="portal-list">
              {data.history.map((entry) => (
                <li key={entry.id} className="portal-item portal-history">
                  <span>
                    {entry.description}
                    <span className="sp-muted"> · {dateLabel(entry.createdAt, timeZone)}</span>
                  </span>
                  <span className="portal-history__points">{signed(entry.points)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </>
    );
  };

  return (
    <>
      <title>{`Points · ${name}`}</title>
      <h1 className="portal-page__title">Your points</h1>
      {body()}
    </>
  );
}
