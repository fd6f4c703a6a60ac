import { describe, expect, it } from "vitest";
import type { Proposal } from "../types.ts";
import { context } from "./fixtures.test-support.ts";
import { understand } from "./index.ts";

// Offered on Thursday 5 March (Chicago): Fri 10:00, Fri 14:00, Sat 11:30.
const offered: Proposal = {
  kind: "slots",
  purpose: "book",
  serviceId: "complete-detail",
  addOnIds: [],
  starts: ["2026-03-06T10:00:00-06:00", "2026-03-06T14:00:00-06:00", "2026-03-07T11:30:00-06:00"],
  expiresAt: "2026-03-05T12:00:00-06:00",
};
const pick = (text: string, proposal: Proposal = offered) => understand(text, context({ proposal })).pick;

describe("pick", () => {
  it.each([
    ["the first", 0],
    ["2nd one", 1],
    ["option 2", 1],
    ["#3", 2],
    ["3", 2],
    ["el primero", 0],
    ["la segunda", 1],
    ["10", 0],
    ["10am works", 0],
    ["the 11:30", 2],
    ["la de las 2", 1],
    ["sat", 2],
    ["the saturday one", 2],
    ["friday at 2", 1],
    ["either is fine", 0],
    ["whichever", 0],
    ["the earliest", 0],
    ["the last one", 2],
    ["I'll take the 2pm", 1],
    ["saturday please", 2],
  ] as [string, number][])("%s → %i", (text, index) => {
    expect(pick(text)).toBe(index);
  });

  it.each(["friday", "4pm", "monday", "what else do you have", "hmm", "2"])(
    "%s → null (ambiguous or not offered)",
    (text) => {
      // "friday" fits two offers; "2" is the second offer and the 2pm one alike but they differ here? No: both are index 1.
      if (text === "2") expect(pick(text)).toBe(1);
      else expect(pick(text)).toBeNull();
    },
  );

  it("a number that is a position and a different offer's hour is ambiguous", () => {
    const atTwo: Proposal = { ...offered, starts: ["2026-03-06T14:00:00-06:00", "2026-03-06T16:00:00-06:00"] };
    expect(pick("2", atTwo)).toBeNull();
    expect(pick("option 2", atTwo)).toBe(1);
  });

  it("a yes to a single offer picks it, and says yes", () => {
    const one: Proposal = { ...offered, starts: ["2026-03-06T10:00:00-06:00"] };
    const reading = understand("yes please", context({ proposal: one }));
    expect(reading.pick).toBe(0);
    expect(reading.yes).toBe(true);
    expect(reading.intents[0]).toBe("confirm");
  });

  it("a pick confirms; no proposal, no pick", () => {
    expect(understand("the 2nd one", context({ proposal: offered })).intents).toContain("confirm");
    expect(understand("the 2nd one", context()).pick).toBeNull();
  });
});
