// Online booking end to end, on a phone (390 × 844): a customer books on /book/green-lawn and sees
// the confirmation; staff find the job on the calendar for that day, move it and cancel it. And two
// customers looking at the same open time: the second to book is refused with the nearest times,
// and picking one of them books it.
import { GREEN_LAWN_ADMIN } from "@servicepro/server/testing";
import type { Browser, BrowserContext, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signIn } from "./browser.ts";
import { startServer } from "./server.ts";

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const phone = (): Promise<BrowserContext> =>
  browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });

type Booked = { appointmentId: string; startsAt: string; timeZone: string };

/** What `booking.create` answered (tRPC batches: an array of one result). */
async function bookedFrom(response: Response): Promise<Booked> {
  const body: unknown = await response.json();
  const first: unknown = Array.isArray(body) ? body[0] : body;
  const data =
    typeof first === "object" && first !== null && "result" in first
      ? (first.result as { data?: Booked } | undefined)?.data
      : undefined;
  if (!data?.appointmentId) throw new Error(`booking.create answered ${JSON.stringify(body)}`);
  return data;
}

/** The business's local date of an instant ("2026-12-07"). */
const localDate = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(iso),
  );

/** Opens the booking page, chooses Weekly Mowing and a lawn size, and the first day with open times. */
async function openTimes(page: Page): Promise<void> {
  await page.goto(`${server.url}/book/green-lawn`);
  await page.getByRole("heading", { name: "Book with Green Lawn Co", level: 1 }).waitFor();
  await page.getByRole("radio", { name: /Weekly Mowing/ }).check();
  await page.getByLabel("Lawn or property size").selectOption({ index: 1 });
  await page.getByRole("group", { name: "Days" }).getByRole("button", { disabled: false }).first().click();
  await page.getByRole("group", { name: "Open times" }).getByRole("button").first().waitFor();
}

async function fillDetails(page: Page, name: string, mobile: string): Promise<void> {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Mobile number").fill(mobile);
}

const bookResponse = (page: Page) => page.waitForResponse((r) => r.url().includes("booking.create"));

describe("online booking", () => {
  it("should show a booking on the staff calendar, and move and cancel it there, when a customer books", async () => {
    const customer = await (await phone()).newPage();
    await openTimes(customer);
    const time = customer.getByRole("group", { name: "Open times" }).getByRole("button").first();
    const timeLabel = (await time.textContent())?.trim() ?? "";
    await time.click();
    await expect.poll(() => time.getAttribute("aria-pressed")).toBe("true");
    await fillDetails(customer, "Robin Booker", "(512) 555-0191");
    // Consent is opt-in: both boxes start unticked, each with the server's 10DLC wording beside it; only
    // the appointment texts are asked for here (offers are a separate consent).
    const consent = customer.getByRole("checkbox", { name: /appointment texts.*Msg & data rates may apply/ });
    expect(await consent.isChecked()).toBe(false);
    expect(await customer.getByRole("checkbox", { name: /offers and news by text/ }).isChecked()).toBe(false);
    await consent.check();
    const answered = bookResponse(customer);
    await customer.getByRole("button", { name: "Book", exact: true }).click();
    const booked = await bookedFrom(await answered);
    await customer.getByRole("heading", { name: "You're booked" }).waitFor();
    const summary = (await customer.locator(".book__summary").textContent()) ?? "";
    expect(summary).toContain("Weekly Mowing with Green Lawn Co");
    expect(summary).toContain(timeLabel);
    await customer.getByText("Green Lawn Co will text you a confirmation").waitFor();

    const staff = await (await phone()).newPage();
    await signIn(staff, `${server.url}/app/`, GREEN_LAWN_ADMIN);
    await staff.getByRole("heading", { name: "Today's jobs" }).waitFor();
    const day = localDate(booked.startsAt, booked.timeZone);
    await staff.goto(`${server.url}/app/calendar?date=${day}`);
    const job = staff.getByRole("listitem").filter({ hasText: "Robin Booker" });
    await job.waitFor();
    expect(await job.textContent()).toContain(`${timeLabel}–`);

    // Move it an hour later; if that is not free, the dialog offers the nearest times: take the first.
    await job.getByRole("button", { name: "Move" }).click();
    const dialog = staff.getByRole("dialog", { name: /Move Robin Booker's Weekly Mowing/ });
    await dialog.waitFor();
    const timeSelect = dialog.getByLabel("Time");
    await timeSelect.selectOption(String(Number(await timeSelect.inputValue()) + 60));
    await dialog.getByRole("button", { name: "Move", exact: true }).click();
    const alternatives = dialog.getByRole("group", { name: "Nearest open times" });
    const outcome = await Promise.race([
      dialog.waitFor({ state: "hidden" }).then(() => "moved" as const),
      alternatives.waitFor().then(() => "refused" as const),
    ]);
    if (outcome === "refused") {
      await alternatives.getByRole("button").first().click();
      await dialog.waitFor({ state: "hidden" });
    }
    // The detail page shows the server's record: a new start, and the move in the history.
    await staff.goto(`${server.url}/app/appointments/${booked.appointmentId}`);
    await staff.getByRole("heading", { name: /Weekly Mowing for Robin Booker/ }).waitFor();
    await staff
      .getByRole("listitem")
      .filter({ hasText: /rescheduled by staff/ })
      .waitFor();
    const when = (await staff.locator(".sp-page-header__description").textContent()) ?? "";
    expect(when).not.toContain(`${timeLabel}–`);
    const newTime = when.match(/(\d{1,2}:\d{2}\s?[AP]M)–/)?.[1];
    expect(newTime, when).toBeTruthy();
    // …and so does the calendar, on the new time's day.
    await staff.getByRole("link", { name: "Back to the calendar" }).click();
    const moved = staff.getByRole("listitem").filter({ hasText: "Robin Booker" });
    await moved.waitFor();
    expect(await moved.textContent()).toContain(`${newTime}–`);
    await moved.getByRole("link", { name: "Open" }).click();

    await staff.getByRole("button", { name: "Cancel appointment" }).click();
    const cancel = staff.getByRole("dialog", { name: "Cancel this appointment?" });
    await cancel.getByLabel("Reason (optional)").fill("Customer asked to skip this week");
    await cancel.getByRole("button", { name: "Cancel appointment" }).click();
    await cancel.waitFor({ state: "hidden" });
    await staff.getByText("Cancelled", { exact: true }).waitFor();
    await staff.getByText("Reason: Customer asked to skip this week").waitFor();

    // Cancelled jobs leave the calendar.
    await staff.getByRole("link", { name: "Back to the calendar" }).click();
    await staff.getByRole("heading", { name: "Calendar" }).waitFor();
    await staff.getByRole("region", { name: /^Jobs on / }).waitFor();
    expect(await staff.getByRole("listitem").filter({ hasText: "Robin Booker" }).count()).toBe(0);
  });

  it("should refuse the second of two customers booking the same time, and book one of the nearest times instead", async () => {
    // One job at a time: a second booking of the same start has nowhere to go.
    const cookie = await server.signIn(GREEN_LAWN_ADMIN);
    const current = await server.trpc("query", "tenant.booking.settings", undefined, cookie);
    const { timeZone: _zone, updatedAt: _updated, ...settings } = current.data as Record<string, unknown>;
    const updated = await server.trpc(
      "mutation",
      "tenant.booking.updateSettings",
      { ...settings, maxConcurrent: 1 },
      cookie,
    );
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);

    const [first, second] = await Promise.all([(await phone()).newPage(), (await phone()).newPage()]);
    await openTimes(first);
    await openTimes(second);
    const firstTime = first.getByRole("group", { name: "Open times" }).getByRole("button").first();
    const label = (await firstTime.textContent())?.trim() ?? "";
    await firstTime.click();
    await second.getByRole("group", { name: "Open times" }).getByRole("button", { name: label, exact: true }).click();
    await fillDetails(first, "Casey First", "(512) 555-0192");
    await fillDetails(second, "Dana Second", "(512) 555-0193");

    await first.getByRole("button", { name: "Book", exact: true }).click();
    await first.getByRole("heading", { name: "You're booked" }).waitFor();

    await second.getByRole("button", { name: "Book", exact: true }).click();
    const refusal = second.getByRole("alert").filter({ hasText: /already booked|just taken/ });
    await refusal.waitFor();
    const nearest = second.getByRole("group", { name: "Nearest open times" }).getByRole("button");
    expect(await nearest.count()).toBeGreaterThan(0);
    const answered = bookResponse(second);
    await nearest.first().click();
    const rebooked = await bookedFrom(await answered);
    await second.getByRole("heading", { name: "You're booked" }).waitFor();
    expect(rebooked.appointmentId).toBeTruthy();
  });
});
