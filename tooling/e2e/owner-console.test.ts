// The owner console in a real browser: changing a tenant's plan, and "login as tenant" with the
// banner on every page of the business dashboard and the way back.

import { OWNER } from "@servicepro/server/testing";
import type { Browser, Page } from "playwright-core";
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

async function signInToConsole(page: Page) {
  await signIn(page, `${server.url}/admin/`, OWNER);
  await page.getByRole("heading", { name: "Tenants" }).waitFor();
}

const greenLawnRow = (page: Page) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /Green Lawn Co/ }) });

describe("plan and status", () => {
  it("should let the owner change a tenant's plan and see the badge change", async () => {
    const page = await browser.newPage();
    await signInToConsole(page);
    const row = greenLawnRow(page);
    await row.getByText("Pro", { exact: true }).waitFor();

    await row.getByRole("button", { name: "Edit plan & status: Green Lawn Co" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit plan & status · Green Lawn Co" });
    await dialog.getByLabel("Plan").selectOption("internal");
    await dialog.getByLabel("Status").selectOption("past_due");
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await dialog.waitFor({ state: "hidden" });

    await row.getByText("INTERNAL (at-cost)", { exact: true }).waitFor();
    await row.getByText("Past due", { exact: true }).waitFor();
    // Internal tenants carry the owner's note where it can't be missed.
    await row.getByTestId("internal-note").waitFor();

    // It is the server's state, not the page's: a reload shows the same, and the audit log has it.
    await page.reload();
    await greenLawnRow(page).getByText("INTERNAL (at-cost)", { exact: true }).waitFor();
    const rows = await server.db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL ROLE servicepro_platform");
      return tx.auditLog.findMany({ where: { action: "tenant.plan_changed", targetTenantId: "green-lawn" } });
    });
    expect(rows.map((r) => r.details)).toEqual([
      { before: { planTier: "pro", status: "active" }, after: { planTier: "internal", status: "past_due" } },
    ]);
    await page.close();
  });
});

describe("login as tenant", () => {
  it("should open the dashboard as the tenant with the banner on every page, and exit back to the console", async () => {
    const page = await browser.newPage();
    await signInToConsole(page);
    // The root tenant has no such button: it cannot be impersonated.
    expect(await page.getByRole("button", { name: "Login as tenant: Clean Machine" }).count()).toBe(0);

    await greenLawnRow(page).getByRole("button", { name: "Login as tenant: Green Lawn Co" }).click();
    const dialog = page.getByRole("dialog", { name: "Login as Green Lawn Co" });
    // A reason is required before anything happens.
    await dialog.getByRole("button", { name: "Open their dashboard" }).click();
    await dialog.getByText("Say why you are viewing this business").waitFor();
    await dialog.getByLabel("Reason").fill("Ticket 881: they can't find last week's calls");
    await dialog.getByRole("button", { name: "Open their dashboard" }).click();

    await page.waitForURL(`${server.url}/app/`);
    const banner = page.getByRole("region", { name: "Impersonation" });
    await banner.getByText("Viewing as Green Lawn Co").waitFor();

    // Every page of the dashboard, by its own navigation, and each one also on a fresh load.
    const nav = page.getByRole("navigation", { name: "Dashboard sections" });
    const links = await nav
      .getByRole("link")
      .evaluateAll((anchors) =>
        anchors.map((a) => ({ label: a.textContent ?? "", href: (a as HTMLAnchorElement).href })),
      );
    expect(links.map((link) => link.label)).toEqual(expect.arrayContaining(["Overview", "Plan", "Settings"]));
    for (const link of links) {
      await nav.getByRole("link", { name: link.label, exact: true }).click();
      await page.waitForURL(link.href);
      expect(await banner.getByText("Viewing as Green Lawn Co").isVisible(), link.label).toBe(true);
      await page.goto(link.href);
      await banner.getByText("Viewing as Green Lawn Co").waitFor();
    }

    // The business's settings show the visit and its reason.
    await page.goto(`${server.url}/app/settings`);
    await page
      .getByRole("table", { name: "Platform access history" })
      .getByText("Ticket 881: they can't find last week's calls")
      .waitFor();

    await banner.getByRole("button", { name: "Exit impersonation" }).click();
    await page.waitForURL(`${server.url}/admin/`);
    await page.getByRole("heading", { name: "Tenants" }).waitFor();
    expect(await page.getByRole("region", { name: "Impersonation" }).count()).toBe(0);
    await page.close();
  });
});
