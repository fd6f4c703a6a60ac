import { describe, expect, it } from "vitest";
import { formatPrice } from "./index.ts";

describe("formatPrice", () => {
  it("should quote fixed prices and ranges in dollars", () => {
    expect(formatPrice(14000)).toBe("$140");
    expect(formatPrice({ min: 27500, max: 42500 })).toBe("$275–$425");
    expect(formatPrice({ min: 550000, max: 1800000 })).toBe("$5,500–$18,000");
    expect(formatPrice(1950)).toBe("$19.50");
  });
});
