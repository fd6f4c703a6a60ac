// Merging two customers and undoing it (issue 16, section 2) on real databases: PGlite, and
// PostgreSQL with TEST_DATABASE_URL. Each customer gets a row in every table that can reference a
// customer (appointments, series, assets, conversation and messages, agent thread and run, calls,
// portal sessions and challenges, loyalty entries and redemptions, campaign sends, rebook reminders,
// review requests, consent). The exactness check dumps EVERY table of the tenant (ordered JSON rows)
// before the merge and after the undo and compares them; the consent ledger, append-only, may only
// gain the rows naming the merge.
import { type Database, Prisma, platformDb, type TenantTx, tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { recordConsentChange, recordMarketingConsent } from "@servicepro/sms";
import { customerSearchKeys } from "@servicepro/validators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerReferencingTables, findDuplicates, mergeCustomers, unmergeCustomers } from "../src/index.ts";

const T = "merge-shop";
const OTHER = "merge-other";
const NOW = new Date("2026-12-03T20:00:00.000Z");
const LATER = new Date("2026-12-03T21:00:00.000Z");

type Seeded = { id: string; phone: string };

describe.each(testEngines())("customer merge on %s", (engine) => {
  let db: TestDatabase;
  let serviceId: string;
  let bookableId: string;
  let rewardId: string;
  let sharedCampaignId: string;
  let slot = 0;
  let phoneSeq = 0;
  const run = <R>(fn: (tx: TenantTx) => Promise<R>, tenant = T) => tenantDb(db, tenant).run(fn);

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await platformDb(db as Database, { actorUserId: null, purpose: "test.customer-merge" }).run(async (tx) => {
      for (const id of [T, OTHER])
        await tx.tenant.create({ data: { id, name: id, slug: id, planTier: "pro", status: "active" } });
    });
    await run(async (tx) => {
      const service = await tx.service.create({
        data: { tenantId: T, name: "Full detail", description: "x", durationMinutes: 180, priceCents: 18_900 },
      });
      serviceId = service.id;
      bookableId = (await tx.bookable.create({ data: { tenantId: T, kind: "crew", name: "Crew 1" } })).id;
      rewardId = (
        await tx.loyaltyReward.create({
          data: { tenantId: T, name: "$10 off", kind: "money_off", pointsCost: 100, amountCents: 1000 },
        })
      ).id;
      sharedCampaignId = (await tx.campaign.create({ data: { tenantId: T, name: "Spring", body: "Spring!" } })).id;
    });
  });
  afterAll(() => db?.drop());

  /** A customer with a row in every table that can reference one. */
  async function seedCustomer(
    name: string,
    options: { optedOut?: boolean; marketing?: boolean; email?: string; tenant?: string } = {},
  ): Promise<Seeded> {
    const tenant = options.tenant ?? T;
    const phone = `+1512555${String(1000 + phoneSeq++).padStart(4, "0")}`;
    const n = slot++;
    const id = await run(async (tx) => {
      const customer = await tx.customer.create({
        data: {
          tenantId: tenant,
          phone,
          name,
          email: options.email ?? null,
          address: "12 Oak Street",
          notes: `${name}'s notes`,
          tags: [`tag-${n}`, "vip"],
          source: "staff",
          visitCount: 2 + n,
          lifetimeSpendCents: 10_000 * (n + 1),
          lastVisitAt: new Date(Date.UTC(2026, 10, 1 + n)),
          pointsBalance: 89,
          pointsEarned: 189,
          ...customerSearchKeys({ name, phone, email: options.email ?? null }),
        },
      });
      if (tenant !== T) return customer.id;
      const asset = await tx.asset.create({
        data: { tenantId: T, customerId: customer.id, kind: "vehicle", label: `Car ${n}`, sizeClass: "suv" },
      });
      const series = await tx.appointmentSeries.create({
        data: {
          tenantId: T,
          customerId: customer.id,
          serviceId,
          bookableId,
          intervalWeeks: 2,
          firstStartsAt: new Date(Date.UTC(2026, 11, 7 + n, 15)),
        },
      });
      const startsAt = new Date(Date.UTC(2026, 10, 1 + n, 15));
      const appointment = await tx.appointment.create({
        data: {
          tenantId: T,
          customerId: customer.id,
          serviceId,
          assetId: asset.id,
          bookableId,
          seriesId: series.id,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 3 * 3600_000),
          blocksUntil: new Date(startsAt.getTime() + 3 * 3600_000),
          durationMinutes: 180,
          priceCents: 18_900,
          bookedBy: "staff",
          status: "completed",
        },
      });
      await tx.appointmentEvent.create({
        data: { tenantId: T, appointmentId: appointment.id, kind: "created", actor: "staff" },
      });
      await tx.reviewRequest.create({ data: { tenantId: T, appointmentId: appointment.id, dueAt: startsAt } });
      await tx.rebookReminder.create({
        data: { tenantId: T, customerId: customer.id, appointmentId: appointment.id, serviceId, dueAt: startsAt },
      });
      const conversation = await tx.conversation.create({
        data: {
          tenantId: T,
          customerId: customer.id,
          tenantNumber: "+15125550100",
          lastMessageAt: new Date(Date.UTC(2026, 10, 20 + n)),
          lastMessagePreview: `Hi from ${name}`,
          lastDirection: "inbound",
          unreadCount: 1 + n,
        },
      });
      const inbound = await tx.message.create({
        data: {
          tenantId: T,
          conversationId: conversation.id,
          direction: "inbound",
          body: `Hi from ${name}`,
          fromNumber: phone,
          toNumber: "+15125550100",
          twilioSid: `SM${customer.id.replaceAll("-", "")}`,
          kind: "inbound",
          status: "received",
        },
      });
      await tx.message.create({
        data: {
          tenantId: T,
          conversationId: conversation.id,
          direction: "outbound",
          body: "Thanks!",
          fromNumber: "+15125550100",
          toNumber: phone,
          purposeKey: `reply:${inbound.id}`,
          kind: "staff_reply",
          status: "delivered",
        },
      });
      await tx.agentThread.create({ data: { tenantId: T, conversationId: conversation.id, state: { phase: n } } });
      await tx.agentRun.create({
        data: {
          tenantId: T,
          conversationId: conversation.id,
          inboundMessageId: inbound.id,
          mode: "suggest",
          outcome: "drafted",
        },
      });
      await tx.call.create({
        data: {
          tenantId: T,
          callSid: `CA${customer.id.replaceAll("-", "")}`,
          customerId: customer.id,
          fromNumber: phone,
          toNumber: "+15125550100",
          ivrMode: "menu",
        },
      });
      await tx.customerSession.create({
        data: { tenantId: T, id: `session-${customer.id}`, customerId: customer.id, expiresAt: new Date("2027-01-01") },
      });
      await tx.portalChallenge.create({
        data: {
          tenantId: T,
          kind: "code",
          customerId: customer.id,
          phone,
          channel: "sms",
          secretHash: `hash-${customer.id}`,
          expiresAt: new Date("2027-01-01"),
        },
      });
      await tx.loyaltyEntry.create({
        data: {
          tenantId: T,
          customerId: customer.id,
          kind: "visit",
          points: 189,
          balanceAfter: 189,
          appointmentId: appointment.id,
          actorKind: "system",
          idempotencyKey: `visit:${appointment.id}`,
        },
      });
      const redemption = await tx.loyaltyRedemption.create({
        data: {
          tenantId: T,
          customerId: customer.id,
          rewardId,
          rewardName: "$10 off",
          kind: "money_off",
          amountCents: 1000,
          pointsCost: 100,
          actorKind: "customer",
        },
      });
      await tx.loyaltyEntry.create({
        data: {
          tenantId: T,
          customerId: customer.id,
          kind: "redeem",
          points: -100,
          balanceAfter: 89,
          redemptionId: redemption.id,
          actorKind: "customer",
          idempotencyKey: `redeem:${redemption.id}`,
        },
      });
      const own = await tx.campaign.create({ data: { tenantId: T, name: `Own ${n}`, body: "Hello" } });
      for (const campaignId of [sharedCampaignId, own.id])
        await tx.campaignSend.create({
          data: {
            tenantId: T,
            campaignId,
            customerId: customer.id,
            phone,
            senderKey: "+15125550100",
            fromNumber: "+15125550100",
          },
        });
      if (options.marketing)
        await recordMarketingConsent(tx, T, {
          phone,
          state: "opted_in",
          source: "staff",
          evidence: { note: "Asked at the counter" },
        });
      if (options.optedOut)
        await recordConsentChange(tx, T, { phone, state: "opted_out", source: "keyword", evidence: { text: "STOP" } });
      return customer.id;
    }, tenant);
    return { id, phone };
  }

  /** Every table of the tenant as ordered JSON rows (the consent ledger and the merge log apart). */
  async function dumpTenant(): Promise<Record<string, string[]>> {
    return run(async (tx) => {
      const tables = await tx.$queryRaw<{ table: string }[]>`
        SELECT c.table_name::text AS "table" FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
        ORDER BY 1`;
      const dump: Record<string, string[]> = {};
      for (const { table } of tables) {
        if (table === "sms_consent_events" || table === "customer_merges") continue;
        const rows = await tx.$queryRaw<{ row: string }[]>(
          Prisma.sql`SELECT to_jsonb(x)::text AS row FROM ${Prisma.raw(`"${table}"`)} x ORDER BY 1`,
        );
        dump[table] = rows.map((r) => r.row);
      }
      return dump;
    });
  }

  const ledger = () =>
    run(
      (tx) =>
        tx.$queryRaw<
          { id: string; evidence: { via?: string } }[]
        >`SELECT id::text AS id, evidence FROM sms_consent_events ORDER BY id`,
    );

  /**
   * Rows still pointing at a customer id, over every table with a customer_id column, read from the
   * catalog here (not through the code under test).
   */
  async function referencesTo(customerId: string): Promise<number> {
    return run(async (tx) => {
      const tables = await tx.$queryRaw<{ table: string }[]>`
        SELECT c.table_name::text AS "table" FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND c.column_name = 'customer_id' AND t.table_type = 'BASE TABLE'`;
      expect(tables.length).toBeGreaterThanOrEqual(11);
      let total = 0;
      for (const { table } of tables) {
        const [row] = await tx.$queryRaw<{ n: number }[]>(
          Prisma.sql`SELECT count(*)::int AS n FROM ${Prisma.raw(`"${table}"`)} WHERE customer_id = ${customerId}::uuid`,
        );
        total += row!.n;
      }
      return total;
    });
  }

  it("moves every row referencing the merged customer, then an undo restores every table exactly", async () => {
    const survivor = await seedCustomer("Dana Reyes", { marketing: true, email: "dana@example.com" });
    const merged = await seedCustomer("Dana Reyes", { optedOut: true, email: "dana.r@example.com" });
    // The code's own catalog walk finds every customer table seeded here.
    const tables = await run(customerReferencingTables);
    expect(tables).toEqual(
      expect.arrayContaining([
        "appointments",
        "appointment_series",
        "assets",
        "calls",
        "campaign_sends",
        "conversations",
        "customer_sessions",
        "loyalty_entries",
        "loyalty_redemptions",
        "portal_challenges",
        "rebook_reminders",
      ]),
    );
    expect(await referencesTo(merged.id)).toBeGreaterThan(10);
    const before = await dumpTenant();
    const ledgerBefore = await ledger();

    const result = await run((tx) =>
      mergeCustomers(tx, T, { survivorId: survivor.id, mergedId: merged.id, userId: null, now: NOW }),
    );
    expect(await referencesTo(merged.id)).toBe(0);
    const after = await run(async (tx) => ({
      survivor: await tx.customer.findFirstOrThrow({ where: { id: survivor.id } }),
      merged: await tx.customer.findFirst({ where: { id: merged.id } }),
      conversations: await tx.conversation.findMany({ where: { customerId: survivor.id } }),
      messages: await tx.message.count({ where: { conversation: { customerId: survivor.id } } }),
      sends: await tx.campaignSend.count({ where: { customerId: survivor.id } }),
      points: await tx.loyaltyEntry.aggregate({ where: { customerId: survivor.id }, _sum: { points: true } }),
      consent: await tx.smsConsent.findFirst({ where: { phone: survivor.phone } }),
      marketing: await tx.marketingConsent.findFirst({ where: { phone: survivor.phone } }),
    }));
    expect(after.merged).toBeNull();
    expect(after.survivor.altPhones).toContain(merged.phone);
    expect(after.survivor.tags.sort()).toEqual(["tag-0", "tag-1", "vip"].sort());
    expect(after.survivor.pointsBalance).toBe(178);
    expect(after.points._sum.points).toBe(178);
    expect(after.survivor.pointsEarned).toBe(378);
    expect(after.survivor.visitCount).toBe(2 + 3);
    expect(after.survivor.lifetimeSpendCents).toBe(30_000);
    expect(after.survivor.lastVisitAt?.toISOString()).toBe("2026-11-02T00:00:00.000Z");
    // One conversation with both threads' messages; one send per campaign (the shared one once).
    expect(after.conversations).toHaveLength(1);
    expect(after.conversations[0]!.unreadCount).toBe(3);
    expect(after.messages).toBe(4);
    expect(after.sends).toBe(3);
    // The stricter consent: the merged number had said STOP, so the survivor's number is opted out,
    // and its offers opt-in is revoked.
    expect(after.consent?.state).toBe("opted_out");
    expect(after.marketing?.state).toBe("opted_out");
    expect(result.consentTightened).toEqual([survivor.phone]);

    const undo = await run((tx) => unmergeCustomers(tx, T, { mergeId: result.mergeId, userId: null, now: LATER }));
    expect(undo.keptChanges).toEqual([]);
    expect(await dumpTenant()).toEqual(before);
    // The ledger only gained rows naming this merge (the merge's opt-outs and the undo's restores).
    const ledgerAfter = await ledger();
    const added = ledgerAfter.filter((row) => !ledgerBefore.some((b) => b.id === row.id));
    expect(ledgerAfter.filter((row) => ledgerBefore.some((b) => b.id === row.id))).toEqual(ledgerBefore);
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((row) => ["customer_merge", "customer_unmerge"].includes(row.evidence.via ?? ""))).toBe(true);
    const log = await run((tx) => tx.customerMerge.findFirstOrThrow({ where: { id: result.mergeId } }));
    expect(log.undoneAt?.toISOString()).toBe(LATER.toISOString());
  });

  it("keeps the stricter consent the other way round too: the survivor's STOP revokes the merged number's offers", async () => {
    const survivor = await seedCustomer("Rae Quinn", { optedOut: true });
    const merged = await seedCustomer("Rae Quinn", { marketing: true });
    const before = await dumpTenant();
    const { mergeId, consentTightened } = await run((tx) =>
      mergeCustomers(tx, T, { survivorId: survivor.id, mergedId: merged.id, userId: null, now: NOW }),
    );
    expect(consentTightened).toEqual([merged.phone]);
    const consent = await run(async (tx) => ({
      texts: await tx.smsConsent.findFirst({ where: { phone: merged.phone } }),
      offers: await tx.marketingConsent.findFirst({ where: { phone: merged.phone } }),
      ledger: await tx.smsConsentEvent.findMany({ where: { phone: merged.phone }, orderBy: { createdAt: "asc" } }),
    }));
    expect(consent.texts?.state).toBe("opted_out");
    expect(consent.offers?.state).toBe("opted_out");
    expect(consent.ledger.at(-1)?.evidence).toMatchObject({
      via: "customer_merge",
      mergeId,
      fromPhone: survivor.phone,
    });
    await run((tx) => unmergeCustomers(tx, T, { mergeId, userId: null, now: LATER }));
    expect(await dumpTenant()).toEqual(before);
  });

  it("undoes exactly when the survivor had no conversation (the merged one moves whole)", async () => {
    const survivor = await seedCustomer("Sam Ortiz");
    const merged = await seedCustomer("Sam Ortiz");
    await run(async (tx) => {
      const conversation = await tx.conversation.findFirstOrThrow({ where: { customerId: survivor.id } });
      await tx.$executeRaw`DELETE FROM agent_runs WHERE conversation_id = ${conversation.id}::uuid`;
      await tx.$executeRaw`DELETE FROM agent_threads WHERE conversation_id = ${conversation.id}::uuid`;
      await tx.$executeRaw`DELETE FROM messages WHERE conversation_id = ${conversation.id}::uuid`;
      await tx.$executeRaw`DELETE FROM conversations WHERE id = ${conversation.id}::uuid`;
    });
    const before = await dumpTenant();
    const { mergeId } = await run((tx) =>
      mergeCustomers(tx, T, { survivorId: survivor.id, mergedId: merged.id, userId: null, now: NOW }),
    );
    expect(await referencesTo(merged.id)).toBe(0);
    await run((tx) => unmergeCustomers(tx, T, { mergeId, userId: null, now: LATER }));
    expect(await dumpTenant()).toEqual(before);
  });

  it("an undo after later changes brings the merged customer back exactly and keeps what changed since", async () => {
    const survivor = await seedCustomer("Noor Haddad");
    const merged = await seedCustomer("Noor Haddad");
    const mergedBefore = await run((tx) => tx.customer.findFirstOrThrow({ where: { id: merged.id } }));
    const survivorBefore = await run((tx) => tx.customer.findFirstOrThrow({ where: { id: survivor.id } }));
    const { mergeId } = await run((tx) =>
      mergeCustomers(tx, T, { survivorId: survivor.id, mergedId: merged.id, userId: null, now: NOW }),
    );
    // Since the merge: staff renamed the survivor, a visit was completed, a new text came in.
    const newMessage = await run(async (tx) => {
      await tx.customer.updateMany({
        where: { id: survivor.id },
        data: { name: "Noor H.", visitCount: { increment: 1 } },
      });
      const conversation = await tx.conversation.findFirstOrThrow({ where: { customerId: survivor.id } });
      return tx.message.create({
        data: {
          tenantId: T,
          conversationId: conversation.id,
          direction: "inbound",
          body: "New text after the merge",
          fromNumber: survivor.phone,
          toNumber: "+15125550100",
          kind: "inbound",
          status: "received",
        },
      });
    });
    const undo = await run((tx) => unmergeCustomers(tx, T, { mergeId, userId: null, now: LATER }));
    expect(undo.keptChanges).toEqual(expect.arrayContaining(["name", "visit_count"]));
    const after = await run(async (tx) => ({
      merged: await tx.customer.findFirstOrThrow({ where: { id: merged.id } }),
      survivor: await tx.customer.findFirstOrThrow({ where: { id: survivor.id } }),
      message: await tx.message.findFirstOrThrow({ where: { id: newMessage.id }, include: { conversation: true } }),
    }));
    expect(after.merged).toEqual(mergedBefore);
    expect(after.survivor).toMatchObject({
      name: "Noor H.",
      visitCount: survivorBefore.visitCount + 1,
      altPhones: survivorBefore.altPhones,
      tags: survivorBefore.tags,
      pointsBalance: survivorBefore.pointsBalance,
    });
    expect(after.message.conversation.customerId).toBe(survivor.id);
  });

  it("refuses an undo that cannot be exact: the merged phone taken, a later merge, twice", async () => {
    const survivor = await seedCustomer("Kim Lee");
    const merged = await seedCustomer("Kim Lee");
    const third = await seedCustomer("Kim Lee");
    const first = await run((tx) =>
      mergeCustomers(tx, T, { survivorId: survivor.id, mergedId: merged.id, userId: null, now: NOW }),
    );
    const second = await run((tx) =>
      mergeCustomers(tx, T, { survivorId: survivor.id, mergedId: third.id, userId: null, now: LATER }),
    );
    await expect(
      run((tx) => unmergeCustomers(tx, T, { mergeId: first.mergeId, userId: null, now: LATER })),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/later merge/) });
    // A new customer now has the third customer's phone: that undo is refused.
    const newcomer = await run((tx) =>
      tx.customer.create({ data: { tenantId: T, phone: third.phone, name: "Newcomer", source: "sms" } }),
    );
    await expect(
      run((tx) => unmergeCustomers(tx, T, { mergeId: second.mergeId, userId: null, now: LATER })),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/now belongs to Newcomer/) });
    await run((tx) => tx.customer.deleteMany({ where: { id: newcomer.id } }));
    await run((tx) => unmergeCustomers(tx, T, { mergeId: second.mergeId, userId: null, now: LATER }));
    await expect(
      run((tx) => unmergeCustomers(tx, T, { mergeId: second.mergeId, userId: null, now: LATER })),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await run((tx) => unmergeCustomers(tx, T, { mergeId: first.mergeId, userId: null, now: LATER }));
  });

  it("refuses merging a customer with itself (400) and another business's customer (404)", async () => {
    const mine = await seedCustomer("Alex Kim");
    const theirs = await seedCustomer("Alex Kim", { tenant: OTHER });
    await expect(
      run((tx) => mergeCustomers(tx, T, { survivorId: mine.id, mergedId: mine.id, userId: null, now: NOW })),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      run((tx) => mergeCustomers(tx, T, { survivorId: mine.id, mergedId: theirs.id, userId: null, now: NOW })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      run(
        (tx) => mergeCustomers(tx, OTHER, { survivorId: theirs.id, mergedId: mine.id, userId: null, now: NOW }),
        OTHER,
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists certain and likely duplicates without merging them, and leaves dismissed pairs out", async () => {
    const tenant = "dupes-shop";
    await platformDb(db as Database, { actorUserId: null, purpose: "test.customer-merge" }).run((tx) =>
      tx.tenant.create({ data: { id: tenant, name: tenant, slug: tenant, planTier: "pro", status: "active" } }),
    );
    const make = (data: { phone: string; name?: string; email?: string; address?: string; altPhones?: string[] }) =>
      run(
        (tx) => tx.customer.create({ data: { tenantId: tenant, source: "import", ...data }, select: { id: true } }),
        tenant,
      );
    const a = await make({ phone: "+15125550201", name: "Jo Park", email: "Jo@Example.com" });
    const b = await make({ phone: "+15125550202", name: "Joanne Park", email: "jo@example.com" });
    const c = await make({
      phone: "+15125550203",
      name: "Lee Chan",
      address: "4 Elm Street",
      altPhones: ["+15125550204"],
    });
    const d = await make({ phone: "+15125550204", name: "Someone" });
    const e = await make({ phone: "+15125550205", name: "Chan, Lee", address: "4 elm st." });
    const f = await make({ phone: "+15125550206", name: "Max Moe", email: "max@gmail.com" });
    const g = await make({ phone: "+15125550207", name: "max moe", email: "max@gmial.com" });
    await make({ phone: "+15125550208", name: "Max Moe", email: "other@example.com" });
    const all = async () => {
      const pairs: { ids: string[]; level: string; reasons: string[] }[] = [];
      let cursor: string | null = null;
      do {
        const page = await run((tx) => findDuplicates(tx, tenant, { cursor, limit: 2 }), tenant);
        pairs.push(...page.items.map((p) => ({ ids: [p.a.id, p.b.id].sort(), level: p.level, reasons: p.reasons })));
        cursor = page.nextCursor;
      } while (cursor);
      return pairs;
    };
    const pairs = await all();
    const find = (x: { id: string }, y: { id: string }) =>
      pairs.find((p) => p.ids.join() === [x.id, y.id].sort().join());
    expect(find(a, b)).toMatchObject({ level: "certain", reasons: ["email"] });
    expect(find(c, d)).toMatchObject({ level: "certain", reasons: ["phone"] });
    expect(find(c, e)).toMatchObject({ level: "likely", reasons: ["name_street"] });
    expect(find(f, g)).toMatchObject({ level: "likely", reasons: ["name_email_typo"] });
    expect(pairs).toHaveLength(4);
    // Listed, not merged.
    expect(await run((tx) => tx.customer.count(), tenant)).toBe(8);
    const { dismissDuplicate } = await import("../src/index.ts");
    await run((tx) => dismissDuplicate(tx, tenant, { customerId: g.id, otherId: f.id, userId: null }), tenant);
    expect(find(f, g)).toBeDefined();
    const again = await all();
    expect(again).toHaveLength(3);
  });
});
