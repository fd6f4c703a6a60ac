import { ensurePlatformOwner, generatePassword, hashPassword, hasPlatformOwner } from "@servicepro/api";
import { type Database, seedDemo } from "@servicepro/db";
import type { Env } from "./env.ts";
import type { AppLogger } from "./logger.ts";

/** The owner account used when OWNER_EMAIL is unset on the embedded database. */
export const DEFAULT_OWNER_EMAIL = "owner@servicepro.local";

/**
 * First-start set-up: the platform owner account and, on the embedded database, the demo
 * tenants. Generated passwords are printed once, here, and never stored in clear.
 */
export async function prepareAccounts({
  db,
  env,
  logger,
}: {
  db: Database;
  env: Env;
  logger: AppLogger;
}): Promise<void> {
  const printed: string[] = [];
  if (env.OWNER_EMAIL && env.OWNER_PASSWORD) {
    const result = await ensurePlatformOwner(db, logger, { email: env.OWNER_EMAIL, password: env.OWNER_PASSWORD });
    if (result.created) logger.info({ email: result.email }, "created the platform owner account from OWNER_EMAIL");
    if (result.passwordUpdated)
      logger.warn(
        { email: result.email },
        "OWNER_PASSWORD changed: the owner's password was updated and their sessions ended",
      );
  } else if (!(await hasPlatformOwner(db))) {
    if (env.embedded) {
      const password = generatePassword();
      await ensurePlatformOwner(db, logger, { email: DEFAULT_OWNER_EMAIL, password });
      printed.push(`  Platform owner   ${DEFAULT_OWNER_EMAIL}   password: ${password}`);
    } else {
      logger.warn("no platform owner account: set OWNER_EMAIL and OWNER_PASSWORD and restart to create one");
    }
  }

  const seed = env.SEED_DEMO_DATA === undefined ? env.embedded : env.SEED_DEMO_DATA === "true";
  if (seed) {
    // A password chosen in the environment is shared by the demo accounts and known already; without
    // one, each account gets its own generated password, shown once below.
    const generated = new Map<string, string>();
    const chosen = env.DEMO_TENANT_ADMIN_PASSWORD;
    const result = await seedDemo(db, {
      passwordHash: chosen
        ? await hashPassword(chosen)
        : async (email) => {
            const password = generatePassword();
            generated.set(email, password);
            return hashPassword(password);
          },
    });
    if (result.tenantsCreated.length > 0) logger.info({ tenants: result.tenantsCreated }, "loaded the demo tenants");
    if (result.usersCreated.length > 0) logger.info({ users: result.usersCreated }, "created the demo staff accounts");
    for (const email of result.usersCreated) {
      const password = generated.get(email);
      if (password) printed.push(`  Demo staff       ${email}   password: ${password}`);
    }
  }

  if (printed.length > 0) {
    // Printed to the terminal, not the structured log: these are shown once and never logged.
    process.stdout.write(
      [
        "",
        "  ServicePro first start: these accounts were created. Save the passwords now; they are not shown again.",
        ...printed,
        `  Sign in at ${env.PUBLIC_BASE_URL}/admin (owner) or ${env.PUBLIC_BASE_URL}/app (business staff).`,
        "",
        "",
      ].join("\n"),
    );
  }
}
