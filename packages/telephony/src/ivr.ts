/**
 * IVR decisions and the TwiML for them, built with our own TwiML writer (./twiml.ts). Pure: the
 * webhook routes load the tenant, number and FAQs, call these, store what they return, and
 * answer with `twiml`. Every answer is static, bounded text; nothing the caller says is echoed.
 */
import { hasFeature } from "@servicepro/features";
import { runsAutomations, type TenantStatus } from "@servicepro/tenancy/constants";
import type { AfterHoursMode, IvrMode } from "./constants.ts";
import { callerIntent, type Faq, matchFaq } from "./faq-match.ts";
import { businessHoursSchema, type ClosedDate, describeHours, isOpen } from "./hours.ts";
import { VoiceResponse } from "./twiml.ts";

export { emptyMessagingResponse, emptyVoiceResponse } from "./twiml.ts";

export const VOICE_PATHS = {
  incoming: "/twilio/voice/incoming",
  menu: "/twilio/voice/menu",
  dialResult: "/twilio/voice/dial-result",
  voicemail: "/twilio/voice/voicemail",
  status: "/twilio/voice/status",
} as const;

const VOICE = { voice: "Polly.Joanna" as const, language: "en-US" as const };
const MAX_SPOKEN = 600;
const DIAL_TIMEOUT_SECONDS = 20;
const VOICEMAIL_MAX_SECONDS = 120;
/** How many times a caller may give no or unclear input before going to voicemail. */
const MAX_MENU_ATTEMPTS = 2;

export type IvrTenant = { name: string; planTier: string; status: TenantStatus; timezone: string };
export type IvrNumber = {
  ivrMode: IvrMode;
  forwardTo: string | null;
  greeting: string | null;
  afterHoursMode: AfterHoursMode;
  voicemailEnabled: boolean;
  bookingUrl: string | null;
  address: string | null;
};
/** The business's opening hours (booking settings), shared by the IVR, the AI receptionist and online booking. */
export type IvrHours = { weekly: unknown; closedDates: readonly ClosedDate[] };
export type IvrContext = {
  tenant: IvrTenant;
  number: IvrNumber;
  hours: IvrHours;
  faqs: readonly Faq[];
  now: Date;
  /** The caller opted out of this business's texts: never promise them one. */
  callerOptedOut?: boolean;
  /** The caller ID is withheld or not a phone (callerIdOf): there is no number to text. */
  callerWithheld?: boolean;
  /**
   * The language the menu listens in (Twilio's Gather `language`). No tenant setting chooses it yet,
   * so it is en-US; Spanish answers are understood either way (see MENU_SPEECH).
   */
  language?: MenuLanguage;
};

export type MenuLanguage = "en-US" | "es-US";

export type EffectiveMode = {
  mode: IvrMode;
  /** Why the configured mode was not used. */
  reason: "configured" | "after_hours" | "plan_lacks_ai_voice" | "no_forward_number";
};

const spoken = (text: string) => (text.length > MAX_SPOKEN ? `${text.slice(0, MAX_SPOKEN - 1)}…` : text);

const greetingOf = (ctx: IvrContext) => ctx.number.greeting?.trim() || `Thanks for calling ${ctx.tenant.name}.`;

/**
 * "Our hours are Monday to Friday, 8 a.m. to 6 p.m." when there are hours to read out; otherwise
 * describeHours's own sentence on its own ("We are currently closed.", "Please call during the day
 * for our hours."), which would read "Our hours are We are currently closed." after the prefix.
 */
function hoursSentence(hours: unknown): string {
  const parsed = businessHoursSchema.safeParse(hours);
  const any = parsed.success && Object.values(parsed.data).some((ranges) => ranges && ranges.length > 0);
  return any ? `Our hours are ${describeHours(hours)}` : describeHours(hours);
}

/** Whether a booking link can be texted: the tenant's automations run and it has a link to send. */
const canTextBookingLink = (ctx: IvrContext) =>
  runsAutomations(ctx.tenant.status) &&
  Boolean(ctx.number.bookingUrl?.trim()) &&
  !ctx.callerOptedOut &&
  !ctx.callerWithheld;

/** The mode that answers this call: hours first, then the plan, then whether forwarding is possible. */
export function effectiveMode(ctx: IvrContext): EffectiveMode {
  let mode: IvrMode = ctx.number.ivrMode;
  let reason: EffectiveMode["reason"] = "configured";
  if (!isOpen(ctx.hours.weekly, ctx.now, ctx.tenant.timezone, ctx.hours.closedDates)) {
    mode = ctx.number.afterHoursMode;
    reason = "after_hours";
  }
  if (mode === "ai-voice" && !hasFeature(ctx.tenant, "aiVoiceAgent")) {
    mode = "menu";
    reason = "plan_lacks_ai_voice";
  }
  if (mode === "forward" && !ctx.number.forwardTo) {
    mode = ctx.number.voicemailEnabled ? "voicemail" : "menu";
    reason = "no_forward_number";
  }
  return { mode, reason };
}

export type VoiceAnswer = { twiml: string };

/** The first answer to a call (POST /twilio/voice/incoming). */
export function answerIncomingCall(ctx: IvrContext): VoiceAnswer & EffectiveMode {
  const plan = effectiveMode(ctx);
  const response = new VoiceResponse();
  if (plan.reason === "plan_lacks_ai_voice") {
    response.say(
      VOICE,
      spoken(`${greetingOf(ctx)} Our virtual receptionist isn't available right now, so here are your options.`),
    );
    menuGather(response, ctx, { greet: false, attempt: 1 });
    return { twiml: response.toString(), ...plan };
  }
  switch (plan.mode) {
    case "forward":
      response.say(VOICE, spoken(`${greetingOf(ctx)} Connecting you now.`));
      dialBusiness(response, ctx);
      break;
    case "menu":
      if (plan.reason === "after_hours")
        response.say(VOICE, spoken(`${greetingOf(ctx)} We're closed right now. ${hoursSentence(ctx.hours.weekly)}`));
      menuGather(response, ctx, { greet: plan.reason !== "after_hours", attempt: 1 });
      break;
    case "ai-voice":
      aiGather(
        response,
        ctx,
        `${greetingOf(ctx)} I'm the virtual receptionist for ${ctx.tenant.name}. You can ask me about our services, prices or hours, or say "text me a booking link".`,
        1,
      );
      break;
    case "voicemail":
      recordVoicemail(
        response,
        ctx,
        plan.reason === "after_hours"
          ? `${greetingOf(ctx)} We're closed right now. ${hoursSentence(ctx.hours.weekly)} Please leave a message after the tone and we'll call you back.`
          : `${greetingOf(ctx)} Please leave a message after the tone and we'll call you back.`,
      );
      break;
  }
  return { twiml: response.toString(), ...plan };
}

export type MenuAction =
  | { kind: "send_booking_link" }
  | { kind: "forward" }
  | { kind: "hours" }
  | { kind: "voicemail" }
  | { kind: "faq"; question: string }
  | { kind: "retry" }
  | { kind: "goodbye" }
  /** The caller asked for no more texts (the route records the opt-out before answering). */
  | { kind: "stop_texts" };

export type MenuInput = {
  mode: "menu" | "ai";
  digits?: string | undefined;
  speech?: string | undefined;
  attempt: number;
  /** The spoken answer revokes consent to texts (classifyConsent said opt_out): confirm, then carry on. */
  revokesTexts?: boolean;
};

/**
 * The answer to the caller's choice (POST /twilio/voice/menu). `action` tells the route what
 * else to do (text a booking link, mark the call); the TwiML already says it to the caller.
 */
export function answerMenu(
  ctx: IvrContext,
  rawInput: MenuInput,
): VoiceAnswer & { action: MenuAction; selection: string } {
  // `attempt` comes from our own action URL's query string; a garbled one (NaN, 0, -1) must not
  // make the retry loop endless (NaN >= MAX is false, NaN + 1 is NaN), so it counts as the first.
  const input = {
    ...rawInput,
    attempt: Number.isSafeInteger(rawInput.attempt) && rawInput.attempt >= 1 ? rawInput.attempt : 1,
  };
  const response = new VoiceResponse();
  let action: MenuAction = input.revokesTexts
    ? { kind: "stop_texts" }
    : input.mode === "ai"
      ? aiAction(ctx, input)
      : menuAction(input);
  // What the caller chose, for the call record: keypad digits as such (Twilio only sends 0-9, * and #;
  // anything else is not stored verbatim), speech only as its intent, never the words.
  const digits = input.digits?.trim();
  const selection = digits
    ? /^[0-9*#]{1,20}$/.test(digits)
      ? digits
      : "invalid"
    : input.speech?.trim()
      ? `speech:${action.kind === "stop_texts" ? "stop_texts" : input.mode === "ai" ? callerIntent(input.speech) : menuSpeechChoice(input.speech).intent}`
      : "none";
  const canText = canTextBookingLink(ctx);
  switch (action.kind) {
    case "send_booking_link":
      if (canText) {
        response.say(VOICE, "We just texted you a link to book online. Thanks for calling, goodbye!");
        response.hangup();
      } else {
        // A suspended or cancelled tenant sends nothing automatically, and without a booking URL
        // there is nothing to send: apologise, then take a message (in this same response; the
        // apology used to be built on a response that was thrown away).
        action = { kind: "voicemail" };
        response.say(VOICE, "Sorry, we can't text you a booking link right now.");
        recordVoicemail(response, ctx, "Please leave a message after the tone and we'll call you back.");
      }
      break;
    case "forward":
      if (ctx.number.forwardTo) {
        response.say(VOICE, "Connecting you now.");
        dialBusiness(response, ctx);
      } else {
        recordVoicemail(response, ctx, "Nobody can take your call right now. Please leave a message after the tone.");
      }
      break;
    case "hours": {
      const address = ctx.number.address?.trim() ? ` We're at ${ctx.number.address.trim()}.` : "";
      const text = spoken(`${hoursSentence(ctx.hours.weekly)}${address}`);
      if (input.mode === "ai") aiGather(response, ctx, `${text} Is there anything else I can help with?`, 1);
      else {
        response.say(VOICE, text);
        menuGather(response, ctx, { greet: false, attempt: 1 });
      }
      break;
    }
    case "faq": {
      const { question } = action;
      const faq = ctx.faqs.find((f) => f.question === question)!;
      // Only offer what can be done: no booking-link offer when no link can be texted.
      aiGather(
        response,
        ctx,
        `${spoken(faq.answer)} ${canText ? "Would you like me to text you a booking link?" : "Is there anything else I can help with?"}`,
        1,
      );
      break;
    }
    case "voicemail":
      recordVoicemail(response, ctx, "Please leave a message after the tone and we'll call you back.");
      break;
    case "retry":
      if (input.attempt >= MAX_MENU_ATTEMPTS) {
        if (ctx.number.voicemailEnabled)
          recordVoicemail(
            response,
            ctx,
            "Sorry, I didn't get that. Please leave a message after the tone and we'll call you back.",
          );
        else {
          response.say(VOICE, "Sorry, I didn't get that. Please call again later. Goodbye.");
          response.hangup();
        }
      } else if (input.mode === "ai") {
        aiGather(
          response,
          ctx,
          'Sorry, I didn\'t catch that. You can ask about our services, prices or hours, say "text me a booking link", or say "a person".',
          input.attempt + 1,
        );
      } else {
        response.say(VOICE, "Sorry, that's not one of the options.");
        menuGather(response, ctx, { greet: false, attempt: input.attempt + 1 });
      }
      break;
    case "goodbye":
      response.say(VOICE, `Thanks for calling ${ctx.tenant.name}. Goodbye!`);
      response.hangup();
      break;
    case "stop_texts": {
      const confirmed = "Okay, we won't send you any more text messages.";
      const after = { ...ctx, callerOptedOut: true };
      if (input.mode === "ai") aiGather(response, ctx, `${confirmed} Is there anything else I can help with?`, 1);
      else {
        response.say(VOICE, confirmed);
        menuGather(response, after, { greet: false, attempt: 1 });
      }
      break;
    }
  }
  return { twiml: response.toString(), action, selection };
}

function menuAction(input: MenuInput): MenuAction {
  const choice = input.digits?.trim() || (input.speech ? menuSpeechChoice(input.speech).digit : "");
  switch (choice) {
    case "1":
      return { kind: "send_booking_link" };
    case "2":
      return { kind: "forward" };
    case "3":
      return { kind: "hours" };
    case "0":
      return { kind: "voicemail" };
    default:
      return { kind: "retry" };
  }
}

type MenuSpeechIntent = "booking" | "human" | "hours" | "voicemail" | "none";

const MENU_DIGIT: Record<MenuSpeechIntent, string> = { booking: "1", human: "2", hours: "3", voicemail: "0", none: "" };

/**
 * What a spoken menu answer asks for, in English and Spanish, as the keypad would: each option's
 * words and phrases, matched on the folded text (lower case, no accents or punctuation). When
 * several options match, the first in this list wins: "leave a message for the owner" is a
 * voicemail, "talk to someone about booking" a person, "book, what time are you open" a booking.
 */
const MENU_SPEECH: [MenuSpeechIntent, RegExp][] = [
  [
    "voicemail",
    /\b(voicemail|voice mail|leave (a |my )?(message|voicemail)|take a message|(dejar|deja|dejarle|grabar) (un |el )?(mensaje|recado)|buzon( de voz)?|correo de voz|mensaje de voz)\b/,
  ],
  [
    "human",
    /\b(person|human|someone|somebody|anyone|anybody|representative|rep|operator|agent|owner|staff|receptionist|manager|(talk|speak|chat) (to|with)|reach (you|someone|somebody)|call me back|(hablar|comunicarme|comunicar|conversar) (con|a)|persona|humano|alguien|operador|operadora|agente|representante|recepcionista|encargado|encargada|dueno|duena)\b/,
  ],
  [
    "booking",
    /\b(book|booking|appointment|appointments|appt|schedule|scheduling|reserve|reservation|link|sign up|set up a time|make a time|come in|reservar|reservacion|reserva|cita|citas|agendar|agenda|programar|apartar|turno|enlace)\b/,
  ],
  [
    "hours",
    /\b(hours|open|opened|close|closed|closing|opening|what time|when are you|when do you|where|address|located|location|directions|find you|horario|horarios|horas|abierto|abiertos|abren|abre|cierran|cierra|a que hora|cuando|donde|direccion|ubicacion|ubicados|ubicado|encuentran|quedan)\b/,
  ],
];

/** Number words, accepted alone or after "press", "option", "number" (never inside a sentence: "one of your staff"). */
const NUMBER_WORDS: Record<string, string> = {
  one: "1",
  uno: "1",
  una: "1",
  "1": "1",
  two: "2",
  too: "2",
  to: "2",
  dos: "2",
  "2": "2",
  three: "3",
  tres: "3",
  "3": "3",
  zero: "0",
  oh: "0",
  cero: "0",
  "0": "0",
};

const foldSpeech = (speech: string) =>
  speech
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** The menu option a spoken answer picks (digit "" when unclear), and its intent for the call record. */
export function menuSpeechChoice(speech: string): { digit: string; intent: MenuSpeechIntent } {
  const text = foldSpeech(speech);
  const words = text.split(" ").filter(Boolean);
  const numbered =
    words.length > 0 && words.length <= 2
      ? words.find((word) => NUMBER_WORDS[word] !== undefined && word !== "to" && word !== "too" && word !== "oh")
      : /\b(press|pressing|option|number|opcion|numero|marco|marcar|oprimo|oprimir)\s+(\w+)/.exec(text)?.[2];
  const digit = numbered ? NUMBER_WORDS[numbered] : undefined;
  if (digit !== undefined) {
    const intent = (Object.entries(MENU_DIGIT).find(([, d]) => d === digit)?.[0] ?? "none") as MenuSpeechIntent;
    return { digit, intent };
  }
  const intent = MENU_SPEECH.find(([, rule]) => rule.test(text))?.[0] ?? "none";
  return { digit: MENU_DIGIT[intent], intent };
}

function aiAction(ctx: IvrContext, input: MenuInput): MenuAction {
  const speech = input.speech?.trim() ?? "";
  if (!speech) return input.digits ? menuAction(input) : { kind: "retry" };
  const intent = callerIntent(speech);
  if (intent === "voicemail") return { kind: "voicemail" };
  if (intent === "human") return { kind: "forward" };
  // A question about the business wins over the word "yes" inside it.
  const faq = matchFaq(speech, ctx.faqs);
  if (faq) return { kind: "faq", question: faq.question };
  if (intent === "booking") return { kind: "send_booking_link" };
  if (intent === "hours" || intent === "address") return { kind: "hours" };
  if (intent === "goodbye") return { kind: "goodbye" };
  // The menu's wider lexicon (Spanish, "operator", "when are you open"): the same options as the keypad.
  return menuAction({ ...input, digits: undefined });
}

/**
 * DialCallStatus values that mean the business picked up. Anything else (no-answer, busy, failed,
 * canceled, or a value we do not know) is treated as missed: a caller is never left without
 * voicemail because of an unexpected status.
 */
const ANSWERED = new Set(["completed", "answered", "in-progress"]);

/** After ringing the business (POST /twilio/voice/dial-result). */
export function answerDialResult(ctx: IvrContext, dialCallStatus: string): VoiceAnswer & { answered: boolean } {
  const response = new VoiceResponse();
  const answered = ANSWERED.has(dialCallStatus);
  if (answered) response.hangup();
  else if (ctx.number.voicemailEnabled)
    recordVoicemail(
      response,
      ctx,
      "Sorry we missed you. Please leave a message after the tone and we'll call you back.",
    );
  else {
    response.say(VOICE, "Sorry we missed you. We'll get back to you as soon as we can. Goodbye.");
    response.hangup();
  }
  return { twiml: response.toString(), answered };
}

/** After the recording ends (POST /twilio/voice/voicemail). */
export function answerVoicemailSaved(): VoiceAnswer {
  const response = new VoiceResponse();
  response.say(VOICE, "Thanks, we got your message. Goodbye!");
  response.hangup();
  return { twiml: response.toString() };
}

/** For traffic no tenant claims while quarantine is on, and when the database cannot answer. */
export function answerUnavailable(
  message = "Sorry, this number cannot take calls right now. Please try again later.",
): VoiceAnswer {
  const response = new VoiceResponse();
  response.say(VOICE, message);
  response.hangup();
  return { twiml: response.toString() };
}

/** Words the recogniser should expect in the menu (Twilio's Gather `hints`), English and Spanish. */
const MENU_HINTS =
  "book, booking, appointment, make an appointment, talk to someone, a person, operator, hours, when are you open, where are you, address, voicemail, leave a message, one, two, three, zero, reservar, hacer una cita, hablar con alguien, horario, dirección, mensaje";

function menuGather(response: VoiceResponse, ctx: IvrContext, opts: { greet: boolean; attempt: number }) {
  const gather = response.gather({
    input: ["dtmf", "speech"],
    numDigits: 1,
    timeout: 6,
    speechTimeout: "auto",
    action: `${VOICE_PATHS.menu}?mode=menu&attempt=${opts.attempt}`,
    method: "POST",
    hints: MENU_HINTS,
    language: ctx.language ?? "en-US",
  });
  const options =
    "Press 1 to get a booking link by text. Press 2 to reach us. Press 3 for our hours and address. Press 0 to leave a voicemail.";
  gather.say(VOICE, spoken(opts.greet ? `${greetingOf(ctx)} ${options}` : options));
  // No input: the action is called again with nothing, which counts as an attempt.
  response.redirect({ method: "POST" }, `${VOICE_PATHS.menu}?mode=menu&attempt=${opts.attempt}`);
}

function aiGather(response: VoiceResponse, ctx: IvrContext, prompt: string, attempt: number) {
  const gather = response.gather({
    input: ["speech"],
    speechTimeout: "auto",
    timeout: 6,
    action: `${VOICE_PATHS.menu}?mode=ai&attempt=${attempt}`,
    method: "POST",
    language: ctx.language ?? "en-US",
  });
  gather.say(VOICE, spoken(prompt));
  response.redirect({ method: "POST" }, `${VOICE_PATHS.menu}?mode=ai&attempt=${attempt}`);
}

function dialBusiness(response: VoiceResponse, ctx: IvrContext) {
  const dial = response.dial({
    action: VOICE_PATHS.dialResult,
    method: "POST",
    timeout: DIAL_TIMEOUT_SECONDS,
    answerOnBridge: true,
  });
  // The leg we dial reports its own progress (a child call with ParentCallSid, matched to this call by it).
  dial.number(ctx.number.forwardTo!, {
    statusCallback: VOICE_PATHS.status,
    statusCallbackEvent: "initiated ringing answered completed",
    statusCallbackMethod: "POST",
  });
}

function recordVoicemail(response: VoiceResponse, ctx: IvrContext, prompt: string) {
  if (!ctx.number.voicemailEnabled) {
    response.say(VOICE, spoken(`Sorry, nobody can take your call right now. Please call again later. Goodbye.`));
    response.hangup();
    return;
  }
  response.say(VOICE, spoken(prompt));
  response.record({
    action: VOICE_PATHS.voicemail,
    method: "POST",
    maxLength: VOICEMAIL_MAX_SECONDS,
    playBeep: true,
    finishOnKey: "#",
    transcribe: true,
    transcribeCallback: `${VOICE_PATHS.voicemail}?event=transcription`,
    // Also told when the recording turns out empty ("absent"); matched by CallSid and RecordingSid.
    recordingStatusCallback: VOICE_PATHS.voicemail,
    recordingStatusCallbackEvent: "completed absent",
    recordingStatusCallbackMethod: "POST",
  });
  // Reached only if the caller records nothing.
  response.say(VOICE, "We didn't get a message. Goodbye.");
  response.hangup();
}
