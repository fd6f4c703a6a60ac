// @servicepro/messaging: starts the phone channel's background runtime in one call: the job queue
// (pg-boss), the SMS outbox and delivery worker (@servicepro/sms), the provisioning workers
// (@servicepro/provisioning, email through @servicepro/notifications) and the live events, and hands
// the webhook handlers (@servicepro/sms, @servicepro/voice) their dependencies.

export { type Messaging, type MessagingOptions, startMessaging } from "./start.ts";
