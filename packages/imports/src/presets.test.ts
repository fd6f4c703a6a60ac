import { describe, expect, it } from "vitest";
import { KIND_FIELDS } from "./fields.ts";
import { checkMapping, compactMapping, detectPreset, resolveMapping } from "./presets.ts";

describe("detectPreset", () => {
  it("recognises a Jobber clients export by its header", () => {
    const headers = ["Client ID", "Display Name", "First Name", "Last Name", "Mobile Phone", "E-mail", "Tags"];
    expect(detectPreset("customers", headers)).toMatchObject({
      preset: "jobber",
      mapping: { externalId: ["Client ID"], phone: ["Mobile Phone"], email: ["E-mail"] },
    });
  });

  it("recognises a Square export", () => {
    const headers = ["First Name", "Surname", "Email Address", "Phone Number", "Square Customer ID", "Groups", "Memo"];
    expect(detectPreset("customers", headers).preset).toBe("square");
  });

  it("guesses an unknown layout by common column names, and says what it still lacks", () => {
    expect(detectPreset("customers", ["Full Name", "Cell", "E-Mail Address"])).toEqual({
      preset: null,
      mapping: { name: ["Full Name"], phone: ["Cell"], email: ["E-Mail Address"] },
      missing: [],
    });
    expect(detectPreset("customers", ["Name", "Notes"]).missing).toEqual(["Phone or Email"]);
  });
});

describe("resolveMapping", () => {
  it("checks a custom mapping against the file's columns", () => {
    expect(resolveMapping("customers", ["Name", "Tel"], { mapping: { name: "Name", phone: "Telephone" } })).toEqual({
      mapping: { name: ["Name"], phone: [] },
      errors: ['The file has no column "Telephone" (chosen for Phone). Choose one of its columns.'],
    });
    expect(resolveMapping("customers", ["Name"], { mapping: { nickname: "Name" } }).errors[0]).toBe(
      '"nickname" is not a field of a customers import.',
    );
  });

  it("refuses a preset the file does not look like", () => {
    expect(resolveMapping("customers", ["Name", "Notes"], { preset: "jobber" }).errors).toEqual([
      "This file does not look like a Jobber clients export: it has no column for Phone or Email.",
    ]);
  });
});

describe("checkMapping", () => {
  const headers = ["Client", "Cell", "Home", "Mail", "Street", "City", "Remarks"];

  it("accepts a mapping of the file's own columns, several where a field takes several", () => {
    expect(
      checkMapping("customers", headers, {
        name: ["Client"],
        phone: ["Cell"],
        altPhone: ["Home"],
        email: ["Mail"],
        address: ["Street", "City"],
        notes: ["Remarks", "Client"],
        tags: [],
      }),
    ).toEqual([]);
  });

  it("names an unknown field and a column the file does not have", () => {
    expect(checkMapping("customers", headers, { nickname: ["Client"], phone: ["Telephone", "Cell"] })).toEqual([
      { field: "nickname", message: '"nickname" is not a field of a customers import.' },
      { field: "phone", message: 'The file has no column "Telephone" (chosen for Phone). Choose one of its columns.' },
    ]);
  });

  it("refuses several columns for a field that reads one", () => {
    expect(checkMapping("customers", headers, { phone: ["Cell"], email: ["Mail", "Remarks"] })).toEqual([
      { field: "email", message: 'Email reads one column: choose one of "Mail", "Remarks".' },
    ]);
  });

  it("refuses one column read by two fields, but lets the notes keep a copy", () => {
    expect(checkMapping("customers", headers, { phone: ["Cell"], altPhone: ["Cell"], notes: ["Cell"] })).toEqual([
      {
        field: "altPhone",
        message: '"Cell" is already read as Phone: a column fills one field. Choose another column for Other phone.',
      },
    ]);
    expect(checkMapping("customers", headers, { phone: ["Cell", "Cell"] })[0]?.message).toBe(
      'Phone has "Cell" chosen twice.',
    );
  });

  it("names the required fields left unmapped, on the first field of each group", () => {
    expect(checkMapping("customers", headers, { name: ["Client"], phone: [] })).toEqual([
      { field: "phone", message: "Map a column to Phone or Email." },
    ]);
    expect(checkMapping("points", headers, {})).toEqual([
      { field: "customerExternalId", message: "Map a column to Customer ID or Customer phone or Customer email." },
      { field: "points", message: "Map a column to Points balance." },
    ]);
  });

  it("is the rule resolveMapping runs a custom mapping with", () => {
    expect(resolveMapping("customers", headers, { mapping: { phone: "Cell", altPhone: ["Cell"] } }).errors).toEqual([
      '"Cell" is already read as Phone: a column fills one field. Choose another column for Other phone.',
    ]);
  });

  it("stores fields with columns only", () => {
    expect(compactMapping({ phone: ["Cell"], tags: [] })).toEqual({ phone: ["Cell"] });
  });

  it("reads the catalogue shared with the browser", () => {
    expect(KIND_FIELDS.customers.phone).toMatchObject({ label: "Phone", several: true });
  });
});
