import { describe, expect, it } from "vitest";
import { movesLabel } from "./merge-format.ts";

describe("movesLabel", () => {
  it("names each kind of row with its count, one or many, leaving out empty ones", () => {
    expect(movesLabel({ appointments: 3, calls: 1, assets: 0, import_rows: 2 })).toEqual([
      "3 appointments",
      "1 call",
      "2 import rows",
    ]);
  });
});
