// Shared flat configs (README.md):
// - base:   all TypeScript. Only apps/server/src/env.ts reads process.env (exceptions: `readsEnv`).
// - domain: pure packages. Plain data in, plain data out: no Node built-ins, no database, HTTP,
//           logger or vendor SDK, no global fetch, and no workspace package that is not pure itself.
// - app:    browser code (the React apps, packages/web). Nothing server-only: only types from the API.
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import tseslint from "typescript-eslint";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The pure workspace packages: those whose eslint.config.js uses the `domain` config. Deriving the list
 * keeps it true when packages are added or split (a new pure package opts in with its lint config; a new
 * I/O package is forbidden to domain and browser code without anyone editing this file).
 */
function purePackages() {
  const dir = path.join(REPO_ROOT, "packages");
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      try {
        const lintConfig = readFileSync(path.join(dir, entry.name, "eslint.config.js"), "utf8");
        if (!/\bdomain\b/.test(lintConfig)) return [];
        return [JSON.parse(readFileSync(path.join(dir, entry.name, "package.json"), "utf8")).name];
      } catch {
        return [];
      }
    })
    .sort();
}

export const PURE_PACKAGES = purePackages();
/** Browser-safe workspace packages besides the pure ones. */
const BROWSER_PACKAGES = ["@servicepro/ui", "@servicepro/web"];
/** Third-party packages a pure package may use (tests may also use their test tools). */
const PURE_THIRD_PARTY = [
  "zod",
  "libphonenumber-js",
  "date-fns",
  "@date-fns/tz",
  "chrono-node",
  "sms-segments-calculator",
];
const TEST_TOOLS = ["vitest", "fast-check", "fast-xml-parser"];

const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
/** A regex for "a bare specifier that is none of these packages (or their subpaths)". */
const noneOf = (names) => `^(?![.#/])(?!(${names.map(escapeRegex).join("|")})(/|$))`;
/** The same, limited to workspace packages. */
const workspaceNoneOf = (names) =>
  `^@servicepro/(?!(${names.map((n) => escapeRegex(n.replace("@servicepro/", ""))).join("|")})(/|$))`;

// Exact names (with and without "node:"), so "fs/promises" is caught but "lodash/util" is not.
const NODE_BUILTINS = [
  ...new Set(builtinModules.flatMap((m) => [m.replace(/^node:/, ""), `node:${m.replace(/^node:/, "")}`])),
];

const SERVER_ONLY_THIRD_PARTY = [
  "@prisma/*",
  "prisma",
  "pg",
  "pg-boss",
  "pglite-prisma-adapter",
  "@electric-sql/*",
  "pino",
  "pino-pretty",
  "twilio",
  "openai",
  "@sendgrid/*",
  "@node-rs/*",
  "argon2",
  "hono",
  "hono/*",
  "@hono/*",
  "rate-limiter-flexible",
];

const ignores = { ignores: ["**/dist/**", "**/node_modules/**", "**/generated/**", "**/.cache/**"] };

/**
 * Turns the process.env rule off for the given files of one package: its settings module
 * (apps/server/src/env.ts), test support (packages/db/src/testing.ts reads TEST_DATABASE_URL), tooling.
 * Each package lists its own readers in its eslint.config.js, so every exception is visible there.
 */
export const readsEnv = (files) => ({ files, rules: { "no-restricted-properties": "off" } });

/** Files that run in Node around the code (config, tests' own helpers), relative to the package. */
const CONFIG_FILES = ["eslint.config.js", "vite.config.ts", "vitest.config.ts", "*.config.ts", "*.config.js"];

export const base = tseslint.config(
  ignores,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "no-console": ["error", { allow: ["warn", "error"] }],
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Only apps/server/src/env.ts reads process.env: add the setting to its schema and pass it down.",
        },
      ],
    },
  },
  {
    // Command-line scripts talk to a terminal, and CommonJS ones use require.
    files: ["**/scripts/**", "**/*.cjs"],
    rules: { "no-console": "off", "@typescript-eslint/no-require-imports": "off" },
  },
  // Tests set up their own databases (TEST_DATABASE_URL) and processes; scripts and config run as tools.
  readsEnv(["**/*.test.ts", "**/*.test.tsx", "**/test/**", "**/scripts/**", ...CONFIG_FILES]),
);

/** no-restricted-imports options for domain code; tests may also use Node built-ins and their test tools. */
function domainImports({ test }) {
  const allowed = [...PURE_PACKAGES, ...PURE_THIRD_PARTY, ...(test ? TEST_TOOLS : [])];
  return [
    "error",
    {
      paths: test
        ? []
        : NODE_BUILTINS.map((name) => ({
            name,
            message: "Domain packages are pure (and run in the browser): no Node built-ins. I/O belongs in an adapter.",
          })),
      patterns: [
        {
          group: ["@prisma/*", "@servicepro/db", "@servicepro/db/*", "pg", "pg-boss", "@electric-sql/*"],
          message: "Domain packages take plain data and ports; the database lives in packages/db.",
        },
        { group: ["hono", "hono/*", "@hono/*", "@trpc/*"], message: "Domain packages know nothing of HTTP or tRPC." },
        {
          group: ["pino", "pino-pretty"],
          message: "Domain packages do not log: return what happened, the caller logs it.",
        },
        {
          group: ["twilio", "openai", "@sendgrid/*"],
          message: "Vendor SDKs are adapters: keep them in apps/server, packages/api or packages/messaging.",
        },
        { group: ["react", "react-dom"], message: "Domain packages are UI-free." },
        {
          regex: workspaceNoneOf(PURE_PACKAGES),
          message: `Domain packages import only pure workspace packages (${PURE_PACKAGES.join(", ")}).`,
        },
        {
          // Node built-ins have their own rule above (with its own message; allowed in tests).
          regex: noneOf(["@servicepro", ...allowed, ...NODE_BUILTINS]),
          message: `Domain packages use only ${allowed.filter((n) => !n.startsWith("@servicepro/")).join(", ")} outside the workspace; a new pure dependency is added to PURE_THIRD_PARTY in tooling/eslint/index.js.`,
        },
      ],
    },
  ];
}

const domainGlobals = [
  "error",
  { name: "process", message: "Domain packages receive configuration as arguments." },
  ...["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "localStorage", "sessionStorage", "indexedDB"].map(
    (name) => ({ name, message: "Domain packages do no I/O: take a port (a function) from the caller instead." }),
  ),
];

/** For pure domain packages (tenancy, identity, telephony, features, concierge ...). */
export const domain = tseslint.config(
  ...base,
  {
    rules: {
      "no-restricted-imports": domainImports({ test: false }),
      "no-restricted-globals": domainGlobals,
      "no-restricted-properties": [
        "error",
        ...["fetch", "process"].map((property) => ({
          object: "globalThis",
          property,
          message: "Domain packages do no I/O and read no environment.",
        })),
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportExpression",
          message: "Domain packages import statically, so the import rules can check what they use.",
        },
        { selector: "CallExpression[callee.name='require']", message: "Domain packages are ES modules: use import." },
      ],
    },
  },
  {
    files: ["**/*.test.ts", "**/test/**"],
    rules: { "no-restricted-imports": domainImports({ test: true }) },
  },
  { files: CONFIG_FILES, rules: { "no-restricted-imports": "off" } },
);

/** For browser code (the React apps, packages/web): it may only import the server's types. */
export const app = tseslint.config(
  ...base,
  {
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@servicepro/tenancy",
              message: "Use @servicepro/tenancy/constants in the browser: the package root brings zod along.",
            },
            ...NODE_BUILTINS.map((name) => ({ name, message: "Browser code cannot use Node built-ins." })),
          ],
          patterns: [
            {
              group: ["@servicepro/db", "@servicepro/db/*", "@prisma/*"],
              message: "The browser never touches the database.",
            },
            { group: ["@servicepro/api"], allowTypeImports: true, message: "Import only types from @servicepro/api." },
            {
              regex: workspaceNoneOf([...PURE_PACKAGES, ...BROWSER_PACKAGES, "@servicepro/api"]),
              message: `Server-only workspace package: the browser may import ${[...PURE_PACKAGES, ...BROWSER_PACKAGES].join(", ")} (and types from @servicepro/api).`,
            },
            { group: SERVER_ONLY_THIRD_PARTY, message: "Server-only package: the browser reaches it through the API." },
          ],
        },
      ],
    },
  },
  // Build and test tooling around the browser code runs in Node.
  { files: CONFIG_FILES, rules: { "no-restricted-imports": "off" } },
);

export default base;
