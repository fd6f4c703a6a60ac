import { describe, expect, it } from "vitest";
import { formatBytes, isBuilding, percentDone } from "./export-format.ts";

describe("export list", () => {
  it("should show progress from the recorded rows, and 100 only when ready", () => {
    expect(percentDone({ status: "queued", rowsWritten: 0, rowsTotal: 0 })).toBe(0);
    expect(percentDone({ status: "running", rowsWritten: 50, rowsTotal: 200 })).toBe(25);
    expect(percentDone({ status: "running", rowsWritten: 300, rowsTotal: 200 })).toBe(100);
    expect(percentDone({ status: "ready", rowsWritten: 0, rowsTotal: 0 })).toBe(100);
  });

  it("should poll only while an export is queued or building", () => {
    expect(isBuilding({ status: "queued" })).toBe(true);
    expect(isBuilding({ status: "running" })).toBe(true);
    expect(isBuilding({ status: "ready" })).toBe(false);
  });

  it("should print sizes a person reads", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(2048)).toBe("2.0 KB");
    expect(formatBytes(5 * 1024 * 1024)).toBe("5.0 MB");
  });
});
