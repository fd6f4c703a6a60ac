import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { hasFeature } from "@servicepro/features";
import { customerSearchKeys } from "@servicepro/validators";
import type { Database } from "./client.ts";
import type {
  AfterHoursMode,
  CallOutcome,
  IvrMode,
  MembershipRole,
  PlanTier,
  TenantStatus,
} from "./generated/prisma/enums.ts";
import { platformDb } from "./platform.ts";
import { type DemoBooking, seedBookingDemo } from "./seed-booking.ts";
import { tenantDb } from "./tenant-scope.ts";

type DemoData = {
  tenants: {
    id: string;
    name: string;
    slug: string;
    industry: string | null;
    planTier: PlanTier;
    status: TenantStatus;
    internalNotes: string | null;
  }[];
  users: { email: string; name: string; tenantId: string; role: MembershipRole }[];
  phoneNumbers: {
    tenantId: string;
    phoneNumber: string;
    label: string;
    ivrMode: IvrMode;
    forwardTo: string | null;
    greeting: string | null;
    afterHoursMode: AfterHoursMode;
    bookingUrl: string | null;
    address: string | null;
    missedCallText: string | null;
  }[];
  faqs: { tenantId: string; question: string; answer: string }[];
  conversations: {
    tenantId: string;
    customer: { phone: string; name: string };
    tenantNumber: string;
    messages: { direction: "inbound" | "outbound"; body: string; minutesAgo: number }[];
  }[];
  calls: {
    tenantId: string;
    from: string;
    to: string;
    ivrMode: IvrMode;
    outcome: CallOutcome;
    minutesAgo: number;
    durationSeconds: number;
    menuSelection?: string;
    dialCallStatus?: string;
    recording?: { durationSeconds: number; transcription: string };
  }[];
  booking: DemoBooking[];
};

const DEMO_FILE = new URL("../../../prisma/seed/demo.json", import.meta.url);

const loadDemoData = (): DemoData => JSON.parse(readFileSync(DEMO_FILE, "utf8")) as DemoData;

export type SeedResult = { tenantsCreated: string[]; usersCreated: string[] };

export type SeedOptions = {
  /**
   * The password hash of each staff account created: one hash for all of them (a password chosen
   * in the environment), or a function that gives each account its own (generated passwords).
   */
  passwordHash: string | ((email: string) => Promise<string>);
  /** "Now" for the demo week of appointments (tests pass a fixed clock). */
  now?: Date;
};

/**
 * Loads the demo tenants and their staff. Idempotent: existing rows are left as they are, so a
 * re-run never resets a password or undoes a change made through the app.
 */
export async function seedDemo(db: Database, opts: SeedOptions): Promise<SeedResult> {
  const { passwordHash } = opts;
  const hashFor = typeof passwordHash === "string" ? async () => passwordHash : passwordHash;
  const demo = loadDemoData();
  const result = await platformDb(db, { actorUserId: null, purpose: "seed.demo" }).run(async (tx, audit) => {
    const tenantsCreated: string[] = [];
    for (const tenant of demo.tenants) {
      const existing = await tx.tenant.findUnique({ where: { id: tenant.id }, select: { id: true } });
      if (existing) continue;
      await tx.tenant.create({ data: tenant });
      await audit({ action: "tenant.created", targetTenantId: tenant.id, details: { source: "demo seed" } });
      tenantsCreated.push(tenant.id);
    }
    const usersCreated: string[] = [];
    for (const user of demo.users) {
      const existing = await tx.user.findUnique({ where: { email: user.email }, select: { id: true } });
      if (existing) continue;
      const created = await tx.user.create({
        data: { email: user.email, name: user.name, passwordHash: await hashFor(user.email) },
      });
      await tx.membership.create({ data: { tenantId: user.tenantId, userId: created.id, role: user.role } });
      usersCreated.push(user.email);
    }
    for (const number of demo.phoneNumbers) {
      const existing = await tx.tenantPhoneConfig.findUnique({
        where: { phoneNumber: number.phoneNumber },
        select: { phoneNumber: true },
      });
      if (existing) continue;
      await tx.tenantPhoneConfig.create({ data: number });
      await audit({
        action: "phone_number.assigned",
        targetTenantId: number.tenantId,
        objectType: "phone_number",
        objectId: number.phoneNumber,
        details: { source: "demo seed" },
      });
    }
    return { tenantsCreated, usersCreated };
  });
  // Sample inbox, calls and FAQs, written as each tenant (only for tenants this run created, so a
  // re-run never duplicates or resurrects anything).
  for (const tenantId of result.tenantsCreated) await seedTenantActivity(db, tenantId, demo);
  // The SMS agent answers the demo businesses' texts itself where their plan includes it.
  for (const tenant of demo.tenants.filter((t) => result.tenantsCreated.includes(t.id) && hasFeature(t, "aiSmsAgent")))
    await tenantDb(db, tenant.id).run((tx) =>
      tx.agentSettings.upsert({
        where: { tenantId: tenant.id },
        create: { tenantId: tenant.id, mode: "autopilot" },
        update: {},
      }),
    );
  // The booking side is keyed row by row (and appointments are added only to an empty calendar), so
  // it also fills in demo businesses created before there was a calendar.
  for (const booking of demo.booking) await seedBookingDemo(db, booking, opts.now ?? new Date());
  return result;
}

/** Deterministic demo SIDs, so a half-finished seed can be re-run without duplicates. */
const demoSid = (prefix: "SM" | "CA" | "RE", ...parts: (string | number)[]) =>
  `${prefix}${createHash("sha256").update(parts.join("|")).digest("hex").slice(0, 32)}`;

async function seedTenantActivity(db: Database, tenantId: string, demo: DemoData): Promise<void> {
  const now = Date.now();
  const ago = (minutes: number) => new Date(now - minutes * 60_000);
  await tenantDb(db, tenantId).run(async (tx) => {
    const faqs = demo.faqs.filter((f) => f.tenantId === tenantId);
    await tx.faq.createMany({ data: faqs.map((f, position) => ({ ...f, position })) });
    for (const c of demo.conversations.filter((c) => c.tenantId === tenantId)) {
      const customer = await tx.customer.create({
        data: { tenantId, phone: c.customer.phone, name: c.customer.name, ...customerSearchKeys(c.customer) },
      });
      const last = c.messages.at(-1)!;
      const conversation = await tx.conversation.create({
        data: {
          tenantId,
          customerId: customer.id,
          tenantNumber: c.tenantNumber,
          lastMessageAt: ago(last.minutesAgo),
          lastMessagePreview: last.body.slice(0, 160),
          lastDirection: last.direction,
          unreadCount: last.direction === "inbound" ? 1 : 0,
        },
      });
      for (const [i, m] of c.messages.entries()) {
        const inbound = m.direction === "inbound";
        const status = inbound ? "received" : "delivered";
        await tx.message.create({
          data: {
            tenantId,
            conversationId: conversation.id,
            direction: m.direction,
            body: m.body,
            fromNumber: inbound ? c.customer.phone : c.tenantNumber,
            toNumber: inbound ? c.tenantNumber : c.customer.phone,
            twilioSid: demoSid("SM", tenantId, c.customer.phone, i),
            kind: inbound ? "inbound" : "staff_reply",
            status,
            statusHistory: [{ status, at: ago(m.minutesAgo).toISOString() }],
            createdAt: ago(m.minutesAgo),
          },
        });
      }
    }
    for (const [i, call] of demo.calls.filter((c) => c.tenantId === tenantId).entries()) {
      await tx.customer.createMany({
        data: [{ tenantId, phone: call.from, source: "call", ...customerSearchKeys({ phone: call.from }) }],
        skipDuplicates: true,
      });
      const customer = await tx.customer.findFirstOrThrow({ where: { phone: call.from } });
      const callSid = demoSid("CA", tenantId, i);
      await tx.call.create({
        data: {
          tenantId,
          callSid,
          customerId: customer.id,
          fromNumber: call.from,
          toNumber: call.to,
          ivrMode: call.ivrMode,
          outcome: call.outcome,
          twilioStatus: "completed",
          durationSeconds: call.durationSeconds,
          menuSelection: call.menuSelection ?? null,
          dialCallStatus: call.dialCallStatus ?? null,
          startedAt: ago(call.minutesAgo),
          endedAt: new Date(ago(call.minutesAgo).getTime() + call.durationSeconds * 1000),
          ...(call.recording
            ? {
                // Twilio's shape; without Twilio credentials the recording cannot be fetched (the calls log says so).
                recordingSid: demoSid("RE", tenantId, i),
                recordingUrl: `https://api.twilio.com/2010-04-01/Accounts/ACdemo/Recordings/${demoSid("RE", tenantId, i)}`,
                recordingDurationSeconds: call.recording.durationSeconds,
                transcription: call.recording.transcription,
              }
            : {}),
        },
      });
    }
  });
}
