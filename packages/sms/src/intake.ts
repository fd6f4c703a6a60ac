/**
 * What Twilio's inbound SMS webhook does to our data. The HTTP route (apps/server/src/twilio) checks
 * the signature and parses the form; this routes the text to a tenant, stores it once per Twilio
 * SID, applies opt-outs and queues replies (HELP, opt-out confirmation) through the outbox, all in
 * one tenant transaction; events are published after it. Delivery statuses: status-callback.ts.
 */
import { enqueueReminders } from "@servicepro/booking";
import { tenantDb } from "@servicepro/db";
import { classifyConsent } from "@servicepro/opt-out";
import { callerIdOf, smsTexts } from "@servicepro/telephony";
import { runsAutomations } from "@servicepro/tenancy/constants";
import { handleAppointmentReply } from "./appointment-replies.ts";
import { recordConsentChange, twilioKeywordHandling } from "./consent.ts";
import {
  ensureConversation,
  ensureCustomer,
  type IntakeDeps,
  ourNumberOf,
  phoneOf,
  type TwilioParams,
} from "./inbound.ts";
import { recordUnrouted, routeInbound } from "./inbound-routing.ts";
import { type DroppedMedia, mediaPreview, parseMessageMedia, truncateText } from "./media.ts";
import { historyEntry } from "./status-history.ts";

export type InboundSmsResult =
  | {
      outcome: "stored";
      tenantId: string;
      messageId: string;
      conversationId: string;
      consent: ReturnType<typeof classifyConsent>["kind"];
      queued: string[];
      /** What the text did to the customer's reminded appointment (C / R replies), if anything. */
      appointment: "confirmed" | "reschedule" | null;
      /** MMS parts not stored (not on Twilio's API host, or missing): the route logs them. */
      droppedMedia: DroppedMedia[];
    }
  | { outcome: "duplicate"; tenantId: string }
  | { outcome: "quarantined" };

export async function handleInboundSms(deps: IntakeDeps, params: TwilioParams): Promise<InboundSmsResult> {
  const sid = params.MessageSid ?? params.SmsSid ?? "";
  const to = ourNumberOf(params.To);
  const from = phoneOf(params.From);
  const body = params.Body ?? "";
  const { media, dropped: droppedMedia } = parseMessageMedia(params);
  const route = await routeInbound(
    deps.db,
    { channel: "sms", to, messagingServiceSid: params.MessagingServiceSid },
    deps.unroutedPolicy,
  );
  if (route.kind === "quarantine") {
    await recordUnrouted(deps.db, { kind: "sms", sid, to, from, reason: route.reason, params });
    return { outcome: "quarantined" };
  }
  const { tenantId } = route;
  const reminderIds: string[] = [];
  const result = await tenantDb(deps.db, tenantId).run(async (tx): Promise<InboundSmsResult> => {
    const tenant = await tx.tenant.findFirstOrThrow({
      select: { name: true, status: true, slug: true, timezone: true },
    });
    const customer = await ensureCustomer(tx, tenantId, from, "sms", deps.now?.());
    const conversation = await ensureConversation(tx, tenantId, customer.id, to);
    const intent = classifyConsent(body);
    const inserted = await tx.message.createMany({
      data: [
        {
          tenantId,
          conversationId: conversation.id,
          direction: "inbound",
          body,
          fromNumber: from,
          toNumber: to,
          twilioSid: sid,
          kind: "inbound",
          status: "received",
          statusHistory: [historyEntry("received")],
          routedByFallback: route.routedByFallback,
          media,
          // The classifier's confidence is kept on every inbound text; an unsure one waits for staff (inbox review).
          consentScore: intent.score,
          consentReview: intent.kind === "review" ? "pending" : null,
        },
      ],
      skipDuplicates: true,
    });
    // A redelivery (Twilio retried, or a replayed request): already stored, do nothing else.
    if (inserted.count === 0) return { outcome: "duplicate", tenantId };
    const message = await tx.message.findFirstOrThrow({
      where: { twilioSid: sid },
      select: { id: true, createdAt: true },
    });
    await tx.conversation.update({
      where: { tenantId_id: { tenantId, id: conversation.id } },
      data: {
        lastMessageAt: message.createdAt,
        // A photo with no words still needs a line in the conversation list.
        lastMessagePreview: body.trim() === "" ? mediaPreview(media) : truncateText(body, 160),
        lastDirection: "inbound",
        unreadCount: { increment: 1 },
        tenantNumber: to,
      },
    });

    // Consent first, in this same transaction, before anything could answer (the intent was read before the insert).
    // A sender that is not a phone (a short code, an alphanumeric sender ID, an impossible number) is
    // stored and its consent recorded, but never answered: a text to it fails at best, and costs money
    // and invites toll fraud at worst. callerIdOf is the one rule for "a number we may text".
    const senderIsPhone = callerIdOf(params.From).kind === "phone";
    const automated = runsAutomations(tenant.status) && senderIsPhone;
    const config = route.phoneNumber
      ? await tx.tenantPhoneConfig.findFirst({
          where: { phoneNumber: route.phoneNumber },
          select: { helpText: true, advancedOptOut: true },
        })
      : null;
    const twilio = twilioKeywordHandling(params.OptOutType, config?.advancedOptOut ?? false);
    const queued: string[] = [];
    const queue = async (kind: "help" | "opt_out_confirmation", text: string) => {
      const r = await deps.outbox.queueSms(tx, {
        conversationId: conversation.id,
        body: text,
        kind,
        purposeKey: `${kind}:${sid}`,
      });
      if (r.status === "queued") queued.push(r.message.id);
    };
    const evidence = {
      messageSid: sid,
      // Cut whole: half an emoji is a lone surrogate, which PostgreSQL refuses in jsonb (a 503 to Twilio, forever).
      text: truncateText(body, 500),
      ...(twilio.optOutType ? { optOutType: twilio.optOutType } : {}),
    };
    if (twilio.optOutType === "STOP" || intent.kind === "opt_out") {
      const source = intent.kind === "opt_out" ? intent.source : "keyword";
      const changed = await recordConsentChange(tx, tenantId, { phone: from, state: "opted_out", source, evidence });
      // One confirmation, from whoever saw the opt-out: Twilio confirms the keywords it filters (and,
      // with Advanced Opt-Out, every keyword it was configured with); we confirm what only we saw.
      const confirmedByTwilio = twilio.answersKeywords(intent.kind === "opt_out" ? intent : null);
      if (changed && automated && !confirmedByTwilio)
        await queue("opt_out_confirmation", smsTexts.optOutConfirmation(tenant.name));
    } else if (twilio.optOutType === "START" || intent.kind === "opt_in") {
      await recordConsentChange(tx, tenantId, { phone: from, state: "opted_in", source: "keyword", evidence });
    } else if ((twilio.optOutType === "HELP" || intent.kind === "help") && automated && !twilio.answersHelp) {
      await queue("help", config?.helpText?.trim() || smsTexts.help(tenant.name, to));
    }
    // C / R answers to a reminder; "YES" is also START (consent above) and confirms as well. Not for a
    // text under review: it may be a revocation, and staff decide before anything answers it.
    const reply =
      automated &&
      (twilio.optOutType === null || twilio.optOutType === "START") &&
      (intent.kind === "none" || intent.kind === "opt_in")
        ? await handleAppointmentReply(tx, deps, {
            body,
            sid,
            customerId: customer.id,
            conversationId: conversation.id,
            tenant,
            now: deps.now?.() ?? new Date(),
          })
        : null;
    if (reply) {
      queued.push(...reply.queued);
      reminderIds.push(...reply.reminderIds);
    }
    return {
      outcome: "stored",
      tenantId,
      messageId: message.id,
      conversationId: conversation.id,
      consent: intent.kind,
      queued,
      appointment: reply?.handled ?? null,
      droppedMedia,
    };
  });
  if (result.outcome === "stored") {
    deps.events.publish({
      type: "message",
      tenantId,
      conversationId: result.conversationId,
      messageId: result.messageId,
    });
    for (const messageId of result.queued)
      deps.events.publish({ type: "message", tenantId, conversationId: result.conversationId, messageId });
    if (reminderIds.length > 0 && deps.reminders) await enqueueReminders(deps.reminders, tenantId, reminderIds);
  }
  return result;
}
