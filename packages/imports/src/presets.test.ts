import { describe, expect, it } from "vitest";
import { detectPreset, resolveMapping } from "./presets.ts";

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
      errors: ['The file has no column "Telephone" (mapped to phone).', "Map a column to Phone or Email."],
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
