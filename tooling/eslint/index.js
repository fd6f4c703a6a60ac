// Shared flat config. Domain packages get an extra rule set (see `domain`): they hold pure logic
// and may not import the database, the HTTP server, vendor SDKs or read the environment.
import tseslint from "typescript-eslint";

const ignores = { ignores: ["**/dist/**", "**/node_modules/**", "**/generated/**", "**/.cache/**"] };

export const base = tseslint.config(
  ignores,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    // Command-line scripts talk to a terminal, and CommonJS ones use require.
    files: ["**/scripts/**", "**/*.cjs"],
    rules: { "no-console": "off", "@typescript-eslint/no-require-imports": "off" },
  },
);

const forbiddenInDomain = [
  {
    group: ["@prisma/*", "@servicepro/db", "@servicepro/db/*"],
    message: "Domain packages take plain data and ports; the database lives in packages/db.",
  },
  { group: ["hono", "hono/*", "@hono/*", "@trpc/*"], message: "Domain packages know nothing of HTTP or tRPC." },
  {
    group: ["twilio", "openai", "pg", "@electric-sql/*"],
    message: "Vendor SDKs are adapters: keep them in apps/server or packages/api.",
  },
  { group: ["react", "react-dom"], message: "Domain packages are UI-free." },
];

/** For pure domain packages (tenancy, identity, telephony, features, concierge ...). */
export const domain = tseslint.config(...base, {
  rules: {
    "no-restricted-imports": ["error", { patterns: forbiddenInDomain }],
    "no-restricted-globals": [
      "error",
      { name: "process", message: "Domain packages receive configuration as arguments." },
    ],
  },
});

/** For the React apps: they may only import the server's types. */
export const app = tseslint.config(...base, {
  rules: {
    "no-restricted-imports": [
      "error",
      {
        paths: [
          {
            name: "@servicepro/tenancy",
            message: "Use @servicepro/tenancy/constants in the browser: the package root brings zod along.",
          },
        ],
        patterns: [
          {
            group: ["@servicepro/db", "@servicepro/db/*", "@prisma/*"],
            message: "The browser never touches the database.",
          },
          { group: ["@servicepro/api"], allowTypeImports: true, message: "Import only types from @servicepro/api." },
        ],
      },
    ],
  },
});

export default base;
