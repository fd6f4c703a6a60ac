/** The role every request runs as: owns no table, has no BYPASSRLS, so row-level security applies. */
export const APP_ROLE = "servicepro_app";
/** The role behind the platform path (owner console, webhook routing): BYPASSRLS, reached only by
 *  `SET LOCAL ROLE` inside `platformDb().run(...)`, and by the read-only pool behind
 *  `platformReadDb()` (PostgreSQL), whose connections start in it with `default_transaction_read_only`. */
export const PLATFORM_ROLE = "servicepro_platform";
/** Transaction-local settings read by the row-level security policies. */
export const TENANT_SETTING = "app.tenant_id";
export const USER_SETTING = "app.user_id";
