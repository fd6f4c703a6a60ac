// Set-up for the `component` project (vitest.config.ts): React components rendered into happy-dom.
// Testing Library unmounts after each test only when the runner has globals; ours does not, so
// say it here. React's act() warnings need this flag outside its own test renderer.
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => {
  cleanup();
});
