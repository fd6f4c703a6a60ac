import { describe, expect, it } from "vitest";
import { summarize } from "./summary.ts";

describe("summarize", () => {
  it("should print the plain closing line", () => {
    expect(summarize({ numPassedTests: 41, numFailedTests: 0 }).line).toBe("41 passed, 0 failed");
    expect(summarize({ numPassedTests: 3, numFailedTests: 1, numPendingTests: 2 }).line).toBe(
      "3 passed, 1 failed, 2 skipped",
    );
  });

  it("should count a test file that failed to load as a failure", () => {
    const report = {
      numPassedTests: 5,
      numFailedTests: 0,
      testResults: [{ status: "passed" }, { status: "failed", message: "SyntaxError" }],
    };
    expect(summarize(report)).toMatchObject({ failed: 1, line: "5 passed, 1 failed" });
  });
});
