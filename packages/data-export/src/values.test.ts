import { describe, expect, it } from "vitest";
import type { ExportColumn } from "./catalog.ts";
import { csvRecord, csvValue, jsonLine, jsonValue } from "./values.ts";

const col = (name: string, type: ExportColumn["type"]): ExportColumn => ({ name, type, description: "" });

describe("export values", () => {
  it("should write empty cells for nulls and JSON for lists and JSON columns in the CSV", () => {
    expect(csvValue(col("a", "text"), null)).toBe("");
    expect(csvValue(col("a", "array"), ["+15125550100", "+15125550101"])).toBe('["+15125550100","+15125550101"]');
    expect(csvValue(col("a", "json"), { make: "Toyota" })).toBe('{"make":"Toyota"}');
    expect(csvValue(col("a", "bool"), true)).toBe("true");
    expect(csvValue(col("a", "int"), "42")).toBe("42");
  });

  it("should keep types in JSON Lines: numbers, booleans, lists and objects as themselves", () => {
    expect(jsonValue(col("a", "int"), "42")).toBe(42);
    expect(jsonValue(col("a", "bool"), false)).toBe(false);
    const columns = [col("id", "text"), col("tags", "array"), col("n", "int"), col("gone", "text")];
    expect(jsonLine(columns, { id: "x", tags: ["vip"], n: 3 })).toBe('{"id":"x","tags":["vip"],"n":3,"gone":null}\n');
    expect(csvRecord(columns, { id: "x", tags: [], n: 0, gone: null })).toEqual(["x", "[]", "0", ""]);
  });
});
