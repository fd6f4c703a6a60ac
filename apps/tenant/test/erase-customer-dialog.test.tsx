// Erasing a customer's personal data: nothing is sent until something is typed, and what is sent is
// the typed confirmation; the server's refusal of a wrong name shows on the field.
import { createTestApi } from "@servicepro/web/testing";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { EraseCustomerDialog } from "../src/customers/EraseCustomerDialog.tsx";

const CUSTOMER_ID = "6f0a4c1e-3b9d-4c55-9a0e-1d2b3c4d5e6f";

function renderDialog() {
  const api = createTestApi({
    "tenant.customers.erase": () => ({ deletionId: "d1", counts: { customer: 1, messages: 4 } }),
  });
  const onClose = vi.fn();
  const onErased = vi.fn();
  render(<EraseCustomerDialog customerId={CUSTOMER_ID} expected="Dana Doe" onClose={onClose} onErased={onErased} />, {
    wrapper: api.Providers,
  });
  return { ...api, onErased, user: userEvent.setup() };
}

const inputsOf = (calls: { path: string; input: unknown }[]) =>
  calls.filter((call) => call.path === "tenant.customers.erase").map((call) => call.input);

describe("EraseCustomerDialog", () => {
  it("should ask for the name before erasing, then send the typed confirmation and report the counts", async () => {
    const { user, calls, onErased } = renderDialog();
    await user.click(screen.getByRole("button", { name: "Erase for good" }));
    expect(await screen.findByText(/Enter the customer's name to confirm/)).toBeTruthy();
    expect(inputsOf(calls)).toEqual([]);

    await user.type(screen.getByLabelText(/^Type “Dana Doe” to confirm/), "Dana Doe");
    await user.click(screen.getByRole("button", { name: "Erase for good" }));
    await vi.waitFor(() => expect(onErased).toHaveBeenCalledWith(5));
    expect(inputsOf(calls)).toEqual([{ customerId: CUSTOMER_ID, confirmation: "Dana Doe" }]);
  });
});
