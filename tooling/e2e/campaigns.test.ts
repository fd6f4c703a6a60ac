// A campaign end to end, on a phone (390 × 844): the demo admin composes one for the regulars who
// agreed to offers (demo data), watches the live count follow a tag filter, sees real customers' texts with the
// STOP line, saves the draft and sends it now. Campaigns may only send between 8 AM and 9 PM at the
// business: outside those hours "now" is refused next to the send-time field, and the test schedules
// it for 10 AM the next day instead. Either way the campaign's page shows its state and progress bar.
import { GREEN_LAWN_ADMIN } from "@servicepro/server/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signIn } from "./browser.ts";
import { startServer } from "./server.ts";

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

/** Green Lawn Co's zone (the demo tenant keeps the default). */
const TIME_ZONE = "America/Chicago";
const NAME = "Spring aeration";

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const phone = (): Promise<BrowserContext> =>
  browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });

/** The audience's live count as the composer shows it ("3 customers match"), once it has settled. */
async function audienceCount(page: Page): Promise<number> {
  const figure = page.locator(".campaign-count__figure");
  await expect.poll(() => figure.textContent(), { timeout: 15_000 }).toMatch(/^\d+ customers? match(es)?$/);
  return Number((await figure.textContent())?.match(/^\d+/)?.[0]);
}

/** Tomorrow at 10:00 on the business's clock, as a datetime-local value. */
function tomorrowAtTen(): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(new Date());
  const tomorrow = new Date(`${today}T12:00:00Z`);
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  return `${tomorrow.toISOString().slice(0, 10)}T10:00`;
}

describe("campaigns", () => {
  it("should compose a campaign with a live audience count, save it, send it and show its progress", async () => {
    const page = await (await phone()).newPage();
    await signIn(page, `${server.url}/app/`, GREEN_LAWN_ADMIN);
    await page.getByRole("heading", { name: "Today's jobs" }).waitFor();
    await page.goto(`${server.url}/app/campaigns`);
    await page.getByRole("heading", { name: "Campaigns", level: 1 }).waitFor();
    await page.getByRole("link", { name: "New campaign" }).click();

    // Everyone who agreed to offers (the demo's regulars), then only those tagged "weekly".
    await page.getByRole("heading", { name: "New campaign", level: 1 }).waitFor();
    const everyone = await audienceCount(page);
    expect(everyone).toBeGreaterThan(1);
    await page.getByRole("textbox", { name: "Name", exact: true }).fill(NAME);
    await page.getByLabel(/^Tags/).fill("weekly");
    await page.getByRole("button", { name: "Add tag" }).click();
    await expect.poll(() => audienceCount(page), { timeout: 15_000 }).toBeLessThan(everyone);
    const weekly = await audienceCount(page);
    expect(weekly).toBeGreaterThan(0);

    const message = page.getByRole("textbox", { name: /^Message/ });
    await message.fill("Hi , aeration season is here! Book: ");
    await message.evaluate((area: HTMLTextAreaElement) => area.setSelectionRange(3, 3));
    await page.getByRole("button", { name: "First name" }).click();
    await message.evaluate((area: HTMLTextAreaElement) => area.setSelectionRange(area.value.length, area.value.length));
    await page.getByRole("button", { name: "Booking link" }).click();
    expect(await message.inputValue()).toBe("Hi {first_name}, aeration season is here! Book: {booking_link}");
    const preview = page.getByRole("figure", { name: /Preview for a customer named Alex/ });
    expect(await preview.locator(".campaign-phone__bubble").textContent()).toMatch(
      /^Green Lawn Co: Hi Alex, aeration season is here! Book: http\S*\/book\/green-lawn\nReply STOP to opt out$/,
    );
    const samples = page.getByRole("list", { name: "Texts for customers in the audience" });
    await samples
      .getByText(
        /^Green Lawn Co: Hi \w+, aeration season is here! Book: http\S*\/book\/green-lawn\sReply STOP to opt out$/,
      )
      .first()
      .waitFor();

    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByRole("heading", { name: `Edit ${NAME}`, level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/app\/campaigns\/[0-9a-f-]{36}\/edit$/);

    await page.getByRole("button", { name: "Send now" }).click();
    const confirm = page.getByRole("dialog", { name: `Send ${NAME} now?` });
    await confirm.getByRole("button", { name: `Send to ${weekly} now` }).click();
    const progress = page.getByRole("progressbar", { name: "Sending progress" });
    const sendAt = page.getByLabel("Or send at");
    const outcome = await Promise.race([
      progress.waitFor({ timeout: 20_000 }).then(() => "sent" as const),
      page
        .getByText(/where your business is; campaigns send between 8 AM and 9 PM/)
        .waitFor({ timeout: 20_000 })
        .then(() => "refused" as const),
      page
        .getByRole("alert")
        .filter({ hasText: "The campaign wasn't sent" })
        .waitFor({ timeout: 20_000 })
        .then(async () => {
          throw new Error(`Sending failed: ${await page.getByRole("alert").first().textContent()}`);
        }),
    ]);
    if (outcome === "refused") {
      // Outside the sending hours: the refusal is on the send-time field, and nothing was sent.
      expect(await sendAt.getAttribute("aria-invalid")).toBe("true");
      await sendAt.fill(tomorrowAtTen());
      await page.getByRole("button", { name: "Schedule" }).click();
      await page
        .getByRole("dialog", { name: `Schedule ${NAME}?` })
        .getByRole("button", { name: "Schedule it" })
        .click();
      await progress.waitFor();
    }

    await page.getByRole("heading", { name: NAME, level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/app\/campaigns\/[0-9a-f-]{36}$/);
    const status = outcome === "sent" ? /^(Sending|Completed)$/ : /^Scheduled$/;
    expect((await page.locator(".sp-page-header .sp-badge").textContent())?.trim()).toMatch(status);
    expect(Number(await progress.getAttribute("aria-valuemax"))).toBe(outcome === "sent" ? weekly : 1);
    await page.getByText(/tagged “weekly”/).waitFor();
    await page.getByRole("region", { name: "Results" }).getByText("Bookings credited").waitFor();

    // The list shows it with its state.
    await page.goto(`${server.url}/app/campaigns`);
    const row = page.getByRole("row").filter({ hasText: NAME });
    await row
      .getByText(outcome === "sent" ? /Sending|Completed/ : "Scheduled")
      .first()
      .waitFor();
  });
});
