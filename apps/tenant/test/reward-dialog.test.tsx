// RewardDialog in a DOM: the API's own reward rules as the fields are filled in (money off needs an
// amount, a free add-on needs the add-on), errors that go once the value is right, and the parsed
// values sent (dollars as cents, the add-on's id).
import { createTestApi } from "@servicepro/web/testing";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { RewardDialog } from "../src/loyalty/RewardDialog.tsx";

const ADD_ON_ID = "7f1c2a9e-1b2c-4d3e-8f4a-5b6c7d8e9f01";

function renderDialog() {
  const api = createTestApi({
    "tenant.loyalty.createReward": (input: unknown) => ({
      id: "3c9e5b1a-0000-4000-8000-000000000001",
      addOnName: null,
      ...(input as object),
    }),
    "tenant.catalog.addOns": () => [
      {
        id: ADD_ON_ID,
        name: "Pet Hair Removal",
        description: "",
        durationMinutes: 30,
        priceCents: 2000,
        serviceIds: [],
        offerWhen: "",
        position: 0,
        active: true,
        packItemId: null,
        editedAt: null,
      },
    ],
  });
  const onClose = vi.fn();
  render(<RewardDialog onClose={onClose} />, { wrapper: api.Providers });
  return { ...api, onClose, user: userEvent.setup() };
}

const creates = (calls: { path: string; input: unknown }[]) =>
  calls.filter((call) => call.path === "tenant.loyalty.createReward").map((call) => call.input);

describe("RewardDialog", () => {
  it("should ask for the amount off, and clear the message once one is typed", async () => {
    const { user, calls, onClose } = renderDialog();
    await user.type(screen.getByLabelText(/^Name/), "$10 off");
    await user.type(screen.getByLabelText(/^Cost/), "150");
    await user.click(screen.getByRole("button", { name: "Add reward" }));
    expect(await screen.findByText("Enter how much the reward takes off.")).toBeTruthy();
    expect(creates(calls)).toEqual([]);

    await user.type(screen.getByLabelText(/^Amount off/), "10");
    expect(screen.queryByText("Enter how much the reward takes off.")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Add reward" }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(creates(calls)).toEqual([
      { name: "$10 off", kind: "money_off", pointsCost: 150, amountCents: 1000, addOnId: null, active: true },
    ]);
  });

  it("should refuse a cost of 0 points with the API's words", async () => {
    const { user, calls } = renderDialog();
    await user.type(screen.getByLabelText(/^Name/), "Freebie");
    await user.type(screen.getByLabelText(/^Cost/), "0");
    await user.type(screen.getByLabelText(/^Amount off/), "5");
    await user.click(screen.getByRole("button", { name: "Add reward" }));
    expect(await screen.findByText("A reward costs at least 1 point.")).toBeTruthy();
    expect(creates(calls)).toEqual([]);
  });

  it("should send a free add-on with the chosen add-on and no amount", async () => {
    const { user, calls, onClose } = renderDialog();
    await user.type(screen.getByLabelText(/^Name/), "Free pet hair removal");
    await user.selectOptions(screen.getByLabelText("Reward"), "free_add_on");
    await user.type(screen.getByLabelText(/^Cost/), "1,200");
    await screen.findByRole("option", { name: "Pet Hair Removal" });
    await user.selectOptions(screen.getByLabelText("Add-on"), ADD_ON_ID);
    await user.click(screen.getByRole("button", { name: "Add reward" }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(creates(calls)).toEqual([
      {
        name: "Free pet hair removal",
        kind: "free_add_on",
        pointsCost: 1200,
        amountCents: null,
        addOnId: ADD_ON_ID,
        active: true,
      },
    ]);
  });
});
