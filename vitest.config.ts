import { defineConfig } from "vitest/config";

// One run, four kinds of test (docs/testing.md):
// - unit:        pure packages, colocated src/**/*.test.ts, no I/O
// - component:   *.test.tsx: React components in happy-dom, driven with Testing Library (click, type)
// - integration: test/**/*.test.ts against real databases (PGlite always, PostgreSQL with TEST_DATABASE_URL)
// - browser:     tooling/e2e, Debian's Chromium driven by playwright-core against the built apps
export default defineConfig({
  test: {
    restoreMocks: true,
    // console.error fails the test unless it declared it (expectConsoleError, docs/testing.md).
    setupFiles: ["tooling/testkit/src/console-guard.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "{packages,apps,tooling}/*/src/**/*.test.ts",
            "packages/ui/test/**/*.test.ts",
            "apps/{admin,tenant,portal}/test/**/*.test.ts",
          ],
        },
      },
      {
        extends: true,
        test: {
          name: "component",
          include: [
            "{packages,apps}/*/src/**/*.test.tsx",
            "packages/ui/test/**/*.test.tsx",
            "apps/{admin,tenant,portal}/test/**/*.test.tsx",
          ],
          environment: "happy-dom",
          // Typing is simulated key by key, each a React render: slow on a loaded machine.
          testTimeout: 20_000,
          setupFiles: ["tooling/testkit/src/component-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: [
            "packages/{db,api,intake,sms-agent,campaigns,imports,data-export,customer-master,retention}/test/**/*.test.ts",
            "apps/server/test/**/*.test.ts",
            "tooling/agent-replay/test/**/*.test.ts",
          ],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["tooling/e2e/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
