// @servicepro/identity: who is calling and what they may do. Pure: no I/O, no clock of its own.
export * from "./access.ts";
export * from "./credentials.ts";
export * from "./impersonation.ts";
export * from "./portal-policy.ts";
export * from "./session-policy.ts";
