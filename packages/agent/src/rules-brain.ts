/**
 * The rules brain: a deterministic receptionist for the common cases, in English and Spanish, that
 * hands off what it cannot understand. It acts only through the guarded tools (like the model), and
 * its words come from texts.ts filled with the configuration and the tools' results.
 *
 * One text, in precedence order: a complaint or a request for a person goes to a person; an answer
 * to a pending proposal (yes / no / a pick / another time) is handled next; then cancel, reschedule,
 * book and availability; then confirm and decline; then price and FAQ questions; then a greeting;
 * anything else goes to a person.
 */
import { formatMoney, formatPrice, formatStart, formatStarts, isoInZone } from "./format.ts";
import type { Brain, BrainContext, BrainDecision, TimeWindow, Understanding } from "./ports.ts";
import { namesADay } from "./state.ts";
import { list, words } from "./texts.ts";
import { ASKED_TO_CONFIRM, EXPLICIT_CONFIRM, parseInstant } from "./tools.ts";
import type { AgentAppointment, AgentFacts, FactService, Proposal } from "./types.ts";
import { understand } from "./understand/index.ts";

const DAY = 24 * 60 * 60_000;
/** How many starts an offer lists. */
const OFFER_COUNT = 3;

type Ctx = BrainContext & {
  facts: AgentFacts;
  zone: string;
  lang: Understanding["language"];
  w: ReturnType<typeof words>;
  pending: Proposal | null;
  /** What the customer's recent texts (before this one, since the agent last offered) said. */
  recent: Understanding[];
};

const reply = (action: BrainDecision["action"], text: string | null): BrainDecision => ({ action, reply: text });

export const rulesBrain: Brain = {
  kind: "rules",
  async decide(context: BrainContext): Promise<BrainDecision> {
    const { input, understanding: u } = context;
    const facts = input.facts;
    const pending = input.state.proposal;
    const ctx: Ctx = {
      ...context,
      facts,
      zone: facts.rules.timeZone,
      lang: u.language,
      w: words(u.language),
      pending,
      recent: recentUnderstandings(context),
    };
    const intent = u.intents[0] ?? "other";

    if (intent === "complaint") return handOff(ctx, "complaint", ctx.w.complaint(facts.business.name));
    if (intent === "human")
      return handOff(ctx, "asked_for_person", ctx.w.person(facts.business.name, handoffPhone(facts)));

    if (pending) {
      const answered = await answerPending(ctx, pending);
      if (answered) return answered;
    }
    const changing = u.intents.some((i) => i === "cancel" || i === "reschedule" || i === "book");
    if (HOURS_QUESTION.test(input.inbound) && !changing) return reply("answer_faq", openingHours(ctx));
    if (OWN_APPOINTMENT.test(input.inbound) && !changing && input.customer.appointments.length > 0)
      return ownAppointments(ctx);
    switch (intent) {
      case "cancel":
        return cancel(ctx);
      case "reschedule":
        return reschedule(ctx);
      case "book":
      case "availability":
        return book(ctx);
      case "confirm":
        return confirm(ctx);
      case "decline":
        return reply("none", ctx.w.declined);
      case "price":
        return price(ctx);
      case "faq":
        return faq(ctx);
      case "greeting":
        if (THANKS.test(input.inbound) && !u.window && u.serviceIds.length === 0) return reply("none", ctx.w.welcome);
        // "hi, do you have anything sat?" reads as availability; a bare hello gets the menu.
        if (u.window && serviceFor(ctx)) return book(ctx);
        return reply("none", ctx.w.greeting(facts.business.name, input.customer.name));
      default:
        // A day or a service alone, right after we asked for one, continues the booking.
        if ((u.window || u.serviceIds.length > 0) && (input.state.phase === "collecting" || input.state.serviceId))
          return book(ctx);
        return handOff(ctx, "not_understood", ctx.w.notUnderstood(facts.business.name));
    }
  },
};

/** A reply of ours that finished something (booked, moved, cancelled): what was said before it is done with. */
const FINISHED =
  /\b(you'?re (all )?(booked|set|confirmed)|is (now )?(cancell?ed|moved)|su cita:|est[aá] cancelad|qued[oó] para)/i;

/**
 * The customer's last few texts before this one, newest first, read the same way: "standard clean
 * next tuesday?" → (which service?) → "standard clean" still means next Tuesday. Stops at a reply of
 * ours that finished something.
 */
function recentUnderstandings(context: BrainContext): Understanding[] {
  const { input } = context;
  const out: Understanding[] = [];
  for (let i = input.history.length - 1; i >= 0 && out.length < 3; i--) {
    const turn = input.history[i]!;
    if (turn.from !== "customer") {
      if (FINISHED.test(turn.text)) break;
      continue;
    }
    out.push(
      understand(turn.text, {
        now: input.now,
        timeZone: input.facts.rules.timeZone,
        services: input.facts.services,
        addOns: input.facts.addOns,
        faqs: input.facts.faqs,
        appointments: input.customer.appointments,
        proposal: null,
      }),
    );
  }
  return out;
}

function handoffPhone(facts: AgentFacts): string | null {
  const phone = facts.policy.handoffNumbers[0];
  if (!phone) return null;
  const d = phone.replace(/\D/g, "");
  return d.length === 11 && d.startsWith("1") ? `(${d.slice(1, 4)}) ${d.slice(4, 7)}-${d.slice(7)}` : phone;
}

async function handOff(
  ctx: Ctx,
  reason: "complaint" | "asked_for_person" | "quote_required" | "unanswerable" | "not_understood" | "other",
  text: string,
): Promise<BrainDecision> {
  await ctx.tools.call("hand_off", { reason, summary: summarise(ctx.input.inbound) });
  return reply("handoff", text);
}

const summarise = (text: string) => {
  const clean = text.replace(/\s+/g, " ").trim();
  return (clean.length > 280 ? `${clean.slice(0, 277)}...` : clean) || "(an empty text)";
};

// ---------------------------------------------------------------------------------------------
// Answers to what we asked last time.

async function answerPending(ctx: Ctx, pending: Proposal): Promise<BrainDecision | null> {
  const { understanding: u, w, zone, lang } = ctx;
  const yes = u.yes && !u.no;
  const appointment = (id: string) => ctx.input.customer.appointments.find((a) => a.id === id);
  const newTime = u.window !== null;
  switch (pending.kind) {
    case "cancel": {
      const a = appointment(pending.appointmentId);
      if (!a) return null;
      if (yes && !newTime) {
        const r = await ctx.tools.call("cancel_appointment", { appointmentId: a.id });
        if (!r.ok) return null;
        const fee = typeof r.feeCents === "number" && r.feeCents > 0 ? formatMoney(r.feeCents) : null;
        return reply("cancel", w.cancelled(a.serviceName, formatStart(a.start, zone, lang), fee));
      }
      if (newTime) return reschedule(ctx, a);
      if (u.no) return reply("none", w.kept(a.serviceName, formatStart(a.start, zone, lang)));
      return null;
    }
    case "reschedule": {
      const a = appointment(pending.appointmentId);
      if (!a) return null;
      if (yes && !newTime) {
        const r = await ctx.tools.call("reschedule_appointment", { appointmentId: a.id, start: pending.start });
        if (r.ok) return reply("reschedule", w.moved(a.serviceName, String(r.display)));
        return reschedule(ctx, a);
      }
      if (newTime) return reschedule(ctx, a);
      if (u.no) return reply("none", w.kept(a.serviceName, formatStart(a.start, zone, lang)));
      return null;
    }
    case "book": {
      if (yes && !newTime) return bookAt(ctx, pending.serviceId, pending.addOnIds, new Date(pending.start));
      if (u.no && !newTime) return reply("ask_clarifying", w.noneWork);
      return null;
    }
    case "slots": {
      const picked =
        u.pick !== null ? pending.starts[u.pick] : yes && pending.starts.length === 1 ? pending.starts[0] : undefined;
      if (picked) {
        if (pending.purpose === "book") return bookAt(ctx, pending.serviceId, pending.addOnIds, new Date(picked));
        const a = appointment(pending.appointmentId);
        if (a) return proposeMove(ctx, a, new Date(picked));
        return null;
      }
      // A time of day alone ("the 8am one") is read against the times offered.
      if (u.window && !namesADay(u.window.text)) {
        const local = (d: Date | string) => isoInZone(new Date(d), zone).slice(11, 16);
        const wanted = local(u.window.exact ?? u.window.from);
        const matching = pending.starts.filter((s) => local(s) === wanted);
        if (matching.length > 1)
          return reply(
            "ask_clarifying",
            w.whichDay(
              formatStarts(
                matching.map((s) => new Date(s)),
                zone,
                lang,
              ),
            ),
          );
      }
      if (u.no && !newTime && !u.intents.some((i) => i === "cancel" || i === "human"))
        return reply("ask_clarifying", w.noneWork);
      if (newTime && !u.intents.some((i) => i === "cancel")) {
        if (pending.purpose === "reschedule") {
          const a = appointment(pending.appointmentId);
          if (a) return reschedule(ctx, a);
        } else return book(ctx, pending.serviceId);
      }
      return null;
    }
    case "upsell": {
      if (yes) {
        const r = await ctx.tools.call("add_add_on", {
          appointmentId: pending.appointmentId,
          addOnId: pending.addOnId,
        });
        const addOn = ctx.facts.addOns.find((a) => a.id === pending.addOnId);
        if (r.ok && addOn) return reply("none", w.addOnAdded(addOn.name, String(r.display)));
        return null;
      }
      if (u.no && u.intents[0] === "decline") return reply("none", w.upsellDeclined);
      return null;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Appointments the customer already has.

/** The appointment a text means: the one it names, else the only one; null with a question when several fit. */
function whichAppointment(ctx: Ctx): { appointment: AgentAppointment } | { ask: BrainDecision } | null {
  const all = ctx.input.customer.appointments.filter((a) => a.status === "booked" || a.status === "confirmed");
  if (all.length === 0) return null;
  const named = ctx.understanding.appointmentIds
    .map((id) => all.find((a) => a.id === id))
    .filter((a): a is AgentAppointment => Boolean(a));
  if (named.length >= 1) return { appointment: named[0]! };
  if (all.length === 1) return { appointment: all[0]! };
  const items = all.slice(0, 4).map((a) => `${a.serviceName} ${formatStart(a.start, ctx.zone, ctx.lang)}`);
  return { ask: reply("ask_clarifying", ctx.w.askWhichAppointment(list(items, ctx.lang))) };
}

async function cancel(ctx: Ctx): Promise<BrainDecision> {
  const which = whichAppointment(ctx);
  if (!which) return reply("none", ctx.w.noAppointment);
  if ("ask" in which) return which.ask;
  const r = await ctx.tools.call("propose_change", { appointmentId: which.appointment.id, change: "cancel" });
  if (!r.ok) return handOff(ctx, "other", ctx.w.notUnderstood(ctx.facts.business.name));
  return reply("request_confirmation", String(r.question));
}

async function reschedule(ctx: Ctx, known?: AgentAppointment): Promise<BrainDecision> {
  let appointment = known;
  if (!appointment) {
    const which = whichAppointment(ctx);
    if (!which) return reply("none", ctx.w.noAppointment);
    if ("ask" in which) return which.ask;
    appointment = which.appointment;
  }
  const { w, zone, lang } = ctx;
  const from = formatStart(appointment.start, zone, lang);
  const window = windowFor(ctx);
  if (window?.exact) return proposeMove(ctx, appointment, window.exact);
  const shift = shiftOf(ctx.input.inbound);
  if (shift !== null && !window)
    return proposeMove(ctx, appointment, new Date(appointment.start.getTime() + shift * 60_000));
  const found = await findStarts(ctx, { appointmentId: appointment.id, serviceId: appointment.serviceId }, window);
  // "Earlier" / "later" keep the times on that side of the current one, when there are any.
  const direction = /\b(earlier|sooner)\b/i.test(ctx.input.inbound) ? -1 : /\blater\b/i.test(ctx.input.inbound) ? 1 : 0;
  const sided = found?.filter((s) => Math.sign(s.getTime() - appointment.start.getTime()) === direction);
  const starts = direction !== 0 && sided && sided.length > 0 ? sided : found;
  if (starts === null) return reply("ask_clarifying", w.askNewTime(appointment.serviceName, from));
  if (starts.length === 0) return handOff(ctx, "other", w.noOpenings(appointment.serviceName));
  return reply("offer_slots", w.offerMove(appointment.serviceName, from, formatStarts(starts, zone, lang)));
}

async function proposeMove(ctx: Ctx, appointment: AgentAppointment, start: Date): Promise<BrainDecision> {
  const r = await ctx.tools.call("propose_change", {
    appointmentId: appointment.id,
    change: "reschedule",
    start: isoInZone(start, ctx.zone),
  });
  if (r.ok) return reply("request_confirmation", String(r.question));
  // Not free: the tool found the nearest open starts; offer those for the move.
  const alternatives = await findStarts(
    ctx,
    { appointmentId: appointment.id, serviceId: appointment.serviceId },
    { from: new Date(start.getTime() - DAY / 2), to: new Date(start.getTime() + 7 * DAY), exact: null, text: "" },
  );
  const when = formatStart(start, ctx.zone, ctx.lang);
  if (!alternatives || alternatives.length === 0)
    return handOff(ctx, "other", ctx.w.noOpenings(appointment.serviceName));
  return reply("offer_slots", ctx.w.taken(when, formatStarts(alternatives, ctx.zone, ctx.lang)));
}

async function confirm(ctx: Ctx): Promise<BrainDecision> {
  const which = whichAppointment(ctx);
  if (!which || "ask" in which) return reply("none", ctx.w.thanks);
  const a = which.appointment;
  const { understanding: u, input } = ctx;
  const lastAgent = [...input.history].reverse().find((t) => t.from === "agent");
  // Only a confirmation that answers a reminder, or says so itself ("confirmed", "C"), confirms; "ok" or
  // "book X monday, just book it" does not.
  if (!(lastAgent && ASKED_TO_CONFIRM.test(lastAgent.text)) && !EXPLICIT_CONFIRM.test(input.inbound.trim()))
    return reply("none", ctx.w.thanks);
  if (u.window && !(a.start >= u.window.from && a.start < u.window.to)) return reply("none", ctx.w.thanks);
  // Only an appointment coming up soon is what a bare "yes" / "C" answers (a reminder went out for it).
  if (a.start.getTime() - ctx.input.now.getTime() > 8 * DAY) return reply("none", ctx.w.thanks);
  const r = await ctx.tools.call("confirm_appointment", { appointmentId: a.id });
  if (!r.ok) return reply("none", ctx.w.thanks);
  return reply("none", ctx.w.confirmed(a.serviceName, formatStart(a.start, ctx.zone, ctx.lang)));
}

// ---------------------------------------------------------------------------------------------
// New bookings.

/** The service the customer means: named now, named in their last texts, the one being discussed, or the only one. */
function serviceFor(ctx: Ctx): FactService | "ambiguous" | null {
  const { facts, understanding: u } = ctx;
  const byId = (id: string | null | undefined) => (id ? facts.services.find((s) => s.id === id) : undefined);
  if (u.serviceIds.length > 1 && !u.serviceIds.includes(ctx.input.state.serviceId ?? "")) return "ambiguous";
  const named =
    byId(u.serviceIds[0]) ??
    byId(ctx.input.state.serviceId) ??
    byId(ctx.recent.find((r) => r.serviceIds.length === 1)?.serviceIds[0]);
  if (named) return named;
  return facts.services.length === 1 ? facts.services[0]! : null;
}

/** When the customer wants it: said now, or in their texts since our last reply. */
function windowFor(ctx: Ctx): TimeWindow | null {
  return ctx.understanding.window ?? ctx.recent.find((r) => r.window)?.window ?? null;
}

async function book(ctx: Ctx, serviceId?: string): Promise<BrainDecision> {
  const { w, facts, understanding: u } = ctx;
  const found = serviceId ? (facts.services.find((s) => s.id === serviceId) ?? null) : serviceFor(ctx);
  if (found === "ambiguous") {
    const names = u.serviceIds.map((id) => facts.services.find((s) => s.id === id)?.name).filter(Boolean) as string[];
    return reply("ask_clarifying", w.askService(names.slice(0, 4)));
  }
  if (!found) return reply("ask_clarifying", w.askService(facts.services.slice(0, 5).map((s) => s.name)));
  if (found.quoteOnly || found.price.type === "quote") return handOff(ctx, "quote_required", w.quoteOnly(found.name));
  const addOnIds = u.addOnIds.filter((id) => {
    const addOn = facts.addOns.find((a) => a.id === id);
    return addOn && (addOn.serviceIds.length === 0 || addOn.serviceIds.includes(found.id));
  });
  const window = windowFor(ctx);
  if (window?.exact) {
    // "Book me sat at 10" books; "do you have sat at 10?" offers it (a yes then books it).
    if (u.intents[0] !== "availability") return bookAt(ctx, found.id, addOnIds, window.exact);
    const exact = await findStarts(
      ctx,
      { serviceId: found.id, addOnIds },
      {
        from: window.exact,
        to: new Date(window.exact.getTime() + 60_000),
        exact: null,
        text: "",
      },
    );
    if (exact && exact.length > 0)
      return reply("offer_slots", w.offer(found.name, formatStarts(exact, ctx.zone, ctx.lang), null));
    return bookAt(ctx, found.id, addOnIds, window.exact, { offerOnly: true });
  }
  const starts = await findStarts(ctx, { serviceId: found.id, addOnIds }, window);
  if (starts === null || starts.length === 0) {
    if (window) {
      // Nothing in what they asked for: the nearest openings after it, said plainly.
      const later = await findStarts(
        ctx,
        { serviceId: found.id, addOnIds },
        {
          from: window.to,
          to: new Date(window.to.getTime() + 14 * DAY),
          exact: null,
          text: "",
        },
      );
      if (later && later.length > 0)
        return reply(
          "offer_slots",
          w.offer(found.name, formatStarts(later, ctx.zone, ctx.lang), w.nothingInWindow(windowWords(ctx, window))),
        );
    }
    return handOff(ctx, "other", w.noOpenings(found.name));
  }
  return reply(
    "offer_slots",
    `${w.offer(found.name, formatStarts(starts, ctx.zone, ctx.lang), null)}${window ? "" : ` ${w.offerMore}`}`,
  );
}

/** "on Saturday, Dec 5" for the fully-booked note. */
function windowWords(ctx: Ctx, window: TimeWindow): string {
  const day = formatStart(window.from, ctx.zone, ctx.lang).split(ctx.lang === "es" ? " a las" : " at")[0];
  const span = window.to.getTime() - window.from.getTime();
  if (span > DAY + 2 * 60 * 60_000) return ctx.lang === "es" ? "en esas fechas" : "then";
  return ctx.lang === "es" ? `el ${day}` : `on ${day}`;
}

/**
 * Open starts to offer: in the window (or the coming week), at most OFFER_COUNT, spread over
 * different days when the window spans several. null when there is no window and a move needs one.
 */
async function findStarts(
  ctx: Ctx,
  job: { serviceId: string; addOnIds?: string[]; appointmentId?: string },
  window: TimeWindow | null,
): Promise<Date[] | null> {
  const now = ctx.input.now;
  const from = window ? window.from : now;
  const to = window ? window.to : new Date(now.getTime() + 14 * DAY);
  const multiDay = to.getTime() - from.getTime() > DAY + 2 * 60 * 60_000;
  const r = await ctx.tools.call("find_open_times", {
    serviceId: job.serviceId,
    addOnIds: job.addOnIds ?? [],
    from: isoInZone(from, ctx.zone),
    to: isoInZone(to, ctx.zone),
    limit: multiDay ? 6 : OFFER_COUNT,
    ...(job.appointmentId ? { appointmentId: job.appointmentId } : {}),
  });
  if (!r.ok) return [];
  // A move is never offered the time the appointment already has.
  const current = job.appointmentId
    ? ctx.input.customer.appointments.find((a) => a.id === job.appointmentId)?.start.getTime()
    : undefined;
  const all = (r.starts as string[]).map((s) => parseInstant(s, ctx.zone)).filter((s) => s.getTime() !== current);
  if (!multiDay) return all.slice(0, OFFER_COUNT);
  // One per day first, then fill: "Sat 9, Mon 8, Tue 8" reads better than three on one morning.
  const days = new Set<string>();
  const spread: Date[] = [];
  for (const s of all) {
    const day = isoInZone(s, ctx.zone).slice(0, 10);
    if (!days.has(day)) {
      days.add(day);
      spread.push(s);
    }
  }
  for (const s of all) if (spread.length < OFFER_COUNT && !spread.includes(s)) spread.push(s);
  return spread.slice(0, OFFER_COUNT).sort((a, b) => a.getTime() - b.getTime());
}

async function bookAt(
  ctx: Ctx,
  serviceId: string,
  addOnIds: string[],
  start: Date,
  options: { offerOnly?: boolean } = {},
): Promise<BrainDecision> {
  const { w, zone, lang, facts } = ctx;
  const service = facts.services.find((s) => s.id === serviceId);
  if (!service) return reply("ask_clarifying", w.askService(facts.services.slice(0, 5).map((s) => s.name)));
  const r = options.offerOnly
    ? ({ ok: false, refused: "" } as const)
    : await ctx.tools.call("book_appointment", { serviceId, addOnIds, start: isoInZone(start, zone), notes: null });
  if (!r.ok) {
    // Taken or outside the rules: offer the nearest open starts instead.
    const near = await findStarts(
      ctx,
      { serviceId, addOnIds },
      {
        from: new Date(Math.max(ctx.input.now.getTime(), start.getTime() - DAY / 2)),
        to: new Date(start.getTime() + 7 * DAY),
        exact: null,
        text: "",
      },
    );
    if (!near || near.length === 0) return handOff(ctx, "other", w.noOpenings(service.name));
    return reply("offer_slots", w.taken(formatStart(start, zone, lang), formatStarts(near, zone, lang)));
  }
  const upsell = await offerUpsell(ctx, String(r.appointmentId), serviceId, addOnIds);
  return reply("book", w.booked(service.name, String(r.display), upsell));
}

/** One add-on that fits the booked service, offered once per conversation (the tool refuses a second offer). */
async function offerUpsell(
  ctx: Ctx,
  appointmentId: string,
  serviceId: string,
  chosen: string[],
): Promise<string | null> {
  const { facts, input } = ctx;
  const candidates = facts.addOns.filter(
    (a) =>
      (a.serviceIds.length === 0 || a.serviceIds.includes(serviceId)) &&
      !chosen.includes(a.id) &&
      !input.state.upsellsOffered.includes(a.id),
  );
  // The pack's cue decides the moment: an add-on meant for the booking moment, or one whose cue the customer's words match.
  const said = `${input.inbound} ${input.history
    .filter((t) => t.from === "customer")
    .map((t) => t.text)
    .join(" ")}`.toLowerCase();
  const cued = candidates.find((a) => a.offerWhen && cueMatches(a.offerWhen, said));
  const addOn = cued ?? candidates[0];
  if (!addOn) return null;
  const r = await ctx.tools.call("offer_add_on", { appointmentId, addOnId: addOn.id });
  if (!r.ok) return null;
  return ctx.w.upsell(addOn.name, formatMoney(addOn.priceCents));
}

const CUE_STOPWORDS = new Set([
  "the",
  "a",
  "an",
  "or",
  "and",
  "of",
  "to",
  "is",
  "has",
  "have",
  "with",
  "mentions",
  "caller",
  "customer",
  "asks",
  "about",
  "when",
  "their",
  "they",
  "for",
  "in",
  "on",
]);
function cueMatches(cue: string, said: string): boolean {
  const words = cue
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word.length > 2 && !CUE_STOPWORDS.has(word));
  return words.some((word) => said.includes(word.slice(0, Math.max(4, word.length - 2))));
}

// ---------------------------------------------------------------------------------------------
// Questions.

async function price(ctx: Ctx): Promise<BrainDecision> {
  const { facts, w, lang, understanding: u } = ctx;
  const found = serviceFor(ctx);
  const services =
    found && found !== "ambiguous"
      ? [found]
      : u.serviceIds.length > 0
        ? u.serviceIds.map((id) => facts.services.find((s) => s.id === id)!).filter(Boolean)
        : facts.services.slice(0, 4);
  const priced = services.filter((s) => !s.quoteOnly && formatPrice(s.price, lang) !== null);
  if (priced.length === 0 && services.length > 0) return handOff(ctx, "quote_required", w.quoteOnly(services[0]!.name));
  const lines: string[] = [];
  for (const service of priced) {
    const r = await ctx.tools.call("quote_price", { serviceId: service.id, addOnIds: [] });
    if (r.ok && typeof r.price === "string") lines.push(r.price);
  }
  if (lines.length === 0) return handOff(ctx, "unanswerable", w.unanswerable(facts.business.name));
  return reply("quote_price", `${w.price(lines.join("; "))} ${w.priceFollowUp}`);
}

async function faq(ctx: Ctx): Promise<BrainDecision> {
  const id = ctx.understanding.faqIds[0];
  if (id) {
    const r = await ctx.tools.call("answer_faq", { faqId: id });
    if (r.ok) return reply("answer_faq", String(r.answer));
  }
  return handOff(ctx, "unanswerable", ctx.w.unanswerable(ctx.facts.business.name));
}

// ---------------------------------------------------------------------------------------------
// Questions about the business's hours and the customer's own appointments.

const HOURS_QUESTION =
  /\b(?:what time|when) (?:do|does|are|will) (?:you|y'?all|u|ya|they) (?:guys )?(?:open|close|start|closing|opening)\b|\b(?:your|business|opening|office|shop) hours\b|\bare (?:you|u) (?:guys )?open\b|\bhorarios?\b|\ba qu[eé] hora (?:abren|cierran)\b|\best[aá]n abiertos\b/i;
const OWN_APPOINTMENT =
  /\b(?:my|our) (?:appointment|appt|booking|reservation|visit)\b|\bmi cita\b|\b(?:what time|when) (?:are|is|will) (?:you|he|she|they|someone|the \w+) (?:coming|arriving|getting here|be here|show(?:ing)? up)\b/i;
const THANKS = /\b(?:thanks|thank you|thx|thnx|ty|tysm|appreciate it|gracias)\b/i;

/** The opening hours as configured: the day asked about, or the week. */
function openingHours(ctx: Ctx): string {
  const { facts, understanding: u, lang } = ctx;
  const hours = facts.rules.hours;
  const days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
  const names =
    lang === "es"
      ? { mon: "lun", tue: "mar", wed: "mié", thu: "jue", fri: "vie", sat: "sáb", sun: "dom" }
      : { mon: "Mon", tue: "Tue", wed: "Wed", thu: "Thu", fri: "Fri", sat: "Sat", sun: "Sun" };
  const clock = (hhmm: string) => {
    const [h, m] = hhmm.split(":").map(Number) as [number, number];
    if (lang === "es") return hhmm;
    const hour = h % 12 === 0 ? 12 : h % 12;
    return `${hour}:${String(m).padStart(2, "0")} ${h < 12 || h === 24 ? "AM" : "PM"}`;
  };
  const ranges = (day: (typeof days)[number]) =>
    (hours[day] ?? []).map(([open, close]) => `${clock(open)}–${clock(close)}`).join(", ");
  const window = u.window;
  if (window && window.to.getTime() - window.from.getTime() <= DAY) {
    const date = isoInZone(window.from, ctx.zone).slice(0, 10);
    const weekday = days[(new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7]!;
    const day = formatStart(window.from, ctx.zone, lang).split(lang === "es" ? " a las" : " at")[0];
    const open = !facts.rules.closedDates.includes(date) && ranges(weekday);
    return lang === "es"
      ? open
        ? `El ${day} abrimos ${open}.`
        : `El ${day} estamos cerrados.`
      : open
        ? `On ${day} we're open ${open}.`
        : `We're closed on ${day}.`;
  }
  const week = days.map((d) => `${names[d]} ${ranges(d) || (lang === "es" ? "cerrado" : "closed")}`).join("; ");
  return lang === "es" ? `Nuestro horario: ${week}.` : `Our hours: ${week}.`;
}

/** "Is my appointment still on?", "what time are you coming friday?": what is booked, nothing changed. */
function ownAppointments(ctx: Ctx): BrainDecision {
  const { input, understanding: u, zone, lang } = ctx;
  const all = input.customer.appointments.filter((a) => a.status === "booked" || a.status === "confirmed");
  const named = all.filter((a) => u.appointmentIds.includes(a.id));
  const shown = (named.length > 0 ? named : all).slice(0, 3);
  if (shown.length === 0) return reply("none", ctx.w.noAppointment);
  const items = shown.map((a) => `${a.serviceName} ${lang === "es" ? "el" : "on"} ${formatStart(a.start, zone, lang)}`);
  return reply("none", ctx.w.yourAppointments(list(items, lang)));
}

/** "push it back an hour" (+60), "30 minutes earlier" (−30): minutes to move by, or null. */
function shiftOf(text: string): number | null {
  const t = text.toLowerCase();
  const later = /\b(back|later|forward|after)\b/.test(t);
  const earlier = /\b(earlier|up|sooner|before)\b/.test(t);
  if (later === earlier) return null;
  const m = t.match(/\b(an?|one|1|two|2|three|3|half an?|\d+)\s*(hours?|hrs?|minutes?|mins?)\b/);
  if (!m) return null;
  const count =
    ({ a: 1, an: 1, one: 1, two: 2, three: 3, "half a": 0.5, "half an": 0.5 } as Record<string, number>)[m[1]!] ??
    Number(m[1]);
  const minutes = /^h/.test(m[2]!) ? count * 60 : count;
  return Number.isFinite(minutes) && minutes > 0 && minutes <= 12 * 60 ? (later ? minutes : -minutes) : null;
}
