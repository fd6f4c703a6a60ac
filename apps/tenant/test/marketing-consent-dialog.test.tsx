// Recording a customer's consent to offers by text: the note is the evidence, so giving consent
// without one is refused before anything is sent; stopping offers needs none.
import { createTestApi } from "@servicepro/web/testing";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { MarketingConsentDialog } from "../src/customers/MarketingConsentDialog.tsx";

const CUSTOMER_ID = "6f0a4c1e-3b9d-4c55-9a0e-1d2b3c4d5e6f";

function renderDialog(allow: boolean) {
  const api = createTestApi({
    "tenant.customers.setMarketingConsent": (input) => ({
      state: (input as { allow: boolean }).allow ? "opted_in" : "opted_out",
      allowed: (input as { allow: boolean }).allow,
    }),
  });
  const onClose = vi.fn();
  render(<MarketingConsentDialog customerId={CUSTOMER_ID} customerLabel="Dana" allow={allow} onClose={onClose} />, {
    wrapper: api.Providers,
  });
  return { ...api, onClose, user: userEvent.setup() };
}

const inputsOf = (calls: { path: string; input: unknown }[]) =>
  calls.filter((call) => call.path === "tenant.customers.setMarketingConsent").map((call) => call.input);

describe("MarketingConsentDialog", () => {
  it("should ask how the customer agreed before recording consent, then send it with the note", async () => {
    const { user, calls, onClose } = renderDialog(true);
    await user.click(screen.getByRole("button", { name: "Record consent" }));
    expect(await screen.findByText(/Say how the customer agreed to offers by text/)).toBeTruthy();
    expect(inputsOf(calls)).toEqual([]);

    await user.type(screen.getByLabelText(/^How did they agree/), "Asked at the counter");
    await user.click(screen.getByRole("button", { name: "Record consent" }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(inputsOf(calls)).toEqual([{ customerId: CUSTOMER_ID, allow: true, note: "Asked at the counter" }]);
  });

  it("should stop offers without a note", async () => {
    const { user, calls, onClose } = renderDialog(false);
    await user.click(screen.getByRole("button", { name: "Stop offers" }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(inputsOf(calls)).toEqual([{ customerId: CUSTOMER_ID, allow: false, note: null }]);
  });
});
