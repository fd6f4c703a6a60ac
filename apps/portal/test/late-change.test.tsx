// Moving or cancelling inside the cancellation window, in a DOM: the fee is on the button before
// anything is sent and the request carries it; a fee the server asks for that the screen did not
// know of is shown and sent only after the customer confirms it; a business that takes late changes
// by phone only is shown with its number, and nothing can be confirmed.
import type { PortalAppointment, PortalMe } from "@servicepro/validators";
import { apiError, createTestApi } from "@servicepro/web/testing";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { CancelDialog, RescheduleDialog } from "../src/appointments/ChangeDialogs.tsx";

const TIME_ZONE = "America/Chicago";
const APPOINTMENT_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
const hourFromNow = (hours: number) => new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + hours * 3_600_000);
const STARTS = hourFromNow(20).toISOString();
const OPEN = [hourFromNow(48).toISOString(), hourFromNow(49).toISOString()];

const BUSINESS: PortalMe["business"] = {
  name: "Clean Machine",
  slug: "clean-machine",
  timeZone: TIME_ZONE,
  assetKind: "vehicle",
  phone: "+15555550100",
  cancellationWindowHours: 24,
  cancellationFeeCents: 2500,
};

const appointment = (changes: Partial<PortalAppointment> = {}): PortalAppointment => ({
  id: APPOINTMENT_ID,
  serviceId: "3f6c2a1e-8d4b-4e2a-9c1f-5b7d9e0a1c2d",
  serviceName: "Maintenance Wash",
  assetId: null,
  assetLabel: "2022 Chevrolet Tahoe (black)",
  addOnNames: [],
  startsAt: STARTS,
  endsAt: new Date(new Date(STARTS).getTime() + 3_600_000).toISOString(),
  status: "booked",
  priceLabel: "$65",
  canReschedule: true,
  canCancel: true,
  lateChangeFeeCents: 0,
  lateChangeRefused: false,
  rewards: [],
  ...changes,
});

const changed = (input: unknown, feeCents: number) => ({
  appointment: appointment({
    startsAt: (input as { startsAt?: string }).startsAt ?? STARTS,
    status: (input as { startsAt?: string }).startsAt ? "booked" : "cancelled",
  }),
  feeCents,
});

const feeRequired = () =>
  apiError("CONFLICT", "A late change costs $25. Confirm the fee to go ahead.", undefined, {
    code: "FEE_CONFIRMATION_REQUIRED",
    feeCents: 2500,
  });

function renderDialog(
  which: "move" | "cancel",
  appointmentData: PortalAppointment,
  answer: (input: unknown) => unknown,
) {
  const api = createTestApi({
    "portal.appointments.availability": () => ({ timeZone: TIME_ZONE, starts: OPEN }),
    "portal.appointments.reschedule": answer,
    "portal.appointments.cancel": answer,
  });
  const onDone = vi.fn();
  const Dialog = which === "move" ? RescheduleDialog : CancelDialog;
  render(
    <Dialog
      slug="clean-machine"
      appointment={appointmentData}
      business={BUSINESS}
      onClose={() => undefined}
      onDone={onDone}
    />,
    { wrapper: api.Providers },
  );
  return { ...api, onDone, user: userEvent.setup() };
}

const inputsOf = (calls: { path: string; input: unknown }[], path: string) =>
  calls.filter((call) => call.path === path).map((call) => call.input);

describe("late changes", () => {
  it("should show the fee the server asks for and send it only once the customer confirms it", async () => {
    let attempts = 0;
    const { user, calls, onDone } = renderDialog("cancel", appointment(), (input) => {
      attempts += 1;
      if (attempts === 1) throw feeRequired();
      return changed(input, 2500);
    });
    await user.type(screen.getByLabelText(/^Reason/), "Out of town");
    await user.click(screen.getByRole("button", { name: "Cancel it" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Cancelling it now costs $25");
    expect(onDone).not.toHaveBeenCalled();
    expect(inputsOf(calls, "portal.appointments.cancel")).toHaveLength(1);

    await user.click(screen.getByRole("button", { name: "Cancel it and pay $25" }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(inputsOf(calls, "portal.appointments.cancel")).toEqual([
      { slug: "clean-machine", appointmentId: APPOINTMENT_ID, reason: "Out of town" },
      { slug: "clean-machine", appointmentId: APPOINTMENT_ID, reason: "Out of town", acceptFeeCents: 2500 },
    ]);
  });

  it("should put a known fee on the button before anything is sent, and move it to the time picked", async () => {
    const { user, calls, onDone } = renderDialog("move", appointment({ lateChangeFeeCents: 2500 }), (input) =>
      changed(input, 2500),
    );
    expect(screen.getByRole("alert").textContent).toContain("Moving it now costs $25");
    const confirm = screen.getByRole("button", { name: "Move it and pay $25" });
    expect(confirm.hasAttribute("disabled")).toBe(true);

    const times = await screen.findByRole("group", { name: "Open times" });
    await user.click(within(times).getAllByRole("button")[0]!);
    await user.click(confirm);
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(inputsOf(calls, "portal.appointments.reschedule")).toEqual([
      { slug: "clean-machine", appointmentId: APPOINTMENT_ID, startsAt: OPEN[0], acceptFeeCents: 2500 },
    ]);
  });

  it("should say to call the business, with its number, when it takes late changes by phone only", async () => {
    const { user, onDone } = renderDialog("cancel", appointment(), () => {
      throw apiError("FORBIDDEN", "Clean Machine takes changes this close to an appointment by phone.", undefined, {
        code: "LATE_CHANGE_REFUSED",
      });
    });
    await user.click(screen.getByRole("button", { name: "Cancel it" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Call Clean Machine to change this appointment");
    expect(within(alert).getByRole("link", { name: "(555) 555-0100" }).getAttribute("href")).toBe("tel:+15555550100");
    expect(screen.queryByRole("button", { name: /^Cancel it/ })).toBeNull();
    expect(onDone).not.toHaveBeenCalled();
  });
});
