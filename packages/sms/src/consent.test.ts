import { describe, expect, it } from "vitest";
import { type ConsentChange, consentEffects, marketingAllowed, marketingChangeProblem } from "./consent.ts";

const optIn = (source: ConsentChange["source"], evidence: ConsentChange["evidence"]): ConsentChange => ({
  phone: "+15555550123",
  state: "opted_in",
  source,
  evidence,
});

describe("consentEffects", () => {
  it("an opt-out of texts revokes both purposes", () => {
    expect(consentEffects("transactional", "opted_out")).toEqual([
      { purpose: "transactional", state: "opted_out" },
      { purpose: "marketing", state: "opted_out" },
    ]);
  });

  it("a transactional opt-in (START, the booking box) does not grant marketing", () => {
    expect(consentEffects("transactional", "opted_in")).toEqual([{ purpose: "transactional", state: "opted_in" }]);
  });

  it("marketing changes touch marketing only: turning offers off keeps reminders", () => {
    expect(consentEffects("marketing", "opted_out")).toEqual([{ purpose: "marketing", state: "opted_out" }]);
    expect(consentEffects("marketing", "opted_in")).toEqual([{ purpose: "marketing", state: "opted_in" }]);
  });
});

describe("marketingAllowed", () => {
  it.each([
    [null, null, false],
    [null, "opted_in", false],
    ["opted_out", null, false],
    ["opted_in", null, true],
    ["opted_in", "opted_in", true],
    ["opted_in", "opted_out", false],
  ] as const)("marketing %s, transactional %s → %s", (marketing, transactional, allowed) => {
    expect(marketingAllowed(marketing, transactional)).toBe(allowed);
  });
});

describe("marketingChangeProblem", () => {
  it("accepts an opt-in through each source with the evidence it must carry", () => {
    expect(marketingChangeProblem(optIn("booking_page", { text: "I agree to offers" }), null)).toBeNull();
    expect(marketingChangeProblem(optIn("keyword", { text: "JOIN" }), "opted_in")).toBeNull();
    expect(marketingChangeProblem(optIn("staff", { note: "Asked at the counter" }), null)).toBeNull();
    expect(marketingChangeProblem(optIn("portal", { text: "Send me offers" }), null)).toBeNull();
    expect(marketingChangeProblem(optIn("import", { importSource: "Square export, March" }), null)).toBeNull();
  });

  it("refuses an opt-in without its evidence", () => {
    expect(marketingChangeProblem(optIn("staff", { userId: "u1" }), null)).toMatch(/a note on how the customer agreed/);
    expect(marketingChangeProblem(optIn("staff", { note: "   " }), null)).toMatch(/note/);
    expect(marketingChangeProblem(optIn("import", {}), null)).toMatch(/where the list came from/);
    expect(marketingChangeProblem(optIn("booking_page", "yes"), null)).toMatch(/wording/);
  });

  it("refuses sources that only ever revoke", () => {
    for (const source of ["free_text", "provider_21610", "voicemail", "voice_menu"] as const) {
      expect(marketingChangeProblem(optIn(source, { text: "x" }), null)).toMatch(/can't be given through/);
    }
  });

  it("refuses an opt-in for a number that opted out of texts until it opts back in", () => {
    expect(marketingChangeProblem(optIn("staff", { note: "Said yes" }), "opted_out")).toMatch(/START/);
  });

  it("always lets marketing be revoked, with or without evidence", () => {
    const out: ConsentChange = { phone: "+15555550123", state: "opted_out", source: "portal", evidence: {} };
    expect(marketingChangeProblem(out, "opted_out")).toBeNull();
  });
});
