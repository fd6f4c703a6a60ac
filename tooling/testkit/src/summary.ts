/** The parts of vitest's JSON report the summary needs. */
export type VitestJsonReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests?: number;
  numTodoTests?: number;
  testResults?: { status: string; message?: string }[];
};

/**
 * The closing line CI reads. A test file that failed to load (syntax error, failing hook) has no
 * failed test but a failed suite: it counts as a failure so it cannot pass silently.
 */
export function summarize(report: VitestJsonReport): { passed: number; failed: number; skipped: number; line: string } {
  const brokenFiles = (report.testResults ?? []).filter((file) => file.status === "failed").length;
  const failed = Math.max(report.numFailedTests, brokenFiles);
  const passed = report.numPassedTests;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  return {
    passed,
    failed,
    skipped,
    line: `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`,
  };
}
