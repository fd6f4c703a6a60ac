/**
 * A scenario as the agent sees it: its facts, its customer, and a world in memory over the same
 * availability engine the database path uses (@servicepro/scheduling). Used by the evaluation and by
 * unit tests; `pnpm agent:replay` runs the same scenarios on a throwaway database instead.
 */
import { availableStarts, type Busy, checkStart, type ServiceRule, type StaffMember } from "@servicepro/scheduling";
import type { Scenario } from "./scenario.ts";
import type { AgentAppointment, AgentCustomer, AgentFacts, AgentWorld, FactService, Price, Refusal } from "./types.ts";

const cents = (dollars: number) => Math.round(dollars * 100);

function priceOf(price: Scenario["tenant"]["services"][number]["price"]): Price {
  switch (price.type) {
    case "fixed":
      return { type: "fixed", cents: cents(price.amount) };
    case "range":
      return { type: "range", minCents: cents(price.min), maxCents: cents(price.max), dependsOn: price.dependsOn };
    case "tiered":
      return { type: "tiered", tiers: price.tiers.map((t) => ({ label: t.label, cents: cents(t.amount) })) };
    case "hourly":
      return { type: "hourly", centsPerHour: cents(price.rate), minimumHours: price.minimumHours };
    case "quote":
      return { type: "quote" };
  }
}

export function factsFromScenario(scenario: Scenario): AgentFacts {
  const { tenant } = scenario;
  const policy = tenant.bookingPolicy;
  const services: FactService[] = tenant.services.map((s) => {
    const rule = policy.serviceRules.find((r) => r.serviceId === s.id);
    const price = priceOf(s.price);
    return {
      id: s.id,
      name: s.name,
      durationMinutes: s.durationMinutes,
      price,
      notes: s.notes ?? null,
      quoteOnly: policy.quoteRequired.includes(s.id) || price.type === "quote",
      rule: {
        days: rule?.days ?? null,
        dateRange: rule?.dateRange ?? null,
        startWindows: rule?.startWindows ?? null,
      },
    };
  });
  const bookingUrl = policy.bookingUrl ?? null;
  return {
    business: {
      name: tenant.name,
      industry: tenant.industry ?? null,
      bookingUrl,
      links: [...(bookingUrl ? [bookingUrl] : []), ...policy.links],
      phoneNumbers: [],
    },
    tone: tenant.tone
      ? {
          description: tenant.tone.description,
          preferredWords: tenant.tone.preferredWords,
          avoidWords: tenant.tone.avoidWords,
        }
      : null,
    rules: {
      timeZone: tenant.timezone,
      hours: tenant.hours,
      closedDates: tenant.closedDates,
      slotIntervalMinutes: policy.slotIntervalMinutes,
      leadTimeMinutes: Math.round(policy.leadTimeHours * 60),
      bookingWindowDays: policy.maxDaysAhead,
      bufferMinutes: policy.bufferMinutes,
      maxConcurrent: policy.concurrentJobs,
    },
    services,
    addOns: tenant.addOns.map((a) => ({
      id: a.id,
      name: a.name,
      priceCents: cents(a.price),
      durationMinutes: a.durationMinutes,
      serviceIds: a.appliesTo,
      offerWhen: a.offerWhen ?? null,
    })),
    faqs: tenant.faqs.map((f) => ({ id: f.id, question: f.question, answer: f.answer })),
    policy: {
      cancellationWindowHours: policy.cancellation.windowHours,
      cancellationFeeCents: cents(policy.cancellation.fee),
      depositCents: cents(policy.deposit),
      handoffNumbers: policy.handoffNumbers,
      quietHours: policy.quietHours,
    },
  };
}

export function customerFromScenario(scenario: Scenario, facts: AgentFacts): AgentCustomer {
  const c = scenario.customer;
  const now = new Date(scenario.now);
  return {
    known: c.known,
    name: c.name ?? null,
    phone: c.phone,
    profile: c.profile,
    appointments: c.upcomingAppointments
      .map((a) => ({
        id: a.id,
        serviceId: a.serviceId,
        serviceName: facts.services.find((s) => s.id === a.serviceId)?.name ?? a.serviceId,
        start: new Date(a.start),
        end: new Date(a.end),
        status: a.status,
        addOnIds: a.addOnIds,
      }))
      .filter((a) => a.end > now)
      .sort((a, b) => a.start.getTime() - b.start.getTime()),
  };
}

/** What the in-memory world did (a replay prints the turn's writes; this is the world's own record). */
export type ScenarioWorldRecord = { optedOut: boolean; handoffs: { reason: string; summary: string }[] };

/**
 * The scenario's calendar in memory: the business's busy times plus the customer's own appointments,
 * `concurrentJobs` interchangeable staff. Bound to the scenario's customer like the database world.
 */
export function createScenarioWorld(
  facts: AgentFacts,
  customer: AgentCustomer,
  busyTimes: readonly { start: Date; end: Date }[],
  now: Date,
): AgentWorld & { record: ScenarioWorldRecord } {
  const staffCount = facts.rules.maxConcurrent ?? 1;
  const staff: StaffMember[] = Array.from({ length: staffCount }, (_, i) => ({
    id: `staff-${i + 1}`,
    hours: null,
    timeOff: [],
  }));
  const appointments: AgentAppointment[] = customer.appointments.map((a) => ({ ...a }));
  const record: ScenarioWorldRecord = { optedOut: false, handoffs: [] };
  let created = 0;

  const busy = (ignore?: string): Busy[] => [
    ...busyTimes.map((b) => ({ staffId: null, start: b.start, end: b.end })),
    ...appointments
      .filter((a) => a.id !== ignore && (a.status === "booked" || a.status === "confirmed"))
      .map((a) => ({ staffId: null, start: a.start, end: a.end })),
  ];
  const serviceRule = (service: FactService, addOnIds: readonly string[]): ServiceRule => ({
    durationMinutes: minutesOf(facts, service, addOnIds),
    quoteOnly: service.quoteOnly,
    days: service.rule.days ?? null,
    dateRange: service.rule.dateRange ?? null,
    startWindows: service.rule.startWindows ?? null,
  });
  const refusal = (reason: string, message: string, alternatives: Date[] = []): Refusal => ({
    ok: false,
    reason,
    message,
    alternatives,
  });
  const own = (id: string) =>
    appointments.find((a) => a.id === id && (a.status === "booked" || a.status === "confirmed"));
  const check = (service: FactService, addOnIds: readonly string[], start: Date, ignore?: string) => {
    const result = checkStart({
      rules: facts.rules,
      service: serviceRule(service, addOnIds),
      staff,
      busy: busy(ignore),
      now,
      start,
      alternatives: 3,
    });
    return result.ok ? ({ ok: true } as const) : refusal(result.reason, result.message, result.alternatives);
  };
  const serviceById = (id: string) => facts.services.find((s) => s.id === id);

  return {
    record,
    async openStarts({ serviceId, addOnIds, from, to, limit, ignoreAppointmentId }) {
      const service = serviceById(serviceId);
      if (!service) return [];
      return availableStarts({
        rules: facts.rules,
        service: serviceRule(service, addOnIds),
        staff,
        busy: busy(ignoreAppointmentId),
        now,
        from,
        to,
      })
        .slice(0, limit)
        .map((s) => s.start);
    },
    async checkStart({ serviceId, addOnIds, start, ignoreAppointmentId }) {
      const service = serviceById(serviceId);
      if (!service) return refusal("unknown_service", "That service is not offered.");
      return check(service, addOnIds, start, ignoreAppointmentId);
    },
    async book({ serviceId, addOnIds, start }) {
      const service = serviceById(serviceId);
      if (!service) return refusal("unknown_service", "That service is not offered.");
      const ok = check(service, addOnIds, start);
      if (!ok.ok) return ok;
      created += 1;
      const appointment: AgentAppointment = {
        id: `new-appointment-${created}`,
        serviceId,
        serviceName: service.name,
        start,
        end: new Date(start.getTime() + minutesOf(facts, service, addOnIds) * 60_000),
        status: "booked",
        addOnIds: [...addOnIds],
      };
      appointments.push(appointment);
      return { ok: true, appointment };
    },
    async reschedule({ appointmentId, start }) {
      const appointment = own(appointmentId);
      const service = appointment && serviceById(appointment.serviceId);
      if (!appointment || !service) return refusal("not_found", "That appointment was not found.");
      const ok = check(service, appointment.addOnIds, start, appointment.id);
      if (!ok.ok) return ok;
      const length = appointment.end.getTime() - appointment.start.getTime();
      appointment.start = start;
      appointment.end = new Date(start.getTime() + length);
      return { ok: true, appointment: { ...appointment } };
    },
    async cancel({ appointmentId }) {
      const appointment = own(appointmentId);
      if (!appointment) return refusal("not_found", "That appointment was not found.");
      appointment.status = "cancelled";
      return { ok: true };
    },
    async addAddOn({ appointmentId, addOnId }) {
      const appointment = own(appointmentId);
      const service = appointment && serviceById(appointment.serviceId);
      if (!appointment || !service) return refusal("not_found", "That appointment was not found.");
      const addOnIds = [...appointment.addOnIds, addOnId];
      const ok = check(service, addOnIds, appointment.start, appointment.id);
      if (!ok.ok) return ok;
      appointment.addOnIds = addOnIds;
      appointment.end = new Date(appointment.start.getTime() + minutesOf(facts, service, addOnIds) * 60_000);
      return { ok: true, appointment: { ...appointment } };
    },
    async confirm({ appointmentId }) {
      const appointment = own(appointmentId);
      if (!appointment) return refusal("not_found", "That appointment was not found.");
      appointment.status = "confirmed";
      return { ok: true };
    },
    async recordOptOut() {
      record.optedOut = true;
    },
    async handoff(request) {
      record.handoffs.push(request);
    },
  };
}

function minutesOf(facts: AgentFacts, service: FactService, addOnIds: readonly string[]): number {
  return (
    service.durationMinutes +
    addOnIds.reduce((sum, id) => sum + (facts.addOns.find((a) => a.id === id)?.durationMinutes ?? 0), 0)
  );
}
