// @servicepro/db: the only package that talks to the database.
export {
  type Database,
  type DatabaseEngine,
  isPostgresUrl,
  type JobQueueConnection,
  migratePostgres,
  type OpenDatabaseOptions,
  openDatabase,
  redactUrl,
} from "./client.ts";
export type {
  AuditLog,
  Call,
  Conversation,
  Customer,
  Faq,
  Membership,
  Message,
  PrismaClient,
  Session,
  SmsConsent,
  Tenant,
  TenantPhoneConfig,
  User,
} from "./generated/prisma/client.ts";
export { Prisma } from "./generated/prisma/client.ts";
export {
  AfterHoursMode,
  CallOutcome,
  ConsentSource,
  IvrMode,
  MembershipRole,
  MessageStatus,
  PlanTier,
  TenantStatus,
} from "./generated/prisma/enums.ts";
export { JOB_QUEUE_SCHEMA, JOB_QUEUES } from "./job-queue.ts";
export { describeMigrationProgress, type MigrationProgress, type MigrationResult } from "./migrate.ts";
export { type Audit, type AuditEvent, type PlatformAccess, platformDb, writeAudit } from "./platform.ts";
export { APP_ROLE, PLATFORM_ROLE } from "./roles.ts";
export { type SeedOptions, type SeedResult, seedDemo } from "./seed.ts";
export {
  assertTenantId,
  TENANT_OWNED_MODELS,
  type TenantDb,
  TenantScopeViolation,
  type TenantTx,
  tenantDb,
  userDb,
} from "./tenant-scope.ts";
