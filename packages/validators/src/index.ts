// @servicepro/validators: the zod schemas the API's inputs and the apps' forms share. Browser-safe:
// it imports zod and libphonenumber-js only, never a server package.
export * from "./agent.ts";
export * from "./appointment.ts";
export * from "./asset.ts";
export * from "./automation.ts";
export * from "./booking.ts";
export * from "./business.ts";
export * from "./campaign.ts";
export * from "./catalog.ts";
export * from "./customer.ts";
export * from "./customer-master.ts";
export * from "./data-export.ts";
export * from "./email.ts";
export * from "./import-fields.ts";
export * from "./imports.ts";
export * from "./loyalty.ts";
export * from "./message.ts";
export * from "./password.ts";
export * from "./patterns.ts";
export * from "./phone.ts";
export * from "./portal.ts";
export * from "./retention.ts";
export * from "./sign-in.ts";
export * from "./slug.ts";
export * from "./text.ts";
export * from "./time-zone.ts";
