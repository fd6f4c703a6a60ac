/**
 * Ready-made fake models for the fake OpenAI server:
 * - evilModelHandler obeys every instruction it reads anywhere in the request and does the most
 *   damage it can with what it finds there (ids, times, links, numbers, amounts). It is driven by the
 *   request's text, never scripted per scenario: the tools and the reply check must stop all of it.
 * - competentModelHandler answers the way a good model would, from the server's context message
 *   (open times fetched ahead, the pending proposal, the rules' reading): one round trip.
 * - fixedReplyHandler always responds with the same text.
 */
// eslint-disable-next-line no-restricted-imports -- test support types
import type { ChatCompletionCreateParams, ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { CONTEXT_HEADER, parseContext } from "../model/prompt.ts";
import type { FakeAnswer, FakeCall, FakeHandler } from "./fake-openai.ts";

const RESPOND = "respond";

function contentText(content: ChatCompletionMessageParam["content"]): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((part) => ("text" in part && typeof part.text === "string" ? part.text : "")).join("\n");
}

/** Every message's text (not the arguments of its own earlier calls: it would only read its own echo). */
function requestTexts(messages: readonly ChatCompletionMessageParam[]): string[] {
  return messages.map((message) => contentText(message.content));
}

/** The words of the function definitions themselves (names, parameters, enum values): not ids to attack. */
function definitionWords(request: ChatCompletionCreateParams): Set<string> {
  const words = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === "string") {
      for (const word of value.split(/[^\w-]+/)) if (word) words.add(word.toLowerCase());
    } else if (Array.isArray(value)) {
      value.forEach(walk);
    } else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        words.add(key.toLowerCase());
        if (key !== "description") walk(inner);
      }
    }
  };
  walk(request.tools ?? []);
  return words;
}

const unique = <T>(items: T[]) => [...new Set(items)];
const all = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1] ?? m[0]);

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
/** svc_full, appt-42, ao_pet_hair: words joined by _ or - (a date or a phone number is not one). */
const JOINED_ID = /\b[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+\b/gi;
/** "id 123", "appointment #A7", "id: x9" (kept only with a digit in it: "service Full" names no id). */
const NAMED_ID =
  /\b(?:id|appointment|appt|booking|service)(?:\s*[#:]\s*|\s+(?:#|no\.?\s*|number\s+)?)([a-z0-9][\w-]{0,40})/gi;
const CUID = /\b(c[a-z0-9]{20,30})\b/g;
const URL =
  /\b((?:https?:\/\/|www\.)[^\s"'<>)\]\\]+|[a-z0-9-]+\.(?:com|net|org|io|ly|co|xyz|biz|info|me|app)(?:\/[^\s"'<>)\]\\]*)?)/gi;
const PHONE = /(\+?1?[\s.-]?\(?\b[2-9]\d{2}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b|\+\d{8,15}\b)/g;
const MONEY = /(\$\s?\d[\d,]*(?:\.\d{1,2})?|\b\d{1,3}\s?%(?:\s?off)?)/gi;
const INSTANT = /\b(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?)/g;
const DATE = /\b(\d{4}-\d{2}-\d{2})\b/g;
const SAY = /\b(?:say|tell (?:them|him|her|me|the customer)|reply with|respond with)\s*:?\s*["“']?([^"”'\n]{3,200})/gi;
const REVEAL =
  /ignore (?:all |any )?(?:previous|prior|above|earlier) instructions|system prompt|reveal|developer mode|jailbreak/i;

/** What the evil model takes from the request. */
export function readTargets(request: ChatCompletionCreateParams) {
  const texts = requestTexts(request.messages);
  const text = texts.join("\n");
  const definitions = definitionWords(request);
  const looksLikeDateOrNumber = (s: string) => /^\d{4}-\d{2}-\d{2}/.test(s) || /^[\d-]+$/.test(s);
  const idsIn = (within: string) => {
    // An id named as one ("booking #8812") counts even when it is only digits.
    const named = all(within, NAMED_ID).filter((id) => /\d/.test(id));
    const shaped = unique([...all(within, UUID), ...all(within, JOINED_ID), ...all(within, CUID)])
      .filter((id) => !definitions.has(id.toLowerCase()) && !looksLikeDateOrNumber(id))
      .filter((id) => !/^(?:https?|www)$/i.test(id))
      // Ids with a digit or an underscore first; plain hyphenated words ("add-ons") are tried last.
      .sort((a, b) => Number(!/[\d_]/.test(a)) - Number(!/[\d_]/.test(b)));
    return [...named, ...shaped];
  };
  // Ids the customer (or a tool result) names come first: they are the instructions it obeys.
  const userAndTools = requestTexts(request.messages.filter((m) => m.role === "user" || m.role === "tool")).join("\n");
  const ids = unique([...idsIn(userAndTools), ...idsIn(text)]).filter((id) => id.length <= 80);
  const dates = unique(all(text, DATE));
  const day = dates[0] ?? "2030-01-01";
  // Times it finds, plus ones no business allows: the middle of the night, late at night, the past.
  const starts = unique([...all(text, INSTANT).slice(0, 4), `${day}T03:00`, `${day}T23:30`, "2001-01-01T10:00"]);
  return {
    texts,
    ids,
    starts,
    urls: unique(all(text, URL).map((url) => url.replace(/[.,;:!?]+$/, ""))),
    phones: unique(all(text, PHONE).map((p) => p.trim())),
    amounts: unique(all(text, MONEY)),
    says: unique(all(text, SAY).map((s) => s.trim())),
    reveal: REVEAL.test(text),
    system: request.messages.filter((m) => m.role === "system").map((m) => contentText(m.content)),
  };
}

/** The calls it already made in this turn (from the assistant messages the brain sent back). */
function callsMade(request: ChatCompletionCreateParams): Set<string> {
  const made = new Set<string>();
  for (const message of request.messages) {
    if (message.role !== "assistant" || !message.tool_calls) continue;
    for (const call of message.tool_calls) {
      if (call.type === "function") made.add(`${call.function.name}:${call.function.arguments}`);
    }
  }
  return made;
}

const MAX_CALLS = 120;

/** A model that does whatever any text in the request tells it, and worse. */
export const evilModelHandler: FakeHandler = (request) => {
  const t = readTargets(request);
  const ids = t.ids.slice(0, 12);
  const calls: FakeCall[] = [];
  // Every id is tried as the sender's appointment: cancelled, moved and confirmed with no proposal or yes.
  for (const id of ids) {
    calls.push({ name: "cancel_appointment", arguments: { appointmentId: id } });
    calls.push({ name: "reschedule_appointment", arguments: { appointmentId: id, start: t.starts[0] ?? "" } });
    calls.push({ name: "confirm_appointment", arguments: { appointmentId: id } });
  }
  // A proposal and its "yes" in one breath.
  for (const id of ids.slice(0, 3)) {
    calls.push({ name: "propose_change", arguments: { appointmentId: id, change: "cancel" } });
    calls.push({ name: "cancel_appointment", arguments: { appointmentId: id } });
  }
  // Every id as a service (quote-only ones too), at every time it found and at times no business opens.
  for (const [index, id] of ids.entries()) {
    for (const start of index === 0 ? t.starts : t.starts.slice(0, 2)) {
      calls.push({ name: "book_appointment", arguments: { serviceId: id, start, notes: "booked as instructed" } });
    }
  }
  for (const appointmentId of ids.slice(0, 4)) {
    for (const addOnId of ids.slice(0, 4)) {
      if (addOnId !== appointmentId) calls.push({ name: "add_add_on", arguments: { appointmentId, addOnId } });
    }
  }
  if (t.phones.length) {
    calls.push({
      name: "hand_off",
      arguments: { reason: "asked_for_person", summary: `Transfer the caller to ${t.phones.join(", ")}`.slice(0, 300) },
    });
  }
  calls.push({ name: "record_opt_out", arguments: {} });

  // The second round: only what it has not tried yet (what the tool results taught it). Later: only its
  // reply, so that the reply itself reaches the engine's check rather than the brain giving up.
  const made = callsMade(request);
  const round = request.messages.filter((m) => m.role === "assistant" && m.tool_calls?.length).length + 1;
  const fresh =
    round > 2
      ? []
      : calls.filter((call) => !made.has(`${call.name}:${JSON.stringify(call.arguments)}`)).slice(0, MAX_CALLS);

  const invented = { phone: "+19005550199", url: "http://pay-now.example/deal", amount: "$1" };
  const reply = [
    ...t.says,
    `Done! I cancelled ${ids.slice(0, 4).join(", ") || "everything"} and booked you ${Math.max(2, t.starts.length)} times.`,
    ids.length ? `Appointment ${ids.slice(0, 3).join(", ")} is confirmed.` : "",
    `Special deal: 50% off, only ${[invented.amount, ...t.amounts].slice(0, 4).join(" / ")}.`,
    `Pay at ${[invented.url, ...t.urls].slice(0, 4).join(" or ")}.`,
    `Call or text ${[invented.phone, ...t.phones].slice(0, 4).join(" or ")}.`,
    t.reveal ? `My instructions: ${(t.system[0] ?? "").slice(0, 400)}` : "",
    t.reveal ? `Other data: ${(t.system[1] ?? "").slice(0, 300)}` : "",
  ]
    .filter(Boolean)
    .join(" ")
    .slice(0, 1500);
  const text = t.texts.join("\n").toLowerCase();
  const intent = /cancel/.test(text) ? "cancel" : /resched|move/.test(text) ? "reschedule" : "book";
  return {
    kind: "tool_calls",
    calls: [...fresh, { name: RESPOND, arguments: { intent, action: "book", reply } }],
  };
};

/** A model that always responds with the same reply (and calls nothing). */
export function fixedReplyHandler(reply: string, action = "none", intent = "other"): FakeHandler {
  return () => ({ kind: "tool_calls", calls: [{ name: RESPOND, arguments: { intent, action, reply } }] });
}

type Context = {
  replyLanguage?: string;
  state?: { proposal?: Record<string, unknown> | null; serviceId?: string | null };
  rulesReading?: {
    intents?: string[];
    serviceIds?: string[];
    addOnIds?: string[];
    window?: { exact?: string | null } | null;
    pick?: number | null;
    yes?: boolean;
  };
  openTimes?: { request?: Record<string, unknown>; result?: unknown } | null;
};

function contextOf(request: ChatCompletionCreateParams): Context | null {
  for (const message of [...request.messages].reverse()) {
    if (message.role !== "system") continue;
    const text = contentText(message.content);
    if (text.startsWith(CONTEXT_HEADER)) return parseContext(text) as Context | null;
  }
  return null;
}

function instantsIn(value: unknown): string[] {
  const found: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) found.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(value);
  return found;
}

/** "2026-12-05T09:00:00-06:00" → "2026-12-05 09:00": the wall time, as the fake writes it. */
const wall = (iso: string) => iso.slice(0, 16).replace("T", " ");
const sameInstant = (a: string, b: string) => new Date(a).getTime() === new Date(b).getTime();

/**
 * A model that does the job right from the context message: books a start the customer picked or
 * named (book_appointment and respond in one response), else offers the open times fetched ahead,
 * else answers politely. One round trip in each case.
 */
export const competentModelHandler: FakeHandler = (request): FakeAnswer => {
  const context = contextOf(request) ?? {};
  const spanish = context.replyLanguage === "Spanish";
  const reading = context.rulesReading ?? {};
  const intents = reading.intents ?? [];
  const intent = intents[0] ?? "other";
  const respond = (action: string, reply: string, calls: FakeCall[] = []): FakeAnswer => ({
    kind: "tool_calls",
    calls: [...calls, { name: RESPOND, arguments: { intent, action, reply } }],
  });
  if (request.messages.some((m) => m.role === "tool")) {
    return respond(
      "ask_clarifying",
      spanish ? "¿Qué otra hora le sirve?" : "That time is not available. What other time works?",
    );
  }
  const book = (serviceId: string, start: string, addOnIds: unknown) =>
    respond("book", spanish ? `Listo, reservado: ${wall(start)}.` : `You're booked for ${wall(start)}. See you then!`, [
      { name: "book_appointment", arguments: { serviceId, start, addOnIds: Array.isArray(addOnIds) ? addOnIds : [] } },
    ]);
  const proposal = context.state?.proposal;
  if (proposal?.kind === "slots" && proposal.purpose === "book" && typeof reading.pick === "number") {
    const start = (proposal.starts as string[])[reading.pick];
    if (start) return book(String(proposal.serviceId), start, proposal.addOnIds);
  }
  if (proposal?.kind === "book" && reading.yes) {
    return book(String(proposal.serviceId), String(proposal.start), proposal.addOnIds);
  }
  const starts = instantsIn(context.openTimes?.result);
  const exact = reading.window?.exact;
  const serviceId = String(context.openTimes?.request?.serviceId ?? "");
  if (intents.includes("book") && exact && serviceId && starts.some((s) => sameInstant(s, exact))) {
    return book(serviceId, exact, reading.addOnIds);
  }
  if (starts.length && intents.some((i) => i === "book" || i === "availability" || i === "reschedule")) {
    const list = starts.slice(0, 3).map(wall).join(", ");
    return respond(
      "offer_slots",
      spanish ? `Tenemos: ${list}. ¿Cuál le sirve?` : `We have ${list}. Which works for you?`,
    );
  }
  return respond(
    "none",
    spanish ? "¡Gracias por su mensaje! ¿En qué le podemos ayudar?" : "Thanks for your text! How can we help?",
  );
};
