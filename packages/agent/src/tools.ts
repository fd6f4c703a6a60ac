/**
 * The tool layer: where the guardrails live (never in a prompt). Both brains act only through
 * `ToolBox.call`, and every call is validated against its zod schema and checked against what the
 * customer actually said and what the business configured:
 * - the tenant and the customer are bound here (the world is theirs); an appointment id must be one
 *   of the sender's own upcoming appointments (or the one booked in this turn);
 * - at most one booking per inbound text, only at a start the customer chose (one they named, or one
 *   of the starts offered to them that they picked), never for a quote-only service;
 * - a cancel or reschedule is written only after an explicit yes to a pending proposal that named
 *   that appointment and that change (proposals made in this same turn do not count);
 * - prices and FAQ answers come from the configuration only; an opt-out is recorded only when the
 *   text reads as one; an add-on is offered once per conversation, never in quiet hours.
 * Every call, refused or not, is logged in the turn.
 */
import { TZDate } from "@date-fns/tz";
import { classifyConsent } from "@servicepro/opt-out";
import { formatMoney, formatPrice, formatStart, isoInZone, priceAmounts } from "./format.ts";
import type { ToolBox, ToolResult, Understanding } from "./ports.ts";
import { words } from "./texts.ts";
import { TOOL_SCHEMAS, type ToolArgs, type ToolName } from "./tool-schemas.ts";
import type { AgentAppointment, AgentWorld, FactService, Proposal, ToolCall, TurnInput, Write } from "./types.ts";

const MINUTE = 60_000;
/** A proposal waits this long for its answer; after that a "yes" means nothing. */
export const PROPOSAL_TTL_MINUTES = 24 * 60;

/** A text that confirms on its own, without a reminder to answer ("C", "confirmed", "see you then"); a bare "ok" does not. */
export const EXPLICIT_CONFIRM =
  /^(?:c|confirm|confirmed|i confirm|confirming|yes,? confirm(?:ed)?|confirmo|confirmado|confirmada|see you (?:then|there|soon|tomorrow|\w+day)|we'?re (?:good|on|set) for \w+|still on)\b/i;

/** The agent's last text asked the customer to confirm (a reminder: "Reply C to confirm"). */
export const ASKED_TO_CONFIRM = /\b(confirm|reply c\b|remind|recordatorio|confirmar|responda c\b)/i;

/** What the turn did, filled in by the tools and read by the engine. */
export type TurnLog = {
  toolCalls: ToolCall[];
  writes: Write[];
  refusals: string[];
  /** The latest starts found (find_open_times, or a refused start's alternatives): what a reply may offer. */
  offered: {
    purpose: "book" | "reschedule";
    serviceId: string;
    addOnIds: string[];
    appointmentId: string | null;
    starts: Date[];
  } | null;
  /** A proposal made in this turn (waits for the customer's next text). */
  proposal: Proposal | null;
  /** The confirmation question that proposal needs the reply to carry. */
  question: string | null;
  booked: AgentAppointment | null;
  appointmentId: string | null;
  serviceId: string | null;
  handoff: { reason: string; summary: string } | null;
  /** Amounts (cents) tool results stated this turn: a reply may repeat them. */
  amounts: number[];
  /** Texts tool results returned (FAQ answers, price lines): a reply may repeat them. */
  statements: string[];
  optedOut: boolean;
  upsellOffered: string | null;
};

export function newTurnLog(): TurnLog {
  return {
    toolCalls: [],
    writes: [],
    refusals: [],
    offered: null,
    proposal: null,
    question: null,
    booked: null,
    appointmentId: null,
    serviceId: null,
    handoff: null,
    amounts: [],
    statements: [],
    optedOut: false,
    upsellOffered: null,
  };
}

export type ToolBoxContext = {
  input: TurnInput;
  understanding: Understanding;
  world: AgentWorld;
  log: TurnLog;
  /** The proposal pending when the text arrived (already checked for expiry). */
  pending: Proposal | null;
  /** Exact starts the customer named in this text or their texts since the agent last asked. */
  namedStarts: Date[];
};

/** "2026-12-05T09:00:00-06:00" as is; "2026-12-05T09:00" as a wall time in the business's zone. */
export function parseInstant(value: string, timeZone: string): Date {
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(value)) return new Date(value);
  const [date, time = "00:00"] = value.split("T");
  const [y, m, d] = date!.split("-").map(Number);
  const [hh, mm, ss] = time.split(":").map(Number);
  return new Date(new TZDate(y!, m! - 1, d!, hh!, mm!, Math.floor(ss ?? 0), timeZone).getTime());
}

const same = (a: string | Date, b: Date) => Math.abs(new Date(a).getTime() - b.getTime()) < MINUTE;

function inQuietHours(now: Date, timeZone: string, quiet: { start: string; end: string }): boolean {
  const local = new TZDate(now.getTime(), timeZone);
  const minutes = local.getHours() * 60 + local.getMinutes();
  const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const start = toMinutes(quiet.start);
  const end = toMinutes(quiet.end);
  return start <= end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

export { inQuietHours };

export function createToolBox(ctx: ToolBoxContext): ToolBox {
  const { input, understanding: u, world, log, pending } = ctx;
  const { facts, customer, now } = input;
  const zone = facts.rules.timeZone;
  const lang = u.language;

  const refuse = (why: string): { ok: false; refused: string } => ({ ok: false, refused: why });
  const serviceOf = (id: string): FactService | undefined => facts.services.find((s) => s.id === id);
  /** The sender's own appointment (upcoming, still on), or the one booked in this turn. */
  const ownAppointment = (id: string): AgentAppointment | undefined =>
    (log.booked?.id === id ? log.booked : undefined) ??
    customer.appointments.find((a) => a.id === id && (a.status === "booked" || a.status === "confirmed"));
  const knownAddOns = (serviceId: string, ids: readonly string[]) =>
    ids.every((id) => {
      const addOn = facts.addOns.find((a) => a.id === id);
      return addOn && (addOn.serviceIds.length === 0 || addOn.serviceIds.includes(serviceId));
    });
  const bookable = (service: FactService | undefined, serviceId: string): string | null => {
    if (!service) return `There is no service "${serviceId}".`;
    if (service.quoteOnly || service.price.type === "quote")
      return `${service.name} is priced on site: a person gives the quote (hand off).`;
    return null;
  };
  const isYes = u.yes && !u.no;
  const expiresAt = () => new Date(now.getTime() + PROPOSAL_TTL_MINUTES * MINUTE).toISOString();
  const cancellationFee = (appointment: AgentAppointment) =>
    facts.policy.cancellationFeeCents > 0 &&
    appointment.start.getTime() - now.getTime() < facts.policy.cancellationWindowHours * 60 * MINUTE
      ? facts.policy.cancellationFeeCents
      : 0;
  const iso = (d: Date) => isoInZone(d, zone);

  type Impl = { [N in ToolName]: (args: ToolArgs<N>) => Promise<ToolResult<Record<string, unknown>>> };
  const tools: Impl = {
    async find_open_times(args) {
      let serviceId = args.serviceId;
      let addOnIds = args.addOnIds;
      let appointment: AgentAppointment | undefined;
      if (args.appointmentId) {
        appointment = ownAppointment(args.appointmentId);
        if (!appointment) return refuse("That appointment is not one of this customer's upcoming appointments.");
        serviceId = appointment.serviceId;
        addOnIds = appointment.addOnIds;
      }
      const service = serviceOf(serviceId);
      const problem = bookable(service, serviceId);
      if (problem) return refuse(problem);
      if (!knownAddOns(serviceId, addOnIds)) return refuse("An add-on is unknown or does not go with that service.");
      const from = new Date(Math.max(now.getTime(), args.from ? parseInstant(args.from, zone).getTime() : 0));
      const to = args.to ? parseInstant(args.to, zone) : new Date(from.getTime() + 7 * 24 * 60 * MINUTE);
      if (!(to > from)) return refuse("The search window ends before it starts.");
      const starts = await world.openStarts({
        serviceId,
        addOnIds,
        from,
        to,
        limit: args.limit,
        ...(appointment ? { ignoreAppointmentId: appointment.id } : {}),
      });
      log.offered = {
        purpose: appointment ? "reschedule" : "book",
        serviceId,
        addOnIds,
        appointmentId: appointment?.id ?? null,
        starts,
      };
      log.serviceId = serviceId;
      return { ok: true, starts: starts.map(iso), display: starts.map((s) => formatStart(s, zone, lang)) };
    },

    async book_appointment(args) {
      if (log.writes.some((w) => w.kind === "appointment.book"))
        return refuse("One booking per text: this text already booked one.");
      const service = serviceOf(args.serviceId);
      const problem = bookable(service, args.serviceId);
      if (problem) return refuse(problem);
      if (!knownAddOns(args.serviceId, args.addOnIds))
        return refuse("An add-on is unknown or does not go with that service.");
      const start = parseInstant(args.start, zone);
      const picked =
        pending?.kind === "slots" && pending.purpose === "book"
          ? u.pick !== null
            ? pending.starts[u.pick]
            : isYes && pending.starts.length === 1
              ? pending.starts[0]
              : undefined
          : pending?.kind === "book" && isYes
            ? pending.start
            : undefined;
      // A time named in the text counts only when the text asks to book (a quoted "cancel … at 9" does not).
      const asksToBook = u.intents[0] === "book" || u.intents[0] === "availability";
      const chosen =
        (picked !== undefined && same(picked, start)) || (asksToBook && ctx.namedStarts.some((s) => same(s, start)));
      if (!chosen)
        return refuse(
          "The customer did not choose that start: book only a time they named or picked from the times offered.",
        );
      const result = await world.book({ serviceId: args.serviceId, addOnIds: args.addOnIds, start, notes: args.notes });
      if (!result.ok) {
        log.offered = {
          purpose: "book",
          serviceId: args.serviceId,
          addOnIds: args.addOnIds,
          appointmentId: null,
          starts: result.alternatives,
        };
        return refuse(`${result.message} Nearest open: ${result.alternatives.map(iso).join(", ") || "none"}.`);
      }
      const appointment = result.appointment;
      log.booked = appointment;
      log.appointmentId = appointment.id;
      log.serviceId = args.serviceId;
      log.writes.push({
        kind: "appointment.book",
        appointmentId: appointment.id,
        serviceId: args.serviceId,
        start: iso(appointment.start),
        addOnIds: args.addOnIds,
      });
      return {
        ok: true,
        appointmentId: appointment.id,
        service: service!.name,
        start: iso(appointment.start),
        display: formatStart(appointment.start, zone, lang),
      };
    },

    async propose_change(args) {
      const appointment = ownAppointment(args.appointmentId);
      if (!appointment) return refuse("That appointment is not one of this customer's upcoming appointments.");
      log.appointmentId = appointment.id;
      log.serviceId = appointment.serviceId;
      const when = formatStart(appointment.start, zone, lang);
      if (args.change === "cancel") {
        const fee = cancellationFee(appointment);
        log.proposal = { kind: "cancel", appointmentId: appointment.id, expiresAt: expiresAt() };
        if (fee) log.amounts.push(fee);
        log.question = words(lang).proposeCancel(appointment.serviceName, when, fee ? formatMoney(fee) : null);
        return { ok: true, question: log.question, feeCents: fee };
      }
      if (!args.start) return refuse("A reschedule needs the new start.");
      const start = parseInstant(args.start, zone);
      const check = await world.checkStart({
        serviceId: appointment.serviceId,
        addOnIds: appointment.addOnIds,
        start,
        ignoreAppointmentId: appointment.id,
      });
      if (!check.ok) {
        log.offered = {
          purpose: "reschedule",
          serviceId: appointment.serviceId,
          addOnIds: appointment.addOnIds,
          appointmentId: appointment.id,
          starts: check.alternatives,
        };
        return refuse(`${check.message} Nearest open: ${check.alternatives.map(iso).join(", ") || "none"}.`);
      }
      log.proposal = { kind: "reschedule", appointmentId: appointment.id, start: iso(start), expiresAt: expiresAt() };
      log.question = words(lang).proposeMove(appointment.serviceName, when, formatStart(start, zone, lang));
      return { ok: true, question: log.question, start: iso(start) };
    },

    async reschedule_appointment(args) {
      const appointment = ownAppointment(args.appointmentId);
      if (!appointment) return refuse("That appointment is not one of this customer's upcoming appointments.");
      const start = parseInstant(args.start, zone);
      if (!(pending?.kind === "reschedule" && pending.appointmentId === appointment.id && same(pending.start, start)))
        return refuse("No pending proposal to move that appointment to that time: propose_change first.");
      if (!isYes) return refuse("The customer has not answered yes to the proposal.");
      const result = await world.reschedule({ appointmentId: appointment.id, start });
      if (!result.ok) return refuse(result.message);
      log.appointmentId = appointment.id;
      log.serviceId = appointment.serviceId;
      log.writes.push({
        kind: "appointment.reschedule",
        appointmentId: appointment.id,
        from: iso(appointment.start),
        start: iso(result.appointment.start),
      });
      return {
        ok: true,
        start: iso(result.appointment.start),
        display: formatStart(result.appointment.start, zone, lang),
      };
    },

    async cancel_appointment(args) {
      const appointment = ownAppointment(args.appointmentId);
      if (!appointment) return refuse("That appointment is not one of this customer's upcoming appointments.");
      if (!(pending?.kind === "cancel" && pending.appointmentId === appointment.id))
        return refuse("No pending proposal to cancel that appointment: propose_change first.");
      if (!isYes) return refuse("The customer has not answered yes to the proposal.");
      const result = await world.cancel({ appointmentId: appointment.id, reason: "Cancelled by the customer by text" });
      if (!result.ok) return refuse(result.message);
      const fee = cancellationFee(appointment);
      if (fee) log.amounts.push(fee);
      log.appointmentId = appointment.id;
      log.serviceId = appointment.serviceId;
      log.writes.push({ kind: "appointment.cancel", appointmentId: appointment.id, feeCents: fee });
      return { ok: true, feeCents: fee };
    },

    async confirm_appointment(args) {
      const appointment = ownAppointment(args.appointmentId);
      if (!appointment) return refuse("That appointment is not one of this customer's upcoming appointments.");
      // Only a text that is a confirmation, answering a reminder or short ("yes", "C", "see you then"), confirms.
      const lastAgent = [...input.history].reverse().find((t) => t.from === "agent");
      const answersReminder = lastAgent !== undefined && ASKED_TO_CONFIRM.test(lastAgent.text);
      if (u.intents[0] !== "confirm" || !(answersReminder || EXPLICIT_CONFIRM.test(input.inbound.trim())))
        return refuse("The customer did not confirm.");
      if (u.window && !(appointment.start >= u.window.from && appointment.start < u.window.to))
        return refuse("The text is about another day than this appointment.");
      if (appointment.status === "confirmed") return { ok: true, alreadyConfirmed: true };
      const result = await world.confirm({ appointmentId: appointment.id });
      if (!result.ok) return refuse(result.message);
      log.appointmentId = appointment.id;
      log.serviceId = appointment.serviceId;
      log.writes.push({ kind: "appointment.confirm", appointmentId: appointment.id });
      return { ok: true };
    },

    async offer_add_on(args) {
      const appointment = ownAppointment(args.appointmentId);
      if (!appointment) return refuse("That appointment is not one of this customer's upcoming appointments.");
      const addOn = facts.addOns.find((a) => a.id === args.addOnId);
      if (!addOn || !(addOn.serviceIds.length === 0 || addOn.serviceIds.includes(appointment.serviceId)))
        return refuse("That add-on does not go with this appointment's service.");
      if (appointment.addOnIds.includes(addOn.id)) return refuse("The appointment already has that add-on.");
      if (input.state.upsellsOffered.includes(addOn.id) || log.upsellOffered)
        return refuse("An add-on is offered once per conversation, never twice.");
      if (inQuietHours(now, zone, facts.policy.quietHours)) return refuse("No offers during quiet hours.");
      log.upsellOffered = addOn.id;
      log.proposal ??= { kind: "upsell", appointmentId: appointment.id, addOnId: addOn.id, expiresAt: expiresAt() };
      log.amounts.push(addOn.priceCents);
      return { ok: true, name: addOn.name, price: formatMoney(addOn.priceCents) };
    },

    async add_add_on(args) {
      const appointment = ownAppointment(args.appointmentId);
      if (!appointment) return refuse("That appointment is not one of this customer's upcoming appointments.");
      if (!(pending?.kind === "upsell" && pending.appointmentId === appointment.id && pending.addOnId === args.addOnId))
        return refuse("That add-on was not offered for that appointment.");
      if (!isYes) return refuse("The customer has not answered yes to the offer.");
      const result = await world.addAddOn({ appointmentId: appointment.id, addOnId: args.addOnId });
      if (!result.ok) return refuse(result.message);
      log.appointmentId = appointment.id;
      log.writes.push({ kind: "appointment.add_on", appointmentId: appointment.id, addOnId: args.addOnId });
      return { ok: true, display: formatStart(result.appointment.start, zone, lang) };
    },

    async quote_price(args) {
      const service = serviceOf(args.serviceId);
      if (!service) return refuse(`There is no service "${args.serviceId}".`);
      if (!knownAddOns(args.serviceId, args.addOnIds))
        return refuse("An add-on is unknown or does not go with that service.");
      log.serviceId ??= service.id;
      const price = service.quoteOnly ? null : formatPrice(service.price, lang);
      if (price === null) return { ok: true, service: service.name, quoteOnly: true };
      const addOns = args.addOnIds.map((id) => facts.addOns.find((a) => a.id === id)!);
      const extra = addOns.reduce((sum, a) => sum + a.priceCents, 0);
      log.amounts.push(...priceAmounts(service.price), ...addOns.map((a) => a.priceCents));
      if (extra) log.amounts.push(...priceAmounts(service.price).map((c) => c + extra));
      const line = `${service.name}: ${price}${addOns.map((a) => ` + ${a.name} ${formatMoney(a.priceCents)}`).join("")}`;
      log.statements.push(line);
      return { ok: true, service: service.name, price: line };
    },

    async answer_faq(args) {
      const faq = facts.faqs.find((f) => f.id === args.faqId);
      if (!faq) return refuse(`There is no FAQ "${args.faqId}".`);
      log.statements.push(faq.answer);
      return { ok: true, question: faq.question, answer: faq.answer };
    },

    async hand_off(args) {
      if (!log.handoff) {
        log.handoff = { reason: args.reason, summary: args.summary };
        log.writes.push({ kind: "handoff", reason: args.reason });
        await world.handoff({ reason: args.reason, summary: args.summary });
      }
      return { ok: true };
    },

    async record_opt_out() {
      if (classifyConsent(input.inbound).kind !== "opt_out")
        return refuse("The text does not ask to stop texts; nothing recorded.");
      if (!log.optedOut) {
        log.optedOut = true;
        log.writes.push({ kind: "optout" });
        await world.recordOptOut({ text: input.inbound });
      }
      return { ok: true };
    },
  };

  return {
    async call(name, rawArgs) {
      const spec = (TOOL_SCHEMAS as Record<string, (typeof TOOL_SCHEMAS)[ToolName]>)[name];
      let result: ToolResult<Record<string, unknown>>;
      let args: unknown = rawArgs;
      if (!spec) result = refuse(`There is no tool "${name}".`);
      else {
        const parsed = spec.args.safeParse(rawArgs ?? {});
        if (!parsed.success)
          result = refuse(
            `Bad arguments: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
          );
        else {
          args = parsed.data;
          try {
            result = await (tools[name as ToolName] as (a: unknown) => Promise<ToolResult<Record<string, unknown>>>)(
              parsed.data,
            );
          } catch (error) {
            result = refuse(`The tool failed: ${(error as Error).message}`);
          }
        }
      }
      if (!result.ok) log.refusals.push(`${name}: ${result.refused}`);
      log.toolCalls.push({ name, args, result });
      return result;
    },
  };
}
