import { base, readsEnv } from "@servicepro/eslint-config";

// testing.ts is test support: TEST_DATABASE_URL chooses the engines the integration tests run on.
export default [...base, readsEnv(["src/testing.ts"])];
