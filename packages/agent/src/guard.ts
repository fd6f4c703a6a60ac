/**
 * The last check before a reply leaves, whichever brain wrote it: every amount, percentage, discount,
 * link, phone number and email in it must come from the business's configuration (or a tool's result
 * in this turn), and it may not claim a booking, move or cancellation that did not happen. A reply
 * that fails is not sent: the engine replaces it with a safe one (engine.ts).
 */
import { formatPrice, priceAmounts } from "./format.ts";
import type { AgentFacts, Write } from "./types.ts";

export const MAX_REPLY_CHARS = 640;

export type ReplyCheck = { ok: true } | { ok: false; problems: string[] };

export type ReplyAllowance = {
  facts: AgentFacts;
  /** Amounts (cents) the turn's tools stated. */
  amounts: readonly number[];
  /** Texts the turn's tools returned (FAQ answers, price lines). */
  statements: readonly string[];
  writes: readonly Write[];
};

const MONEY =
  /\$\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?|\b(\d+(?:\.\d{1,2})?)\s?(?:dollars|d[oó]lares|bucks|usd)\b/gi;
const PERCENT = /(\d+(?:\.\d+)?)\s?(?:%|percent\b|por\s?ciento\b)/gi;
const DEALS =
  /\b(discounts?|coupons?|promo(?:tion)?s?|promo codes?|vouchers?|descuentos?|cup[oó]n(?:es)?|free of charge|on the house|gratis|waived?|waiving|complimentary|rebates?|refunds?|reembolsos?)\b/gi;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const URL = /\b(?:https?:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:\/[^\s<>"')\]]*)?/gi;
const PHONE = /(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b|\+\d{8,15}\b/g;
/** Claims that something was done, each with the writes that make it true. */
const CLAIMS: { pattern: RegExp; needs: Write["kind"][] }[] = [
  {
    pattern:
      /\b(you'?re (all )?(booked|set|scheduled)|(is|are) (now )?(booked|scheduled)|has been (booked|scheduled)|i'?ve (booked|scheduled)|i (have )?booked|su cita:|qued[oó] (agendad|reservad)|(est[aá]|queda) (agendad|reservad))/i,
    needs: ["appointment.book", "appointment.confirm", "appointment.add_on"],
  },
  {
    pattern:
      /\b((is|are|has been|have been) (now )?cancell?ed|i'?ve cancell?ed|i cancell?ed|est[aá] cancelad|qued[oó] cancelad|cancel[eé] su)/i,
    needs: ["appointment.cancel"],
  },
  {
    pattern:
      /\b((is|has been) (now )?(moved|rescheduled)|i'?ve (moved|rescheduled)|i (moved|rescheduled)|qued[oó] para el|la cambi[eé])/i,
    needs: ["appointment.reschedule"],
  },
];

const cents = (whole: string, fraction: string | undefined) =>
  Number(whole.replaceAll(",", "")) * 100 + (fraction ? Number(fraction.padEnd(2, "0")) : 0);

/** Every text of the configuration a reply may quote from. */
function factText(facts: AgentFacts): string {
  return [
    ...facts.faqs.flatMap((f) => [f.question, f.answer]),
    ...facts.services.flatMap((s) => [s.name, s.notes ?? "", formatPrice(s.price, "en") ?? ""]),
    ...facts.addOns.map((a) => a.name),
    facts.business.name,
  ].join("\n");
}

function amountsIn(text: string): number[] {
  const found: number[] = [];
  for (const m of text.matchAll(MONEY)) {
    if (m[1] !== undefined) found.push(cents(m[1], m[2]));
    else if (m[3] !== undefined) {
      const [whole, fraction] = m[3].split(".");
      found.push(cents(whole!, fraction));
    }
  }
  return found;
}

/** The amounts (cents) a reply may state: configured prices, their sums with add-ons, fees, and amounts the facts' texts state. */
export function allowedAmounts(facts: AgentFacts): Set<number> {
  const allowed = new Set<number>([facts.policy.cancellationFeeCents, facts.policy.depositCents]);
  for (const service of facts.services) {
    const base = priceAmounts(service.price);
    for (const amount of base) allowed.add(amount);
    const addOns = facts.addOns.filter((a) => a.serviceIds.length === 0 || a.serviceIds.includes(service.id));
    for (const addOn of addOns) for (const amount of base) allowed.add(amount + addOn.priceCents);
    if (addOns.length > 1) {
      const all = addOns.reduce((sum, a) => sum + a.priceCents, 0);
      for (const amount of base) allowed.add(amount + all);
    }
  }
  for (const addOn of facts.addOns) allowed.add(addOn.priceCents);
  for (const amount of amountsIn(factText(facts))) allowed.add(amount);
  return allowed;
}

const normaliseUrl = (url: string) =>
  url
    .toLowerCase()
    .replace(/^https?:\/\//, "")
    .replace(/^www\./, "")
    .replace(/[.,!?;:]+$/, "")
    .replace(/\/$/, "");

const digits = (phone: string) => {
  const d = phone.replace(/\D/g, "");
  return d.length === 10 ? `1${d}` : d;
};

export function checkReply(reply: string, allowance: ReplyAllowance): ReplyCheck {
  const { facts } = allowance;
  const problems: string[] = [];
  if (reply.length > MAX_REPLY_CHARS)
    problems.push(`The reply is ${reply.length} characters (at most ${MAX_REPLY_CHARS}).`);
  const known = `${factText(facts)}\n${allowance.statements.join("\n")}`.toLowerCase();

  const amounts = allowedAmounts(facts);
  for (const amount of allowance.amounts) amounts.add(amount);
  for (const amount of amountsIn(reply))
    if (!amounts.has(amount))
      problems.push(`It states $${(amount / 100).toFixed(2)}, which is not a configured price.`);
  for (const m of reply.matchAll(PERCENT))
    if (!known.includes(`${m[1]}%`) && !known.includes(`${m[1]} percent`))
      problems.push(`It states ${m[0]}, which the business never configured.`);
  for (const m of reply.matchAll(DEALS))
    if (!known.includes(m[0].toLowerCase())) problems.push(`It offers "${m[0]}", which the business never configured.`);

  let rest = reply;
  for (const m of reply.matchAll(EMAIL)) {
    if (!known.includes(m[0].toLowerCase()))
      problems.push(`It gives the address ${m[0]}, which is not the business's.`);
    rest = rest.replace(m[0], " ");
  }
  const links = facts.business.links.map(normaliseUrl);
  for (const m of rest.matchAll(URL)) {
    const url = normaliseUrl(m[0]);
    // A bare "9.30" or "a.m." never matches (the last label needs two letters); names like "St.Louis" are rare enough.
    if (!links.some((link) => url === link || url.startsWith(`${link}/`) || url.startsWith(`${link}?`)))
      problems.push(`It links to ${m[0]}, which is not one of the business's own links.`);
  }
  const phones = new Set([...facts.policy.handoffNumbers, ...facts.business.phoneNumbers].map(digits));
  for (const m of rest.matchAll(PHONE))
    if (!phones.has(digits(m[0]))) problems.push(`It gives the number ${m[0]}, which is not the business's.`);

  for (const claim of CLAIMS)
    if (claim.pattern.test(reply) && !allowance.writes.some((w) => claim.needs.includes(w.kind)))
      problems.push("It says something was done that was not.");
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
