// The Points panel on a customer's page: the server's balance, tier and history; redeeming and
// cancelling send the right ids; an admin's change needs a reason (the shared schema's words) and
// sends the points as a signed number; staff who are not admins get no change form.
import { createTestApi } from "@servicepro/web/testing";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { PointsPanel } from "../src/loyalty/PointsPanel.tsx";

const CUSTOMER = "5d1f0c2e-0000-4000-8000-0000000000c1";
const REWARD = "5d1f0c2e-0000-4000-8000-0000000000a1";
const REDEMPTION = "5d1f0c2e-0000-4000-8000-0000000000d1";

const SUMMARY = {
  enabled: true,
  balance: 240,
  earned: 340,
  tier: "Silver",
  nextTier: { name: "Gold", pointsToGo: 660 },
  rules: { pointsPerDollar: 1, pointsPerVisit: 10, reviewBonus: 50, referralBonus: 0, expiryMonths: 12 },
  lapsesAt: "2027-12-07T12:00:00.000Z",
  rewards: [
    {
      id: REWARD,
      name: "$10 off",
      kind: "money_off",
      pointsCost: 150,
      amountCents: 1000,
      addOnId: null,
      addOnName: null,
      active: true,
      affordable: true,
    },
  ],
  redemptions: [
    {
      id: REDEMPTION,
      rewardName: "$10 off",
      pointsCost: 100,
      status: "open",
      appointmentId: null,
      appointmentStartsAt: null,
      createdAt: "2026-12-07T12:00:00.000Z",
    },
  ],
  history: [
    {
      id: "e1",
      kind: "visit",
      points: 95,
      balanceAfter: 240,
      description: "Express Wash on Dec 8",
      createdAt: "2026-12-08T18:00:00.000Z",
    },
  ],
};

function renderPanel(isAdmin = true) {
  const api = createTestApi({
    "tenant.loyalty.customer": () => SUMMARY,
    "tenant.loyalty.adjust": (input: unknown) => ({
      entryId: "e2",
      points: (input as { points: number }).points,
      balance: 220,
      earned: 320,
    }),
    "tenant.loyalty.redeem": () => ({ redemption: { ...SUMMARY.redemptions[0], id: "r2" }, balance: 90 }),
    "tenant.loyalty.cancelRedemption": () => ({
      redemption: { ...SUMMARY.redemptions[0], status: "cancelled" },
      balance: 340,
    }),
  });
  render(<PointsPanel customerId={CUSTOMER} isAdmin={isAdmin} />, { wrapper: api.Providers });
  return { ...api, user: userEvent.setup() };
}

const inputsOf = (calls: { path: string; input: unknown }[], path: string) =>
  calls.filter((call) => call.path === path).map((call) => call.input);

describe("PointsPanel", () => {
  it("should show the server's balance, tier and history", async () => {
    renderPanel();
    expect(await screen.findByText("240")).toBeTruthy();
    expect(screen.getByText("Silver")).toBeTruthy();
    expect(screen.getByText("660 to Gold")).toBeTruthy();
    expect(screen.getByText("Express Wash on Dec 8")).toBeTruthy();
    expect(screen.getByText("+95")).toBeTruthy();
  });

  it("should redeem a reward and cancel a waiting one for the customer", async () => {
    const { user, calls } = renderPanel(false);
    await user.click(await screen.findByRole("button", { name: "Redeem $10 off" }));
    expect(await screen.findByText(/Redeemed \$10 off: it waits for the next booking\. 90 points left\./)).toBeTruthy();
    expect(inputsOf(calls, "tenant.loyalty.redeem")).toEqual([{ customerId: CUSTOMER, rewardId: REWARD }]);
    await user.click(screen.getByRole("button", { name: "Cancel $10 off and return its points" }));
    expect(await screen.findByText("Cancelled $10 off; 100 points returned.")).toBeTruthy();
    expect(inputsOf(calls, "tenant.loyalty.cancelRedemption")).toEqual([{ redemptionId: REDEMPTION }]);
    // Not an admin: no form to change points.
    expect(screen.queryByRole("form", { name: "Change points" })).toBeNull();
  });

  it("should need a reason for a change, clear the message once given, and send signed points", async () => {
    const { user, calls } = renderPanel();
    const form = await screen.findByRole("form", { name: "Change points" });
    await user.type(within(form).getByLabelText(/^Points/), "-20");
    await user.click(within(form).getByRole("button", { name: "Record" }));
    expect(await within(form).findByText("Enter the reason.")).toBeTruthy();
    expect(inputsOf(calls, "tenant.loyalty.adjust")).toEqual([]);

    await user.type(within(form).getByLabelText(/^Reason/), "Double award");
    expect(within(form).queryByText("Enter the reason.")).toBeNull();
    await user.click(within(form).getByRole("button", { name: "Record" }));
    expect(await screen.findByText("-20 points recorded. Balance: 220.")).toBeTruthy();
    expect(inputsOf(calls, "tenant.loyalty.adjust")).toEqual([
      { customerId: CUSTOMER, kind: "adjust", points: -20, reason: "Double award" },
    ]);
  });
});
