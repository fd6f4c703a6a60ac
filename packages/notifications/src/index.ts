// @servicepro/notifications: transactional email (SendGrid, or a dev transport that records and logs).

export { createDevEmailSender, createSendGridSender, type Email, EmailRejected, type EmailSender } from "./email.ts";
