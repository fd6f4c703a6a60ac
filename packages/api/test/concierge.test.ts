// Concierge set-up end to end on PGlite and PostgreSQL: what a set-up writes, that it writes all
// of it or none of it (a failure injected after every step), idempotency under retries and
// concurrent duplicates, and the field errors for bad or clashing input, with nothing written.
import { createHash, randomUUID } from "node:crypto";
import {
  type ProvisioningInputRaw,
  provisionRequestSchema,
  STEP_IDS,
  UNUSABLE_PASSWORD_HASH,
} from "@servicepro/concierge";
import { type Prisma, platformDb } from "@servicepro/db";
import { testEngines } from "@servicepro/db/testing";
import { AppError } from "@servicepro/errors";
import { getPack, listPacks } from "@servicepro/industry-packs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clashedField } from "../src/concierge/clashes.ts";
import { type ProvisionResult, provisionBusiness } from "../src/concierge/execute.ts";
import {
  type ConciergeHarness,
  type HttpAnswer,
  NOW,
  PUBLIC_BASE_URL,
  startConciergeHarness,
} from "./concierge-harness.ts";

const lawnCare = getPack("lawn-care")!;

let counter = 0;
/** A valid request for a fresh business (unique slug, number and email per call). */
function request(patch: Partial<ProvisioningInputRaw> = {}): ProvisioningInputRaw & { idempotencyKey: string } {
  const n = ++counter;
  return {
    idempotencyKey: randomUUID(),
    businessName: `Greenway Lawn ${n}`,
    slug: `greenway-lawn-${n}`,
    timezone: "America/Denver",
    owner: { name: "Rosa Martinez", email: `rosa${n}@greenway.example`, phone: "(720) 555-0142" },
    packId: "lawn-care",
    planTier: "elite",
    phoneNumber: `+1720555${String(1000 + n).slice(-4)}`,
    ...patch,
  };
}

const issuesOf = (answer: HttpAnswer) =>
  answer.error?.data.issues?.map((issue) => ({ path: issue.path.join("."), message: issue.message }));

describe.each(testEngines())("concierge set-up on %s", (engine) => {
  let h: ConciergeHarness;
  let owner: { token: string; userId: string };
  const provision = (input: unknown, token = owner.token) =>
    h.call("mutation", "admin.concierge.provision", input, token);

  beforeAll(async () => {
    h = await startConciergeHarness(engine, {
      poolSize: 12,
      numberPool: ["+15555550100", "+15125550150", "+15125550151"],
    });
    owner = await h.signInOwner();
  });
  afterAll(() => h?.close());

  describe("a set-up", () => {
    let input: ReturnType<typeof request>;
    let answer: HttpAnswer;
    let before: Awaited<ReturnType<ConciergeHarness["counts"]>>;

    beforeAll(async () => {
      input = request();
      before = await h.counts();
      answer = await provision(input);
    });

    it("should answer with the business, the one-time link and what was created", () => {
      expect(answer.status, JSON.stringify(answer.error)).toBe(200);
      const result = answer.data as ProvisionResult;
      expect(result).toMatchObject({
        tenantId: input.slug,
        slug: input.slug,
        businessName: input.businessName,
        ownerEmail: input.owner.email,
        onboardingExpiresAt: new Date(NOW.getTime() + 72 * 3600_000).toISOString(),
        created: {
          services: lawnCare.services.length,
          addOns: lawnCare.addOns.length,
          faqs: lawnCare.faqs.length,
          phoneNumber: input.phoneNumber,
          websiteDraft: true,
        },
        numberSetup: "queued",
        onboardingNotice: "queued",
        warnings: [],
      });
      expect(result.onboardingLink).toMatch(new RegExp(`^${PUBLIC_BASE_URL}/app/welcome\\?token=[A-Za-z0-9_-]{43}$`));
    });

    it("should write one of each row, and queue one number set-up and two notices (text and email)", async () => {
      const after = await h.counts();
      expect(diff(before, after)).toEqual({
        tenants: 1,
        users: 1,
        memberships: 1,
        packInstalls: 1,
        services: lawnCare.services.length,
        addOns: lawnCare.addOns.length,
        faqs: lawnCare.faqs.length,
        phoneConfigs: 1,
        websiteDrafts: 1,
        onboardingTokens: 1,
        onboardingNotices: 2,
        provisioningRequests: 1,
        provisionedAudits: 1,
        numberSetupJobs: 1,
        onboardingNoticeJobs: 2,
      });
    });

    it("should store the business, its owner (no usable password) and the pack it came from", async () => {
      const tenantId = input.slug!;
      const rows = await platformRead(h, async (tx) => ({
        tenant: await tx.tenant.findUniqueOrThrow({ where: { id: tenantId } }),
        user: await tx.user.findUniqueOrThrow({ where: { email: input.owner.email }, include: { memberships: true } }),
        install: await tx.packInstall.findFirstOrThrow({ where: { tenantId } }),
        services: await tx.service.findMany({ where: { tenantId }, orderBy: { position: "asc" } }),
        addOns: await tx.addOn.findMany({ where: { tenantId }, orderBy: { position: "asc" } }),
        faqs: await tx.faq.findMany({ where: { tenantId }, orderBy: { position: "asc" } }),
        draft: await tx.websiteDraft.findUniqueOrThrow({ where: { tenantId } }),
      }));
      expect(rows.tenant).toMatchObject({
        name: input.businessName,
        industry: "lawn-care",
        planTier: "elite",
        status: "trialing",
        timezone: "America/Denver",
        contactPhone: "+17205550142",
      });
      expect(rows.user).toMatchObject({
        name: "Rosa Martinez",
        passwordHash: UNUSABLE_PASSWORD_HASH,
        isPlatformOwner: false,
      });
      expect(rows.user.memberships).toEqual([expect.objectContaining({ tenantId, role: "tenant_admin" })]);
      expect(rows.install).toMatchObject({ packId: "lawn-care", version: lawnCare.version });
      expect(rows.install.snapshot).toEqual(JSON.parse(JSON.stringify(lawnCare)));
      expect(rows.services.map((s) => s.packItemId)).toEqual(lawnCare.services.map((s) => s.id));
      expect(rows.faqs.map((f) => f.packItemId)).toEqual(lawnCare.faqs.map((f) => f.id));
      // Add-ons point at this business's service rows, matching the pack's service ids.
      const rowIdByPackId = new Map(rows.services.map((s) => [s.packItemId, s.id]));
      rows.addOns.forEach((addOn, i) =>
        expect(addOn.serviceIds).toEqual(lawnCare.addOns[i]!.serviceIds.map((id) => rowIdByPackId.get(id))),
      );
      expect(rows.draft).toMatchObject({
        packId: "lawn-care",
        content: JSON.parse(JSON.stringify(lawnCare.website)),
        publishedAt: null,
      });
    });

    it("should give the number the pack's AI receptionist and greeting, and the business the pack's hours", async () => {
      const phone = await platformRead(h, (tx) =>
        tx.tenantPhoneConfig.findUniqueOrThrow({ where: { phoneNumber: input.phoneNumber! } }),
      );
      expect(phone).toMatchObject({
        tenantId: input.slug,
        ivrMode: "ai_voice",
        forwardTo: "+17205550142",
      });
      expect(phone.greeting).toContain(`Thanks for calling ${input.businessName}.`);
      const settings = await platformRead(h, (tx) =>
        tx.bookingSettings.findUniqueOrThrow({ where: { tenantId: input.slug! } }),
      );
      expect(settings).toMatchObject({
        hours: lawnCare.businessHours,
        reminderOffsetsMinutes: lawnCare.reminders.appointmentHoursBefore.map((h) => h * 60),
      });
    });

    it("should make the owner bookable on the business's calendar", async () => {
      const bookables = await platformRead(h, (tx) => tx.bookable.findMany({ where: { tenantId: input.slug! } }));
      expect(bookables).toEqual([expect.objectContaining({ kind: "staff", name: input.owner!.name })]);
      expect(bookables[0]!.membershipId).not.toBeNull();
    });

    it("should store the onboarding token only as its hash, valid for 72 hours", async () => {
      const token = new URL((answer.data as ProvisionResult).onboardingLink!).searchParams.get("token")!;
      const stored = await platformRead(h, (tx) => tx.onboardingToken.findMany({ where: { tenantId: input.slug! } }));
      expect(stored).toEqual([
        expect.objectContaining({
          id: createHash("sha256").update(token).digest("hex"),
          usedAt: null,
          expiresAt: new Date(NOW.getTime() + 72 * 3600_000),
        }),
      ]);
    });

    it("should audit the set-up with the owner as the actor", async () => {
      const audits = await platformRead(h, (tx) =>
        tx.auditLog.findMany({ where: { action: "tenant.provisioned", targetTenantId: input.slug! } }),
      );
      expect(audits).toEqual([
        expect.objectContaining({
          actorUserId: owner.userId,
          objectId: input.slug,
          details: expect.objectContaining({ packId: "lawn-care", planTier: "elite" }),
        }),
      ]);
    });

    it("should answer a retry with the first answer and write nothing more", async () => {
      const counts = await h.counts();
      const again = await provision(input);
      expect(again.status).toBe(200);
      expect(again.data).toEqual(answer.data);
      expect(await h.counts()).toEqual(counts);
    });

    it("should forget the raw link in the stored answer once the owner has used it", async () => {
      const token = new URL((answer.data as ProvisionResult).onboardingLink!).searchParams.get("token")!;
      const completed = await h.call(
        "mutation",
        "onboarding.complete",
        { token, password: "a-long-new-password-42" },
        undefined,
      );
      expect(completed.status, JSON.stringify(completed.error)).toBe(200);
      const again = await provision(input);
      expect(again.status).toBe(200);
      expect(again.data).toEqual({ ...(answer.data as ProvisionResult), onboardingLink: null });
    });

    it("should refuse the same key for a different set-up", async () => {
      const counts = await h.counts();
      const other = await provision({ ...input, businessName: "Someone Else's Lawns" });
      expect(other.status).toBe(409);
      expect(other.error?.message).toContain("already used for a different set-up");
      expect(await h.counts()).toEqual(counts);
    });
  });

  describe("all or nothing", () => {
    it.each(STEP_IDS)("should leave nothing behind when it fails after %s", async (step) => {
      const before = await h.counts();
      const input = provisionRequestSchema.parse(request());
      const error = await provisionBusiness(h.executorDeps(owner.userId), input, { failAfterStep: step }).catch(
        (e: unknown) => e,
      );
      // The executor is service code: it throws the application's error, which the API answers as a 500
      // (over HTTP: the next test).
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("INTERNAL");
      expect((error as AppError).httpStatus).toBe(500);
      expect((error as AppError).message).toMatch(/stopped while .*nothing was saved/);
      expect(await h.counts()).toEqual(before);
      // The key was not used up: the same request goes through afterwards.
      await expect(provisionBusiness(h.executorDeps(owner.userId), input)).resolves.toMatchObject({
        tenantId: input.slug,
      });
    });

    it("should say which step failed and what to do when a job cannot be queued", async () => {
      const before = await h.counts();
      const failingJobs = {
        ...h.messaging,
        provisioning: {
          ...h.messaging.provisioning,
          queueNumberSetup: () => Promise.reject(new Error("queue is full")),
        },
      };
      const answer = await h.call("mutation", "admin.concierge.provision", request(), owner.token, failingJobs);
      expect(answer.status).toBe(500);
      expect(answer.error?.message).toMatch(
        /stopped while queueing the phone number set-up, so nothing was saved.*safe to retry/,
      );
      expect(answer.error?.data.cause).toEqual({ code: "PROVISIONING_FAILED", step: "queueNumberSetup" });
      expect(answer.error?.message).not.toContain("queue is full");
      expect(await h.counts()).toEqual(before);
    });
  });

  describe("concurrent duplicates", () => {
    it("should create one business for 10 identical requests at once, and give all 10 the same answer", async () => {
      const before = await h.counts();
      const input = request();
      const answers = await Promise.all(Array.from({ length: 10 }, () => provision(input)));
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
      for (const a of answers) expect(a.data).toEqual(answers[0]!.data);
      const after = diff(before, await h.counts());
      expect(after).toMatchObject({
        tenants: 1,
        users: 1,
        provisioningRequests: 1,
        numberSetupJobs: 1,
        onboardingNoticeJobs: 2,
        provisionedAudits: 1,
      });
    });

    it("should let one of several different requests for the same slug win, and tell the others who has it", async () => {
      const slug = `race-${randomUUID().slice(0, 8)}`;
      const answers = await Promise.all(
        Array.from({ length: 5 }, (_, i) => provision(request({ slug, businessName: `Racer ${i}` }))),
      );
      const winners = answers.filter((a) => a.status === 200);
      expect(winners).toHaveLength(1);
      const winnerName = (winners[0]!.data as ProvisionResult).businessName;
      for (const loser of answers.filter((a) => a.status !== 200)) {
        expect(loser.status).toBe(400);
        expect(issuesOf(loser)).toEqual([
          { path: "slug", message: expect.stringContaining(`already used by ${winnerName}`) },
        ]);
      }
    });
  });

  describe("lost races", () => {
    it("should map each unique index a set-up can hit to its form field", async () => {
      const platform = platformDb(h.db, { actorUserId: null, purpose: "test.unique" });
      const violation = (write: Parameters<typeof platform.run>[0]) => platform.run(write).catch((e: unknown) => e);
      expect(
        clashedField(
          await violation((tx) => tx.tenant.create({ data: { id: "green-lawn", name: "Dup", slug: "dup-1" } })),
        ),
      ).toBe("slug");
      expect(
        clashedField(
          await violation((tx) => tx.tenant.create({ data: { id: "dup-2", name: "Dup", slug: "green-lawn" } })),
        ),
      ).toBe("slug");
      expect(
        clashedField(
          await violation((tx) =>
            tx.user.create({ data: { email: "admin@greenlawn.example", name: "Dup", passwordHash: "!" } }),
          ),
        ),
      ).toBe("email");
      expect(
        clashedField(
          await violation((tx) =>
            tx.tenantPhoneConfig.create({ data: { phoneNumber: "+15555550101", tenantId: "root" } }),
          ),
        ),
      ).toBe("phoneNumber");
      expect(clashedField(new Error("not a database error"))).toBeNull();
    });
  });

  describe("bad input", () => {
    it.each([
      ["a slug in use", { slug: "green-lawn" }, "slug", "already used by Green Lawn Co"],
      // Issue 9: "root" is a reserved word now, refused before the clash check looks it up.
      ["the root tenant's id as a slug", { slug: "root" }, "slug", "uses for its own pages"],
      ["a route word as a slug", { slug: "admin" }, "slug", "uses for its own pages"],
      [
        "a number another business has",
        { phoneNumber: "(555) 555-0101" },
        "phoneNumber",
        "(555) 555-0101 is already assigned to Green Lawn Co",
      ],
      [
        "an email that already has an account",
        { owner: { name: "Maya", email: "ADMIN@greenlawn.example", phone: "+17205550142" } },
        "owner.email",
        "an account at Green Lawn Co",
      ],
      ["an invalid time zone", { timezone: "America/Springfield" }, "timezone", "not a time zone we know"],
      [
        "an invalid email",
        { owner: { name: "Rosa", email: "rosa.greenway", phone: "+17205550142" } },
        "owner.email",
        "valid email",
      ],
      [
        "an invalid owner phone",
        { owner: { name: "Rosa", email: "rosa@x.example", phone: "12" } },
        "owner.phone",
        "not a phone number",
      ],
      // Issue 9: any form a person types is read, so the message no longer asks for international format.
      ["an invalid business number", { phoneNumber: "+1 (720) CALL-NOW" }, "phoneNumber", "not a phone number"],
      ["an unknown pack", { packId: "space-tourism" }, "packId", "no industry pack"],
    ])("should refuse %s with a field error and write nothing", async (_name, patch, path, message) => {
      const before = await h.counts();
      const answer = await provision(request(patch as Partial<ProvisioningInputRaw>));
      expect(answer.status).toBe(400);
      expect(issuesOf(answer)).toContainEqual({ path, message: expect.stringContaining(message) });
      expect(await h.counts()).toEqual(before);
    });

    it("should report every clash at once", async () => {
      const answer = await provision(
        request({
          slug: "green-lawn",
          phoneNumber: "+15555550100",
          owner: { name: "Maya", email: "crew@greenlawn.example", phone: "+17205550142" },
        }),
      );
      expect(issuesOf(answer)?.map((i) => i.path)).toEqual(["slug", "phoneNumber", "owner.email"]);
    });

    it("should refuse a request without an idempotency key, or with unknown fields", async () => {
      const { idempotencyKey: _key, ...withoutKey } = request();
      expect(issuesOf(await provision(withoutKey))?.[0]?.path).toBe("idempotencyKey");
      const extra = await provision({ ...request(), tenantId: "root" });
      expect(extra.status).toBe(400);
      expect(extra.error?.message).toContain('Unknown field "tenantId"');
    });

    it("should refuse non-owners", async () => {
      expect((await h.call("mutation", "admin.concierge.provision", request(), undefined)).status).toBe(401);
    });

    it("should refuse what the chosen plan lacks, on the field that asks, writing nothing", async () => {
      const before = await h.counts();
      const starter = await provision(request({ planTier: "starter" }));
      expect(starter.status).toBe(403);
      expect(starter.error?.data.cause).toEqual({
        code: "PLAN_FEATURE_REQUIRED",
        feature: "dedicatedNumber",
        requiredTier: "pro",
      });
      expect(issuesOf(starter)).toEqual([{ path: "phoneNumber", message: expect.stringContaining("Pro plan") }]);
      const pro = await provision(request({ planTier: "pro", ivrMode: "ai-voice" }));
      expect(pro.status).toBe(403);
      expect(pro.error?.data.cause).toMatchObject({ code: "PLAN_FEATURE_REQUIRED", feature: "aiVoiceAgent" });
      expect(issuesOf(pro)).toEqual([{ path: "ivrMode", message: expect.stringContaining("Elite plan") }]);
      expect(await h.counts()).toEqual(before);
      // Without a number, Starter is fine; on Pro the pack's AI receptionist becomes the menu.
      expect((await provision(request({ planTier: "starter", phoneNumber: "" }))).status).toBe(200);
      const proDefault = await provision(request({ planTier: "pro" }));
      expect(proDefault.status, JSON.stringify(proDefault.error)).toBe(200);
    });
  });

  describe("preview", () => {
    it("should describe the set-up and its warnings without writing anything", async () => {
      const before = await h.counts();
      const { idempotencyKey: _key, ...input } = request({ planTier: "starter" });
      const answer = await h.call("query", "admin.concierge.preview", input, owner.token);
      expect(answer.status, JSON.stringify(answer.error)).toBe(200);
      expect(answer.data).toMatchObject({
        business: { slug: input.slug, planTier: "starter" },
        counts: { services: lawnCare.services.length },
        // Issue 9: Starter has no number of its own (provisioning refuses it), and the pack's AI
        // receptionist becomes the menu on a plan without it.
        phone: { ivrMode: "menu", greeting: null },
        warnings: expect.arrayContaining([
          "The Starter plan has no phone number of its own: choose the Pro plan or higher, or set the business up without a number.",
          "The Starter plan has no AI receptionist, so the number answers with the menu instead of the Lawn Care pack's AI receptionist. Choose the Elite plan to use it.",
        ]),
      });
      expect(JSON.stringify(answer.data)).not.toContain("/app/welcome");
      expect(await h.counts()).toEqual(before);
    });

    it("should answer clashes as field errors", async () => {
      const { idempotencyKey: _key, ...input } = request({ slug: "green-lawn" });
      const answer = await h.call("query", "admin.concierge.preview", input, owner.token);
      expect(answer.status).toBe(400);
      expect(issuesOf(answer)).toEqual([{ path: "slug", message: expect.stringContaining("Green Lawn Co") }]);
    });
  });

  describe("checkSlug", () => {
    const check = (slug: unknown) => h.call("query", "admin.concierge.checkSlug", { slug }, owner.token);

    it("should say a free slug is available, as the server would store it", async () => {
      const answer = await check("  Greenway-Lawn-Checked ");
      expect(answer.status, JSON.stringify(answer.error)).toBe(200);
      expect(answer.data).toEqual({ slug: "greenway-lawn-checked", available: true, message: null });
    });

    it.each([
      ["a slug in use", "green-lawn", "already used by Green Lawn Co"],
      ["a route word", "admin", "a word ServicePro uses for its own pages"],
      ["a malformed slug", "-green lawn-", "2–63 lowercase letters"],
      ["an 81-character slug", "a".repeat(81), "2–63 lowercase letters"],
    ])("should say %s is not available, and why", async (_name, slug, message) => {
      const answer = await check(slug);
      expect(answer.status, JSON.stringify(answer.error)).toBe(200);
      expect(answer.data).toMatchObject({ available: false, message: expect.stringContaining(message) });
    });

    it("should write nothing, and refuse non-owners", async () => {
      const before = await h.counts();
      await check("green-lawn");
      expect(await h.counts()).toEqual(before);
      expect((await h.call("query", "admin.concierge.checkSlug", { slug: "green-lawn" }, undefined)).status).toBe(401);
    });

    it("should refuse a slug holding a NUL with a 400 naming the field, like every text input", async () => {
      const answer = await check("green\u0000lawn");
      expect(answer.status).toBe(400);
      expect(issuesOf(answer)).toEqual([
        {
          path: "slug",
          message: expect.stringMatching(/^The (field “)?slug(”)? contains a character that cannot be stored/),
        },
      ]);
    });
  });

  describe("numbers and packs", () => {
    it("should offer the pool's free numbers, by area code", async () => {
      const all = await h.call("query", "admin.concierge.searchNumbers", {}, owner.token);
      // +15555550100 is Clean Machine's (demo seed): not offered.
      expect(all.data).toEqual({
        source: "pool",
        numbers: ["+15125550150", "+15125550151"].map((phoneNumber) => ({ phoneNumber, locality: null, region: null })),
      });
      const none = await h.call("query", "admin.concierge.searchNumbers", { areaCode: "303" }, owner.token);
      expect(none.data).toEqual({ source: "pool", numbers: [] });
      expect((await h.call("query", "admin.concierge.searchNumbers", { areaCode: "12" }, owner.token)).status).toBe(
        400,
      );
    });

    it("should list every pack with its counts, and give one whole", async () => {
      const list = await h.call("query", "admin.packs.list", undefined, owner.token);
      expect(list.data).toEqual(listPacks());
      const one = await h.call("query", "admin.packs.get", { id: "lawn-care" }, owner.token);
      expect(one.data).toEqual(JSON.parse(JSON.stringify(lawnCare)));
      const unknown = await h.call("query", "admin.packs.get", { id: "space-tourism" }, owner.token);
      expect(unknown.status).toBe(400);
      expect(issuesOf(unknown)?.[0]?.path).toBe("id");
    });
  });
});

function diff(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([key, value]) => [key, value - (before[key] ?? 0)]));
}

const platformRead = <T>(h: ConciergeHarness, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> =>
  platformDb(h.db, { actorUserId: null, purpose: "test.read" }).run((tx) => fn(tx));
