// Every screen of the three apps on a phone (390 × 844): nothing wider than the screen, and every
// button, link and field on the page (and in an open dialog) inside it, not behind a sideways scroll.
// E2E_SCREENSHOTS=<folder> also saves a full-page screenshot of each screen, to look at.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { GREEN_LAWN_ADMIN, OWNER } from "@servicepro/server/testing";
import { type FakeTwilio, startFakeTwilio } from "@servicepro/testkit";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signIn } from "./browser.ts";
import { portalSignIn } from "./portal-sign-in.ts";
import { startServer } from "./server.ts";

const WIDTH = 390;
const screenshotDir = process.env.E2E_SCREENSHOTS;

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
/** Texts (the portal's sign-in codes) go to a fake Twilio, where the test reads them. */
let fake: FakeTwilio;

beforeAll(async () => {
  fake = await startFakeTwilio();
  [server, browser] = await Promise.all([startServer({ fakeTwilio: fake }), launchBrowser()]);
  if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await fake?.close();
});

const phone = (): Promise<BrowserContext> =>
  browser.newContext({ viewport: { width: WIDTH, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });

type Overflow = { scrollWidth: number; outside: string[] };

/** The page's width, and every visible control that sticks out of the screen on either side. */
const measure = (page: Page): Promise<Overflow> =>
  page.evaluate((width) => {
    const controls = Array.from(
      document.querySelectorAll<HTMLElement>("button, a[href], input:not([type=hidden]), select, textarea, [role=tab]"),
    );
    const outside: string[] = [];
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      // Hidden, or visually hidden for screen readers only (1 px).
      if (box.width <= 1 || box.height <= 1 || getComputedStyle(control).visibility === "hidden") continue;
      if (control.closest("[inert], [aria-hidden=true]")) continue;
      if (box.left < -0.5 || box.right > width + 0.5) {
        const name = (control.getAttribute("aria-label") ?? control.textContent ?? control.tagName).trim();
        outside.push(
          `${control.tagName.toLowerCase()} "${name.slice(0, 50)}" at ${Math.round(box.left)}–${Math.round(box.right)} px`,
        );
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, outside };
  }, WIDTH);

/** Waits for `ready`, then checks the screen fits (and saves a screenshot when asked). */
async function expectFits(page: Page, name: string, ready: () => Promise<unknown>): Promise<void> {
  await ready();
  // Let late layout (fonts, images, lazily loaded route chunks) settle before measuring.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  if (screenshotDir) {
    await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
  }
  const overflow = await measure(page);
  expect.soft(overflow.scrollWidth, `${name}: page width`).toBeLessThanOrEqual(WIDTH);
  expect.soft(overflow.outside, `${name}: controls off-screen`).toEqual([]);
}

const heading = (page: Page, name: string | RegExp, level = 1) =>
  page.getByRole("heading", { name, level }).first().waitFor();

describe("every screen at 390 px", () => {
  it("platform console: every page and its dialogs", async () => {
    const context = await phone();
    const page = await context.newPage();
    const url = (p: string) => `${server.url}/admin${p}`;

    await page.goto(url("/"));
    await expectFits(page, "admin-sign-in", () => heading(page, "Platform console"));
    await signIn(page, url("/"), OWNER);
    await expectFits(page, "admin-tenants", () => page.getByRole("rowheader", { name: /Green Lawn Co/ }).waitFor());

    await page.goto(url("/?plan=green-lawn"));
    await expectFits(page, "admin-tenants-plan-dialog", () =>
      page.getByRole("dialog", { name: "Edit plan & status · Green Lawn Co" }).waitFor(),
    );

    await page.goto(url("/new-business"));
    await expectFits(page, "admin-new-business", () => heading(page, "New business"));

    await page.goto(url("/packs"));
    await expectFits(page, "admin-packs", () =>
      page.getByRole("button", { name: "View the Lawn care pack" }).waitFor(),
    );
    await page.goto(url("/packs?pack=lawn-care"));
    await expectFits(page, "admin-pack-drawer", () => page.getByRole("dialog").waitFor());

    await page.goto(url("/phone-numbers?tenant=green-lawn"));
    await expectFits(page, "admin-phone-numbers", () => heading(page, "Phone numbers & IVR"));

    await page.goto(url("/unrouted"));
    await expectFits(page, "admin-unrouted", () => heading(page, "Unrouted traffic"));

    await page.goto(url("/integrations?tenant=green-lawn"));
    await expectFits(page, "admin-integrations", () => page.getByRole("list", { name: /Readiness of/ }).waitFor());

    await page.goto(url("/no-such-page"));
    await expectFits(page, "admin-not-found", () => heading(page, "There's no page here"));
    await context.close();
  });

  it("business dashboard: every page and a dialog", async () => {
    const context = await phone();
    const page = await context.newPage();
    const url = (p: string) => `${server.url}/app${p}`;

    await page.goto(url("/welcome?token=not-a-real-token"));
    await expectFits(page, "tenant-welcome-bad-link", () => page.getByRole("heading", { level: 1 }).waitFor());

    await page.goto(url("/"));
    await expectFits(page, "tenant-sign-in", () => heading(page, "Welcome back"));
    await signIn(page, url("/"), GREEN_LAWN_ADMIN);
    await expectFits(page, "tenant-overview", () => page.getByRole("table").first().waitFor());

    await page.goto(url("/inbox"));
    await expectFits(page, "tenant-inbox", () => heading(page, "Inbox"));

    await page.goto(url("/calls"));
    await expectFits(page, "tenant-calls", () => heading(page, "Calls"));

    await page.goto(url("/agent"));
    await expectFits(page, "tenant-agent", () => page.getByRole("button", { name: "Save agent settings" }).waitFor());
    await page.getByRole("link", { name: "Try it in test mode" }).click();
    const testText = page.getByRole("textbox", { name: /Your text, as the customer/ });
    await expectFits(page, "tenant-agent-test", () => testText.waitFor());
    // An answer with its tool calls open: their arguments and results wrap or scroll inside, never widen the page.
    await testText.fill("Can I get a mow Saturday morning? How much is it?");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    const why = page.getByRole("region", { name: /Why the agent answered this way/ });
    await why.waitFor();
    if ((await why.locator("summary").count()) > 0) await why.locator("summary").click();
    await expectFits(page, "tenant-agent-test-answer", () => why.waitFor());

    await page.goto(url("/calendar"));
    await expectFits(page, "tenant-calendar-agenda", () => heading(page, "Calendar"));
    await page.getByRole("button", { name: "Move" }).first().click();
    await expectFits(page, "tenant-calendar-move-dialog", () => page.getByRole("dialog").waitFor());
    await page.getByRole("button", { name: "Keep it" }).click();
    await page.getByRole("link", { name: "Open" }).first().click();
    await expectFits(page, "tenant-appointment", () => page.getByRole("heading", { name: "History" }).waitFor());
    await page.goto(url("/customers"));
    await expectFits(page, "tenant-customers", () => heading(page, "Customers"));
    await page.getByRole("button", { name: "Add customer" }).click();
    const customerDialog = page.getByRole("dialog", { name: "Add a customer" });
    await expectFits(page, "tenant-customer-dialog", () => customerDialog.waitFor());
    // Saving opens the new customer's page: measured with a long name, tags and a vehicle.
    await customerDialog.getByLabel("Name").fill("Maximiliana Featherstonehaugh-Worthington");
    await customerDialog.getByLabel("Mobile number").fill("(512) 555-0187");
    await customerDialog.getByLabel("Tags").fill("vip, weekly-service, referred-by-neighbour");
    await customerDialog.getByRole("button", { name: "Add customer" }).click();
    await expectFits(page, "tenant-customer", () => heading(page, "Maximiliana Featherstonehaugh-Worthington"));
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expectFits(page, "tenant-asset-dialog", () =>
      page.getByRole("dialog", { name: /Add what you work on/ }).waitFor(),
    );
    await page.keyboard.press("Escape");
    // Merging from the customer's page: the dialog with its search, then the duplicates page.
    await page.getByRole("button", { name: "Merge with…" }).click();
    await expectFits(page, "tenant-merge-dialog", () => page.getByRole("dialog", { name: /^Merge / }).waitFor());
    await page.keyboard.press("Escape");
    await page.goto(url("/customers/duplicates"));
    await expectFits(page, "tenant-duplicates", () => heading(page, "Possible duplicates"));

    await page.goto(url("/services"));
    await expectFits(page, "tenant-services", () =>
      page
        .getByRole("button", { name: /^Edit / })
        .first()
        .waitFor(),
    );
    await page.getByRole("button", { name: "Add service" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a service" });
    await expectFits(page, "tenant-service-dialog", () => dialog.waitFor());
    // A service in the table, so its row and the row's actions are measured too.
    await dialog.getByLabel("Name").fill("Spring aeration and overseeding");
    await dialog.getByLabel("Price ($)").fill("85");
    await dialog.getByRole("button", { name: "Add service" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expectFits(page, "tenant-services-with-a-service", () =>
      page.getByRole("button", { name: "Archive Spring aeration and overseeding" }).waitFor(),
    );

    await page.goto(url("/booking-settings"));
    await expectFits(page, "tenant-booking-settings", () =>
      page.getByRole("button", { name: "Save booking settings" }).waitFor(),
    );

    await page.goto(url("/loyalty"));
    await expectFits(page, "tenant-loyalty", () =>
      page.getByRole("button", { name: "Save loyalty settings" }).waitFor(),
    );
    await page
      .getByRole("button", { name: /^Edit / })
      .first()
      .click();
    await expectFits(page, "tenant-reward-dialog", () => page.getByRole("dialog", { name: /^Edit / }).waitFor());
    await page.keyboard.press("Escape");

    await page.goto(url("/import"));
    await expectFits(page, "tenant-import", () => heading(page, "Import"));
    // A file whose columns no preset reads: the Columns step, a row per detail with the file's values.
    await page.getByLabel("CSV file").setInputFiles({
      name: "clientes-exportados-del-sistema-anterior.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "Cliente,Movil,Casa,Correo electrónico de contacto principal del cliente\n" +
          "Ana María Ruiz de la Fuente,(512) 555-0801,,ana.maria.ruiz.de.la.fuente@example.com\n",
      ),
    });
    await page.getByRole("button", { name: "Upload and check" }).click();
    await expectFits(page, "tenant-import-columns", () => heading(page, "Columns", 2));

    await page.goto(url("/campaigns"));
    await expectFits(page, "tenant-campaigns", () => heading(page, "Campaigns"));
    await page.getByRole("link", { name: "New campaign" }).click();
    await expectFits(page, "tenant-campaign-new", () => page.getByText(/customers? match/).waitFor());
    // A long name, a tag chip and a message with a link and a Unicode dash: the composer with its previews.
    await page
      .getByRole("textbox", { name: "Name", exact: true })
      .fill("Fall aeration and overseeding for every lawn in the neighbourhood");
    await page.getByLabel(/^Tags/).fill("fertilization program");
    await page.getByRole("button", { name: "Add tag" }).click();
    await page
      .getByRole("textbox", { name: /^Message/ })
      .fill("Hi {first_name}! Fall is the time to aerate — book your visit now: {booking_link}");
    await expectFits(page, "tenant-campaign-compose", () =>
      page.getByRole("list", { name: "Texts for customers in the audience" }).waitFor(),
    );
    await page.getByRole("button", { name: "Save draft" }).click();
    await expectFits(page, "tenant-campaign-edit", () => page.getByRole("button", { name: "Send now" }).waitFor());
    await page.goto(url("/campaigns"));
    await page.getByRole("link", { name: /^Fall aeration and overseeding for every lawn/ }).click();
    await expectFits(page, "tenant-campaign", () =>
      page.getByRole("progressbar", { name: "Sending progress" }).waitFor(),
    );

    await page.goto(url("/automations"));
    await expectFits(page, "tenant-automations", () =>
      page.getByRole("button", { name: "Save automatic texts" }).waitFor(),
    );

    await page.goto(url("/retention"));
    await expectFits(page, "tenant-retention", () =>
      page.getByRole("button", { name: "Save retention settings" }).waitFor(),
    );

    await page.goto(url("/team"));
    await expectFits(page, "tenant-team", () => page.getByRole("button", { name: "Add time off" }).first().waitFor());
    await page.getByRole("button", { name: "Hours" }).first().click();
    await expectFits(page, "tenant-team-hours-dialog", () => page.getByRole("dialog").waitFor());
    await page.keyboard.press("Escape");

    await page.goto(url("/plan"));
    await expectFits(page, "tenant-plan", () => heading(page, /plan/i));

    await page.goto(url("/export"));
    await expectFits(page, "tenant-export", () => heading(page, "Export your data"));

    await page.goto(url("/settings"));
    await expectFits(page, "tenant-settings", () => heading(page, "Settings"));

    await page.goto(url("/no-such-page"));
    await expectFits(page, "tenant-not-found", () => heading(page, "There's no page here"));
    await context.close();
  });

  it("customer portal and the server's own pages", async () => {
    const context = await phone();
    const page = await context.newPage();

    await page.goto(`${server.url}/portal/`);
    await expectFits(page, "portal-home", () => heading(page, "Use the link from your business"));
    await page.goto(`${server.url}/portal/green-lawn`);
    await expectFits(page, "portal-business", () => heading(page, "Sign in to Green Lawn Co"));
    await page.goto(`${server.url}/portal/no-such-business`);
    await expectFits(page, "portal-not-found", () => heading(page, "We couldn't find that business"));
    await page.goto(`${server.url}/portal/clean-machine/link?token=${"a".repeat(43)}`);
    await expectFits(page, "portal-link", () => heading(page, "Signing you in…"));

    // Signed in (a customer with past and upcoming appointments and a vehicle): every page and its dialogs.
    const portal = (p: string) => `${server.url}/portal/clean-machine${p}`;
    await portalSignIn(page, fake, {
      url: server.url,
      slug: "clean-machine",
      businessName: "Clean Machine",
      phone: "+15555550124",
      typed: "(555) 555-0124",
    });
    await expectFits(page, "portal-customer-home", () =>
      page.getByRole("group", { name: "Next open times" }).getByRole("button").first().waitFor(),
    );
    await page.goto(portal("/appointments"));
    await expectFits(page, "portal-appointments", () => heading(page, "Appointments"));
    await page.getByRole("button", { name: "Move", exact: true }).first().click();
    await expectFits(page, "portal-move-dialog", () =>
      page.getByRole("dialog").getByRole("group", { name: "Open times" }).waitFor(),
    );
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Cancel", exact: true }).first().click();
    await expectFits(page, "portal-cancel-dialog", () =>
      page
        .getByRole("dialog")
        .getByLabel(/^Reason/)
        .waitFor(),
    );
    await page.keyboard.press("Escape");
    await page.goto(portal("/assets"));
    await expectFits(page, "portal-assets", () => heading(page, "Your vehicles"));
    await page.getByRole("button", { name: "Add a vehicle" }).click();
    await expectFits(page, "portal-asset-dialog", () => page.getByRole("dialog").getByLabel(/^Make/).waitFor());
    await page.keyboard.press("Escape");
    await page.goto(portal("/points"));
    await expectFits(page, "portal-points", () => heading(page, "Your points"));
    await page.goto(portal("/profile"));
    await expectFits(page, "portal-profile", () => heading(page, "Your profile"));
    await page.goto(portal("/no-such-page"));
    await expectFits(page, "portal-customer-not-found", () => heading(page, "There's no page here"));

    await page.goto(`${server.url}/book/green-lawn`);
    await expectFits(page, "book-page", () => heading(page, "Book with Green Lawn Co"));
    await page.getByRole("radio", { name: /Weekly Mowing/ }).check();
    await page.getByLabel("Lawn or property size").selectOption({ index: 1 });
    await expectFits(page, "book-page-times", () =>
      page.getByRole("group", { name: "Days" }).getByRole("button", { disabled: false }).first().waitFor(),
    );
    await page.goto(`${server.url}/book/no-such-business`);
    await expectFits(page, "book-not-found", () => heading(page, "We couldn't find that business"));

    await page.goto(`${server.url}/`);
    await expectFits(page, "server-landing", () => heading(page, "Sign in to ServicePro"));
    await page.goto(`${server.url}/no-such-page`);
    await expectFits(page, "server-not-found", () => heading(page, "There's no page here"));
    await context.close();
  });
});
