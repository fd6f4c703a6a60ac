import { describe, expect, it } from "vitest";
import {
  IMPORT_FIELDS,
  IMPORT_KIND_VALUES,
  IMPORT_KINDS,
  IMPORT_REQUIRED_FIELDS,
  importFieldsOf,
  importSetMappingInput,
  isRequiredImportField,
} from "./index.ts";

const ID = "0d9a8a3c-6f2e-4c57-9a35-3e4a1f3c2b10";

describe("the import field catalogue", () => {
  it("covers every kind, each field with a label and a line of help", () => {
    expect(IMPORT_KIND_VALUES).toBe(IMPORT_KINDS);
    for (const kind of IMPORT_KINDS) {
      const fields = importFieldsOf(kind);
      expect(fields.length).toBeGreaterThan(0);
      for (const field of fields) {
        expect(field.label.length, `${kind}.${field.field}`).toBeGreaterThan(0);
        expect(field.help.length, `${kind}.${field.field}`).toBeGreaterThan(0);
      }
    }
  });

  it("requires only fields the kind has", () => {
    for (const kind of IMPORT_KINDS)
      for (const group of IMPORT_REQUIRED_FIELDS[kind])
        for (const field of group) expect(Object.keys(IMPORT_FIELDS[kind]), `${kind}.${field}`).toContain(field);
  });

  it("marks required fields and the fields that take several columns", () => {
    expect(isRequiredImportField("customers", "phone")).toBe(true);
    expect(isRequiredImportField("customers", "email")).toBe(true);
    expect(isRequiredImportField("customers", "name")).toBe(false);
    expect(
      importFieldsOf("customers")
        .filter((f) => f.several)
        .map((f) => f.field),
    ).toEqual(["phone", "altPhone", "address", "notes", "tags"]);
  });
});

describe("importSetMappingInput", () => {
  it("takes each field's list of columns, trimmed", () => {
    expect(importSetMappingInput.parse({ importId: ID, mapping: { phone: [" Cell "], tags: [] } })).toEqual({
      importId: ID,
      mapping: { phone: ["Cell"], tags: [] },
    });
  });

  it("refuses a bad id, an empty column name and a lone string", () => {
    const result = importSetMappingInput.safeParse({ importId: "x", mapping: { phone: [""], email: "Mail" } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["importId", "That import id is not valid."],
      ["mapping.phone.0", "Choose a column."],
      ["mapping.email", expect.stringMatching(/expected array/i)],
    ]);
  });
});
