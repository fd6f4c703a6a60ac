import { describe, expect, it } from "vitest";
import { expectConsoleError } from "./console-guard.ts";

describe("console guard (the root vitest setup file)", () => {
  it("lets a test declare the console.error output it expects, and records it", () => {
    const expected = expectConsoleError(/^job queue error/);
    console.error("job queue error: %s", "connection reset");
    expect(expected.calls).toEqual(["job queue error: connection reset"]);
  });

  // `fails`: this test must fail, from the guard's afterEach, because nothing declared the call.
  it.fails("fails a test that calls console.error without declaring it", () => {
    console.error("Warning: Each child in a list should have a unique key prop.");
  });

  it.fails("fails when the output does not match what the test declared", () => {
    expectConsoleError(/^job queue error/);
    console.error("something else went wrong");
  });
});
