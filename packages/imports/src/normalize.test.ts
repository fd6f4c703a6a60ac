import { describe, expect, it } from "vitest";
import { normalizeCustomer, oneEditApart, readDate, readEmail, readMoney, readPhone } from "./normalize.ts";

const options = { defaultCountry: "US" as const, dateFormat: "MM/DD/YYYY" as const, timeZone: "America/Chicago" };

describe("readPhone", () => {
  it.each([
    ["+15125550100", "+15125550100"],
    ["(512) 555-0100", "+15125550100"],
    ["512.555.0100", "+15125550100"],
    ["1 512 555 0100", "+15125550100"],
    ["+44 20 7946 0958", "+442079460958"],
  ])("reads %s as %s", (input, e164) => {
    expect(readPhone(input, "US")).toEqual({ ok: true, value: e164 });
  });

  it("gives the fast path and libphonenumber the same answers", () => {
    // The fast path must not accept what the full parser refuses (an area code starting with 1).
    expect(readPhone("(112) 555-0100", "US").ok).toBe(false);
    expect(readPhone("+11125550100", "US").ok).toBe(false);
  });

  it("says what to do with a number it cannot read", () => {
    expect(readPhone("555-01", "US")).toEqual({
      ok: false,
      error: expect.stringMatching(/Phone "555-01" is not a number we can dial\. Correct it in the file/),
    });
  });
});

describe("readEmail", () => {
  it("case-folds and trims", () =>
    expect(readEmail("  Ana@Example.COM ")).toEqual({ ok: true, value: "ana@example.com" }));
  it("refuses what is not an address", () => expect(readEmail("ana@example").ok).toBe(false));
});

describe("readDate", () => {
  it("reads the mapping's format in the business's zone", () => {
    expect(readDate("03/31/2026 2:30 PM", options)).toEqual({ ok: true, value: new Date("2026-03-31T19:30:00Z") });
    expect(readDate("31/03/2026", { ...options, dateFormat: "DD/MM/YYYY" })).toEqual({
      ok: true,
      value: new Date("2026-03-31T05:00:00Z"),
    });
    expect(readDate("2026-01-15 09:00", { ...options, dateFormat: "YYYY-MM-DD" })).toEqual({
      ok: true,
      value: new Date("2026-01-15T15:00:00Z"),
    });
  });

  it("reads an explicit offset as that instant", () => {
    expect(readDate("2026-01-02T10:00:00Z", options)).toEqual({ ok: true, value: new Date("2026-01-02T10:00:00Z") });
  });

  it("refuses an impossible or misformatted date with the expected format", () => {
    expect(readDate("02/30/2026", options)).toEqual({
      ok: false,
      error: expect.stringMatching(/as MM\/DD\/YYYY \(e\.g\. 03\/31\/2026/),
    });
    expect(readDate("31/03/2026", options).ok).toBe(false);
    expect(readDate("yesterday", options).ok).toBe(false);
    expect(readDate("03/31/2026 25:00", options).ok).toBe(false);
  });
});

describe("readMoney", () => {
  it.each([
    ["$1,234.50", 123450],
    ["85", 8500],
    ["85.5", 8550],
  ])("reads %s as %i cents", (input, cents) => expect(readMoney(input)).toEqual({ ok: true, value: cents }));
  it("refuses text and negatives", () => {
    expect(readMoney("about 80").ok).toBe(false);
    expect(readMoney("-5").ok).toBe(false);
  });
});

describe("normalizeCustomer", () => {
  const mapping = {
    firstName: ["First"],
    lastName: ["Last"],
    phone: ["Mobile", "Main"],
    altPhone: ["Home"],
    email: ["Email"],
    address: ["Street", "City"],
    tags: ["Tags"],
  };

  it("joins names and addresses, collects phones and tags", () => {
    const result = normalizeCustomer(
      {
        First: "Ana",
        Last: "Ruiz",
        Mobile: "",
        Main: "512-555-0100",
        Home: "(512) 555-0101",
        Email: "ANA@example.com",
        Street: "12 Oak St",
        City: "Austin",
        Tags: "VIP; regular,vip",
      },
      mapping,
      options,
    );
    expect(result).toEqual({
      ok: true,
      warnings: [],
      row: {
        externalId: null,
        name: "Ana Ruiz",
        phone: "+15125550100",
        altPhones: ["+15125550101"],
        email: "ana@example.com",
        address: "12 Oak St, Austin",
        notes: null,
        tags: ["vip", "regular"],
      },
    });
  });

  it("rejects a row with an unreadable primary phone, and warns about an unreadable other phone", () => {
    expect(normalizeCustomer({ Mobile: "call me" }, mapping, options)).toEqual({
      ok: false,
      errors: [expect.stringMatching(/Phone "call me"/)],
    });
    const warned = normalizeCustomer({ Mobile: "5125550100", Home: "12" }, mapping, options);
    expect(warned.ok && warned.warnings).toEqual([expect.stringMatching(/Phone "12" .* It was left out\./)]);
  });

  it("rejects a row with neither a phone nor an email", () => {
    expect(normalizeCustomer({ First: "Ana" }, mapping, options)).toEqual({
      ok: false,
      errors: ["This row has neither a phone nor an email: add one of them."],
    });
  });
});

describe("oneEditApart", () => {
  it.each([
    ["ana@example.com", "ana@exmaple.com", true],
    ["ana@example.com", "ana@example.co", true],
    ["ana@example.com", "anna@example.com", true],
    ["ana@example.com", "ana@example.com", false],
    ["ana@example.com", "bob@example.com", false],
  ])("%s / %s → %s", (a, b, expected) => expect(oneEditApart(a, b)).toBe(expected));
});
