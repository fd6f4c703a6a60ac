import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { E164_PATTERN, formatPhone, isE164, normalizePhone } from "./phone.ts";

describe("normalizePhone", () => {
  it.each([
    "(555) 555-0100",
    "555.555.0100",
    "555-555-0100",
    "5555550100",
    "+1 555 555 0100",
    "+1 (555) 555-0100",
    "+15555550100",
    "1-555-555-0100",
    "1 (555) 555-0100",
    "15555550100",
    "  (555) 555-0100  ",
  ])("%j is +15555550100", (input) => {
    expect(normalizePhone(input)).toBe("+15555550100");
  });

  it("keeps other countries' E.164 numbers when they carry a plus", () => {
    expect(normalizePhone("+44 20 7946 0958")).toBe("+442079460958");
    expect(normalizePhone("+33 1 23 45 67 89")).toBe("+33123456789");
  });

  it.each([
    "",
    "   ",
    "junk",
    "call me",
    "555-0100",
    "555 555 010",
    "055-555-0100",
    "(555) 155-0100",
    "2-555-555-0100",
    "+1 555 555 010",
    "+1 555 555 01000",
    "+0 555 555 0100",
    "+",
    "++15555550100",
    "+12",
    "1234567890123456",
    "555a555b0100",
    "whatsapp:+15555550100",
    "1-800-FLOWERS",
    "555-555-0100 ext 12",
  ])("rejects %j", (input) => {
    expect(normalizePhone(input)).toBeNull();
  });

  it("every separator style of the same ten digits gives the same number, and it is E.164", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[2-9]\d{2}[2-9]\d{6}$/),
        fc.constantFrom("", " ", "-", "."),
        fc.boolean(),
        fc.constantFrom("", "1", "1 ", "1-", "+1", "+1 "),
        (ten, sep, parens, prefix) => {
          const area = parens ? `(${ten.slice(0, 3)}) ` : `${ten.slice(0, 3)}${sep}`;
          const input = `${prefix}${area}${ten.slice(3, 6)}${sep}${ten.slice(6)}`;
          const normalized = normalizePhone(input);
          expect(normalized, input).toBe(`+1${ten}`);
          expect(isE164(normalized!)).toBe(true);
          expect(normalizePhone(normalized!)).toBe(normalized);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never returns anything but E.164 or null, whatever it is given", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (input) => {
        const normalized = normalizePhone(input);
        if (normalized !== null) expect(normalized).toMatch(E164_PATTERN);
      }),
      { numRuns: 500 },
    );
  });
});

describe("isE164 / formatPhone", () => {
  it("accepts only a plus, a non-zero country code and 8 to 15 digits", () => {
    expect(isE164("+15555550100")).toBe(true);
    expect(isE164("+442079460958")).toBe(true);
    expect(isE164("15555550100")).toBe(false);
    expect(isE164("+1 555 555 0100")).toBe(false);
    expect(isE164("+05555550100")).toBe(false);
    expect(isE164("+1234567")).toBe(false);
    expect(isE164("+1234567890123456")).toBe(false);
  });

  it("formats North American numbers and leaves others alone", () => {
    expect(formatPhone("+15555550100")).toBe("(555) 555-0100");
    expect(formatPhone("+442079460958")).toBe("+442079460958");
    expect(formatPhone("not a number")).toBe("not a number");
  });
});
