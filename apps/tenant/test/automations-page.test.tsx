// The Automations page: the form refuses what the shared schema refuses (review requests on without
// a link, an http link, a delay over a week) with its words and sends nothing; a valid form sends the
// parsed delay and the rebook switch; the last review requests show their status, reason and clicks;
// the rebook section lists the pack's cadences and the last reminders with their reasons; staff see
// it read-only.
import type { SignedInContext } from "@servicepro/web";
import { createTestApi } from "@servicepro/web/testing";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { AutomationsPage } from "../src/automations/AutomationsPage.tsx";
import { RoutedPage } from "./with-router.tsx";

const AUTOMATIONS = {
  settings: {
    reviewRequestsEnabled: false,
    reviewLink: null,
    reviewDelayMinutes: 120,
    rebookRemindersEnabled: false,
    updatedAt: null,
  },
  timeZone: "America/Chicago",
  reviewRequests: [
    {
      id: "r2",
      appointmentId: "a2",
      customerName: "Riley Stop",
      status: "skipped" as const,
      reason: "opted_out",
      dueAt: "2026-12-08T18:00:00.000Z",
      sentAt: null,
      clickCount: 0,
      firstClickAt: null,
    },
    {
      id: "r1",
      appointmentId: "a1",
      customerName: "Dana Driver",
      status: "sent" as const,
      reason: null,
      dueAt: "2026-12-07T18:00:00.000Z",
      sentAt: "2026-12-07T18:00:00.000Z",
      clickCount: 2,
      firstClickAt: "2026-12-07T19:00:00.000Z",
    },
  ],
  rebookCadences: [
    { serviceId: "s1", serviceName: "Complete Detail", intervalDays: 56, season: null },
    { serviceId: "s2", serviceName: "Spring Cleanup", intervalDays: 365, season: { fromMonth: 2, toMonth: 5 } },
  ],
  rebookReminders: [
    {
      id: "b2",
      appointmentId: "a4",
      customerName: "Casey Booked",
      serviceName: "Complete Detail",
      status: "skipped" as const,
      reason: "booked",
      dueAt: "2027-02-01T15:00:00.000Z",
      sentAt: null,
    },
    {
      id: "b1",
      appointmentId: "a3",
      customerName: "Dana Driver",
      serviceName: "Complete Detail",
      status: "queued" as const,
      reason: null,
      dueAt: "2027-02-02T15:00:00.000Z",
      sentAt: null,
    },
  ],
};

function renderPage(role: "tenant_admin" | "tenant_staff" = "tenant_admin") {
  const api = createTestApi({
    "tenant.automations.get": () => AUTOMATIONS,
    "tenant.automations.update": (input) => ({ ...AUTOMATIONS, settings: { ...(input as object), updatedAt: null } }),
  });
  render(
    <RoutedPage>
      <AutomationsPage context={{ role } as SignedInContext} />
    </RoutedPage>,
    { wrapper: api.Providers },
  );
  return { ...api, user: userEvent.setup() };
}

const updates = (calls: { path: string; input: unknown }[]) =>
  calls.filter((call) => call.path === "tenant.automations.update").map((call) => call.input);

describe("AutomationsPage", () => {
  it("should refuse a bad form with the schema's words, then send the parsed settings", async () => {
    const { user, calls } = renderPage();
    await user.click(await screen.findByLabelText(/^Ask customers for a review/));
    const delay = screen.getByLabelText(/^Send after \(minutes\)/);
    await user.clear(delay);
    await user.type(delay, "20000");
    await user.click(screen.getByRole("button", { name: "Save automatic texts" }));
    expect(await screen.findByText("Add your review link before turning review requests on.")).toBeTruthy();
    expect(screen.getByText("Use at most 10,080 minutes (one week).")).toBeTruthy();

    const link = screen.getByLabelText(/^Review link/);
    await user.type(link, "http://example.com/review");
    await user.click(screen.getByRole("button", { name: "Save automatic texts" }));
    expect(await screen.findByText(/full https:\/\/ address/)).toBeTruthy();
    expect(updates(calls)).toEqual([]);

    await user.clear(link);
    await user.type(link, "https://g.page/r/shine/review");
    await user.clear(delay);
    await user.type(delay, "90");
    await user.click(screen.getByLabelText(/^Remind customers when a service is due again/));
    await user.click(screen.getByRole("button", { name: "Save automatic texts" }));
    await vi.waitFor(() =>
      expect(updates(calls)).toEqual([
        {
          reviewRequestsEnabled: true,
          reviewLink: "https://g.page/r/shine/review",
          reviewDelayMinutes: 90,
          rebookRemindersEnabled: true,
        },
      ]),
    );
    expect(await screen.findByText("Saved.")).toBeTruthy();
  });

  it("should list the last requests with their status, reason and clicks", async () => {
    renderPage();
    const list = await screen.findByRole("list", { name: "Last review requests" });
    const rows = within(list).getAllByRole("listitem");
    expect(rows[0]!.textContent).toContain("Riley Stop");
    expect(rows[0]!.textContent).toContain("Skipped");
    expect(rows[0]!.textContent).toContain("Customer opted out");
    expect(rows[1]!.textContent).toContain("Sent Monday, December 7 at 12:00 PM");
    expect(rows[1]!.textContent).toContain("2 clicks");
  });

  it("should show staff the settings without a save button", async () => {
    renderPage("tenant_staff");
    expect(await screen.findByLabelText(/^Review link/)).toHaveProperty("disabled", true);
    expect(screen.getByLabelText(/^Remind customers when a service is due again/)).toHaveProperty("disabled", true);
    expect(screen.queryByRole("button", { name: "Save automatic texts" })).toBeNull();
  });

  it("should list the pack's cadences and the last rebook reminders with what happened to them", async () => {
    renderPage();
    const cadences = within(await screen.findByRole("list", { name: "Rebook cadences" })).getAllByRole("listitem");
    expect(cadences.map((row) => row.textContent)).toEqual([
      "Complete DetailAll yearEvery 8 weeks",
      "Spring CleanupFebruary to MayEvery year",
    ]);
    const rows = within(screen.getByRole("list", { name: "Last rebook reminders" })).getAllByRole("listitem");
    expect(rows[0]!.textContent).toContain("Casey Booked");
    expect(rows[0]!.textContent).toContain("Customer booked again");
    expect(rows[1]!.textContent).toContain("Waiting");
    expect(rows[1]!.textContent).toContain("Due Tuesday, February 2 at 9:00 AM");
    expect(rows[1]!.textContent).toContain("Complete Detail");
  });
});
