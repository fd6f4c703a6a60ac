// @servicepro/messaging: SMS and voice I/O around the pure telephony core: the durable outbox
// (pg-boss), the Twilio and dev senders, inbound intake, status callbacks and live events.
export type * from "./types.ts";
