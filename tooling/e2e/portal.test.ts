// The customer portal on a phone (390 × 844), against a real server whose texts go to a fake
// Twilio: a customer signs in with the code texted to them, books their last service again with one
// tap on a time, and redeems a reward with their points. A sign-in link works in the browser that
// asked for it, and in another browser asks for a code instead.
import { tenantDb } from "@servicepro/db";
import { type FakeTwilio, startFakeTwilio } from "@servicepro/testkit";
import type { Browser, BrowserContext, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./browser.ts";
import { portalSignIn, textTo } from "./portal-sign-in.ts";
import { startServer } from "./server.ts";

/** Clean Machine (the root tenant's demo business) and a customer with a past Complete Detail on an F-150. */
const CLEAN_MACHINE = { slug: "clean-machine", businessName: "Clean Machine", tenantId: "root" };
const MARCUS = { phone: "+15555550131", typed: "(555) 555-0131" };
const PRIYA = { phone: "+15555550124", typed: "555-555-0124" };

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let fake: FakeTwilio;

beforeAll(async () => {
  fake = await startFakeTwilio();
  [server, browser] = await Promise.all([startServer({ fakeTwilio: fake }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await fake?.close();
});

const phone = (): Promise<BrowserContext> =>
  browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });

/** The `data` of a tRPC answer (batched: an array of one result). */
async function dataOf<T>(response: Response): Promise<T> {
  const body: unknown = await response.json();
  const first: unknown = Array.isArray(body) ? body[0] : body;
  const data = (first as { result?: { data?: T } } | undefined)?.result?.data;
  if (data === undefined) throw new Error(`${response.url()} answered ${JSON.stringify(body)}`);
  return data;
}

type Change = { appointment: { id: string; startsAt: string; serviceName: string; status: string } };

describe("customer portal", () => {
  it("should sign in with the texted code and book the last service again with one tap on a time", async () => {
    const page = await (await phone()).newPage();
    await portalSignIn(page, fake, { url: server.url, ...CLEAN_MACHINE, ...MARCUS });
    await page.getByRole("heading", { name: "Hi, Marcus", level: 1 }).waitFor();

    const bookAgain = page.getByRole("group", { name: "Next open times" });
    const first = bookAgain.getByRole("button").first();
    await first.waitFor();
    const label = (await first.textContent())?.trim() ?? "";
    const requests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("portal.appointments.rebook")) requests.push(request.url());
    });
    const answered = page.waitForResponse((r) => r.url().includes("portal.appointments.rebook"));
    await first.click();
    const booked = await dataOf<Change>(await answered);
    await page.getByText("You're booked").waitFor();
    expect(requests).toHaveLength(1);
    expect(booked.appointment.serviceName).toBe("Complete Detail");

    // The appointments page lists what the server stored, at the time tapped.
    await page.getByRole("navigation", { name: "Your account" }).getByRole("link", { name: "Appointments" }).click();
    await page.getByRole("heading", { name: "Appointments", level: 1 }).waitFor();
    const upcoming = page.getByRole("region", { name: "Upcoming" }).getByRole("listitem");
    await upcoming.filter({ hasText: "Complete Detail" }).first().waitFor();
    const startsShown = new Intl.DateTimeFormat("en-US", {
      timeZone: "America/Chicago",
      hour: "numeric",
      minute: "2-digit",
    }).format(new Date(booked.appointment.startsAt));
    expect(label).toContain(startsShown);
    expect(await upcoming.filter({ hasText: startsShown }).count()).toBeGreaterThan(0);
  });

  it("should redeem a reward the points cover, and leave the ones they don't disabled", async () => {
    // Points and rewards for the test: the program on, two rewards, 300 points for Priya.
    await tenantDb(server.db, CLEAN_MACHINE.tenantId).run(async (tx) => {
      await tx.loyaltySettings.upsert({
        where: { tenantId: CLEAN_MACHINE.tenantId },
        create: { tenantId: CLEAN_MACHINE.tenantId, enabled: true, pointsPerDollar: 1 },
        update: { enabled: true },
      });
      await tx.loyaltyReward.createMany({
        data: [
          {
            tenantId: CLEAN_MACHINE.tenantId,
            name: "$10 off (e2e)",
            kind: "money_off",
            pointsCost: 200,
            amountCents: 1000,
          },
          {
            tenantId: CLEAN_MACHINE.tenantId,
            name: "$50 off (e2e)",
            kind: "money_off",
            pointsCost: 5000,
            amountCents: 5000,
          },
        ],
      });
      const customer = await tx.customer.findFirstOrThrow({ where: { phone: PRIYA.phone } });
      const balance = customer.pointsBalance + 300;
      await tx.loyaltyEntry.create({
        data: {
          tenantId: CLEAN_MACHINE.tenantId,
          customerId: customer.id,
          kind: "adjust",
          points: 300,
          balanceAfter: balance,
          reason: "e2e: points to redeem",
          actorKind: "system",
          idempotencyKey: "adjust:e2e-portal-redeem",
        },
      });
      await tx.customer.update({
        where: { tenantId_id: { tenantId: CLEAN_MACHINE.tenantId, id: customer.id } },
        data: { pointsBalance: balance, pointsEarned: customer.pointsEarned + 300 },
      });
    });

    const page = await (await phone()).newPage();
    await portalSignIn(page, fake, { url: server.url, ...CLEAN_MACHINE, ...PRIYA });
    await page.getByRole("navigation", { name: "Your account" }).getByRole("link", { name: "Points" }).click();
    await page.getByRole("heading", { name: "Your points", level: 1 }).waitFor();
    const before = Number((await page.locator(".portal-stat__number").first().textContent())?.replace(/,/g, ""));
    expect(before).toBeGreaterThanOrEqual(300);

    expect(await page.getByRole("button", { name: "Redeem $50 off (e2e)" }).isDisabled()).toBe(true);
    const answered = page.waitForResponse((r) => r.url().includes("portal.loyalty.redeem"));
    await page.getByRole("button", { name: "Redeem $10 off (e2e)" }).click();
    const redeemed = await dataOf<{ balance: number; redemption: { rewardName: string } }>(await answered);
    expect(redeemed.balance).toBe(before - 200);
    await page.getByText("Redeemed: $10 off (e2e)").waitFor();
    // The balance and the redemptions list are the server's again.
    await expect
      .poll(async () => (await page.locator(".portal-stat__number").first().textContent())?.replace(/,/g, ""))
      .toBe(String(before - 200));
    await page.getByRole("region", { name: "Your redemptions" }).getByText("$10 off (e2e)").waitFor();
  });

  it("should sign in with a texted link in the browser that asked for it, and ask for a code in another", async () => {
    const asking = await (await phone()).newPage();
    await asking.goto(`${server.url}/portal/${CLEAN_MACHINE.slug}`);
    await asking.getByLabel("Mobile number").fill("(555) 555-0123");
    const since = new Date(Date.now() - 1000);
    await asking.getByRole("button", { name: "Text me a link instead" }).click();
    await asking.getByText("Check your texts").waitFor();
    const [link] = await textTo(
      fake,
      "+15555550123",
      /https?:\/\/\S+\/portal\/clean-machine\/link\?token=[\w-]+/,
      since,
    );
    const path = new URL(link!).pathname + new URL(link!).search;

    // Another browser (a laptop, a mail scanner): opening the link uses nothing up, and it can't sign in.
    const other = await (await phone()).newPage();
    await other.goto(`${server.url}${path}`);
    await other.getByRole("heading", { name: "Signing you in…" }).waitFor();
    await other.getByRole("button", { name: "Sign in", exact: true }).click();
    await other.getByText("This link was asked for in another browser").waitFor();
    await other.getByLabel("Mobile number").waitFor();

    await asking.goto(`${server.url}${path}`);
    await asking.getByRole("button", { name: "Sign in", exact: true }).click();
    await asking.getByRole("heading", { name: "Hi, Jordan", level: 1 }).waitFor();
  });
});
