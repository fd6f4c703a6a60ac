// @servicepro/db: the only package that talks to the database.

export { CHANGE_CHANNELS, type ChangeChannel, type ChangeFeed } from "./changes.ts";
export {
  type Database,
  type DatabaseEngine,
  isPostgresUrl,
  type JobQueueConnection,
  migratePostgres,
  type OpenDatabaseOptions,
  openDatabase,
  PGLITE_EXTENSIONS,
  redactUrl,
  type SqlDatabase,
  type SqlExecutor,
} from "./client.ts";
export type {
  AgentRun,
  AgentSettings,
  AgentThread,
  Appointment,
  AppointmentEvent,
  AppointmentReminder,
  AppointmentSeries,
  Asset,
  AuditLog,
  Bookable,
  BookingSettings,
  Call,
  Conversation,
  Customer,
  Faq,
  Membership,
  Message,
  PrismaClient,
  Service,
  Session,
  SmsConsent,
  Tenant,
  TenantPhoneConfig,
  TimeOff,
  User,
} from "./generated/prisma/client.ts";
export { Prisma } from "./generated/prisma/client.ts";
export {
  ActorKind,
  AfterHoursMode,
  AgentMode,
  AppointmentStatus,
  AssetKind,
  BookableKind,
  CallOutcome,
  ConsentSource,
  CustomerSource,
  IvrMode,
  MembershipRole,
  MessageStatus,
  PlanTier,
  ReminderKind,
  ReminderStatus,
  TenantStatus,
} from "./generated/prisma/enums.ts";
export {
  JOB_QUEUE_SCHEMA,
  JOB_QUEUES,
  type JobData,
  type JobQueueKey,
  jobData,
  MAINTENANCE_INTERVAL_SECONDS,
  type QueueJobOptions,
  queueJob,
} from "./job-queue.ts";
export {
  INVALID_CURSOR_MESSAGE,
  type Keyset,
  type KeysetColumn,
  type KeysetKeys,
  type KeysetKeyType,
  keyset,
} from "./keyset.ts";
export { describeMigrationProgress, type MigrationProgress, type MigrationResult } from "./migrate.ts";
export {
  type Audit,
  type AuditEvent,
  type PlatformAccess,
  type PlatformReader,
  platformDb,
  platformReadDb,
  writeAudit,
} from "./platform.ts";
export { APP_ROLE, PLATFORM_ROLE, TENANT_SETTING } from "./roles.ts";
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
