// @servicepro/db: the only package that talks to the database.
export {
  openDatabase,
  migratePostgres,
  isPostgresUrl,
  redactUrl,
  type Database,
  type DatabaseEngine,
  type OpenDatabaseOptions,
  type JobQueueConnection,
} from "./client.ts";
export { tenantDb, userDb, assertTenantId, TenantScopeViolation, TENANT_OWNED_MODELS, type TenantDb, type TenantTx } from "./tenant-scope.ts";
export { platformDb, writeAudit, type PlatformAccess, type AuditEvent, type Audit } from "./platform.ts";
export { JOB_QUEUES, JOB_QUEUE_SCHEMA } from "./job-queue.ts";
export { seedDemo, type SeedResult } from "./seed.ts";
export { APP_ROLE, PLATFORM_ROLE } from "./roles.ts";
export { Prisma } from "./generated/prisma/client.ts";
export type { PrismaClient, Tenant, User, Membership, Session, AuditLog, Message, Conversation, Customer, Call, TenantPhoneConfig, Faq, SmsConsent } from "./generated/prisma/client.ts";
export { PlanTier, TenantStatus, MembershipRole, IvrMode, AfterHoursMode, MessageStatus, CallOutcome, ConsentSource } from "./generated/prisma/enums.ts";
