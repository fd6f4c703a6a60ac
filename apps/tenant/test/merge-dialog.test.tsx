// "Merge with…" on a customer's page: search for the other record, see what would move (the
// server's preview), choose which record stays, merge. The mutation gets exactly the chosen pair.
import { createTestApi } from "@servicepro/web/testing";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { MergeDialog } from "../src/customers/MergeDialog.tsx";
import { RoutedPage } from "./with-router.tsx";

const THIS = "6f0a4c1e-3b9d-4c55-9a0e-1d2b3c4d5e6f";
const OTHER = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

const summary = (id: string, name: string, phone: string) => ({
  id,
  name,
  phone,
  altPhones: [],
  email: null,
  address: null,
  visitCount: 1,
  lastVisitAt: null,
  createdAt: "2026-11-01T00:00:00.000Z",
});
const customers: Record<string, ReturnType<typeof summary>> = {
  [THIS]: summary(THIS, "Dana Reyes", "+15125550101"),
  [OTHER]: summary(OTHER, "D. Reyes", "+15125550102"),
};

describe("MergeDialog", () => {
  it("should search, preview what moves, let the other record stay, and merge that pair", async () => {
    const api = createTestApi({
      "tenant.customers.list": () => ({
        items: [
          {
            id: OTHER,
            name: "D. Reyes",
            phone: "+15125550102",
            email: null,
            tags: [],
            source: "sms",
            lastSeenAt: null,
            lastVisitAt: null,
            visitCount: 1,
            lifetimeSpendCents: 0,
            consent: null,
          },
        ],
        nextCursor: null,
      }),
      "tenant.customers.mergePreview": (input) => {
        const { survivorId, mergedId } = input as { survivorId: string; mergedId: string };
        return { survivor: customers[survivorId], merged: customers[mergedId], moves: { appointments: 2, calls: 1 } };
      },
      "tenant.customers.merge": (input) => ({
        mergeId: "8b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e",
        survivorId: (input as { survivorId: string }).survivorId,
        movedCounts: {},
        consentTightened: [],
      }),
    });
    const onMerged = vi.fn();
    render(
      <RoutedPage>
        <MergeDialog customerId={THIS} customerLabel="Dana Reyes" onClose={() => {}} onMerged={onMerged} />
      </RoutedPage>,
      { wrapper: api.Providers },
    );
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/Find the other customer/), "Reyes");
    await user.click(await screen.findByRole("button", { name: /D\. Reyes/ }));
    expect(await screen.findByText("2 appointments")).toBeTruthy();
    expect(screen.getByText("1 call")).toBeTruthy();

    // Keep the other record instead of this one.
    const radios = screen.getAllByRole("radio");
    await user.click(radios[1]!);
    await vi.waitFor(() =>
      expect(api.calls.filter((c) => c.path === "tenant.customers.mergePreview").at(-1)?.input).toEqual({
        survivorId: OTHER,
        mergedId: THIS,
      }),
    );
    await user.click(await screen.findByRole("button", { name: "Merge" }));
    await vi.waitFor(() => expect(onMerged).toHaveBeenCalledWith(OTHER));
    expect(api.calls.filter((c) => c.path === "tenant.customers.merge").map((c) => c.input)).toEqual([
      { survivorId: OTHER, mergedId: THIS },
    ]);
  });
});
