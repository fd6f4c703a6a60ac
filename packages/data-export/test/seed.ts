// Two businesses with one or more rows in every exported table, every text column carrying the
// business's marker (so an export of one can be searched for the other's), plus audit rows.
import { type Database, platformDb, TENANT_OWNED_MODELS, tenantDb, writeAudit } from "@servicepro/db";

export const marker = (tenantId: string) => `MARK${tenantId.toUpperCase().replaceAll("-", "")}X`;

/** Seeds `tenantId` with `extraMessages` more texts than the one of every kind. Returns ids written. */
export async function seedBusiness(db: Database, tenantId: string, index: number, extraMessages = 0): Promise<void> {
  const m = marker(tenantId);
  const phone = `+1512555${String(index).padStart(2, "0")}01`;
  const ours = `+1512555${String(index).padStart(2, "0")}99`;
  await platformDb(db, { actorUserId: null, purpose: "test.seed" }).run(async (tx) => {
    await tx.tenant.create({ data: { id: tenantId, name: `${m} Detailing`, slug: tenantId, status: "active" } });
    await writeAudit(
      tx,
      { actorUserId: null, purpose: "test.seed", ip: "10.0.0.1" },
      {
        action: "login",
        targetTenantId: tenantId,
        actorTenantId: tenantId,
        objectType: "user",
        objectId: m,
        details: { note: m },
      },
    );
  });
  await tenantDb(db, tenantId).run(async (tx) => {
    const customer = await tx.customer.create({
      data: {
        tenantId,
        phone,
        altPhones: [`+1512555${String(index).padStart(2, "0")}02`],
        name: `${m} Casey`,
        email: `${m.toLowerCase()}@example.com`,
        address: `${m} Oak St`,
        notes: `${m} notes`,
        tags: [m],
        source: "staff",
      },
    });
    const asset = await tx.asset.create({
      data: { tenantId, customerId: customer.id, kind: "vehicle", label: `${m} RAV4`, details: { make: m }, notes: m },
    });
    const service = await tx.service.create({
      data: { tenantId, name: `${m} detail`, description: m, durationMinutes: 60, priceCents: 5000, priceDependsOn: m },
    });
    const addOn = await tx.addOn.create({
      data: {
        tenantId,
        name: `${m} pet hair`,
        description: m,
        durationMinutes: 30,
        priceCents: 1000,
        serviceIds: [service.id],
        offerWhen: m,
      },
    });
    const bookable = await tx.bookable.create({ data: { tenantId, kind: "crew", name: `${m} crew` } });
    const appointment = await tx.appointment.create({
      data: {
        tenantId,
        customerId: customer.id,
        serviceId: service.id,
        assetId: asset.id,
        bookableId: bookable.id,
        addOnIds: [addOn.id],
        startsAt: new Date("2026-12-07T15:00:00Z"),
        endsAt: new Date("2026-12-07T16:00:00Z"),
        blocksUntil: new Date("2026-12-07T16:00:00Z"),
        durationMinutes: 60,
        priceCents: 5000,
        customerNotes: m,
        staffNotes: m,
        cancelReason: m,
        bookedBy: "staff",
      },
    });
    const conversation = await tx.conversation.create({
      data: { tenantId, customerId: customer.id, tenantNumber: ours, lastMessagePreview: m },
    });
    for (let n = 0; n <= extraMessages; n++)
      await tx.message.create({
        data: {
          tenantId,
          conversationId: conversation.id,
          direction: "inbound",
          body: `${m} hello ${n}, "quoted", comma\nnew line`,
          fromNumber: phone,
          toNumber: ours,
          twilioSid: `SM${m}${n}`,
          kind: "inbound",
          status: "received",
          errorMessage: m,
          media: [{ url: `https://example.com/${m}.jpg`, contentType: "image/jpeg" }],
        },
      });
    await tx.call.create({
      data: {
        tenantId,
        callSid: `CA${m}`,
        customerId: customer.id,
        fromNumber: phone,
        toNumber: ours,
        ivrMode: "voicemail",
        recordingUrl: `https://api.twilio.com/${m}`,
        recordingSid: `RE${m}`,
        transcription: m,
        callerName: m,
        menuSelection: m,
      },
    });
    await tx.smsConsent.create({ data: { tenantId, phone, state: "opted_in", source: "keyword" } });
    await tx.marketingConsent.create({ data: { tenantId, phone, state: "opted_in", source: "booking_page" } });
    await tx.smsConsentEvent.create({
      data: { tenantId, phone, state: "opted_in", source: "keyword", evidence: { text: m } },
    });
    const reward = await tx.loyaltyReward.create({
      data: { tenantId, name: `${m} reward`, kind: "money_off", pointsCost: 100, amountCents: 1000 },
    });
    await tx.loyaltyEntry.create({
      data: {
        tenantId,
        customerId: customer.id,
        kind: "adjust",
        points: 100,
        balanceAfter: 100,
        reason: m,
        actorKind: "staff",
        idempotencyKey: `adjust:${m}`,
      },
    });
    await tx.loyaltyRedemption.create({
      data: {
        tenantId,
        customerId: customer.id,
        rewardId: reward.id,
        rewardName: `${m} reward`,
        kind: "money_off",
        amountCents: 1000,
        pointsCost: 100,
        actorKind: "customer",
      },
    });
    const campaign = await tx.campaign.create({
      data: { tenantId, name: `${m} spring`, body: `${m} Spring! Reply STOP to opt out`, audience: { tag: m } },
    });
    await tx.campaignSend.create({
      data: {
        tenantId,
        campaignId: campaign.id,
        customerId: customer.id,
        phone,
        senderKey: ours,
        fromNumber: ours,
        statusReason: m,
      },
    });
    void appointment;
  });
}

/** Every tenant-owned model, for the completeness check. */
export const TENANT_MODELS: readonly string[] = TENANT_OWNED_MODELS;
