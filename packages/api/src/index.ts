// @servicepro/api: the tRPC application layer. The React apps import only its types.

// Plan gating off-request (webhooks, workers): the same rule the tRPC middleware enforces.
export { acceptsChanges, type FeatureKey, featureRefusal, hasFeature } from "@servicepro/features";
export type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
export {
  type ApiDeps,
  type Context,
  createApiDeps,
  createContext,
  defaultFilesDir,
  type IntegrationsConfig,
  type Logger,
  type RequestInfo,
  type SessionCookieJar,
} from "./context.ts";
export { ensurePlatformOwner, hasPlatformOwner } from "./identity/owner.ts";
export { generatePassword, hashPassword } from "./identity/passwords.ts";
export { type SessionCache, sessionCacheOf } from "./identity/session-cache.ts";
export { type ImportUpload, uploadImportFile } from "./import-upload.ts";
export { authorizeMessageMedia, type MessageMediaAccess, storedMedia } from "./message-media.ts";
export { authorizeRecording, type RecordingAccess } from "./recordings.ts";
export { type AppRouter, appRouter } from "./root.ts";
export type { AuthContext } from "./routers/auth.ts";
export { deleteExpiredLimits } from "./shared-limits.ts";
export {
  assertFeature,
  createCallerFactory,
  type ProcedureMeta,
  type RefusalDetail,
  rateLimitResponseMeta,
  type ValidationIssue,
} from "./trpc.ts";
