/**
 * What Twilio's inbound SMS webhook does to our data, applied for a batch of texts to one tenant in
 * one tenant transaction: each text stored once per Twilio SID, its sender's customer and
 * conversation created on first sight, opt-outs and JOIN (offers by text) applied and replies (HELP,
 * opt-out and JOIN confirmations, C / R answers to a reminder) queued through the outbox; events are
 * published after it.
 *
 * The durable intake (@servicepro/intake) acknowledges the webhook once its raw event is staged and
 * calls applyInboundTexts from a worker, many texts at a time: the common write set (customers,
 * conversations, messages, conversation previews) is a fixed handful of statements whatever the
 * batch size; only texts that need more (a keyword, a reminder reply) take the per-text path.
 * handleInboundSms is the same for one text routed on the spot (tests, tools).
 * Delivery statuses: status-callback.ts.
 */
import { enqueueReminders } from "@servicepro/booking";
import { type TenantTx, tenantDb } from "@servicepro/db";
import { type ConsentDecision, classifyConsent, marketingOptInKeyword } from "@servicepro/opt-out";
import { callerIdOf, classifyAppointmentReply, smsTexts } from "@servicepro/telephony";
import { runsAutomations } from "@servicepro/tenancy/constants";
import { customerSearchKeys } from "@servicepro/validators";
import { handleAppointmentReply } from "./appointment-replies.ts";
import { isOptedOut, recordConsentChange, recordMarketingConsent, twilioKeywordHandling } from "./consent.ts";
import { type AgentText, type IntakeDeps, ourNumberOf, phoneOf, type TwilioParams } from "./inbound.ts";
import { recordUnrouted, routeInbound } from "./inbound-routing.ts";
import { type DroppedMedia, mediaPreview, parseMessageMedia, truncateText } from "./media.ts";
import { historyEntry } from "./status-history.ts";

export type InboundSmsResult =
  | {
      outcome: "stored";
      tenantId: string;
      messageId: string;
      conversationId: string;
      consent: ConsentDecision["kind"];
      queued: string[];
      /** What the text did to the customer's reminded appointment (C / R replies), if anything. */
      appointment: "confirmed" | "reschedule" | null;
      /** MMS parts not stored (not on Twilio's API host, or missing): the caller logs them. */
      droppedMedia: DroppedMedia[];
    }
  | { outcome: "duplicate"; tenantId: string }
  | { outcome: "quarantined" };

/** A text and how it was routed when it was acknowledged (the number it reached, or the fallback tenant). */
export type InboundText = {
  params: TwilioParams;
  route: { phoneNumber: string | null; routedByFallback: boolean };
};

export type ApplyTextsOptions = {
  /** Runs last inside the same transaction (the intake deletes the staged events there: applied exactly once). */
  inTransaction?: (tx: TenantTx) => Promise<void>;
};

/** One text, routed now (no staging): the whole webhook inline. The intake's workers use applyInboundTexts. */
export async function handleInboundSms(deps: IntakeDeps, params: TwilioParams): Promise<InboundSmsResult> {
  const to = ourNumberOf(params.To);
  const route = await routeInbound(
    deps.db,
    { channel: "sms", to, messagingServiceSid: params.MessagingServiceSid },
    deps.unroutedPolicy,
  );
  if (route.kind === "quarantine") {
    const sid = params.MessageSid ?? params.SmsSid ?? "";
    await recordUnrouted(deps.db, { kind: "sms", sid, to, from: phoneOf(params.From), reason: route.reason, params });
    return { outcome: "quarantined" };
  }
  const [result] = await applyInboundTexts(deps, route.tenantId, [
    { params, route: { phoneNumber: route.phoneNumber, routedByFallback: route.routedByFallback } },
  ]);
  return result!;
}

type Prepared = {
  sid: string;
  to: string;
  from: string;
  body: string;
  media: ReturnType<typeof parseMessageMedia>["media"];
  droppedMedia: DroppedMedia[];
  intent: ConsentDecision;
  /** JOIN (offers by text) when the whole text is that keyword and Twilio handled no keyword in it. */
  marketingKeyword: string | null;
  text: InboundText;
};

/**
 * Applies texts to one tenant, in order, in one transaction. Returns one result per text, in the
 * same order; a SID seen before (a redelivery, or twice in the batch) is a "duplicate" and does nothing.
 */
export async function applyInboundTexts(
  deps: IntakeDeps,
  tenantId: string,
  texts: readonly InboundText[],
  options: ApplyTextsOptions = {},
): Promise<InboundSmsResult[]> {
  const prepared: Prepared[] = texts.map((text) => {
    const { params } = text;
    const body = params.Body ?? "";
    const { media, dropped } = parseMessageMedia(params);
    const intent = classifyConsent(body);
    return {
      sid: params.MessageSid ?? params.SmsSid ?? "",
      to: ourNumberOf(params.To),
      from: phoneOf(params.From),
      body,
      media,
      droppedMedia: dropped,
      intent,
      marketingKeyword: intent.kind === "none" && params.OptOutType === undefined ? marketingOptInKeyword(body) : null,
      text,
    };
  });
  const reminderIds: string[] = [];
  const now = deps.now?.() ?? new Date();
  const results = await tenantDb(deps.db, tenantId).run(async (tx) => {
    const tenant = await tx.tenant.findFirstOrThrow({
      select: { name: true, status: true, slug: true, timezone: true },
    });
    const customers = await upsertCustomers(tx, tenantId, [...new Set(prepared.map((p) => p.from))], now);
    const conversations = await ensureConversations(
      tx,
      tenantId,
      prepared.map((p) => ({ customerId: customers.get(p.from)!, tenantNumber: p.to })),
    );
    const stored = await insertMessages(tx, tenantId, prepared, customers, conversations);
    await updateConversations(tx, tenantId, prepared, stored, customers, conversations);

    const results: InboundSmsResult[] = [];
    const forAgent: AgentText[] = [];
    const configs = new Map<string, Promise<{ helpText: string | null; advancedOptOut: boolean } | null>>();
    const configOf = (phoneNumber: string | null) => {
      if (!phoneNumber) return Promise.resolve(null);
      let config = configs.get(phoneNumber);
      if (!config) {
        config = tx.tenantPhoneConfig.findFirst({
          where: { phoneNumber },
          select: { helpText: true, advancedOptOut: true },
        });
        configs.set(phoneNumber, config);
      }
      return config;
    };
    for (const [index, text] of prepared.entries()) {
      const message = stored.get(index);
      // A redelivery (Twilio retried, or a replayed request): already stored, do nothing else.
      if (!message) {
        results.push({ outcome: "duplicate", tenantId });
        continue;
      }
      const customerId = customers.get(text.from)!;
      const conversationId = conversations.get(customerId)!;
      const { queued, appointment } = await answerText(tx, deps, {
        tenantId,
        tenant,
        text,
        customerId,
        conversationId,
        config: needsConfig(text) ? await configOf(text.text.route.phoneNumber) : null,
        now,
        reminderIds,
      });
      results.push({
        outcome: "stored",
        tenantId,
        messageId: message.id,
        conversationId,
        consent: text.intent.kind,
        queued,
        appointment,
        droppedMedia: text.droppedMedia,
      });
      if (deps.agent && needsAgent(text, appointment, tenant.status))
        forAgent.push({ messageId: message.id, conversationId });
    }
    if (deps.agent && forAgent.length > 0) await deps.agent.enqueue(tx, tenantId, forAgent);
    await options.inTransaction?.(tx);
    return results;
  });
  for (const result of results) {
    if (result.outcome !== "stored") continue;
    const { conversationId } = result;
    deps.events.publish({ type: "message", tenantId, conversationId, messageId: result.messageId });
    for (const messageId of result.queued)
      deps.events.publish({ type: "message", tenantId, conversationId, messageId });
  }
  if (reminderIds.length > 0 && deps.reminders) await enqueueReminders(deps.reminders, tenantId, reminderIds);
  // The agent's jobs committed with the texts; its worker in this process starts on them now.
  if (deps.agent?.wake && results.some((r) => r.outcome === "stored")) deps.agent.wake();
  return results;
}

/**
 * Whether the SMS agent should answer a stored text: a plain text (no consent keyword, JOIN or
 * opt-out words, nothing under review, nothing Twilio handled), not a C / R answer to a reminder
 * that was already handled, from a phone we may text, for a business whose automations run.
 */
function needsAgent(
  text: Prepared,
  appointment: "confirmed" | "reschedule" | null,
  status: Parameters<typeof runsAutomations>[0],
): boolean {
  return (
    text.intent.kind === "none" &&
    text.marketingKeyword === null &&
    text.text.params.OptOutType === undefined &&
    appointment === null &&
    callerIdOf(text.text.params.From).kind === "phone" &&
    runsAutomations(status)
  );
}

/** Whether a text may need its number's settings (HELP text, Advanced Opt-Out): only keyword-like texts do. */
const needsConfig = (text: Prepared) => text.text.params.OptOutType !== undefined || text.intent.kind !== "none";

/**
 * Consent first, before anything could answer (the intent was read before the insert). A sender
 * that is not a phone (a short code, an alphanumeric sender ID, an impossible number) is stored and
 * its consent recorded, but never answered: a text to it fails at best, and costs money and invites
 * toll fraud at worst. callerIdOf is the one rule for "a number we may text".
 */
async function answerText(
  tx: TenantTx,
  deps: IntakeDeps,
  input: {
    tenantId: string;
    tenant: { name: string; status: Parameters<typeof runsAutomations>[0]; slug: string; timezone: string };
    text: Prepared;
    customerId: string;
    conversationId: string;
    config: { helpText: string | null; advancedOptOut: boolean } | null;
    now: Date;
    reminderIds: string[];
  },
): Promise<{ queued: string[]; appointment: "confirmed" | "reschedule" | null }> {
  const { tenantId, tenant, text, config, conversationId } = input;
  const { params } = text.text;
  const { sid, intent, from, body, to } = text;
  const queued: string[] = [];
  // The common case, a plain text that is neither a keyword nor a reminder reply, needs nothing more.
  if (
    params.OptOutType === undefined &&
    intent.kind === "none" &&
    text.marketingKeyword === null &&
    !classifyAppointmentReply(body)
  )
    return { queued, appointment: null };
  const senderIsPhone = callerIdOf(params.From).kind === "phone";
  const automated = runsAutomations(tenant.status) && senderIsPhone;
  const twilio = twilioKeywordHandling(params.OptOutType, config?.advancedOptOut ?? false);
  const queue = async (kind: "help" | "opt_out_confirmation" | "marketing_opt_in_confirmation", message: string) => {
    const r = await deps.outbox.queueSms(tx, { conversationId, body: message, kind, purposeKey: `${kind}:${sid}` });
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
  } else if (text.marketingKeyword !== null) {
    await joinOffers(tx, tenantId, { phone: from, evidence }, async () => {
      if (automated) await queue("marketing_opt_in_confirmation", smsTexts.marketingOptInConfirmation(tenant.name));
    });
  }
  // C / R answers to a reminder; "YES" is also START (consent above) and confirms as well. Not for a
  // text under review: it may be a revocation, and staff decide before anything answers it.
  const reply =
    automated &&
    (twilio.optOutType === null || twilio.optOutType === "START") &&
    (intent.kind === "none" || intent.kind === "opt_in") &&
    text.marketingKeyword === null
      ? await handleAppointmentReply(tx, deps, {
          body,
          sid,
          customerId: input.customerId,
          conversationId,
          tenant,
          now: input.now,
        })
      : null;
  if (reply) {
    queued.push(...reply.queued);
    input.reminderIds.push(...reply.reminderIds);
  }
  return { queued, appointment: reply?.handled ?? null };
}

/**
 * JOIN: the text is the customer's express consent to offers by text (recordMarketingConsent, source
 * keyword, the text as evidence), confirmed by one reply (`confirm`: what, how often, rates, STOP).
 * A number that opted out of texts gets neither: its consent to offers needs texts back on first
 * (START), and nothing but the one opt-out confirmation may be texted to it (the outbox refuses
 * anything else; Twilio blocks a number that texted STOP with error 21610), so a "text START first"
 * answer could not be sent. The JOIN stays in the thread for staff to see.
 */
async function joinOffers(
  tx: TenantTx,
  tenantId: string,
  { phone, evidence }: { phone: string; evidence: { messageSid: string; text: string } },
  confirm: () => Promise<void>,
): Promise<void> {
  if (await isOptedOut(tx, phone)) return;
  await recordMarketingConsent(tx, tenantId, { phone, state: "opted_in", source: "keyword", evidence });
  await confirm();
}

/**
 * The senders' customers, created on first contact (source "sms", with their search keys) and
 * marked seen now: one statement. Phones are distinct (an upsert may not touch a row twice).
 */
async function upsertCustomers(
  tx: TenantTx,
  tenantId: string,
  phones: readonly string[],
  now: Date,
): Promise<Map<string, string>> {
  const keys = phones.map((phone) => customerSearchKeys({ phone }));
  const rows = await tx.$queryRaw<{ id: string; phone: string }[]>`
    INSERT INTO customers (tenant_id, id, phone, source, last_seen_at, sort_name, search_text, updated_at)
    SELECT ${tenantId}, gen_random_uuid(), x.phone, 'sms', ${now}, x.sort_name, x.search_text, now()
      FROM unnest(${phones}::text[], ${keys.map((k) => k.sortName)}::text[], ${keys.map((k) => k.searchText)}::text[])
        AS x(phone, sort_name, search_text)
    ON CONFLICT (tenant_id, phone) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at, updated_at = now()
    RETURNING id::text, phone`;
  return new Map(rows.map((row) => [row.phone, row.id]));
}

/** Each customer's conversation (one per customer), created on first sight: one statement. customerId → id. */
async function ensureConversations(
  tx: TenantTx,
  tenantId: string,
  wanted: readonly { customerId: string; tenantNumber: string }[],
): Promise<Map<string, string>> {
  const first = new Map<string, string>();
  for (const { customerId, tenantNumber } of wanted) if (!first.has(customerId)) first.set(customerId, tenantNumber);
  const ids = [...first.keys()];
  // The insert's rows are invisible to the same statement's SELECT, so the two halves never overlap.
  const rows = await tx.$queryRaw<{ id: string; customer_id: string }[]>`
    WITH created AS (
      INSERT INTO conversations (tenant_id, id, customer_id, tenant_number)
      SELECT ${tenantId}, gen_random_uuid(), x.customer_id, x.tenant_number
        FROM unnest(${ids}::uuid[], ${[...first.values()]}::text[]) AS x(customer_id, tenant_number)
      ON CONFLICT (tenant_id, customer_id) DO NOTHING
      RETURNING id, customer_id
    )
    SELECT id::text, customer_id::text FROM created
    UNION ALL
    SELECT id::text, customer_id::text FROM conversations WHERE tenant_id = ${tenantId} AND customer_id = ANY(${ids}::uuid[])`;
  return new Map(rows.map((row) => [row.customer_id, row.id]));
}

/**
 * The texts as messages, in batch order (clock_timestamp keeps their order within one transaction);
 * a SID already stored, or repeated in the batch, inserts nothing. Returns index → the new row.
 */
async function insertMessages(
  tx: TenantTx,
  tenantId: string,
  prepared: readonly Prepared[],
  customers: Map<string, string>,
  conversations: Map<string, string>,
): Promise<Map<number, { id: string; createdAt: Date }>> {
  const rows = prepared.map((p, index) => ({
    i: index,
    conversation_id: conversations.get(customers.get(p.from)!)!,
    body: p.body,
    from_number: p.from,
    to_number: p.to,
    sid: p.sid,
    history: [historyEntry("received")],
    fallback: p.text.route.routedByFallback,
    media: p.media,
    // The classifier's confidence is kept on every inbound text; an unsure one waits for staff (inbox review).
    score: p.intent.score,
    review: p.intent.kind === "review" ? "pending" : null,
  }));
  const inserted = await tx.$queryRaw<{ i: number; id: string; created_at: Date }[]>`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(
        i integer, conversation_id uuid, body text, from_number text, to_number text, sid text, history jsonb,
        fallback boolean, media jsonb, score double precision, review text)
    ),
    created AS (
      INSERT INTO messages (tenant_id, id, conversation_id, direction, body, from_number, to_number, twilio_sid, kind,
                            status, status_history, routed_by_fallback, media, consent_score, consent_review,
                            created_at, updated_at)
      SELECT ${tenantId}, gen_random_uuid(), x.conversation_id, 'inbound', x.body, x.from_number, x.to_number, x.sid,
             'inbound', 'received', x.history, x.fallback, x.media, x.score, x.review::consent_review,
             clock_timestamp(), now()
        FROM input x ORDER BY x.i
      ON CONFLICT (tenant_id, twilio_sid) DO NOTHING
      RETURNING id, twilio_sid, created_at
    )
    SELECT min(input.i) AS i, created.id::text AS id, created.created_at
      FROM created JOIN input ON input.sid = created.twilio_sid
     GROUP BY created.id, created.created_at`;
  return new Map(inserted.map((row) => [Number(row.i), { id: row.id, createdAt: row.created_at }]));
}

/** Each conversation's preview moves to its newest stored text, and its unread count grows by the texts stored. */
async function updateConversations(
  tx: TenantTx,
  tenantId: string,
  prepared: readonly Prepared[],
  stored: Map<number, { id: string; createdAt: Date }>,
  customers: Map<string, string>,
  conversations: Map<string, string>,
): Promise<void> {
  const latest = new Map<string, { at: Date; preview: string; n: number; tenant_number: string }>();
  for (const [index, p] of prepared.entries()) {
    const message = stored.get(index);
    if (!message) continue;
    const id = conversations.get(customers.get(p.from)!)!;
    latest.set(id, {
      at: message.createdAt,
      // A photo with no words still needs a line in the conversation list.
      preview: p.body.trim() === "" ? mediaPreview(p.media) : truncateText(p.body, 160),
      n: (latest.get(id)?.n ?? 0) + 1,
      tenant_number: p.to,
    });
  }
  if (latest.size === 0) return;
  const rows = [...latest].map(([id, row]) => ({ id, ...row }));
  await tx.$executeRaw`
    UPDATE conversations c
       SET last_message_at = x.at, last_message_preview = x.preview, last_direction = 'inbound',
           unread_count = c.unread_count + x.n, tenant_number = x.tenant_number
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS x(id uuid, at timestamptz, preview text, n integer, tenant_number text)
     WHERE c.tenant_id = ${tenantId} AND c.id = x.id`;
}
