// EditPlanDialog in a DOM: the root tenant's status, and the server's answers on the fields.
import { apiError, createTestApi, fieldErrors } from "@servicepro/web/testing";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { EditPlanDialog } from "../src/tenants/EditPlanDialog.tsx";

type Tenant = Parameters<typeof EditPlanDialog>[0]["tenant"];

const root: Tenant = {
  id: "root",
  name: "Clean Machine",
  slug: "clean-machine",
  industry: "auto-detailing",
  planTier: "internal",
  status: "active",
  createdAt: "2026-01-01T00:00:00.000Z",
  internalNotes: null,
};
const greenLawn: Tenant = { ...root, id: "green-lawn", name: "Green Lawn Co", slug: "green-lawn", planTier: "pro" };

function renderDialog(tenant: Tenant, answers: Parameters<typeof createTestApi>[0]) {
  const api = createTestApi({ "admin.tenants.list": () => [], ...answers });
  const onClose = vi.fn();
  render(<EditPlanDialog tenant={tenant} onClose={onClose} />, { wrapper: api.Providers });
  return { ...api, onClose, user: userEvent.setup() };
}

const updates = (calls: { path: string; input: unknown }[]) =>
  calls.filter((call) => call.path === "admin.tenants.updatePlan").map((call) => call.input);

describe("EditPlanDialog", () => {
  it("should warn that the root business takes all unrouted traffic, and send nothing until confirmed", async () => {
    const { user, calls, onClose } = renderDialog(root, { "admin.tenants.updatePlan": () => root });

    await user.selectOptions(screen.getByLabelText("Status"), "cancelled");
    expect(screen.getByText(/every call and text that matches no other business's number reaches it/)).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(updates(calls)).toEqual([]);
    expect(screen.getByText("Tick the box to confirm, or choose another status.")).toBeTruthy();

    await user.click(screen.getByLabelText("Yes, make Clean Machine cancelled"));
    expect(screen.queryByText("Tick the box to confirm, or choose another status.")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Save changes" }));

    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(updates(calls)).toEqual([{ tenantId: "root", status: "cancelled", confirmRootStatus: true }]);
  });

  it("should not ask for a confirmation for another business", async () => {
    const { user, calls, onClose } = renderDialog(greenLawn, { "admin.tenants.updatePlan": () => greenLawn });

    await user.selectOptions(screen.getByLabelText("Status"), "suspended");
    expect(screen.queryByText(/This stops the root business/)).toBeNull();
    await user.click(screen.getByRole("button", { name: "Save changes" }));

    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(updates(calls)).toEqual([{ tenantId: "green-lawn", status: "suspended" }]);
  });

  it("should show a server field error on its field, and a failure without fields above the buttons", async () => {
    let answer: () => never = () => {
      throw fieldErrors([{ path: ["planTier"], message: "That plan is not for sale any more." }]);
    };
    const { user, onClose } = renderDialog(greenLawn, { "admin.tenants.updatePlan": () => answer() });

    await user.selectOptions(screen.getByLabelText("Plan"), "elite");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    const message = await screen.findByText("That plan is not for sale any more.");
    expect(message.closest(".sp-field")?.querySelector("select")?.getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByText("The change wasn't saved")).toBeNull();

    answer = () => {
      throw apiError("NOT_FOUND", 'There is no business with the id "green-lawn".');
    };
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(await screen.findByText('There is no business with the id "green-lawn".')).toBeTruthy();
    expect(screen.getByText("The change wasn't saved")).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });
});
