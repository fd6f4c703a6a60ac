import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callerIdOf, callerNameOf, WITHHELD_CALLER_LABEL } from "./phone.ts";

const withheld = { kind: "withheld", label: WITHHELD_CALLER_LABEL };

describe("callerIdOf", () => {
  it("keeps real numbers as E.164", () => {
    expect(callerIdOf("+15555550150")).toEqual({ kind: "phone", e164: "+15555550150" });
    expect(callerIdOf("+12125550100")).toEqual({ kind: "phone", e164: "+12125550100" });
    expect(callerIdOf("(212) 555-0100")).toEqual({ kind: "phone", e164: "+12125550100" });
    expect(callerIdOf("+442079460958")).toEqual({ kind: "phone", e164: "+442079460958" });
    expect(callerIdOf("+33612345678")).toEqual({ kind: "phone", e164: "+33612345678" });
  });

  it("treats Twilio's and the carriers' placeholders as withheld, as words and as keypad digits", () => {
    for (const raw of [
      "+266696687", // ANONYMOUS
      "266696687",
      "+7378742833", // RESTRICTED
      "+86282452253", // UNAVAILABLE
      "+8656696", // UNKNOWN
      "+7748283", // PRIVATE
      "+2562533", // BLOCKED
      "Anonymous",
      "anonymous",
      "ANONYMOUS",
      "Restricted",
      "Unknown",
      "Unavailable",
      "Private",
      "Blocked",
      "Withheld",
      "Not Available",
      "client:anonymous",
    ])
      expect(callerIdOf(raw), raw).toEqual(withheld);
  });

  it("treats empty and missing caller IDs as withheld", () => {
    for (const raw of ["", "   ", null, undefined]) expect(callerIdOf(raw)).toEqual(withheld);
  });

  it("treats what no numbering plan has as withheld", () => {
    for (const raw of [
      "+1234", // too short
      "+10000000000", // area code 0
      "+11235550100", // area code 1
      "+12120550100", // exchange 0
      "+3361234567", // French number one digit short
      "+491234", // too short for Germany's plan
      "+999123456789", // no such country code
      "+1555555015012345", // too long
      "sip:alice@example.com",
      "+1-800-FLOWERS",
      "12",
    ])
      expect(callerIdOf(raw), raw).toEqual(withheld);
  });

  it("never throws and answers one of the two kinds, whatever the input", () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const id = callerIdOf(raw);
        if (id.kind === "phone") expect(id.e164).toMatch(/^\+[1-9]\d{6,14}$/);
        else expect(id.label).toBe(WITHHELD_CALLER_LABEL);
      }),
    );
  });
});

describe("callerNameOf", () => {
  it("keeps a name as Twilio sent it, trimmed", () => {
    expect(callerNameOf("Jane Doe")).toBe("Jane Doe");
    expect(callerNameOf("  DOE JANE  ")).toBe("DOE JANE");
    expect(callerNameOf("José Núñez")).toBe("José Núñez");
    expect(callerNameOf("x".repeat(300))).toHaveLength(100);
  });

  it("drops placeholders, numbers and empties", () => {
    for (const raw of [
      "",
      "  ",
      null,
      undefined,
      "+15555550150",
      "5555550150",
      "ANONYMOUS",
      "Unavailable",
      "PRIVATE",
      "WIRELESS CALLER",
      "Unknown Name",
      "TOLL FREE CALL",
      "CA",
    ])
      expect(callerNameOf(raw), String(raw)).toBeNull();
  });
});
