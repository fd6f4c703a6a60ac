// A replay scenario as rows of a throwaway database: one tenant per scenario, with the business's
// booking settings, its team, services, add-ons and FAQs, the customer and their appointments, the
// rest of the calendar, the hand-off numbers and the conversation so far. Every id the scenario names
// ("full-detail", "appt-1") gets a real uuid; the IdMap turns them back for the printed output.
import { randomUUID } from "node:crypto";
import type { Scenario } from "@servicepro/agent";
import { type Database, type Prisma, platformDb, tenantDb } from "@servicepro/db";
import { customerSearchKeys } from "@servicepro/validators";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The booking service never reads an appointment longer than a day (LONGEST_JOB): longer busy spans are cut. */
const LONGEST_BUSY_PIECE = 12 * HOUR;
const SYSTEM = { actorUserId: null, purpose: "agent-replay.seed" };

/** Scenario ids ↔ database uuids, both ways. */
export class IdMap {
  readonly #toUuid = new Map<string, string>();
  readonly #toScenario = new Map<string, string>();

  /** The uuid for a scenario id of a kind (a service and an add-on may share an id in a scenario). */
  uuid(kind: string, scenarioId: string): string {
    const key = `${kind}:${scenarioId}`;
    let id = this.#toUuid.get(key);
    if (!id) {
      id = randomUUID();
      this.#toUuid.set(key, id);
      this.#toScenario.set(id, scenarioId);
    }
    return id;
  }

  /** The uuid of a scenario id already seeded, if any. */
  find(kind: string, scenarioId: string): string | undefined {
    return this.#toUuid.get(`${kind}:${scenarioId}`);
  }

  /** Every seeded uuid in `value` (a string, or deep inside arrays and objects) replaced by its scenario id. */
  toScenario<T>(value: T): T {
    if (typeof value === "string")
      return value.replace(UUID_IN_TEXT, (uuid) => this.#toScenario.get(uuid.toLowerCase()) ?? uuid) as T;
    if (Array.isArray(value)) return value.map((item) => this.toScenario(item)) as T;
    if (value && typeof value === "object" && !(value instanceof Date))
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.toScenario(v)])) as T;
    return value;
  }
}

const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export type SeededScenario = {
  tenantId: string;
  customerId: string;
  conversationId: string;
  /** The inbound text being answered, stored as the conversation's newest message. */
  inboundMessageId: string;
  ids: IdMap;
};

const cents = (dollars: number) => Math.round(dollars * 100);

export function slugOf(name: string, index: number): string {
  const base = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `${base || "business"}-${index + 1}`;
}

/** The stored price columns of a scenario price; tiered and hourly keep their bounds (the facts get the rest). */
function priceColumns(price: Scenario["tenant"]["services"][number]["price"]) {
  const none = { priceCents: null, priceMinCents: null, priceMaxCents: null, priceDependsOn: null };
  const span = (low: number, high: number, dependsOn: string | null) =>
    cents(high) > cents(low)
      ? { ...none, priceMinCents: cents(low), priceMaxCents: cents(high), priceDependsOn: dependsOn }
      : { ...none, priceCents: cents(low), priceDependsOn: dependsOn };
  switch (price.type) {
    case "fixed":
      return { ...none, priceCents: cents(price.amount) };
    case "range":
      return span(price.min, price.max, price.dependsOn);
    case "tiered": {
      const amounts = price.tiers.map((t) => t.amount);
      return span(Math.min(...amounts), Math.max(...amounts), price.tiers.map((t) => t.label).join(" / "));
    }
    case "hourly":
      return { ...none, priceCents: cents(price.rate), priceDependsOn: "per hour" };
    case "quote":
      return none;
  }
}

/**
 * Puts spans on as few lanes as possible without two overlapping on one lane (lowest free lane
 * first, in start order): the database refuses two overlapping appointments on one bookable.
 */
function lanes<T extends { start: Date; blocksUntil: Date }>(spans: readonly T[]): (T & { lane: number })[] {
  const ends: number[] = [];
  return [...spans]
    .sort((a, b) => a.start.getTime() - b.start.getTime())
    .map((span) => {
      let lane = ends.findIndex((end) => end <= span.start.getTime());
      if (lane === -1) lane = ends.push(0) - 1;
      ends[lane] = span.blocksUntil.getTime();
      return { ...span, lane };
    });
}

/** A tenant number no other scenario in the database has: +1 555 01x xxxx is reserved for fiction. */
const tenantNumber = (index: number, n: number) => `+1555${String(index * 10 + n).padStart(7, "0")}`;

/**
 * Seeds one scenario as tenant number `index` of the database. The business's team is
 * `concurrentJobs` crew members (bookables without a sign-in), who take new jobs and the customer's
 * own appointments. `busy` is the rest of the calendar: appointments of a placeholder customer on
 * inactive placeholder bookables, so each takes one of the `concurrentJobs` places at that time
 * without belonging to any one crew member, which is what the scenario says (busy names no one).
 */
export async function seedScenario(db: Database, scenario: Scenario, index: number): Promise<SeededScenario> {
  const ids = new IdMap();
  const { tenant, customer } = scenario;
  const policy = tenant.bookingPolicy;
  const now = new Date(scenario.now);
  const tenantId = `replay-${index + 1}-${randomUUID().slice(0, 8)}`;
  const numbers =
    policy.handoffNumbers.length > 0
      ? policy.handoffNumbers.map((forwardTo, n) => ({ phoneNumber: tenantNumber(index, n), forwardTo }))
      : [{ phoneNumber: tenantNumber(index, 0), forwardTo: null }];

  await platformDb(db, SYSTEM).run(async (tx) => {
    await tx.tenant.create({
      data: {
        id: tenantId,
        name: tenant.name,
        slug: slugOf(tenant.name, index),
        industry: tenant.industry ?? null,
        timezone: tenant.timezone,
        planTier: "elite",
        status: "active",
      },
    });
    // In order, so the hand-off numbers keep the scenario's order (the facts read them by creation time).
    for (const [n, number] of numbers.entries())
      await tx.tenantPhoneConfig.create({
        data: {
          tenantId,
          phoneNumber: number.phoneNumber,
          forwardTo: number.forwardTo,
          bookingUrl: n === 0 ? (policy.bookingUrl ?? null) : null,
          createdAt: new Date(now.getTime() - 30 * 86_400_000 + n * 1000),
        },
      });
  });

  const seeded = await tenantDb(db, tenantId).run(
    async (tx) => {
      await tx.bookingSettings.create({
        data: {
          tenantId,
          hours: tenant.hours as Prisma.InputJsonObject,
          closedDates: tenant.closedDates.map((date) => ({ date, reason: null })),
          slotIntervalMinutes: policy.slotIntervalMinutes,
          leadTimeMinutes: Math.round(policy.leadTimeHours * 60),
          bookingWindowDays: policy.maxDaysAhead,
          bufferMinutes: policy.bufferMinutes,
          maxConcurrent: policy.concurrentJobs,
          depositCents: cents(policy.deposit),
          cancellationWindowHours: Math.round(policy.cancellation.windowHours),
          cancellationFeeCents: cents(policy.cancellation.fee),
          quietHoursStart: policy.quietHours.start,
          quietHoursEnd: policy.quietHours.end,
        },
      });
      await tx.agentSettings.create({ data: { tenantId, mode: "autopilot" } });

      for (const [position, service] of tenant.services.entries()) {
        const rule = policy.serviceRules.find((r) => r.serviceId === service.id);
        await tx.service.create({
          data: {
            tenantId,
            id: ids.uuid("service", service.id),
            name: service.name,
            description: service.notes ?? "",
            durationMinutes: service.durationMinutes,
            ...priceColumns(service.price),
            quoteOnly: service.price.type === "quote" || policy.quoteRequired.includes(service.id),
            bookingRules: {
              ...(rule?.days ? { days: rule.days } : {}),
              ...(rule?.dateRange ? { dateRange: rule.dateRange } : {}),
              ...(rule?.startWindows ? { startWindows: rule.startWindows } : {}),
            },
            position,
          },
        });
      }
      for (const [position, addOn] of tenant.addOns.entries())
        await tx.addOn.create({
          data: {
            tenantId,
            id: ids.uuid("addOn", addOn.id),
            name: addOn.name,
            description: "",
            durationMinutes: addOn.durationMinutes,
            priceCents: cents(addOn.price),
            serviceIds: addOn.appliesTo.flatMap((id) => {
              const uuid = ids.find("service", id);
              return uuid ? [uuid] : [];
            }),
            offerWhen: addOn.offerWhen ?? "",
            position,
          },
        });
      for (const [position, faq] of tenant.faqs.entries())
        await tx.faq.create({
          data: { tenantId, id: ids.uuid("faq", faq.id), question: faq.question, answer: faq.answer, position },
        });

      const crew: string[] = [];
      for (let n = 0; n < policy.concurrentJobs; n++) {
        const row = await tx.bookable.create({
          data: { tenantId, kind: "crew", name: `Team member ${n + 1}`, position: n },
          select: { id: true },
        });
        crew.push(row.id);
      }

      const customerRow = await tx.customer.create({
        data: {
          tenantId,
          phone: customer.phone,
          name: customer.name ?? null,
          ...customerSearchKeys({ name: customer.name ?? null, phone: customer.phone }),
          // A known customer came from somewhere other than a text (the loader reads "known" from that).
          source: customer.known ? "import" : "sms",
          lastSeenAt: now,
        },
        select: { id: true },
      });

      const buffer = policy.bufferMinutes * MINUTE;
      const serviceOf = (id: string) => tenant.services.find((s) => s.id === id);
      // The customer's own appointments, on the crew (a second lane of overlapping ones gets a crew member of its own).
      const own = lanes(
        customer.upcomingAppointments.map((a) => ({
          ...a,
          start: new Date(a.start),
          end: new Date(a.end),
          blocksUntil: new Date(new Date(a.end).getTime() + buffer),
        })),
      );
      const laneBookables = async (count: number, active: boolean, name: string, have: string[]) => {
        while (have.length < count) {
          const row = await tx.bookable.create({
            data: { tenantId, kind: "crew", name: `${name} ${have.length + 1}`, active, position: 100 + have.length },
            select: { id: true },
          });
          have.push(row.id);
        }
        return have;
      };
      const ownLanes = await laneBookables(Math.max(...own.map((a) => a.lane + 1), 0), true, "Extra crew", crew);
      for (const a of own) {
        const service = serviceOf(a.serviceId);
        const serviceId = ids.find("service", a.serviceId);
        if (!service || !serviceId)
          throw new Error(
            `customer.upcomingAppointments: "${a.id}" names the service "${a.serviceId}", which the tenant does not offer`,
          );
        const live = a.status === "booked" || a.status === "confirmed";
        await tx.appointment.create({
          data: {
            tenantId,
            id: ids.uuid("appointment", a.id),
            customerId: customerRow.id,
            serviceId,
            bookableId: ownLanes[a.lane]!,
            addOnIds: a.addOnIds.flatMap((id) => {
              const uuid = ids.find("addOn", id);
              return uuid ? [uuid] : [];
            }),
            startsAt: a.start,
            endsAt: a.end,
            blocksUntil: a.blocksUntil,
            status: a.status,
            durationMinutes: Math.max(1, Math.round((a.end.getTime() - a.start.getTime()) / MINUTE)),
            ...priceOfAppointment(service.price),
            bookedBy: "staff",
            confirmedAt: a.status === "confirmed" ? now : null,
            cancelledAt: a.status === "cancelled" ? now : null,
            completedAt: a.status === "completed" || (!live && a.status !== "cancelled") ? a.end : null,
            createdAt: new Date(Math.min(now.getTime(), a.start.getTime()) - 86_400_000),
          },
        });
      }

      if (scenario.busy.length > 0) {
        const other = await tx.customer.create({
          data: {
            tenantId,
            phone: customer.phone === "+15550000001" ? "+15550000002" : "+15550000001",
            name: "Other customers (replay)",
            ...customerSearchKeys({ name: "Other customers (replay)", phone: "+15550000001" }),
            source: "import",
          },
          select: { id: true },
        });
        const placeholderService = await tx.service.create({
          data: {
            tenantId,
            name: "Booked elsewhere (replay)",
            description: "The scenario's busy times.",
            durationMinutes: 60,
            active: false,
            position: 1000,
          },
          select: { id: true },
        });
        const pieces = scenario.busy.flatMap(({ start, end }) => {
          const out: { start: Date; end: Date; blocksUntil: Date }[] = [];
          for (let t = new Date(start).getTime(); t < new Date(end).getTime(); t += LONGEST_BUSY_PIECE) {
            const pieceEnd = Math.min(t + LONGEST_BUSY_PIECE, new Date(end).getTime());
            out.push({ start: new Date(t), end: new Date(pieceEnd), blocksUntil: new Date(pieceEnd + buffer) });
          }
          return out;
        });
        const busy = lanes(pieces);
        const holders = await laneBookables(Math.max(...busy.map((b) => b.lane + 1)), false, "Elsewhere", []);
        for (const b of busy)
          await tx.appointment.create({
            data: {
              tenantId,
              customerId: other.id,
              serviceId: placeholderService.id,
              bookableId: holders[b.lane]!,
              startsAt: b.start,
              endsAt: b.end,
              blocksUntil: b.blocksUntil,
              status: "booked",
              durationMinutes: Math.max(1, Math.round((b.end.getTime() - b.start.getTime()) / MINUTE)),
              bookedBy: "staff",
            },
          });
      }

      const conversation = await tx.conversation.create({
        data: {
          tenantId,
          customerId: customerRow.id,
          tenantNumber: numbers[0]!.phoneNumber,
          lastMessageAt: now,
          lastDirection: "inbound",
          lastMessagePreview: scenario.inbound.slice(0, 140),
        },
        select: { id: true },
      });
      // The history, oldest first; items without a time a minute apart before the inbound text.
      const texts = [
        ...scenario.history.map((turn, i) => ({
          ...turn,
          at: turn.at ? new Date(turn.at) : new Date(now.getTime() - (scenario.history.length - i) * MINUTE),
        })),
        { from: "customer" as const, text: scenario.inbound, at: now },
      ];
      let inboundMessageId = "";
      for (const text of texts) {
        const inbound = text.from === "customer";
        const row = await tx.message.create({
          data: {
            tenantId,
            conversationId: conversation.id,
            direction: inbound ? "inbound" : "outbound",
            body: text.text,
            fromNumber: inbound ? customer.phone : numbers[0]!.phoneNumber,
            toNumber: inbound ? numbers[0]!.phoneNumber : customer.phone,
            kind: inbound ? "inbound" : text.from === "agent" ? "ai_reply" : "staff_reply",
            status: inbound ? "received" : "delivered",
            createdAt: text.at,
          },
          select: { id: true },
        });
        inboundMessageId = row.id;
      }
      return { customerId: customerRow.id, conversationId: conversation.id, inboundMessageId };
    },
    { timeout: 60_000 },
  );
  return { tenantId, ...seeded, ids };
}

/** What an existing appointment was priced at (the price columns are kept on the appointment). */
function priceOfAppointment(price: Scenario["tenant"]["services"][number]["price"]) {
  const columns = priceColumns(price);
  return { priceCents: columns.priceCents, priceMinCents: columns.priceMinCents, priceMaxCents: columns.priceMaxCents };
}
