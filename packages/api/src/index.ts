// @servicepro/api: the tRPC application layer. The React apps import only its types.
export { appRouter, type AppRouter } from "./root.ts";
export { createContext, createApiDeps, type ApiDeps, type Context, type IntegrationsConfig, type Logger, type RequestInfo, type SessionCookieJar } from "./context.ts";
export { assertFeature, createCallerFactory, RefusalCause, type ProcedureMeta, type RefusalDetail, type ValidationIssue } from "./trpc.ts";
// Plan gating off-request (webhooks, workers): the same rule the tRPC middleware enforces.
export { hasFeature, featureRefusal, acceptsChanges, type FeatureKey } from "@servicepro/features";
export type { AuthContext } from "./routers/auth.ts";
export { ensurePlatformOwner, hasPlatformOwner } from "./identity/owner.ts";
export { authorizeRecording, type RecordingAccess } from "./recordings.ts";
export { hashPassword, generatePassword } from "./identity/passwords.ts";
export type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
