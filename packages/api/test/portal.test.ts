// The customer portal (issue 14): sign-in by texted code and by browser-bound link, its limits,
// sessions of its own per business, and the customer's own appointments, assets and profile. On
// PGlite, and on PostgreSQL with TEST_DATABASE_URL.
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { PORTAL_LIMITS } from "@servicepro/identity";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Business, bookingBusiness, chicago, failure, NOW, refusalOf } from "./booking-fixtures.ts";
import { platform } from "./catalog-fixtures.ts";
import { manualClock, portalWorld } from "./portal-fixtures.ts";

const MINUTE = 60_000;
const PHONE = "+15125550100"; // the fixture's customer, Dana Driver
const codeOf = (error: Awaited<ReturnType<typeof failure>>) => refusalOf(error).reason?.code;

describe.each(testEngines())("customer portal on %s", (engine) => {
  let db: TestDatabase;
  let shine: Business;
  let other: Business;
  let clock: ReturnType<typeof manualClock>;
  let world: ReturnType<typeof portalWorld>;

  beforeAll(async () => {
    clock = manualClock(NOW);
    db = await createTestDatabase(engine, { poolSize: 4 });
    shine = await bookingBusiness(db, "portal-shine");
    // Another business where the same phone is a customer too (a different person, as far as it knows).
    other = await bookingBusiness(db, "portal-other");
    await platform(db).run(async (tx) => {
      await tx.customer.updateMany({ where: { tenantId: other.id }, data: { name: "Dana at Other" } });
      for (const id of [shine.id, other.id])
        await tx.tenantPhoneConfig.create({
          data: { tenantId: id, phoneNumber: id === shine.id ? "+15125559001" : "+15125559002" },
        });
    });
    world = portalWorld(db, clock.now);
  });
  // Each test starts an hour later, past the previous test's hourly sign-in limits.
  beforeEach(() => clock.advance(61 * MINUTE));
  afterAll(async () => {
    clock?.restore();
    await db?.drop();
  });

  /** A browser signed in to `slug` as the fixture customer, through a texted code. */
  async function signedIn(slug: string, ip = "198.51.100.50", remember = false) {
    const browser = world.browser(ip);
    clock.advance(PORTAL_LIMITS.resendAfterSeconds * 1000 + 1000);
    await browser.api.portal.auth.requestCode({ slug, phone: "(512) 555-0100" });
    const tenantId = slug;
    await browser.api.portal.auth.verifyCode({ slug, phone: PHONE, code: world.lastCode(tenantId, PHONE), remember });
    return browser;
  }

  describe("sign-in by code", () => {
    it("should text a 6-digit code to a customer's number and sign them in with it", async () => {
      const browser = world.browser("198.51.100.1");
      const answer = await browser.api.portal.auth.requestCode({ slug: shine.id, phone: "512-555-0100" });
      expect(answer.message).toContain("(512) 555-0100");
      const text = world.outbox.sent.at(-1);
      expect(text).toMatchObject({ to: PHONE, kind: "portal_sign_in" });
      expect(text?.body).toMatch(/^\d{6} is your Shine portal-shine sign-in code/);
      await browser.api.portal.auth.verifyCode({ slug: shine.id, phone: PHONE, code: world.lastCode(shine.id, PHONE) });
      const me = await browser.api.portal.me({ slug: shine.id });
      expect(me.customer).toMatchObject({ name: "Dana Driver", phone: PHONE });
      expect(me.session.remembered).toBe(false);
    });

    it("should sign a customer in by another phone of theirs, never by another business's", async () => {
      await platform(db).run(async (tx) => {
        await tx.customer.updateMany({ where: { tenantId: shine.id }, data: { altPhones: ["+15125550177"] } });
        await tx.customer.updateMany({ where: { tenantId: other.id }, data: { altPhones: ["+15125550188"] } });
      });
      try {
        const browser = world.browser("198.51.100.9");
        clock.advance(MINUTE);
        const before = world.outbox.sent.length;
        await browser.api.portal.auth.requestCode({ slug: shine.id, phone: "(512) 555-0177" });
        // The code goes into the customer's thread (texted to the number on file, as the outbox does).
        expect(world.outbox.sent.slice(before)).toMatchObject([{ tenantId: shine.id, kind: "portal_sign_in" }]);
        const code = world.lastCode(shine.id, PHONE);
        await browser.api.portal.auth.verifyCode({ slug: shine.id, phone: "+15125550177", code });
        expect((await browser.api.portal.me({ slug: shine.id })).customer).toMatchObject({ name: "Dana Driver" });
        // The other business's customer's other phone is nobody here.
        const sentBefore = world.outbox.sent.length;
        await world.browser("198.51.100.10").api.portal.auth.requestCode({ slug: shine.id, phone: "+15125550188" });
        expect(world.outbox.sent.length).toBe(sentBefore);
      } finally {
        await platform(db).run((tx) => tx.customer.updateMany({ data: { altPhones: [] } }));
      }
    });

    it("should answer an unknown number exactly as a known one, and text nobody", async () => {
      const browser = world.browser("198.51.100.2");
      const before = world.outbox.sent.length;
      clock.advance(MINUTE);
      const known = await browser.api.portal.auth.requestCode({ slug: shine.id, phone: PHONE });
      const unknown = await browser.api.portal.auth.requestCode({ slug: shine.id, phone: "+15125550199" });
      expect(unknown.message.replace("(512) 555-0199", "X")).toBe(known.message.replace("(512) 555-0100", "X"));
      expect(world.outbox.sent.length).toBe(before + 1);
      // The cool-down counts unknown numbers too, so it can't tell them apart either.
      const again = await failure(browser.api.portal.auth.requestCode({ slug: shine.id, phone: "+15125550199" }));
      expect(again.code).toBe("TOO_MANY_REQUESTS");
    });

    it("should tell how many tries are left, and refuse the 6th try even with the right code", async () => {
      const browser = world.browser("198.51.100.3");
      clock.advance(MINUTE);
      await browser.api.portal.auth.requestCode({ slug: shine.id, phone: PHONE });
      const code = world.lastCode(shine.id, PHONE);
      const wrong = code === "000000" ? "111111" : "000000";
      for (let left = 4; left >= 1; left--) {
        const error = await failure(browser.api.portal.auth.verifyCode({ slug: shine.id, phone: PHONE, code: wrong }));
        expect(error.message).toContain(`${left} ${left === 1 ? "try" : "tries"} left`);
        expect(refusalOf(error).reason).toMatchObject({ code: "CODE_INVALID", triesLeft: left });
      }
      const fifth = await failure(browser.api.portal.auth.verifyCode({ slug: shine.id, phone: PHONE, code: wrong }));
      expect(codeOf(fifth)).toBe("CODE_EXPIRED");
      const sixth = await failure(browser.api.portal.auth.verifyCode({ slug: shine.id, phone: PHONE, code }));
      expect(codeOf(sixth)).toBe("CODE_EXPIRED");
      expect(sixth.message).toMatch(/new code/);
      expect(browser.cookies.size).toBe(0);
      // A new code works.
      clock.advance(MINUTE);
      await browser.api.portal.auth.requestCode({ slug: shine.id, phone: PHONE });
      await browser.api.portal.auth.verifyCode({ slug: shine.id, phone: PHONE, code: world.lastCode(shine.id, PHONE) });
      expect((await browser.api.portal.me({ slug: shine.id })).customer.name).toBe("Dana Driver");
    });

    it("should refuse a code after 10 minutes, and a code replaced by a newer one", async () => {
      const browser = world.browser("198.51.100.4");
      clock.advance(MINUTE);
      await browser.api.portal.auth.requestCode({ slug: shine.id, phone: PHONE });
      const first = world.lastCode(shine.id, PHONE);
      clock.advance(MINUTE);
      await browser.api.portal.auth.requestCode({ slug: shine.id, phone: PHONE });
      const second = world.lastCode(shine.id, PHONE);
      if (first !== second) {
        const replaced = await failure(
          browser.api.portal.auth.verifyCode({ slug: shine.id, phone: PHONE, code: first }),
        );
        expect(["CODE_INVALID", "CODE_EXPIRED"]).toContain(codeOf(replaced));
      }
      clock.advance(10 * MINUTE + 1000);
      const late = await failure(browser.api.portal.auth.verifyCode({ slug: shine.id, phone: PHONE, code: second }));
      expect(codeOf(late)).toBe("CODE_EXPIRED");
    });

    it("should give a field error for a phone it cannot parse and a code that is not 6 digits", async () => {
      const browser = world.browser("198.51.100.5");
      const phone = await failure(browser.api.portal.auth.requestCode({ slug: shine.id, phone: "call me" }));
      expect(phone.code).toBe("BAD_REQUEST");
      expect(phone.message).toMatch(/not a phone number we can dial/);
      const code = await failure(browser.api.portal.auth.verifyCode({ slug: shine.id, phone: PHONE, code: "12ab" }));
      expect(code.message).toMatch(/6-digit code/);
      const unknownSlug = await failure(
        browser.api.portal.auth.requestCode({ slug: "no-such-business", phone: PHONE }),
      );
      expect(unknownSlug.code).toBe("NOT_FOUND");
    });

    it("should replace a cookie planted before sign-in (no session fixation)", async () => {
      const victim = world.browser("198.51.100.6");
      victim.cookies.set(`sp_portal_${shine.id}`, "attacker-chosen-token-attacker-chosen-token");
      clock.advance(MINUTE);
      await victim.api.portal.auth.requestCode({ slug: shine.id, phone: PHONE });
      await victim.api.portal.auth.verifyCode({ slug: shine.id, phone: PHONE, code: world.lastCode(shine.id, PHONE) });
      const token = victim.cookies.get(`sp_portal_${shine.id}`);
      expect(token).toBeDefined();
      expect(token).not.toBe("attacker-chosen-token-attacker-chosen-token");
      const attacker = world.browser("203.0.113.66");
      attacker.cookies.set(`sp_portal_${shine.id}`, "attacker-chosen-token-attacker-chosen-token");
      expect((await failure(attacker.api.portal.me({ slug: shine.id }))).code).toBe("UNAUTHORIZED");
    });
  });

  describe("sign-in by link", () => {
    it("should sign in with a texted link only in the browser that asked for it, and only once", async () => {
      const asker = world.browser("198.51.100.10");
      clock.advance(MINUTE);
      await asker.api.portal.auth.requestLink({ slug: shine.id, phone: PHONE, channel: "sms" });
      const token = world.lastLinkToken("sms");
      expect(world.outbox.sent.at(-1)?.body).toContain(`https://app.servicepro.test/portal/${shine.id}/link?token=`);

      const elsewhere = world.browser("198.51.100.11");
      const refused = await failure(elsewhere.api.portal.auth.redeemLink({ slug: shine.id, token }));
      expect(codeOf(refused)).toBe("LINK_OTHER_BROWSER");
      expect(refused.message).toMatch(/code instead/);

      await asker.api.portal.auth.redeemLink({ slug: shine.id, token, remember: true });
      expect((await asker.api.portal.me({ slug: shine.id })).session.remembered).toBe(true);
      const reused = await failure(asker.api.portal.auth.redeemLink({ slug: shine.id, token }));
      expect(codeOf(reused)).toBe("LINK_EXPIRED");
    });

    it("should refuse a link after 15 minutes", async () => {
      const asker = world.browser("198.51.100.12");
      clock.advance(MINUTE);
      await asker.api.portal.auth.requestLink({ slug: shine.id, phone: PHONE });
      const token = world.lastLinkToken("sms");
      clock.advance(15 * MINUTE + 1000);
      expect(codeOf(await failure(asker.api.portal.auth.redeemLink({ slug: shine.id, token })))).toBe("LINK_EXPIRED");
    });

    it("should email a link, not text a code, to a number that opted out of texts", async () => {
      await platform(db).run(async (tx) => {
        await tx.customer.create({
          data: { tenantId: shine.id, phone: "+15125550177", name: "Stop Sam", email: "sam@example.test" },
        });
        await tx.smsConsent.create({
          data: { tenantId: shine.id, phone: "+15125550177", state: "opted_out", source: "keyword" },
        });
      });
      const browser = world.browser("198.51.100.13");
      const texts = world.outbox.sent.length;
      clock.advance(MINUTE);
      await browser.api.portal.auth.requestCode({ slug: shine.id, phone: "+15125550177" });
      expect(world.outbox.sent.length).toBe(texts);
      expect(world.email.sent.at(-1)?.to).toBe("sam@example.test");
      await browser.api.portal.auth.redeemLink({ slug: shine.id, token: world.lastLinkToken("email") });
      expect((await browser.api.portal.me({ slug: shine.id })).customer).toMatchObject({
        name: "Stop Sam",
        textsAllowed: false,
      });
    });
  });

  describe("limits", () => {
    it("should throttle 10,000 code guesses spread over phones and addresses", async () => {
      // A fresh business, so the other tests' failures don't count.
      const target = await bookingBusiness(db, "portal-guessed");
      let evaluated = 0;
      let throttled = 0;
      for (let batch = 0; batch < 200; batch++) {
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) => {
            const n = batch * 50 + i;
            const browser = world.browser(`10.${(n >> 8) & 255}.${n & 255}.9`);
            const phone = `+1512555${String(1000 + (n % 800)).padStart(4, "0")}`;
            return failure(
              browser.api.portal.auth.verifyCode({ slug: target.id, phone, code: String(n).padStart(6, "0") }),
            );
          }),
        );
        for (const error of results) {
          if (error.code === "TOO_MANY_REQUESTS") throttled++;
          else evaluated++;
        }
      }
      expect(evaluated + throttled).toBe(10_000);
      // Each guess takes its point before it is checked, so parallel guesses can't overshoot the ceiling.
      expect(evaluated).toBe(PORTAL_LIMITS.failuresPerBusinessPerHour);
      expect(throttled).toBe(10_000 - PORTAL_LIMITS.failuresPerBusinessPerHour);
    }, 180_000);

    it("should limit codes per phone per hour, with Retry-After seconds on the refusal", async () => {
      const target = await bookingBusiness(db, "portal-sends");
      const browser = world.browser("198.51.100.20");
      for (let i = 0; i < PORTAL_LIMITS.sendsPerPhonePerHour; i++) {
        clock.advance(PORTAL_LIMITS.resendAfterSeconds * 1000 + 1000);
        await browser.api.portal.auth.requestCode({ slug: target.id, phone: PHONE });
      }
      clock.advance(PORTAL_LIMITS.resendAfterSeconds * 1000 + 1000);
      const refused = await failure(
        world.browser("198.51.100.21").api.portal.auth.requestCode({ slug: target.id, phone: PHONE }),
      );
      expect(refused.code).toBe("TOO_MANY_REQUESTS");
      expect(refusalOf(refused).reason).toMatchObject({ code: "RATE_LIMITED" });
      expect((refusalOf(refused).reason as unknown as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(
        0,
      );
    });
  });

  describe("sessions", () => {
    it("should keep the same phone at two businesses as two identities", async () => {
      const browser = await signedIn(shine.id, "198.51.100.30");
      expect((await failure(browser.api.portal.me({ slug: other.id }))).code).toBe("UNAUTHORIZED");
      clock.advance(PORTAL_LIMITS.resendAfterSeconds * 1000 + 1000);
      await browser.api.portal.auth.requestCode({ slug: other.id, phone: PHONE });
      await browser.api.portal.auth.verifyCode({ slug: other.id, phone: PHONE, code: world.lastCode(other.id, PHONE) });
      expect((await browser.api.portal.me({ slug: shine.id })).customer.name).toBe("Dana Driver");
      expect((await browser.api.portal.me({ slug: other.id })).customer.name).toBe("Dana at Other");
      // Signing out of one leaves the other signed in.
      await browser.api.portal.auth.signOut({ slug: other.id });
      expect((await failure(browser.api.portal.me({ slug: other.id }))).code).toBe("UNAUTHORIZED");
      expect((await browser.api.portal.me({ slug: shine.id })).customer.name).toBe("Dana Driver");
    });

    it("should end every device's session on 'sign out everywhere'", async () => {
      const phone = await signedIn(shine.id, "198.51.100.31", true);
      const laptop = await signedIn(shine.id, "198.51.100.32");
      const { sessionsEnded } = await laptop.api.portal.auth.signOutEverywhere({ slug: shine.id });
      expect(sessionsEnded).toBeGreaterThanOrEqual(2);
      expect((await failure(phone.api.portal.me({ slug: shine.id }))).code).toBe("UNAUTHORIZED");
      expect((await failure(laptop.api.portal.me({ slug: shine.id }))).code).toBe("UNAUTHORIZED");
    });

    it("should end a standard session after 2 idle hours, and keep a remembered one", async () => {
      const standard = await signedIn(shine.id, "198.51.100.33");
      const remembered = await signedIn(shine.id, "198.51.100.34", true);
      clock.advance(2 * 60 * MINUTE + 1000);
      expect((await failure(standard.api.portal.me({ slug: shine.id }))).code).toBe("UNAUTHORIZED");
      expect((await remembered.api.portal.me({ slug: shine.id })).customer.name).toBe("Dana Driver");
    });
  });

  describe("the customer's own records", () => {
    async function appointmentFor(
      customerId: string,
      day: number,
      hhmm: string,
      status: "booked" | "completed" = "booked",
    ) {
      return platform(db).run(async (tx) => {
        const startsAt = new Date(chicago(day, hhmm));
        const endsAt = new Date(startsAt.getTime() + 60 * MINUTE);
        return tx.appointment.create({
          data: {
            tenantId: shine.id,
            customerId,
            serviceId: shine.serviceId,
            bookableId: shine.bookableIds[0]!,
            startsAt,
            endsAt,
            blocksUntil: endsAt,
            durationMinutes: 60,
            priceCents: 5000,
            bookedBy: "staff",
            status,
          },
        });
      });
    }

    it("should show and change only the signed-in customer's appointments and assets", async () => {
      const stranger = await platform(db).run((tx) =>
        tx.customer.create({ data: { tenantId: shine.id, phone: "+15125550166", name: "Sol Stranger" } }),
      );
      const theirs = await appointmentFor(stranger.id, 28, "10:00");
      const theirAsset = await platform(db).run((tx) =>
        tx.asset.create({ data: { tenantId: shine.id, customerId: stranger.id, kind: "vehicle", label: "Their car" } }),
      );
      const browser = await signedIn(shine.id, "198.51.100.40");
      const list = await browser.api.portal.appointments.list({ slug: shine.id });
      expect([...list.upcoming, ...list.past].map((a) => a.id)).not.toContain(theirs.id);
      const attempts = [
        () => browser.api.portal.appointments.cancel({ slug: shine.id, appointmentId: theirs.id }),
        () =>
          browser.api.portal.appointments.reschedule({
            slug: shine.id,
            appointmentId: theirs.id,
            startsAt: chicago(29, "10:00"),
          }),
        () =>
          browser.api.portal.appointments.rebook({
            slug: shine.id,
            fromAppointmentId: theirs.id,
            startsAt: chicago(29, "10:00"),
          }),
        () =>
          browser.api.portal.assets.update({
            slug: shine.id,
            id: theirAsset.id,
            kind: "vehicle",
            details: { make: "Mine now" },
          }),
      ];
      for (const attempt of attempts) expect((await failure(attempt())).code).toBe("NOT_FOUND");
      const after = await platform(db).run((tx) =>
        tx.appointment.findUniqueOrThrow({ where: { tenantId_id: { tenantId: shine.id, id: theirs.id } } }),
      );
      expect(after.status).toBe("booked");

      const created = await browser.api.portal.assets.create({
        slug: shine.id,
        kind: "vehicle",
        details: { year: 2021, make: "Toyota", model: "RAV4", colour: "Blue" },
      });
      expect(created.label).toBe("2021 Toyota RAV4 (blue)");
      const updated = await browser.api.portal.assets.update({
        slug: shine.id,
        id: created.id,
        kind: "vehicle",
        details: { year: 2022, make: "Toyota", model: "RAV4" },
      });
      expect(updated.label).toBe("2022 Toyota RAV4");
      expect((await browser.api.portal.assets.list({ slug: shine.id })).assets.map((a) => a.id)).toContain(created.id);
    });

    it("should book again in one tap from a past visit", async () => {
      const past = await appointmentFor(shine.customerId, 1, "09:00", "completed");
      const browser = await signedIn(shine.id, "198.51.100.41");
      const me = await browser.api.portal.me({ slug: shine.id });
      expect(me.rebook).toMatchObject({ fromAppointmentId: past.id, serviceName: "Express Wash" });
      const now = clock.now();
      const { starts } = await browser.api.portal.appointments.availability({
        slug: shine.id,
        appointmentId: past.id,
        purpose: "again",
        from: now.toISOString(),
        to: new Date(now.getTime() + 7 * 24 * 60 * MINUTE).toISOString(),
      });
      expect(starts.length).toBeGreaterThan(0);
      const { appointment } = await browser.api.portal.appointments.rebook({
        slug: shine.id,
        fromAppointmentId: past.id,
        startsAt: starts[0]!,
      });
      expect(appointment).toMatchObject({ serviceName: "Express Wash", status: "booked", startsAt: starts[0] });
    });

    it("should ask to confirm the fee for a late change, record it, and refuse when policy forbids it", async () => {
      const browser = await signedIn(shine.id, "198.51.100.42");
      // 12 hours ahead: inside the 24-hour window with a $25 fee.
      const soon = await platform(db).run(async (tx) => {
        const startsAt = new Date(clock.now().getTime() + 12 * 60 * MINUTE);
        startsAt.setUTCMinutes(0, 0, 0);
        const endsAt = new Date(startsAt.getTime() + 60 * MINUTE);
        return tx.appointment.create({
          data: {
            tenantId: shine.id,
            customerId: shine.customerId,
            serviceId: shine.serviceId,
            bookableId: shine.bookableIds[1]!,
            startsAt,
            endsAt,
            blocksUntil: endsAt,
            durationMinutes: 60,
            priceCents: 5000,
            bookedBy: "staff",
          },
        });
      });
      const view = (await browser.api.portal.appointments.list({ slug: shine.id })).upcoming.find(
        (a) => a.id === soon.id,
      );
      expect(view).toMatchObject({ lateChangeFeeCents: 2500, canCancel: true, lateChangeRefused: false });
      const ask = await failure(browser.api.portal.appointments.cancel({ slug: shine.id, appointmentId: soon.id }));
      expect(ask.code).toBe("CONFLICT");
      expect(refusalOf(ask).reason).toMatchObject({ code: "FEE_CONFIRMATION_REQUIRED", feeCents: 2500 });
      expect(ask.message).toContain("$25.00");
      expect((await platform(db).run((tx) => tx.appointment.findFirstOrThrow({ where: { id: soon.id } }))).status).toBe(
        "booked",
      );

      await platform(db).run((tx) =>
        tx.bookingSettings.update({ where: { tenantId: shine.id }, data: { lateChangesOnline: false } }),
      );
      const refused = await failure(
        browser.api.portal.appointments.cancel({ slug: shine.id, appointmentId: soon.id, acceptFeeCents: 2500 }),
      );
      expect(refused.code).toBe("FORBIDDEN");
      expect(codeOf(refused)).toBe("LATE_CHANGE_REFUSED");
      await platform(db).run((tx) =>
        tx.bookingSettings.update({ where: { tenantId: shine.id }, data: { lateChangesOnline: true } }),
      );

      const done = await browser.api.portal.appointments.cancel({
        slug: shine.id,
        appointmentId: soon.id,
        acceptFeeCents: 2500,
      });
      expect(done).toMatchObject({ feeCents: 2500, appointment: { status: "cancelled" } });
    });

    it("should turn texts off and on through the consent ledger", async () => {
      const browser = await signedIn(shine.id, "198.51.100.43");
      const ledger = () =>
        platform(db).run((tx) =>
          tx.smsConsentEvent.findMany({
            where: { tenantId: shine.id, phone: PHONE, source: "portal" },
            orderBy: { createdAt: "asc" },
          }),
        );
      await browser.api.portal.profile.setTexts({ slug: shine.id, allow: false });
      expect((await browser.api.portal.me({ slug: shine.id })).customer.textsAllowed).toBe(false);
      const on = await browser.api.portal.profile.setTexts({ slug: shine.id, allow: true });
      expect(on.note).toMatch(/START/);
      expect((await ledger()).map((e) => e.state)).toEqual(["opted_out", "opted_in"]);
      await browser.api.portal.profile.update({ slug: shine.id, name: "Dana D. Driver", email: "dana@example.test" });
      expect((await browser.api.portal.me({ slug: shine.id })).customer).toMatchObject({
        name: "Dana D. Driver",
        email: "dana@example.test",
      });
      await browser.api.portal.profile.update({ slug: shine.id, name: "Dana Driver", email: "" });
    });

    it("should turn offers on and off as marketing consent only, never while texts are off", async () => {
      const browser = await signedIn(shine.id, "198.51.100.44");
      const marketingLedger = () =>
        platform(db).run((tx) =>
          tx.smsConsentEvent.findMany({
            where: { tenantId: shine.id, phone: PHONE, purpose: "marketing" },
            orderBy: { createdAt: "asc" },
          }),
        );
      const me = async () => (await browser.api.portal.me({ slug: shine.id })).customer;
      expect(await me()).toMatchObject({ textsAllowed: true, offersAllowed: false });

      expect(await browser.api.portal.profile.setOffers({ slug: shine.id, allow: true })).toEqual({
        offersAllowed: true,
      });
      expect(await me()).toMatchObject({ textsAllowed: true, offersAllowed: true });
      const [given] = await marketingLedger();
      expect(given).toMatchObject({ state: "opted_in", source: "portal", purpose: "marketing" });
      expect(given!.evidence).toMatchObject({
        via: "portal",
        text: expect.stringMatching(/offers and news by text from Shine portal-shine/),
        ip: "198.51.100.44",
        userAgent: "portal-tests",
      });

      // Offers off keeps appointment texts.
      await browser.api.portal.profile.setOffers({ slug: shine.id, allow: false });
      expect(await me()).toMatchObject({ textsAllowed: true, offersAllowed: false });

      // Texts off revokes offers too; turning texts back on does not bring offers back.
      await browser.api.portal.profile.setOffers({ slug: shine.id, allow: true });
      await browser.api.portal.profile.setTexts({ slug: shine.id, allow: false });
      expect(await me()).toMatchObject({ textsAllowed: false, offersAllowed: false });
      const refused = await failure(browser.api.portal.profile.setOffers({ slug: shine.id, allow: true }));
      expect(refused.code).toBe("PRECONDITION_FAILED");
      expect(refused.message).toMatch(/turn texts on first/);
      await browser.api.portal.profile.setTexts({ slug: shine.id, allow: true });
      expect(await me()).toMatchObject({ textsAllowed: true, offersAllowed: false });
      expect((await marketingLedger()).map((e) => e.state)).toEqual(["opted_in", "opted_out", "opted_in"]);
      const current = await platform(db).run((tx) =>
        tx.marketingConsent.findUniqueOrThrow({ where: { tenantId_phone: { tenantId: shine.id, phone: PHONE } } }),
      );
      expect(current).toMatchObject({ state: "opted_out", source: "portal" });
    });
  });
});
