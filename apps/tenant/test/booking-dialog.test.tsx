// The calendar's "Book a job" dialog in a DOM: a time the schedule refuses shows the server's
// reason and the nearest times as buttons; picking one sets the day and time, and booking sends it.
import { apiError, createTestApi } from "@servicepro/web/testing";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { BookingDialog } from "../src/calendar/BookingDialog.tsx";

const TIME_ZONE = "America/Chicago";
const CUSTOMER_ID = "6f0a4c1e-3b9d-4c55-9a0e-1d2b3c4d5e6f";
const SERVICE_ID = "3f6c2a1e-8d4b-4e2a-9c1f-5b7d9e0a1c2d";
// 9:00 AM and 10:30 AM in Chicago on Monday, December 7, 2026 (UTC−6).
const NINE = "2026-12-07T15:00:00.000Z";
const TEN_THIRTY = "2026-12-07T16:30:00.000Z";

function renderDialog(create: (input: unknown) => unknown) {
  const api = createTestApi({
    "tenant.customers.list": () => ({
      items: [{ id: CUSTOMER_ID, name: "Dana Whitfield", phone: "+15125550142" }],
      nextCursor: null,
    }),
    "tenant.catalog.services": () => [{ id: SERVICE_ID, name: "Weekly Mowing", active: true }],
    "tenant.catalog.addOns": () => [],
    "tenant.appointments.create": create,
  });
  const onClose = vi.fn();
  render(
    <BookingDialog
      draft={{ date: "2026-12-07", startsAt: new Date(NINE), bookableId: null }}
      timeZone={TIME_ZONE}
      team={[{ id: "b1", name: "Luis Ortega", kind: "crew", color: "#0891b2" }]}
      onClose={onClose}
    />,
    { wrapper: api.Providers },
  );
  return { ...api, onClose, user: userEvent.setup() };
}

describe("BookingDialog", () => {
  it("should show a refused time's reason and nearest times, and book the one picked", async () => {
    const refused = "No one is working from 9:00 AM to 10:00 AM on Monday, December 7.";
    let attempts = 0;
    const { user, calls, onClose } = renderDialog((input) => {
      attempts += 1;
      if (attempts === 1) {
        throw apiError("BAD_REQUEST", refused, [{ path: ["startsAt"], message: refused }], {
          code: "SLOT_UNAVAILABLE",
          reason: "outside_hours",
          alternatives: [TEN_THIRTY],
        });
      }
      return { id: "a1", startsAt: TEN_THIRTY, input };
    });
    const dialog = screen.getByRole("dialog", { name: "Book a job" });
    await screen.findByRole("option", { name: /Dana Whitfield/ });
    await user.selectOptions(within(dialog).getByLabelText(/^Customer/), CUSTOMER_ID);
    await screen.findByRole("option", { name: "Weekly Mowing" });
    await user.selectOptions(within(dialog).getByLabelText(/^Service/), SERVICE_ID);
    expect((within(dialog).getByLabelText(/^Time/) as HTMLSelectElement).value).toBe(String(9 * 60));

    await user.click(within(dialog).getByRole("button", { name: "Book" }));
    expect((await within(dialog).findByRole("alert")).textContent).toContain(refused);
    const nearest = within(within(dialog).getByRole("group", { name: "Nearest open times" })).getAllByRole("button");
    expect(nearest).toHaveLength(1);
    expect(onClose).not.toHaveBeenCalled();

    await user.click(nearest[0]!);
    expect((within(dialog).getByLabelText(/^Time/) as HTMLSelectElement).value).toBe(String(10 * 60 + 30));
    expect((within(dialog).getByLabelText(/^Day/) as HTMLInputElement).value).toBe("2026-12-07");
    await user.click(within(dialog).getByRole("button", { name: "Book" }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    const sent = calls.filter((call) => call.path === "tenant.appointments.create").map((call) => call.input);
    expect(sent).toEqual([
      expect.objectContaining({ customerId: CUSTOMER_ID, serviceId: SERVICE_ID, startsAt: NINE }),
      expect.objectContaining({ customerId: CUSTOMER_ID, serviceId: SERVICE_ID, startsAt: TEN_THIRTY }),
    ]);
  });
});
