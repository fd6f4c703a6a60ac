// ServiceDialog in a DOM: the API's own rules as the fields are filled in, errors that go once the
// value is right (the "Use at most 720 minutes" that stayed under a corrected duration), and the
// parsed values sent.
import { createTestApi, fieldErrors } from "@servicepro/web/testing";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ServiceDialog } from "../src/services/ServiceDialog.tsx";

const TOO_LONG = "Use at most 720 minutes (12 hours); describe longer jobs in the description.";

function renderDialog(createService: (input: unknown) => unknown = () => ({})) {
  const api = createTestApi({
    "tenant.catalog.createService": createService,
    "tenant.catalog.services": () => [],
    "tenant.catalog.addOns": () => [],
    "tenant.catalog.faqs": () => [],
  });
  const onClose = vi.fn();
  render(<ServiceDialog onClose={onClose} />, { wrapper: api.Providers });
  return { ...api, onClose, user: userEvent.setup() };
}

const creates = (calls: { path: string; input: unknown }[]) =>
  calls.filter((call) => call.path === "tenant.catalog.createService").map((call) => call.input);

describe("ServiceDialog", () => {
  it("should refuse more than 720 minutes, and clear the message as soon as the duration is corrected", async () => {
    const { user, calls } = renderDialog();
    const duration = screen.getByLabelText(/^Duration/);
    await user.type(screen.getByLabelText(/^Name/), "Full detail");
    await user.clear(duration);
    await user.type(duration, "735");
    await user.type(screen.getByLabelText(/^Price/), "150");
    await user.click(screen.getByRole("button", { name: "Add service" }));

    expect(await screen.findByText(TOO_LONG)).toBeTruthy();
    expect(creates(calls)).toEqual([]);

    await user.clear(duration);
    await user.type(duration, "720");
    expect(screen.queryByText(TOO_LONG)).toBeNull();
    expect(duration.getAttribute("aria-invalid")).toBeNull();
  });

  it("should clear a server's error on the duration once the duration changes to a valid one", async () => {
    const { user } = renderDialog(() => {
      throw fieldErrors([{ path: ["durationMinutes"], message: TOO_LONG }]);
    });
    await user.type(screen.getByLabelText(/^Name/), "Full detail");
    await user.type(screen.getByLabelText(/^Price/), "150");
    await user.click(screen.getByRole("button", { name: "Add service" }));
    expect(await screen.findByText(TOO_LONG)).toBeTruthy();

    const duration = screen.getByLabelText(/^Duration/);
    await user.clear(duration);
    await user.type(duration, "90");
    expect(screen.queryByText(TOO_LONG)).toBeNull();
  });

  it("should send the parsed values: minutes as a number, a range in cents, the name trimmed", async () => {
    const { user, calls, onClose } = renderDialog();
    await user.type(screen.getByLabelText(/^Name/), "  Mowing ");
    await user.selectOptions(screen.getByLabelText("Pricing"), "range");
    await user.type(screen.getByLabelText(/^From/), "$45.50");
    await user.type(screen.getByLabelText(/^To/), "1,200");
    await user.type(screen.getByLabelText("The price depends on"), "lawn size");
    await user.click(screen.getByRole("button", { name: "Add service" }));

    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(creates(calls)).toEqual([
      {
        name: "Mowing",
        description: "",
        durationMinutes: 60,
        price: { type: "range", minCents: 4550, maxCents: 120_000 },
        priceDependsOn: "lawn size",
      },
    ]);
  });

  it("should put the API's range rule on the upper price", async () => {
    const { user, calls } = renderDialog();
    await user.type(screen.getByLabelText(/^Name/), "Mowing");
    await user.selectOptions(screen.getByLabelText("Pricing"), "range");
    await user.type(screen.getByLabelText(/^From/), "80");
    await user.type(screen.getByLabelText(/^To/), "40");
    await user.click(screen.getByRole("button", { name: "Add service" }));

    const message = await screen.findByText("The lowest price must be below the highest price.");
    expect(message.closest(".sp-field")?.querySelector("input")?.getAttribute("name")).toBe("priceMax");
    expect(creates(calls)).toEqual([]);
  });
});
