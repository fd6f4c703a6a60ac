// A new business owner's first minutes, in a real browser: the one-time link from set-up opens the
// welcome page, they set a password, land signed in on the overview with the first-run checklist,
// and find their services (and can edit one). The link then says it was used.
import { createHash, randomBytes } from "node:crypto";
import { platformDb, tenantDb } from "@servicepro/db";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./browser.ts";
import { startServer } from "./server.ts";

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const token = randomBytes(32).toString("base64url");

/** A business as set-up leaves it: services from its pack, an owner without a password, a link. */
async function setUpBusiness() {
  const system = { actorUserId: null, purpose: "e2e.onboarding" };
  await platformDb(server.db, system).run(async (tx) => {
    await tx.tenant.create({
      data: {
        id: "sunny-lawns",
        name: "Sunny Lawns",
        slug: "sunny-lawns",
        industry: "lawn-care",
        planTier: "pro",
        status: "trialing",
      },
    });
    const owner = await tx.user.create({
      data: { email: "olivia@sunnylawns.example", name: "Olivia Sun", passwordHash: "!onboarding-pending" },
    });
    await tx.membership.create({ data: { tenantId: "sunny-lawns", userId: owner.id, role: "tenant_admin" } });
    await tx.onboardingToken.create({
      data: {
        id: createHash("sha256").update(token).digest("hex"),
        userId: owner.id,
        tenantId: "sunny-lawns",
        expiresAt: new Date(Date.now() + 72 * 3_600_000),
      },
    });
  });
  await tenantDb(server.db, "sunny-lawns").run((tx) =>
    tx.service.createMany({
      data: [
        {
          tenantId: "sunny-lawns",
          name: "Weekly Mowing",
          description: "Mow, trim, edge and blow.",
          durationMinutes: 45,
          priceMinCents: 4500,
          priceMaxCents: 8500,
          priceDependsOn: "Lawn size",
          position: 0,
          packItemId: "weekly-mowing",
        },
        {
          tenantId: "sunny-lawns",
          name: "Core Aeration",
          description: "Relieves compaction.",
          durationMinutes: 60,
          priceCents: 12_000,
          position: 1,
          packItemId: "aeration",
        },
      ],
    }),
  );
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await setUpBusiness();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("onboarding link", () => {
  it("should set the password, land on the checklist and show the business's services", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/app/welcome?token=${token}`);
    await page.getByRole("heading", { name: "Welcome, Olivia" }).waitFor();
    await page.getByText("Set a password to open Sunny Lawns on ServicePro.").waitFor();

    // The rules are checked before anything is sent.
    await page.getByLabel("New password").fill("too short");
    await page.getByLabel("Confirm password").fill("too short");
    await page.getByRole("button", { name: "Set password and continue" }).click();
    await page.getByText("Use at least 12 characters.").waitFor();

    await page.getByLabel("New password").fill("green grass every tuesday");
    await page.getByLabel("Confirm password").fill("green grass every tuesday");
    await page.getByRole("button", { name: "Set password and continue" }).click();

    await page.waitForURL(`${server.url}/app/`);
    const checklist = page.getByRole("region", { name: "Get set up" });
    await checklist.getByText("1 of 6 done", { exact: false }).waitFor();
    await checklist.getByText("Set your password").waitFor();

    await checklist.getByRole("link", { name: "Review your services and prices" }).click();
    await page.waitForURL(`${server.url}/app/services`);
    await page.getByRole("heading", { name: "What you sell" }).waitFor();
    const services = page.getByRole("table", { name: "Services" });
    const mowing = services.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /Weekly Mowing/ }) });
    await mowing.getByText("$45–$85").waitFor();
    await mowing.getByText("From your industry pack").waitFor();
    await services.getByRole("rowheader", { name: /Core Aeration/ }).waitFor();

    // An edit through the dialog: the new price shows and the item is marked edited.
    await mowing.getByRole("button", { name: "Edit Weekly Mowing" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit Weekly Mowing" });
    await dialog.getByLabel("Pricing").selectOption("fixed");
    await dialog.getByLabel("Price ($)").fill("55");
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await dialog.waitFor({ state: "hidden" });
    await mowing.getByText("$55", { exact: true }).waitFor();
    await mowing.getByText("Edited").waitFor();

    // Reviewing the services ticks the checklist.
    await page.getByRole("link", { name: "Overview" }).click();
    await page.getByRole("region", { name: "Get set up" }).getByText("2 of 6 done", { exact: false }).waitFor();
    await page.close();
  });

  it("should say the link was used when it is opened again", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/app/welcome?token=${token}`);
    await page.getByRole("heading", { name: "Your account is already set up" }).waitFor();
    await page.getByText("This link was already used. Sign in with your email and password.").waitFor();
    expect(await page.getByRole("link", { name: "Go to sign in" }).getAttribute("href")).toBe("/app/");
    await page.close();
  });
});
