import { base, readsEnv } from "@servicepro/eslint-config";

// env.ts is the one module that reads process.env; everything else gets the validated Env.
export default [...base, readsEnv(["src/env.ts"])];
