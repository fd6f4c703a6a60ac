// The concierge wizard in a real browser: the owner sets up a lawn care business from nothing
// (pack, plan, a number from the pool, starter site, onboarding link), creates it with a double
// click that still makes one business, logs in as it and sees its services. Also: a slug that is
// taken keeps the owner on the first step, with the clash named on the field.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { platformDb } from "@servicepro/db";
import { defaultEngine } from "@servicepro/db/testing";
import { OWNER, startTestApp, type TestApp } from "@servicepro/server/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signIn } from "./browser.ts";

const POOL = ["+15555550150", "+15555550151"];

let app: TestApp;
let url: string;
let stopServer: () => Promise<void>;
let browser: Browser;

beforeAll(async () => {
  // The number pool is the server's PHONE_NUMBER_POOL: what a platform without Twilio hands out.
  [app, browser] = await Promise.all([startTestApp(defaultEngine(), { phoneNumberPool: POOL }), launchBrowser()]);
  const server = serve({ fetch: app.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stopServer = () => new Promise<void>((resolve) => server.close(() => resolve()));
});
afterAll(async () => {
  await browser?.close();
  await stopServer?.();
  await app?.close();
});

const platform = () => platformDb(app.db, { actorUserId: null, purpose: "e2e.concierge" });

async function signInToConsole(page: Page) {
  await signIn(page, `${url}/admin/`, OWNER);
  await page.getByRole("heading", { name: "Tenants" }).waitFor();
}

const stepHeading = (page: Page, title: string) =>
  page.getByRole("heading", { name: new RegExp(`Step \\d of 8: ${title}$`) });

async function next(page: Page, title: string) {
  await page.getByRole("button", { name: `Next: ${title}` }).click();
  await stepHeading(page, title).waitFor();
}

/** Business and owner steps, leaving the wizard on the pack step. */
async function fillBusinessAndOwner(page: Page, business: { name: string; owner: string; email: string }) {
  await page
    .getByRole("button", { name: "New business" })
    .or(page.getByRole("link", { name: "New business" }))
    .first()
    .click();
  await stepHeading(page, "Business").waitFor();
  await page.getByLabel("Business name").fill(business.name);
  await page.getByLabel("Time zone").selectOption("America/Chicago");
  await next(page, "Owner contact");
  await page.getByLabel("Owner's name").fill(business.owner);
  await page.getByLabel("Mobile phone").fill("(512) 555-0142");
  await page.getByLabel("Email").fill(business.email);
  await next(page, "Industry pack");
}

describe("concierge wizard", () => {
  it("should set up a lawn care business end to end and end signed in as it, seeing its services", async () => {
    const context = await browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: url });
    const page = await context.newPage();
    await signInToConsole(page);

    await fillBusinessAndOwner(page, {
      name: "Evergreen Lawn Care",
      owner: "Dana Evergreen",
      email: "dana@evergreen.example",
    });
    // The slug was suggested from the name.
    await page.getByRole("button", { name: /Business$/ }).click();
    expect(await page.getByLabel("Slug").inputValue()).toBe("evergreen-lawn-care");
    await page.getByRole("button", { name: /Industry pack$/ }).click();

    // Pack: the details drawer shows the services with prices, then picks the pack.
    await page.getByRole("button", { name: "Details of the Lawn Care pack" }).click();
    const drawer = page.getByRole("dialog", { name: "Lawn Care pack" });
    await drawer.getByRole("rowheader", { name: /Weekly Mowing/ }).waitFor();
    await drawer.getByRole("region", { name: "FAQs" }).waitFor();
    await drawer.getByRole("button", { name: "Use this pack" }).click();
    await drawer.waitFor({ state: "hidden" });
    expect(await page.getByRole("radio", { name: /Lawn Care/ }).isChecked()).toBe(true);

    // Plan: Pro, which has no AI receptionist (the lawn care pack answers with it).
    await next(page, "Plan");
    await page.getByLabel("Plan", { exact: true }).selectOption("pro");
    await page
      .getByRole("region", { name: /What the Pro plan includes/ })
      .getByText("AI SMS agent")
      .waitFor();

    // Phone: the pool's numbers; pick the second one. The pack's AI mode warns on this plan.
    await next(page, "Phone number");
    await page.getByRole("radio", { name: /\+15555550150/ }).waitFor();
    await page.getByRole("radio", { name: /\+15555550151/ }).check();
    expect(await page.getByLabel("How the number answers").inputValue()).toBe("ai-voice");
    await page.getByText("This plan does not include the AI receptionist").waitFor();

    await next(page, "Website starter");
    await page
      .getByRole("figure", { name: "Starter website preview" })
      .getByText("A greener lawn without giving up your weekends")
      .waitFor();
    await next(page, "Onboarding");
    expect(await page.getByLabel("Send the owner their onboarding link").isChecked()).toBe(true);

    // Review: the server's own plan, nothing written yet.
    await next(page, "Review");
    await page.getByText("Lawn Care 1.").first().waitFor();
    await page.getByText("+15555550151, answering with").waitFor();
    expect(await platform().run((tx) => tx.tenant.count({ where: { slug: "evergreen-lawn-care" } }))).toBe(0);

    // A double click on Create: one business.
    await page.getByRole("button", { name: "Create business" }).dblclick();
    const done = page.getByRole("region", { name: "Evergreen Lawn Care is set up" });
    await done.waitFor();
    const link = await done.getByLabel("Onboarding link").inputValue();
    expect(link).toMatch(/^http:\/\/localhost:3000\/.+token=/);
    await done.getByRole("button", { name: "Copy link" }).click();
    await done.getByText("Link copied to the clipboard.").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    const rows = await platform().run(async (tx) => ({
      tenants: await tx.tenant.findMany({
        where: { slug: "evergreen-lawn-care" },
        select: { id: true, planTier: true, industry: true },
      }),
      requests: await tx.provisioningRequest.count(),
      number: await tx.tenantPhoneConfig.findUnique({
        where: { phoneNumber: "+15555550151" },
        select: { tenantId: true },
      }),
    }));
    expect(rows.tenants).toHaveLength(1);
    expect(rows.tenants[0]).toMatchObject({ planTier: "pro" });
    expect(rows.requests).toBe(1);
    expect(rows.number?.tenantId).toBe(rows.tenants[0]!.id);

    // Login as this tenant: the reason is prefilled.
    await done.getByRole("button", { name: "Login as this tenant" }).click();
    const dialog = page.getByRole("dialog", { name: "Login as Evergreen Lawn Care" });
    expect(await dialog.getByLabel("Reason").inputValue()).toBe("Finishing concierge setup");
    await dialog.getByRole("button", { name: "Open their dashboard" }).click();
    await page.waitForURL(`${url}/app/`);
    const banner = page.getByRole("region", { name: "Impersonation" });
    await banner.getByText("Viewing as Evergreen Lawn Care").waitFor();

    // Its services, from the lawn care pack.
    await page.goto(`${url}/app/services`);
    await banner.getByText("Viewing as Evergreen Lawn Care").waitFor();
    await page.getByText("Weekly Mowing").first().waitFor();
    await page.getByText("Fertilization and Weed Control").first().waitFor();
    await context.close();
  });

  it("should keep the owner on the slug when it is taken, naming the business that has it", async () => {
    const page = await browser.newPage();
    await signInToConsole(page);
    await page
      .getByRole("button", { name: "New business" })
      .or(page.getByRole("link", { name: "New business" }))
      .first()
      .click();
    await stepHeading(page, "Business").waitFor();
    await page.getByLabel("Business name").fill("Green Lawn");
    await page.getByLabel("Time zone").selectOption("America/Chicago");
    // The slug follows the name ("green-lawn", Green Lawn Co's): refused when step 1 is left.
    await page.getByRole("button", { name: "Next: Owner contact" }).click();
    const slug = page.getByLabel("Slug");
    await page.getByText(/already used by Green Lawn Co/).waitFor();
    await stepHeading(page, "Business").waitFor();
    expect(await slug.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await slug.getAttribute("aria-describedby")) ?? "";
    expect(await page.locator(`[id="${describedBy.split(" ").at(-1)}"]`).textContent()).toMatch(/green-lawn/);

    // A free slug: on through the steps, and it can be created.
    await slug.fill("green-lawn-two");
    await next(page, "Owner contact");
    await page.getByLabel("Owner's name").fill("Gus Green");
    await page.getByLabel("Mobile phone").fill("(512) 555-0142");
    await page.getByLabel("Email").fill("gus@greenlawn-two.example");
    await next(page, "Industry pack");
    await page.getByRole("radio", { name: /Lawn Care/ }).check();
    await next(page, "Plan");
    await next(page, "Phone number");
    await page.getByRole("radio", { name: "No number yet" }).check();
    await next(page, "Website starter");
    await next(page, "Onboarding");
    await next(page, "Review");
    await page.getByRole("button", { name: "Create business" }).click();
    await page.getByRole("region", { name: "Green Lawn is set up" }).waitFor();
    await page.close();
  });
});
