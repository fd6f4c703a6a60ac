import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canonicalTimeZone,
  E164_PATTERN,
  emailInputSchema,
  existingSlugSchema,
  formatPhone,
  hasUnstorableCharacter,
  isE164,
  newPasswordSchema,
  normalizePhone,
  phoneSchema,
  scrubText,
  slugify,
  slugSchema,
  textSchema,
  timeZoneSchema,
} from "./index.ts";

const unsafeMix = fc
  .array(fc.constantFrom("a", " ", "\u0000", "\uD83C", "\uDF31", "🌱", "\uFFFD", "é"), { maxLength: 40 })
  .map((parts) => parts.join(""));

describe("textSchema", () => {
  const name = textSchema("the business name", { max: 80 });

  it("trims and accepts ordinary text, emoji included", () => {
    expect(name.parse("  Green Lawn 🌱 ")).toBe("Green Lawn 🌱");
  });

  it.each([
    ["a NUL", "Green\u0000Lawn"],
    ["a lone high surrogate", "Green \uD83C Lawn"],
    ["a lone low surrogate", "Green \uDF31 Lawn"],
    ["a surrogate at the end", "Green Lawn\uD83C"],
  ])("refuses %s with a message naming the field", (_what, value) => {
    const result = name.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^The business name contains a character that cannot be stored/);
  });

  it("names the field when empty or too long", () => {
    expect(name.safeParse("   ").error?.issues[0]?.message).toBe("Enter the business name.");
    expect(name.safeParse("x".repeat(81)).error?.issues[0]?.message).toBe(
      "The business name can be at most 80 characters.",
    );
  });

  it("scrubText leaves nothing unstorable, whatever it is given", () => {
    fc.assert(
      // Strings built from the characters that matter (NUL, both surrogate halves, whole pairs): a
      // "binary" fc.string finds the same cases but takes seconds to generate on a loaded machine.
      fc.property(unsafeMix, (value) => {
        expect(hasUnstorableCharacter(scrubText(value))).toBe(false);
      }),
      { numRuns: 500 },
    );
    expect(scrubText("a\u0000b\uD83Cc🌱")).toBe("a\uFFFDb\uFFFDc🌱");
  });
});

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

  it("reads other countries' numbers with a plus, and national forms in the tenant's country", () => {
    expect(normalizePhone("+44 20 7946 0958")).toBe("+442079460958");
    expect(normalizePhone("+33 1 23 45 67 89")).toBe("+33123456789");
    expect(normalizePhone("020 7946 0958", "GB")).toBe("+442079460958");
    expect(normalizePhone("01 23 45 67 89", "FR")).toBe("+33123456789");
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

  it("every separator style of the same ten digits gives the same E.164 number", () => {
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
          expect(isE164(normalized ?? "")).toBe(true);
          expect(normalizePhone(normalized ?? "")).toBe(normalized);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never returns anything but E.164 or null", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (input) => {
        const normalized = normalizePhone(input);
        if (normalized !== null) expect(normalized).toMatch(E164_PATTERN);
      }),
      { numRuns: 500 },
    );
  });

  it("formats for display per the tenant's country", () => {
    expect(formatPhone("+15555550100")).toBe("(555) 555-0100");
    expect(formatPhone("+442079460958")).toBe("+44 20 7946 0958");
    expect(formatPhone("+442079460958", "GB")).toBe("020 7946 0958");
    expect(formatPhone("not a number")).toBe("not a number");
  });

  it("phoneSchema names the field and stores E.164", () => {
    const schema = phoneSchema("the owner's mobile number");
    expect(schema.parse("(512) 555-0199")).toBe("+15125550199");
    expect(schema.safeParse("").error?.issues[0]?.message).toBe("Enter the owner's mobile number.");
    expect(schema.safeParse("call me").error?.issues[0]?.message).toMatch(
      /^The owner's mobile number is not a phone number/,
    );
  });
});

describe("slug, email, password, time zone", () => {
  it("slugs: normalised, shaped, and never a route word", () => {
    expect(slugSchema.parse("  Green-Lawn ")).toBe("green-lawn");
    for (const word of ["admin", "app", "portal", "trpc", "twilio", "api"]) {
      expect(slugSchema.safeParse(word).error?.issues[0]?.message).toMatch(/uses for its own pages/);
    }
    expect(slugSchema.safeParse("-x").success).toBe(false);
  });

  it("emails: trimmed, lower-cased, checked strictly", () => {
    const email = emailInputSchema("the owner's email address");
    expect(email.parse("  Ann@Example.COM ")).toBe("ann@example.com");
    for (const bad of ["a@b", "ann@", "ann example.com", "ann@@example.com", "ann@exa mple.com"]) {
      expect(email.safeParse(bad).success, bad).toBe(false);
    }
    expect(email.safeParse("").error?.issues[0]?.message).toBe("Enter the owner's email address.");
  });

  it("passwords: length and variety, per NIST 800-63B", () => {
    expect(newPasswordSchema.safeParse("short").success).toBe(false);
    expect(newPasswordSchema.safeParse("aaaaaaaaaaaaaaaa").success).toBe(false);
    expect(newPasswordSchema.safeParse("correct horse battery").success).toBe(true);
  });

  it("time zones: canonical IANA names only", () => {
    expect(timeZoneSchema.parse("america/chicago")).toBe("America/Chicago");
    expect(timeZoneSchema.safeParse("+02:00").success).toBe(false);
  });
});

// Moved from @servicepro/tenancy with the slug rules.
describe("slugify", () => {
  it("should turn a business name into a slug", () => {
    expect(slugify("Green Lawn Co.")).toBe("green-lawn-co");
    expect(slugify("  Sparkle & Shine Détailing!! ")).toBe("sparkle-and-shine-detailing");
  });

  it("should produce slugs the slug schema accepts", () => {
    for (const name of ["Clean Machine", "A1 Movers", "Über Pets", "x".repeat(100)]) {
      expect(slugSchema.safeParse(slugify(name)).success).toBe(true);
    }
  });
});

describe("slug shapes (new and existing)", () => {
  it("should reject slugs with edge hyphens, capitals after trimming aside, or odd characters", () => {
    for (const schema of [slugSchema, existingSlugSchema()]) {
      for (const bad of ["-lawn", "lawn-", "a", "lawn_co", "lawn co", "x".repeat(64), "lawn\u0000"]) {
        expect(schema.safeParse(bad).success, bad).toBe(false);
      }
      expect(schema.parse(" Green-Lawn ")).toBe("green-lawn");
    }
  });

  it("should let a lookup name an existing business whose id is a reserved word", () => {
    expect(existingSlugSchema().parse("root")).toBe("root");
    expect(slugSchema.safeParse("root").success).toBe(false);
  });
});

// Moved from @servicepro/concierge with the time zone rule.
describe("canonicalTimeZone", () => {
  it("should accept IANA names and aliases, refusing offsets and nonsense", () => {
    expect(canonicalTimeZone("Europe/London")).toBe("Europe/London");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    expect(canonicalTimeZone("-05:00")).toBeNull();
    expect(canonicalTimeZone("Nowhere/Special")).toBeNull();
  });
});
