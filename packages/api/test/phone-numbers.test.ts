// The owner's phone-number directory and unrouted-traffic review, on PGlite and PostgreSQL.
import { randomUUID } from "node:crypto";
import { platformDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRows, callerFor, createTenant, signedInUser } from "./telephony-fixtures.ts";

const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => "OK",
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );

describe.each(testEngines())("phone numbers on %s", (engine) => {
  let db: TestDatabase;
  let owner: ReturnType<typeof callerFor>;
  let staff: ReturnType<typeof callerFor>;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    // Alpha is on Pro: a number of its own, but no AI receptionist (Starter gets no number at all).
    await createTenant(db, "alpha", { planTier: "pro", name: "Alpha Detailing" });
    await createTenant(db, "bravo", { planTier: "elite", name: "Bravo Lawns" });
    await createTenant(db, "charlie", { planTier: "starter", name: "Charlie Cleaning" });
    owner = callerFor(db, (await signedInUser(db, { owner: true })).token);
    staff = callerFor(db, (await signedInUser(db, { tenantId: "alpha", role: "tenant_admin" })).token);
  });
  afterAll(() => db?.drop());

  it("should assign a number with menu defaults and audit it", async () => {
    const config = await owner.admin.phoneNumbers.assign({
      tenantId: "alpha",
      phoneNumber: "+15555550111",
      label: "Main line",
    });
    expect(config).toMatchObject({
      tenantId: "alpha",
      ivrMode: "menu",
      label: "Main line",
      voicemailEnabled: true,
      warnings: [],
    });
    const audits = await auditRows(db, "phone_number.assigned");
    expect(audits.some((a) => a.objectId === "+15555550111" && a.targetTenantId === "alpha")).toBe(true);
  });

  it("should refuse a number already assigned, naming the business that has it", async () => {
    await owner.admin.phoneNumbers.assign({ tenantId: "bravo", phoneNumber: "+15555550112" });
    await expect(
      owner.admin.phoneNumbers.assign({ tenantId: "alpha", phoneNumber: "+15555550112" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Bravo Lawns (bravo)"),
    });
  });

  it("should refuse a number that cannot be dialled with a field message", async () => {
    const error = await owner.admin.phoneNumbers
      .assign({ tenantId: "alpha", phoneNumber: "555-0100" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    // Issue 9: numbers are read in any form a person types, so the message no longer asks for E.164.
    expect((error as TRPCError).message).toContain("not a phone number we can dial");
  });

  it("should read the number as the set-up wizard does, in any form a person types", async () => {
    const config = await owner.admin.phoneNumbers.assign({ tenantId: "bravo", phoneNumber: "(720) 555-0199" });
    expect(config.phoneNumber).toBe("+17205550199");
    const updated = await owner.admin.phoneNumbers.update({
      phoneNumber: "720.555.0199",
      forwardTo: "+1 720 555 0142",
    });
    expect(updated).toMatchObject({ phoneNumber: "+17205550199", forwardTo: "+17205550142" });
    await owner.admin.phoneNumbers.release({ phoneNumber: "+1 720 555 0199" });
  });

  it("should refuse a number for a business whose plan has none (403, the plan's message)", async () => {
    const error = await owner.admin.phoneNumbers
      .assign({ tenantId: "charlie", phoneNumber: "+15555550119" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("FORBIDDEN");
    expect((error as TRPCError).message).toBe(
      "Dedicated phone number is part of the Pro plan; ask the account owner to upgrade.",
    );
    expect(((error as TRPCError).cause as { reason?: unknown }).reason).toEqual({
      code: "PLAN_FEATURE_REQUIRED",
      feature: "dedicatedNumber",
      requiredTier: "pro",
    });
    expect((await owner.admin.phoneNumbers.list({ tenantId: "charlie" })).numbers).toEqual([]);
  });

  it("should refuse unknown fields in an update (strict input)", async () => {
    expect(
      await codeOf(owner.admin.phoneNumbers.update({ phoneNumber: "+15555550111", tenantId: "bravo" } as never)),
    ).toBe("BAD_REQUEST");
  });

  it("should update settings, record before and after, and list them", async () => {
    const updated = await owner.admin.phoneNumbers.update({
      phoneNumber: "+15555550111",
      ivrMode: "forward",
      forwardTo: "+15555550123",
      greeting: "Thanks for calling Alpha.",
      afterHoursMode: "voicemail",
      missedCallTextWindowMinutes: 60,
      bookingUrl: "https://alpha.example/book",
      helpText: "",
      advancedOptOut: true,
    });
    expect(updated).toMatchObject({
      ivrMode: "forward",
      forwardTo: "+15555550123",
      missedCallTextWindowMinutes: 60,
      helpText: null,
      advancedOptOut: true,
    });
    const audit = (await auditRows(db, "phone_number.updated")).at(-1)!;
    expect(audit.details).toMatchObject({
      before: { ivrMode: "menu", forwardTo: null },
      after: { ivrMode: "forward", forwardTo: "+15555550123" },
    });
    const listed = await owner.admin.phoneNumbers.list({ tenantId: "alpha" });
    expect(listed.numbers.map((n) => n.phoneNumber)).toEqual(["+15555550111"]);
    expect(listed.numbers[0]).toMatchObject({ ivrMode: "forward", greeting: "Thanks for calling Alpha." });
  });

  it("should refuse out-of-range windows, http booking links and hours (they are the business's now)", async () => {
    for (const patch of [
      { missedCallTextWindowMinutes: 4 },
      { missedCallTextWindowMinutes: 10_081 },
      { bookingUrl: "http://alpha.example/book" },
      { businessHours: { mon: [["17:00", "09:00"]] } },
      // Issue 9: "5555550123" is now read as a US number; a number too short to dial is still refused.
      { forwardTo: "555-0123" },
    ]) {
      expect(
        await codeOf(owner.admin.phoneNumbers.update({ phoneNumber: "+15555550111", ...patch } as never)),
        JSON.stringify(patch),
      ).toBe("BAD_REQUEST");
    }
  });

  it("should refuse forwarding without a number to ring", async () => {
    await owner.admin.phoneNumbers.assign({ tenantId: "alpha", phoneNumber: "+15555550113" });
    await expect(
      owner.admin.phoneNumbers.update({ phoneNumber: "+15555550113", ivrMode: "forward" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Forward calls to"),
    });
  });

  // Issue 9: choosing ai-voice on a plan without it is refused (it used to be saved with a warning).
  // A number left on ai-voice by a downgrade still says that callers hear the menu.
  it("should refuse ai-voice on a plan without it, and warn about one a downgrade left behind", async () => {
    const refused = await owner.admin.phoneNumbers
      .update({ phoneNumber: "+15555550113", ivrMode: "ai-voice" })
      .catch((e: unknown) => e);
    expect((refused as TRPCError).code).toBe("FORBIDDEN");
    expect((refused as TRPCError).message).toBe(
      "AI voice receptionist is part of the Elite plan; ask the account owner to upgrade.",
    );
    await platformDb(db, { actorUserId: null, purpose: "test: a plan downgrade" }).run((tx) =>
      tx.tenantPhoneConfig.update({ where: { phoneNumber: "+15555550113" }, data: { ivrMode: "ai_voice" } }),
    );
    const starter = (await owner.admin.phoneNumbers.list({ tenantId: "alpha" })).numbers.find(
      (n) => n.phoneNumber === "+15555550113",
    )!;
    expect(starter.ivrMode).toBe("ai-voice");
    expect(starter.warnings).toEqual(["Callers will hear the menu until the plan includes the AI receptionist."]);
    const elite = await owner.admin.phoneNumbers.update({ phoneNumber: "+15555550112", ivrMode: "ai-voice" });
    expect(elite.warnings).toEqual([]);
  });

  it("should release a number and audit what it was", async () => {
    await owner.admin.phoneNumbers.release({ phoneNumber: "+15555550113" });
    expect(
      (await owner.admin.phoneNumbers.list({ tenantId: "alpha" })).numbers.map((n) => n.phoneNumber),
    ).not.toContain("+15555550113");
    const audit = (await auditRows(db, "phone_number.released")).at(-1)!;
    expect(audit.details).toMatchObject({ before: { phoneNumber: "+15555550113", ivrMode: "ai_voice" } });
    expect(await codeOf(owner.admin.phoneNumbers.release({ phoneNumber: "+15555550113" }))).toBe("NOT_FOUND");
  });

  it("should keep the directory owner-only", async () => {
    expect(await codeOf(staff.admin.phoneNumbers.list({ tenantId: "alpha" }))).toBe("FORBIDDEN");
    expect(await codeOf(staff.admin.phoneNumbers.assign({ tenantId: "alpha", phoneNumber: "+15555550114" }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(callerFor(db, undefined).admin.telephony.unrouted())).toBe("UNAUTHORIZED");
  });

  it("should list fallback-routed traffic and quarantined webhooks, and mark a webhook reviewed once", async () => {
    const id = randomUUID();
    await platformDb(db, { actorUserId: null, purpose: "test" }).run((tx) =>
      tx.unroutedWebhook.create({
        data: {
          id,
          kind: "sms",
          sid: "SM1",
          toNumber: "+15555550999",
          fromNumber: "+15555550888",
          reason: "no tenant for number",
          params: { Body: "hello?" },
        },
      }),
    );
    const before = await owner.admin.telephony.unrouted();
    expect(before.webhooks).toEqual([expect.objectContaining({ id, body: "hello?", reviewedAt: null })]);
    expect(before.totals.webhooksUnreviewed).toBe(1);
    const first = await owner.admin.telephony.markReviewed({ id });
    const second = await owner.admin.telephony.markReviewed({ id });
    expect(second.reviewedAt).toBe(first.reviewedAt);
    expect((await owner.admin.telephony.unrouted()).webhooks).toEqual([]);
    expect((await owner.admin.telephony.unrouted({ includeReviewed: true })).webhooks).toHaveLength(1);
    expect((await auditRows(db, "telephony.unrouted_reviewed")).filter((a) => a.objectId === id)).toHaveLength(1);
  });
});
