import { expect, it } from "vitest";
import type { Intent } from "../types.ts";
import { context } from "./fixtures.test-support.ts";
import { understand } from "./index.ts";

/**
 * Phrasings written after the lexicons were tuned and never tuned on: the honest figure. New misses
 * found here are fixed by class (a new pattern for the kind of phrasing), then new phrasings replace them.
 */
const HELD_OUT: [string, Intent][] = [
  ["yo can u guys detail my jeep this sat", "book"],
  ["hoping to get the interior done before thanksgiving", "book"],
  ["necesito que me laven la camioneta el domingo", "book"],
  ["Schedule me for an exterior wash on Monday please", "book"],
  ["I'll need a full detail for my minivan some day next week", "book"],
  ["is friday morning available", "availability"],
  ["what's the soonest you could get to me", "availability"],
  ["tienen algo para el jueves", "availability"],
  ["anything open sunday", "availability"],
  ["whens ur next opening", "availability"],
  ["Can't do Saturday anymore, any chance for Sunday instead", "reschedule"],
  ["need to move tuesday's appt", "reschedule"],
  ["se puede cambiar la hora a las 4?", "reschedule"],
  ["gonna have to push it to next week sorry", "reschedule"],
  ["please cancel, I sold the car", "optout"],
  ["cancela la cita del viernes porfa", "cancel"],
  ["I have to cancel my detail for tomorrow", "cancel"],
  ["yessir", "confirm"],
  ["Yes that's fine", "confirm"],
  ["bet see you then", "confirm"],
  ["sí, perfecto", "confirm"],
  ["👌", "confirm"],
  ["nah I'm good", "decline"],
  ["no, not this time", "decline"],
  ["ninguno", "decline"],
  ["STOP ALL MESSAGES", "optout"],
  ["please remove my number", "optout"],
  ["ya no me escriban", "optout"],
  ["Can I just talk to Mike", "human"],
  ["I'd rather speak to a person", "human"],
  ["quiero hablar con el dueño", "human"],
  ["your guy broke my side mirror", "complaint"],
  ["the seats are still wet and it smells, very disappointed", "complaint"],
  ["nadie llegó hoy, qué mal servicio", "complaint"],
  ["what would a full detail run me", "price"],
  ["how much is the ozone treatment", "price"],
  ["qué precio tiene el encerado", "price"],
  ["do you guys take cash", "faq"],
  ["will you still come if it's raining", "faq"],
  ["do you need access to a hose", "faq"],
  ["hey there!", "greeting"],
  ["appreciate it!", "greeting"],
  // The opt-out classifier's reading: a "wrong number" asks for no more texts.
  ["wrong number", "optout"],
];

it("held-out phrasings: intent accuracy (reported; ≥ 85% required)", () => {
  const ctx = context();
  const misses: string[] = [];
  for (const [text, expected] of HELD_OUT) {
    const got = understand(text, ctx).intents[0];
    if (got !== expected) misses.push(`${JSON.stringify(text)}: expected ${expected}, got ${got}`);
  }
  const accuracy = (HELD_OUT.length - misses.length) / HELD_OUT.length;
  console.warn(`held-out intent accuracy ${(accuracy * 100).toFixed(1)}% on ${HELD_OUT.length}\n${misses.join("\n")}`);
  expect(accuracy).toBeGreaterThanOrEqual(0.85);
});
