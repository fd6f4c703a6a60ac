import { describe, expect, it } from "vitest";
import type { Intent } from "../types.ts";
import { context } from "./fixtures.test-support.ts";
import { isAffirmative, isNegative, understand } from "./index.ts";

/** Phrasings with the intent a person reading them would give; English, Spanish, Spanglish, typos, voice-to-text. */
const TABLE: [string, Intent][] = [
  // book
  ["can I get a detail sat at 10", "book"],
  ["book me in for a complete detail tomorrow", "book"],
  ["quiero una cita para el sábado", "book"],
  ["I'd like to schedule a maintenance wash", "book"],
  ["need my car detailed next week", "book"],
  ["can you come out friday morning and do the interior", "book"],
  ["Hi! Looking to get a ceramic coating done sometime next month", "book"],
  ["sign me up for the 2pm", "book"],
  ["i want to book an exterior detail for tmrw pls", "book"],
  ["could u squeeze me in today", "book"],
  ["Necesito un lavado para mi carro mañana", "book"],
  ["me pueden agendar el lunes a las 9", "book"],
  ["can i get on the schedule for saturday", "book"],
  ["yo quiero hacer una cita", "book"],
  ["Can we set up a full interior for my wife's car", "book"],
  ["i need a wash before my trip on the 14th", "book"],
  ["put me down for sunday afternoon", "book"],
  ["can someone come clean my truck wednesday at 3", "book"],
  ["id like a motorcycle detail", "book"],
  ["i wanna get my car washed saturday morning", "book"],
  ["can i book a complete detial", "book"],
  ["hey can you do my car tomorrow at 9", "book"],
  ["agendame para el viernes porfa", "book"],
  ["I need an appointment", "book"],
  ["book it for tuesday at ten a m", "book"],
  ["interested in getting a paint correction", "book"],
  ["saturday at 10am", "book"],
  ["quisiera reservar un lavado completo", "book"],
  // reschedule
  ["can we move my appointment to friday", "reschedule"],
  ["need to reschedule", "reschedule"],
  ["R", "reschedule"],
  ["I can't make it tomorrow, can we do thursday instead?", "reschedule"],
  ["push my appt back an hour", "reschedule"],
  ["resched to next week pls", "reschedule"],
  ["something came up, can we pick a different day", "reschedule"],
  ["necesito cambiar mi cita para el martes", "reschedule"],
  ["puedo reprogramar mi cita?", "reschedule"],
  ["can i change the time to 3", "reschedule"],
  ["rescedule please", "reschedule"],
  ["no voy a poder el sábado, otro día?", "reschedule"],
  ["can we do 4 instead of 2", "reschedule"],
  ["is it possible to switch my appointment to the afternoon", "reschedule"],
  ["i wont be able to make it saturday", "reschedule"],
  ["could we bump it to next week", "reschedule"],
  ["quiero reagendar", "reschedule"],
  // cancel
  ["cancel my appointment", "cancel"],
  ["I need to cancel tomorrow's detail", "cancel"],
  ["please cancel saturday", "cancel"],
  ["we have to cancel, sorry", "cancel"],
  ["cancelar mi cita por favor", "cancel"],
  ["ya no necesito la cita, gracias", "cancel"],
  ["can you cancle my appt", "cancel"],
  ["call it off for friday, car got sold", "cancel"],
  ["i dont need the appointment anymore", "cancel"],
  ["cancel the wash pls", "cancel"],
  ["quiero cancelar", "cancel"],
  ["go ahead and cancel my booking", "cancel"],
  // availability
  ["what do you have sat", "availability"],
  ["any openings tmrw?", "availability"],
  ["are you free next week", "availability"],
  ["when is your next available", "availability"],
  ["do you have anything this weekend", "availability"],
  ["whats your availability like friday", "availability"],
  ["tienen espacio el sábado?", "availability"],
  ["cuándo pueden venir?", "availability"],
  ["hay disponibilidad mañana en la tarde", "availability"],
  ["how soon can you come", "availability"],
  ["is saturday open", "availability"],
  ["do u have time thursday afternoon", "availability"],
  ["earliest you can do?", "availability"],
  ["what times are open on monday", "availability"],
  ["any availability next week for an interior?", "availability"],
  ["tmrw afternoon?", "availability"],
  ["are you guys booked up this week", "availability"],
  ["got anything open after 3", "availability"],
  ["lo antes posible que tienen?", "availability"],
  ["when can someone come out", "availability"],
  // confirm
  ["yes", "confirm"],
  ["Sí", "confirm"],
  ["👍", "confirm"],
  ["sounds good", "confirm"],
  ["that works", "confirm"],
  ["dale", "confirm"],
  ["perfecto", "confirm"],
  ["C", "confirm"],
  ["Yep see you then", "confirm"],
  ["ok", "confirm"],
  ["yeah that works for me", "confirm"],
  ["confirmed, thank you", "confirm"],
  ["claro que sí", "confirm"],
  ["sure thing", "confirm"],
  ["👍👍", "confirm"],
  ["yes please", "confirm"],
  ["sounds great see you saturday", "confirm"],
  ["de acuerdo", "confirm"],
  ["perfect thanks!", "confirm"],
  ["yup", "confirm"],
  ["ok sounds good", "confirm"],
  ["me parece bien", "confirm"],
  ["absolutely", "confirm"],
  // decline
  ["no", "decline"],
  ["nah", "decline"],
  ["no thanks", "decline"],
  ["never mind", "decline"],
  ["none of those work", "decline"],
  ["no gracias", "decline"],
  ["nope", "decline"],
  ["not interested", "decline"],
  ["mejor no", "decline"],
  ["im good thanks", "decline"],
  ["👎", "decline"],
  ["no thank you", "decline"],
  // optout
  ["STOP", "optout"],
  ["stop texting me", "optout"],
  ["unsubscribe", "optout"],
  ["remove me from your list", "optout"],
  ["no me manden más mensajes", "optout"],
  ["please stop sending me messages", "optout"],
  ["take me off this list", "optout"],
  // human
  ["can I talk to someone about pricing", "human"],
  ["i want to speak to a real person", "human"],
  ["is this a bot?", "human"],
  ["can the owner call me", "human"],
  ["call me please", "human"],
  ["quiero hablar con alguien", "human"],
  ["me pueden llamar?", "human"],
  ["let me talk to the manager", "human"],
  ["give me a call when you can", "human"],
  ["speak to a human pls", "human"],
  ["need a live agent", "human"],
  // complaint
  ["you guys scratched my car", "complaint"],
  ["the interior is still dirty, not happy", "complaint"],
  ["I want a refund", "complaint"],
  ["your tech never showed up", "complaint"],
  ["nobody came today and I waited all morning", "complaint"],
  ["this was the worst detail i've ever paid for", "complaint"],
  ["the guy was really rude to my wife", "complaint"],
  ["you were 2 hours late", "complaint"],
  ["there are swirl marks everywhere now, really disappointed", "complaint"],
  ["no vinieron y los estuve esperando", "complaint"],
  ["quiero un reembolso, el carro quedó sucio", "complaint"],
  ["pésimo servicio", "complaint"],
  ["this is fucking ridiculous, you missed half the car", "complaint"],
  ["you charged me twice", "complaint"],
  ["they left a mess in my driveway", "complaint"],
  ["very unhappy with the job", "complaint"],
  ["dañaron mi asiento", "complaint"],
  // price
  ["how much for a complete detail", "price"],
  ["what does a ceramic coating cost", "price"],
  ["cuánto cuesta el lavado", "price"],
  ["price for interior?", "price"],
  ["how much do you charge for an suv", "price"],
  ["precio de un detallado completo", "price"],
  ["whats the cost of headlight restoration", "price"],
  ["how much", "price"],
  ["cuanto cobran", "price"],
  ["what are your rates", "price"],
  ["can i get a quote for paint correction", "price"],
  // faq
  ["do you need my water or electricity?", "faq"],
  ["what if it rains", "faq"],
  ["how long does a complete detail take", "faq"],
  ["do I have to be home", "faq"],
  ["do you take venmo", "faq"],
  ["are you insured?", "faq"],
  ["where are you located", "faq"],
  ["what's your cancellation policy", "faq"],
  ["can you get dog smell out", "faq"],
  ["aceptan tarjeta?", "faq"],
  ["qué pasa si llueve", "faq"],
  ["cuánto tiempo tardan", "faq"],
  ["do u need an outlet", "faq"],
  ["is there a fee if i cancel", "faq"],
  // greeting
  ["hi", "greeting"],
  ["hello there", "greeting"],
  ["hola", "greeting"],
  ["good morning!", "greeting"],
  ["thanks so much", "greeting"],
  ["buenas tardes", "greeting"],
  ["hey", "greeting"],
  ["muchas gracias", "greeting"],
  ["thank u!!", "greeting"],
  // other
  ["", "other"],
  ["🚗", "other"],
  ["who is this", "greeting"],
  ["bonjour je voudrais des renseignements", "other"],
  ["lol", "other"],
  ["my car is a 2019 honda civic", "other"],
  ["stop by anytime after 3 tomorrow, the gate code is 4412", "book"],
];

describe("intents", () => {
  const ctx = context();
  it(`the table has at least 150 phrasings (${TABLE.length})`, () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(150);
  });

  it("reads the table's primary intents (accuracy reported, ≥ 95% required)", () => {
    const misses: string[] = [];
    for (const [text, expected] of TABLE) {
      const got = understand(text, ctx).intents[0];
      if (got !== expected) misses.push(`${JSON.stringify(text)}: expected ${expected}, got ${got}`);
    }
    const accuracy = (TABLE.length - misses.length) / TABLE.length;
    // The figure the report quotes.
    console.warn(`intent accuracy ${(accuracy * 100).toFixed(1)}% on ${TABLE.length}\n${misses.join("\n")}`);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it.each([
    ["can I talk to someone about pricing", ["human", "price"]],
    ["cancel my appointment and stop texting me", ["optout", "cancel"]],
    ["hi, how much is a wash and can you do saturday", ["book", "price", "greeting"]],
  ] as [string, Intent[]][])("lists every intent in precedence order: %s", (text, expected) => {
    const intents = understand(text, ctx).intents;
    for (const intent of expected) expect(intents).toContain(intent);
    const positions = expected.map((i) => intents.indexOf(i));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("keeps the classic false positives out", () => {
    expect(understand("stop by at 3 tomorrow", ctx).intents).not.toContain("optout");
    expect(understand("cancel my appointment", ctx).intents[0]).toBe("cancel");
    expect(understand("what's your cancellation policy?", ctx).intents).not.toContain("cancel");
    expect(understand("no problem!", ctx).intents).not.toContain("decline");
    expect(understand("good morning", ctx).window).toBeNull();
    expect(understand("call me when you're on the way", ctx).intents).not.toContain("human");
    expect(understand("I don't want to cancel, just checking the time", ctx).intents).not.toContain("cancel");
    expect(understand("so happy with the job, no complaints", ctx).intents).not.toContain("complaint");
  });

  it("reads yes and no", () => {
    for (const yes of ["yes", "Sí", "👍", "sounds good", "that works", "dale", "perfecto", "yep!", "ok", "C"])
      expect(isAffirmative(yes), yes).toBe(true);
    for (const no of ["no", "nah", "never mind", "no gracias", "nope", "not now"])
      expect(isNegative(no), no).toBe(true);
    for (const neither of ["no problem", "yes but can we do 3 instead", "what time?"]) {
      expect(isAffirmative(neither) && isNegative(neither), neither).toBe(false);
    }
    expect(isAffirmative("yes but can we do 3 instead")).toBe(false);
    expect(isNegative("no problem")).toBe(false);
    expect(understand("yes", context()).yes).toBe(true);
    expect(understand("no", context()).no).toBe(true);
  });
});

describe("a free-text cancel", () => {
  it("is about the appointment when there is one, and an opt-out when there is none", () => {
    const appointment = {
      id: "a1",
      serviceId: "maintenance-wash",
      serviceName: "Maintenance Wash",
      start: new Date("2026-03-07T10:00:00-06:00"),
      end: new Date("2026-03-07T11:15:00-06:00"),
      status: "booked" as const,
      addOnIds: [],
    };
    expect(understand("please cancel, I sold the car", context({ appointments: [appointment] })).intents[0]).toBe(
      "cancel",
    );
    expect(understand("please cancel, I sold the car", context()).intents[0]).toBe("optout");
    // The bare carrier keyword stays an opt-out.
    expect(understand("CANCEL", context({ appointments: [appointment] })).intents[0]).toBe("optout");
  });
});
