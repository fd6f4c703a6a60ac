// The owner signs in to the admin console in a real browser and sees every tenant.

import { GREEN_LAWN_ADMIN, OWNER } from "@servicepro/server/testing";
import type { Browser } from "playwright-core";
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

describe("admin console", () => {
  it("should sign the owner in and list the tenants", async () => {
    const page = await browser.newPage();
    await signIn(page, `${server.url}/admin/`, OWNER);
    await page.getByRole("heading", { name: "Tenants" }).waitFor();
    const table = page.getByRole("table");
    await table.getByText("Green Lawn Co").waitFor();
    expect(await table.textContent()).toContain("Clean Machine");
    // The session survives a reload (cookie), and the console shows the same list.
    await page.reload();
    await page.getByRole("table").getByText("Clean Machine").waitFor();
    await page.close();
  });

  it("should tell a wrong password apart from a signed-in state", async () => {
    const page = await browser.newPage();
    await signIn(page, `${server.url}/admin/`, { email: OWNER.email, password: "wrong-password-123" });
    await page.getByRole("alert").getByText("Email or password is incorrect.").waitFor();
    expect(await page.getByRole("table").count()).toBe(0);
    await page.close();
  });

  it("should show a business's staff their own overview in the business dashboard", async () => {
    const page = await browser.newPage();
    await signIn(page, `${server.url}/app/`, GREEN_LAWN_ADMIN);
    await page.getByRole("heading", { name: "Green Lawn Co" }).waitFor();
    expect(await page.getByText(GREEN_LAWN_ADMIN.email).count()).toBeGreaterThan(0);
    await page.close();
  });
});
