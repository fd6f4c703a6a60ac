// What the agent may state about a business (AgentFacts), who is texting (AgentCustomer) and what was
// said before (Turn[]), read from the database under the tenant's scope. Nothing here decides; the
// engine (@servicepro/agent) reads these and the tools check every reply against the facts.
import type { AgentAppointment, AgentCustomer, AgentFacts, FactService, Price, Turn } from "@servicepro/agent";
import { loadBookingContext, rulesFor } from "@servicepro/booking";
import type { Service, TenantTx } from "@servicepro/db";
import { getPack } from "@servicepro/industry-packs";
import { serviceRuleSchema } from "@servicepro/scheduling";
import { redactedBody } from "@servicepro/sms";
import { normalizePhone } from "@servicepro/telephony";

/** How many earlier texts of a conversation the agent reads. */
export const HISTORY_TEXTS = 20;

/** The price as the business configured it: quote-only, a fixed price, a range, or (nothing set) a quote. */
export function priceOf(
  service: Pick<Service, "quoteOnly" | "priceCents" | "priceMinCents" | "priceMaxCents" | "priceDependsOn">,
): Price {
  if (service.quoteOnly) return { type: "quote" };
  if (service.priceCents !== null) return { type: "fixed", cents: service.priceCents };
  if (service.priceMinCents !== null && service.priceMaxCents !== null)
    return {
      type: "range",
      minCents: service.priceMinCents,
      maxCents: service.priceMaxCents,
      dependsOn: service.priceDependsOn,
    };
  if (service.priceMinCents !== null) return { type: "fixed", cents: service.priceMinCents };
  return { type: "quote" };
}

/** The service's stored booking rule (days, season, start windows); anything unreadable counts as none. */
function ruleOf(service: Pick<Service, "bookingRules" | "durationMinutes">): FactService["rule"] {
  const stored = (service.bookingRules ?? {}) as Record<string, unknown>;
  const parsed = serviceRuleSchema.safeParse({
    durationMinutes: Math.max(1, Math.min(1440, service.durationMinutes)),
    quoteOnly: false,
    days: stored.days ?? null,
    dateRange: stored.dateRange ?? null,
    startWindows: stored.startWindows ?? null,
  });
  if (!parsed.success) return {};
  const { days, dateRange, startWindows } = parsed.data;
  return {
    ...(days ? { days } : {}),
    ...(dateRange ? { dateRange } : {}),
    ...(startWindows ? { startWindows } : {}),
  };
}

type ToneLike = { description?: unknown; preferredWords?: unknown; avoidWords?: unknown };

function toneOf(value: unknown): AgentFacts["tone"] {
  if (!value || typeof value !== "object") return null;
  const tone = value as ToneLike;
  if (typeof tone.description !== "string") return null;
  const words = (list: unknown) => (Array.isArray(list) ? list.filter((w): w is string => typeof w === "string") : []);
  return {
    description: tone.description,
    preferredWords: words(tone.preferredWords),
    avoidWords: words(tone.avoidWords),
  };
}

const unique = <T>(values: readonly T[]) => [...new Set(values)];

/**
 * Everything the agent may say about the business: its name and links, its booking rules (the
 * online ones: lead time and window apply), active services and add-ons, FAQs, the pack's tone (the
 * installed snapshot, else the shipped pack of its industry), its policies and hand-off numbers.
 */
export function loadAgentFacts(tx: TenantTx, options: { publicBaseUrl: string; now?: Date }): Promise<AgentFacts> {
  return loadAgentFactsWith((fn) => fn(tx), options);
}

/**
 * loadAgentFacts with its reads split in three, each given to `read`: the runtime gives each its own
 * short read transaction, so they run side by side on separate connections.
 */
export async function loadAgentFactsWith(
  read: <T>(fn: (tx: TenantTx) => Promise<T>) => Promise<T>,
  options: { publicBaseUrl: string; now?: Date },
): Promise<AgentFacts> {
  const now = options.now ?? new Date();
  const [context, [tenant, settings, services], [addOns, faqs, install, numbers]] = await Promise.all([
    read((tx) => loadBookingContext(tx, now)),
    read((tx) =>
      Promise.all([
        tx.tenant.findFirstOrThrow({ select: { name: true, slug: true, industry: true, contactPhone: true } }),
        tx.bookingSettings.findFirst({ select: { quietHoursStart: true, quietHoursEnd: true } }),
        tx.service.findMany({ where: { active: true }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] }),
      ]),
    ),
    read((tx) =>
      Promise.all([
        tx.addOn.findMany({ where: { active: true }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] }),
        tx.faq.findMany({ orderBy: [{ position: "asc" }, { createdAt: "asc" }] }),
        tx.packInstall.findFirst({ orderBy: { installedAt: "desc" }, select: { packId: true, snapshot: true } }),
        tx.tenantPhoneConfig.findMany({
          orderBy: { createdAt: "asc" },
          select: { phoneNumber: true, forwardTo: true, bookingUrl: true },
        }),
      ]),
    ),
  ]);
  const base = options.publicBaseUrl.replace(/\/+$/, "");
  const bookingPage = `${base}/book/${tenant.slug}`;
  const configuredUrls = numbers.flatMap((n) => (n.bookingUrl?.trim() ? [n.bookingUrl.trim()] : []));
  const packTone =
    toneOf((install?.snapshot as { tone?: unknown } | null)?.tone) ??
    toneOf(getPack(install?.packId ?? tenant.industry ?? "")?.tone);
  const handoffNumbers = unique(
    [...numbers.map((n) => n.forwardTo), tenant.contactPhone].flatMap((raw) => {
      const phone = raw ? normalizePhone(raw) : null;
      return phone ? [phone] : [];
    }),
  );
  return {
    business: {
      name: tenant.name,
      industry: install?.packId ?? tenant.industry,
      bookingUrl: configuredUrls[0] ?? bookingPage,
      links: unique([bookingPage, ...configuredUrls]),
      phoneNumbers: numbers.map((n) => n.phoneNumber),
    },
    tone: packTone,
    rules: rulesFor(context, "ai_agent"),
    services: services.map((service) => ({
      id: service.id,
      name: service.name,
      durationMinutes: service.durationMinutes,
      price: priceOf(service),
      notes: service.description.trim() || null,
      quoteOnly: service.quoteOnly,
      rule: ruleOf(service),
    })),
    addOns: addOns.map((addOn) => ({
      id: addOn.id,
      name: addOn.name,
      priceCents: addOn.priceCents,
      durationMinutes: addOn.durationMinutes,
      serviceIds: addOn.serviceIds,
      offerWhen: addOn.offerWhen.trim() || null,
    })),
    faqs: faqs.map((faq) => ({ id: faq.id, question: faq.question, answer: faq.answer })),
    policy: {
      cancellationWindowHours: context.settings.cancellationWindowHours,
      cancellationFeeCents: context.settings.cancellationFeeCents,
      depositCents: context.settings.depositCents,
      handoffNumbers,
      quietHours: { start: settings?.quietHoursStart ?? "21:00", end: settings?.quietHoursEnd ?? "08:00" },
    },
  };
}

/** An appointment row as the agent sees it. */
export function toAgentAppointment(row: {
  id: string;
  serviceId: string;
  startsAt: Date;
  endsAt: Date;
  status: AgentAppointment["status"];
  addOnIds: string[];
  service: { name: string };
}): AgentAppointment {
  return {
    id: row.id,
    serviceId: row.serviceId,
    serviceName: row.service.name,
    start: row.startsAt,
    end: row.endsAt,
    status: row.status,
    addOnIds: row.addOnIds,
  };
}

/**
 * The sender as the business knows them: known when they have a name, any appointment, or came from
 * anywhere but a text; their upcoming booked or confirmed appointments, soonest first.
 */
export async function loadAgentCustomer(tx: TenantTx, customerId: string, now: Date): Promise<AgentCustomer> {
  const customer = await tx.customer.findFirstOrThrow({
    where: { id: customerId },
    select: {
      name: true,
      phone: true,
      source: true,
      notes: true,
      address: true,
      visitCount: true,
      assets: { where: { archivedAt: null }, select: { kind: true, label: true, sizeClass: true }, take: 5 },
    },
  });
  const [upcoming, anyAppointment] = await Promise.all([
    tx.appointment.findMany({
      where: { customerId, status: { in: ["booked", "confirmed"] }, endsAt: { gt: now } },
      orderBy: { startsAt: "asc" },
      take: 10,
      select: {
        id: true,
        serviceId: true,
        startsAt: true,
        endsAt: true,
        status: true,
        addOnIds: true,
        service: { select: { name: true } },
      },
    }),
    tx.appointment.findFirst({ where: { customerId }, select: { id: true } }),
  ]);
  const known = Boolean(customer.name?.trim()) || anyAppointment !== null || customer.source !== "sms";
  return {
    known,
    name: customer.name,
    phone: customer.phone,
    profile: {
      ...(customer.assets.length > 0 ? { assets: customer.assets } : {}),
      ...(customer.address ? { address: customer.address } : {}),
      ...(customer.visitCount > 0 ? { visits: customer.visitCount } : {}),
    },
    appointments: upcoming.map(toAgentAppointment),
  };
}

/** Who a stored message is from, as the agent's history names them. */
export function turnFrom(message: { direction: string; kind: string }): Turn["from"] {
  if (message.direction === "inbound") return "customer";
  return message.kind === "ai_reply" ? "agent" : "staff";
}

/**
 * The conversation's texts before `before` (the message being answered and anything after it left
 * out), oldest first: at most HISTORY_TEXTS.
 */
export async function loadHistory(
  tx: TenantTx,
  conversationId: string,
  before: { createdAt: Date; excludeIds?: readonly string[] },
): Promise<Turn[]> {
  const rows = await tx.message.findMany({
    where: {
      conversationId,
      createdAt: { lt: before.createdAt },
      ...(before.excludeIds?.length ? { id: { notIn: [...before.excludeIds] } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: HISTORY_TEXTS,
    select: { direction: true, kind: true, body: true, createdAt: true },
  });
  // A portal sign-in code is a secret: the agent (and the model behind it) never reads it.
  return rows
    .reverse()
    .map((row) => ({ from: turnFrom(row), text: redactedBody(row.kind, row.body), at: row.createdAt }));
}
