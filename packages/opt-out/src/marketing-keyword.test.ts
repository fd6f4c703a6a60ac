// JOIN, the marketing opt-in keyword: the whole text, in any case, with a closing "." or "!"; never a
// question, a sentence around it, or another word (OFFERS stays an everyday word). It is no consent
// keyword the classifier knows, so only the intake's JOIN branch acts on it.
import { describe, expect, it } from "vitest";
import { classifyConsent } from "./classify.ts";
import { marketingOptInKeyword } from "./keywords.ts";

describe("marketingOptInKeyword", () => {
  it("should read JOIN alone, whatever its case, spacing, quotes or closing mark", () => {
    for (const body of ["JOIN", "join", " Join ", "JOIN!", "join.", '"JOIN"', "jOiN\n"])
      expect(marketingOptInKeyword(body)).toBe("JOIN");
  });

  it("should not read a question, a sentence, another word or an opt-in keyword as JOIN", () => {
    for (const body of [
      "Join?",
      "join us",
      "I want to join",
      "JOINED",
      "OFFERS",
      "offers",
      "START",
      "YES",
      "",
      "J O I N",
    ])
      expect(marketingOptInKeyword(body)).toBeNull();
  });

  it("should be no consent keyword for the classifier (texts are not opted in or out by it)", () => {
    expect(classifyConsent("JOIN").kind).toBe("none");
    expect(classifyConsent("join!").kind).toBe("none");
  });
});
