// Vitest setup file (root vitest.config.ts): a test fails when anything calls console.error
// unless the test declared it with expectConsoleError(). React's warnings, a swallowed error that
// something logged, a library complaining: each is a bug or an expectation, never noise.
import { format } from "node:util";
import { afterAll, afterEach, beforeEach } from "vitest";

type Expectation = { pattern: RegExp; calls: string[] };

const original = console.error;
let unexpected: string[] = [];
let expectations: Expectation[] = [];

console.error = (...args: unknown[]) => {
  const text = format(...args);
  const expectation = expectations.find((e) => e.pattern.test(text));
  if (expectation) expectation.calls.push(text);
  else unexpected.push(text);
};

/**
 * Declares that the current test expects console.error output matching `pattern` (such output is
 * then kept out of the terminal). Returns the matching calls, so the test can also assert they came.
 */
export function expectConsoleError(pattern: RegExp): { readonly calls: readonly string[] } {
  const expectation: Expectation = { pattern, calls: [] };
  expectations.push(expectation);
  return expectation;
}

function failOnUnexpected(where: string) {
  if (unexpected.length === 0) return;
  const calls = unexpected;
  unexpected = [];
  for (const text of calls) original(text);
  throw new Error(
    `console.error was called ${calls.length} time(s) ${where}:\n${calls.map((c) => `  ${c.split("\n")[0]}`).join("\n")}\n` +
      "Fix the cause, or declare it with expectConsoleError(/pattern/) from @servicepro/testkit/console-guard.",
  );
}

beforeEach(() => {
  // Output from the file's setup (beforeAll) or a previous test's stragglers is reported, not lost.
  failOnUnexpected("outside a test (module load, beforeAll, or after a test ended)");
  expectations = [];
});

afterEach(() => {
  failOnUnexpected("during this test");
  expectations = [];
});

afterAll(() => {
  failOnUnexpected("after the tests of this file (afterAll)");
});
