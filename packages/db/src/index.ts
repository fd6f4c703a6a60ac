// @servicepro/db: the only package that talks to the database.
export {
  openDatabase,
  migratePostgres,
  isPostgresUrl,
  redactUrl,
  type Database,
  type DatabaseEngine,
  type OpenDatabaseOptions,
} from "./client.ts";
export { tenantDb, userDb, assertTenantId, TenantScopeViolation, TENANT_OWNED_MODELS, type TenantDb, type TenantTx } from "./tenant-scope.ts";
export { platformDb, writeAudit, type PlatformAccess, type AuditEvent, type Audit } from "./platform.ts";
export { seedDemo, type SeedResult } from "./seed.ts";
export { APP_ROLE, PLATFORM_ROLE } from "./roles.ts";
export { Prisma } from "./generated/prisma/client.ts";
export type { PrismaClient, Tenant, User, Membership, Session, AuditLog } from "./generated/prisma/client.ts";
export { PlanTier, TenantStatus, MembershipRole } from "./generated/prisma/enums.ts";
