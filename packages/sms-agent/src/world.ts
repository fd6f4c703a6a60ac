// The agent's world on the database: the I/O its tools may do, bound to one tenant (the transaction's
// scope) and one customer (the sender) by the server. Every appointment id is checked against the
// sender's own appointments before anything is read or written, so another customer's (or, through
// row-level security, another business's) appointment is simply not there. Writes go through the
// booking service (@servicepro/booking), as the AI agent, with the online booking rules. In a dry
// run (suggest mode, test mode) the real calendar is read and every write is only recorded.
import { randomUUID } from "node:crypto";
import type { AgentAppointment, AgentWorld, Refusal, Write } from "@servicepro/agent";
import {
  type Actor,
  type BookingContext,
  cancelAppointment,
  checkSlot,
  confirmAppointment,
  createAppointment,
  getAvailability,
  isDoubleBooking,
  loadBookingContext,
  loadJob,
  rescheduleAppointment,
  rulesFor,
} from "@servicepro/booking";
import type { Appointment, TenantTx } from "@servicepro/db";
import { isAppError } from "@servicepro/errors";
import { type ServiceRule, serviceRuleSchema } from "@servicepro/scheduling";
import { recordConsentChange } from "@servicepro/sms";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type WorldBinding = {
  /** The sender's customer row. A test-mode sender has none: any id no row has (nothing is theirs). */
  customerId: string;
  now: Date;
  /** Read the real calendar, record what would be written, write nothing. */
  dryRun: boolean;
  /** The inbound message, kept as the opt-out's evidence. */
  messageId?: string | null;
};

export type DbWorld = AgentWorld & {
  /** What the turn changed (or, in a dry run, would have changed), in order. */
  writes(): Write[];
  /** Reminder jobs the booking service asked for: enqueue them after the transaction commits. */
  reminderIds(): string[];
};

const AGENT: Actor = { kind: "ai_agent" };

const refusal = (reason: string, message: string, alternatives: Date[] = []): Refusal => ({
  ok: false,
  reason,
  message,
  alternatives,
});

const notYours = () =>
  refusal("not_found", "That appointment isn't one of yours, so I can't change it. A person from our team can help.");

/** A booking-service refusal (an AppError) as the tools' Refusal; anything else is a real failure. */
function refusalOf(error: unknown): Refusal {
  if (!isAppError(error)) throw error;
  const reason = error.reason as { code?: string; reason?: string; alternatives?: string[] } | undefined;
  return refusal(
    reason?.reason ?? reason?.code?.toLowerCase() ?? error.code.toLowerCase(),
    error.message,
    (reason?.alternatives ?? []).map((iso) => new Date(iso)),
  );
}

type OwnAppointment = Appointment & { service: { name: string; bookingRules: unknown; quoteOnly: boolean } };

const asAgentAppointment = (row: {
  id: string;
  serviceId: string;
  startsAt: Date;
  endsAt: Date;
  status: AgentAppointment["status"];
  addOnIds: string[];
  serviceName: string;
}): AgentAppointment => ({
  id: row.id,
  serviceId: row.serviceId,
  serviceName: row.serviceName,
  start: row.startsAt,
  end: row.endsAt,
  status: row.status,
  addOnIds: row.addOnIds,
});

/** The service's scheduling rule with a given duration (the appointment's own, when it is moved). */
function ruleFor(service: { bookingRules: unknown; quoteOnly: boolean }, durationMinutes: number): ServiceRule {
  const stored = (service.bookingRules ?? {}) as Record<string, unknown>;
  const parsed = serviceRuleSchema.safeParse({
    durationMinutes,
    quoteOnly: false,
    days: stored.days ?? null,
    dateRange: stored.dateRange ?? null,
    startWindows: stored.startWindows ?? null,
  });
  return { ...(parsed.success ? parsed.data : {}), durationMinutes, quoteOnly: service.quoteOnly };
}

/**
 * How the world reaches the database: `read` runs reads (a short read transaction of their own, or the
 * write transaction once one is open, so a read sees the turn's own writes), `write` gives the write
 * transaction, opened on first use (the runtime re-checks its guards there, under the conversation's
 * lock). Nothing is held while a brain thinks unless it has already written.
 */
export type WorldDb = {
  read<T>(fn: (tx: TenantTx) => Promise<T>): Promise<T>;
  write(): Promise<TenantTx>;
};

/** The world inside one transaction the caller holds (test mode, staff sending a draft, replay, tests). */
export function createDbWorld(tx: TenantTx, binding: WorldBinding): DbWorld {
  return createLazyDbWorld({ read: (fn) => fn(tx), write: async () => tx }, binding);
}

/** The world over a lazily opened write transaction (the runtime's). */
export function createLazyDbWorld(db: WorldDb, binding: WorldBinding): DbWorld {
  const { customerId, now, dryRun } = binding;
  const writes: Write[] = [];
  const reminderIds: string[] = [];
  let booked = 0;
  let context: Promise<BookingContext> | null = null;
  /** Loaded once, in the transaction at hand (a read never waits for another connection inside one). */
  const bookingContext = (tx: TenantTx) => (context ??= loadBookingContext(tx, now));
  /** A dry run only reads; a real change reads and writes in the write transaction. */
  const forChange = async <T>(fn: (tx: TenantTx) => Promise<T>): Promise<T> =>
    dryRun ? db.read(fn) : fn(await db.write());

  /** One of the sender's own appointments, or null (not theirs, another business's, or not an id at all). */
  async function own(tx: TenantTx, appointmentId: string): Promise<OwnAppointment | null> {
    if (!UUID.test(appointmentId) || !UUID.test(customerId)) return null;
    return tx.appointment.findFirst({
      where: { id: appointmentId, customerId },
      include: { service: { select: { name: true, bookingRules: true, quoteOnly: true } } },
    });
  }

  const validIds = (ids: readonly string[]) => ids.every((id) => UUID.test(id));

  /** Checks a start for an appointment being changed (moved, or made longer), its own time not counting as taken. */
  async function checkOwn(
    tx: TenantTx,
    appointment: OwnAppointment,
    start: Date,
    durationMinutes: number,
    sameBookable: boolean,
  ) {
    const ctx = await bookingContext(tx);
    return checkSlot(tx, {
      rules: rulesFor(ctx, "ai_agent"),
      rule: ruleFor(appointment.service, durationMinutes),
      context: ctx,
      start,
      now,
      exceptId: appointment.id,
      ...(sameBookable ? { bookableId: appointment.bookableId } : {}),
    });
  }

  const world: DbWorld = {
    writes: () => [...writes],
    reminderIds: () => [...reminderIds],

    async openStarts({ serviceId, addOnIds, from, to, limit, ignoreAppointmentId }) {
      if (!UUID.test(serviceId) || !validIds(addOnIds) || limit <= 0 || !(from < to)) return [];
      return db.read(async (tx) => {
        // Moving one of the sender's appointments: its own time does not count as taken.
        let exceptId: string | undefined;
        if (ignoreAppointmentId) {
          const appointment = await own(tx, ignoreAppointmentId);
          if (!appointment) return [];
          exceptId = appointment.id;
        }
        try {
          const availability = await getAvailability(tx, {
            serviceId,
            addOnIds,
            from,
            to,
            actor: "ai_agent",
            now,
            ...(UUID.test(customerId) ? { customerId } : {}),
            ...(exceptId ? { exceptId } : {}),
          });
          return availability.slots.slice(0, limit).map((slot) => slot.start);
        } catch (error) {
          refusalOf(error);
          return [];
        }
      });
    },

    async checkStart({ serviceId, addOnIds, start, ignoreAppointmentId }) {
      if (ignoreAppointmentId)
        return db.read(async (tx) => {
          const appointment = await own(tx, ignoreAppointmentId);
          if (!appointment) return notYours();
          const check = await checkOwn(tx, appointment, start, appointment.durationMinutes, false);
          return check.ok ? { ok: true as const } : refusal(check.reason, check.message, check.alternatives);
        });
      if (!UUID.test(serviceId) || !validIds(addOnIds))
        return refusal("not_found", "We don't offer that service. Pick one from our list.");
      return db.read(async (tx) => {
        try {
          const job = await loadJob(tx, { serviceId, addOnIds }, { online: true });
          const ctx = await bookingContext(tx);
          const check = await checkSlot(tx, {
            rules: rulesFor(ctx, "ai_agent"),
            rule: job.rule,
            context: ctx,
            start,
            now,
          });
          return check.ok ? { ok: true as const } : refusal(check.reason, check.message, check.alternatives);
        } catch (error) {
          return refusalOf(error);
        }
      });
    },

    async book({ serviceId, addOnIds, start, notes }) {
      // At most one booking per inbound text, whatever a brain asks for.
      if (booked > 0) return refusal("limit", "One booking per text: a person from our team can add more.");
      if (!UUID.test(serviceId) || !validIds(addOnIds))
        return refusal("not_found", "We don't offer that service. Pick one from our list.");
      if (dryRun)
        return db.read(async (tx) => {
          try {
            const job = await loadJob(tx, { serviceId, addOnIds }, { online: true });
            const ctx = await bookingContext(tx);
            const check = await checkSlot(tx, {
              rules: rulesFor(ctx, "ai_agent"),
              rule: job.rule,
              context: ctx,
              start,
              now,
            });
            if (!check.ok) return refusal(check.reason, check.message, check.alternatives);
            booked++;
            const appointment: AgentAppointment = {
              id: randomUUID(),
              serviceId: job.service.id,
              serviceName: job.service.name,
              start,
              end: new Date(start.getTime() + job.priced.durationMinutes * MINUTE),
              status: "booked",
              addOnIds: job.addOns.map((a) => a.id),
            };
            writes.push({
              kind: "appointment.book",
              appointmentId: appointment.id,
              serviceId: appointment.serviceId,
              start: start.toISOString(),
              addOnIds: appointment.addOnIds,
            });
            return { ok: true as const, appointment };
          } catch (error) {
            return refusalOf(error);
          }
        });
      const tx = await db.write();
      try {
        const change = await createAppointment(
          tx,
          { customerId, serviceId, addOnIds, startsAt: start, customerNotes: notes, actor: AGENT, now },
          await bookingContext(tx),
        );
        booked++;
        reminderIds.push(...change.reminderIds);
        const row = change.appointment;
        const service = await tx.service.findFirstOrThrow({ where: { id: row.serviceId }, select: { name: true } });
        writes.push({
          kind: "appointment.book",
          appointmentId: row.id,
          serviceId: row.serviceId,
          start: row.startsAt.toISOString(),
          addOnIds: row.addOnIds,
        });
        return { ok: true, appointment: asAgentAppointment({ ...row, serviceName: service.name }) };
      } catch (error) {
        return refusalOf(error);
      }
    },

    reschedule: ({ appointmentId, start }) =>
      forChange(async (tx) => {
        const appointment = await own(tx, appointmentId);
        if (!appointment) return notYours();
        if (dryRun) {
          if (!["booked", "confirmed"].includes(appointment.status))
            return refusal("status", `That appointment is ${appointment.status}, so it can't be moved.`);
          const check = await checkOwn(tx, appointment, start, appointment.durationMinutes, false);
          if (!check.ok) return refusal(check.reason, check.message, check.alternatives);
          writes.push({
            kind: "appointment.reschedule",
            appointmentId,
            from: appointment.startsAt.toISOString(),
            start: start.toISOString(),
          });
          return {
            ok: true as const,
            appointment: asAgentAppointment({
              ...appointment,
              serviceName: appointment.service.name,
              startsAt: start,
              endsAt: new Date(start.getTime() + appointment.durationMinutes * MINUTE),
              status: "booked",
            }),
          };
        }
        try {
          const change = await rescheduleAppointment(
            tx,
            { id: appointmentId, startsAt: start, actor: AGENT, now },
            await bookingContext(tx),
          );
          reminderIds.push(...change.reminderIds);
          writes.push({
            kind: "appointment.reschedule",
            appointmentId,
            from: appointment.startsAt.toISOString(),
            start: change.appointment.startsAt.toISOString(),
          });
          return {
            ok: true as const,
            appointment: asAgentAppointment({ ...change.appointment, serviceName: appointment.service.name }),
          };
        } catch (error) {
          return refusalOf(error);
        }
      }),

    cancel: ({ appointmentId, reason }) =>
      forChange(async (tx) => {
        const appointment = await own(tx, appointmentId);
        if (!appointment) return notYours();
        if (dryRun) {
          if (!["booked", "confirmed"].includes(appointment.status))
            return refusal("status", `That appointment is already ${appointment.status}.`);
          const ctx = await bookingContext(tx);
          const late = (appointment.startsAt.getTime() - now.getTime()) / HOUR < ctx.settings.cancellationWindowHours;
          writes.push({
            kind: "appointment.cancel",
            appointmentId,
            feeCents: late ? ctx.settings.cancellationFeeCents : 0,
          });
          return { ok: true as const };
        }
        try {
          const change = await cancelAppointment(
            tx,
            { id: appointmentId, reason: reason.slice(0, 500), actor: AGENT, now },
            await bookingContext(tx),
          );
          reminderIds.push(...change.reminderIds);
          writes.push({ kind: "appointment.cancel", appointmentId, feeCents: change.appointment.cancellationFeeCents });
          return { ok: true as const };
        } catch (error) {
          return refusalOf(error);
        }
      }),

    addAddOn: ({ appointmentId, addOnId }) =>
      forChange(async (tx) => {
        const appointment = await own(tx, appointmentId);
        if (!appointment) return notYours();
        if (!["booked", "confirmed"].includes(appointment.status))
          return refusal("status", `That appointment is ${appointment.status}, so it can't be changed.`);
        const current = asAgentAppointment({ ...appointment, serviceName: appointment.service.name });
        if (appointment.addOnIds.includes(addOnId)) return { ok: true as const, appointment: current };
        if (!UUID.test(addOnId)) return refusal("not_found", "We don't offer that add-on.");
        const addOn = await tx.addOn.findFirst({
          where: { id: addOnId, active: true },
          select: { id: true, durationMinutes: true, priceCents: true, serviceIds: true },
        });
        if (!addOn || (addOn.serviceIds.length > 0 && !addOn.serviceIds.includes(appointment.serviceId)))
          return refusal("not_found", "That add-on isn't offered with this service.");
        // The job grows by the add-on's time: it must still fit, on the same team member or resource.
        const durationMinutes = appointment.durationMinutes + addOn.durationMinutes;
        const check = await checkOwn(tx, appointment, appointment.startsAt, durationMinutes, true);
        if (!check.ok) return refusal(check.reason, check.message, check.alternatives);
        const endsAt = new Date(appointment.startsAt.getTime() + durationMinutes * MINUTE);
        const updated = { ...current, end: endsAt, addOnIds: [...appointment.addOnIds, addOn.id] };
        if (dryRun) {
          writes.push({ kind: "appointment.add_on", appointmentId, addOnId: addOn.id });
          return { ok: true as const, appointment: updated };
        }
        const ctx = await bookingContext(tx);
        await tx.$executeRaw`SAVEPOINT agent_add_on`;
        try {
          await tx.appointment.update({
            where: { tenantId_id: { tenantId: appointment.tenantId, id: appointment.id } },
            data: {
              addOnIds: updated.addOnIds,
              durationMinutes,
              endsAt,
              blocksUntil: new Date(endsAt.getTime() + ctx.settings.bufferMinutes * MINUTE),
              ...(appointment.priceCents === null ? {} : { priceCents: appointment.priceCents + addOn.priceCents }),
              ...(appointment.priceMinCents === null
                ? {}
                : { priceMinCents: appointment.priceMinCents + addOn.priceCents }),
              ...(appointment.priceMaxCents === null
                ? {}
                : { priceMaxCents: appointment.priceMaxCents + addOn.priceCents }),
            },
          });
          await tx.$executeRaw`RELEASE SAVEPOINT agent_add_on`;
        } catch (error) {
          if (!isDoubleBooking(error)) throw error;
          await tx.$executeRaw`ROLLBACK TO SAVEPOINT agent_add_on`;
          return refusal("taken", "There isn't room after this appointment for the extra time.");
        }
        await tx.appointmentEvent.create({
          data: {
            tenantId: appointment.tenantId,
            appointmentId: appointment.id,
            kind: "updated",
            actor: AGENT.kind,
            details: {
              fields: ["addOnIds", "durationMinutes"],
              addOnId: addOn.id,
              from: { durationMinutes: appointment.durationMinutes, endsAt: appointment.endsAt.toISOString() },
              to: { durationMinutes, endsAt: endsAt.toISOString() },
            },
          },
        });
        writes.push({ kind: "appointment.add_on", appointmentId, addOnId: addOn.id });
        return { ok: true as const, appointment: updated };
      }),

    confirm: ({ appointmentId }) =>
      forChange(async (tx) => {
        const appointment = await own(tx, appointmentId);
        if (!appointment) return notYours();
        if (dryRun) {
          if (!["booked", "confirmed"].includes(appointment.status))
            return refusal("status", `That appointment is ${appointment.status}, so it can't be confirmed.`);
          writes.push({ kind: "appointment.confirm", appointmentId });
          return { ok: true as const };
        }
        try {
          const change = await confirmAppointment(tx, { id: appointmentId, actor: AGENT, now });
          reminderIds.push(...change.reminderIds);
          writes.push({ kind: "appointment.confirm", appointmentId });
          return { ok: true as const };
        } catch (error) {
          return refusalOf(error);
        }
      }),

    async recordOptOut({ text }) {
      if (writes.some((w) => w.kind === "optout")) return;
      writes.push({ kind: "optout" });
      if (dryRun || !UUID.test(customerId)) return;
      const tx = await db.write();
      const customer = await tx.customer.findFirst({
        where: { id: customerId },
        select: { tenantId: true, phone: true },
      });
      if (!customer) return;
      await recordConsentChange(tx, customer.tenantId, {
        phone: customer.phone,
        state: "opted_out",
        source: "free_text",
        evidence: {
          via: "agent",
          text: text.slice(0, 500),
          ...(binding.messageId ? { messageId: binding.messageId } : {}),
        },
      });
    },

    async handoff({ reason }) {
      // The runtime flags the conversation and tells staff (from the turn); here it is only recorded.
      if (!writes.some((w) => w.kind === "handoff")) writes.push({ kind: "handoff", reason });
    },
  };
  return world;
}
