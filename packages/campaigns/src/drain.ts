// The campaign drain (issue 15, item 3): sends a campaign's outbox (campaign_sends, written
// set-based when it started) at each sender's carrier rate, inside the sending hours, with consent
// checked again for every recipient at the moment of sending.
//
// One run serves every sender of the campaign in turn (one send per sender per pass, when its slot
// is due), then sleeps until the earliest next slot, until the campaign is done or paused, the
// sending hours end, or its time budget is used up (the worker then queues the next run).
//
// Each send is claimed in one tenant transaction, then delivered outside it:
//   claim    lock the campaign row (FOR SHARE) and go on only while it is `sending`, so a pause
//            or cancel that commits stops the very next claim; check the sending hours; lock the
//            sender's pace row and go on only when its slot is due; take the next queued row
//            (FOR UPDATE SKIP LOCKED); re-check consent (skips don't use the slot); write the
//            message row (purpose key campaign:<campaign>:<customer>, so no retry can make a
//            second one) with no sms.send job; mark the row `sending`; move the slot on. Commit.
//   deliver  deliverMessage (packages/sms), the same exactly-once path as every text: it re-checks
//            the opt-out and the tenant, and reconciles with Twilio before any resend. Deliveries
//            run concurrently with the next claims (a Twilio call takes longer than a fast
//            sender's spacing); at most `maxInFlight` at once.
//   settle   the row becomes `sent` (sent_at), `skipped` (suppressed at delivery: opted out in
//            between, or the business was paused) or `failed` ('send_failed': Twilio refused it).
//            A retryable failure (Twilio's answer unknown, a STOP in flight) hands the message to
//            the sms.send queue, whose retries reconcile before resending, in the same transaction
//            that marks the row `sent` with status_reason 'delivery_retrying': from then on the
//            message row alone tells how it went (as it does for delivered / undelivered).
//
// A drain that dies between claim and settle leaves the row `sending`. Once it has been so for
// STALE_AFTER_MS (well past Twilio's request timeout, so a live drain's delivery is never
// doubled), the next run takes it again through the same paced claim: a message that already
// reached a final status just settles; one still pending whose recipient no longer allows offers is
// suppressed; otherwise deliverMessage delivers it, adopting the text Twilio already has if the
// first attempt got through. So a crash sends no one twice and skips no one.
//
// The thread: a campaign text goes out from the row's from_number (the number the
// expansion chose, the one its sender paces). A customer has one conversation per business; a new
// one is opened on from_number, and an existing one on another number is kept as it is: replies to
// the campaign number land in it (the intake then moves it to that number), so the inbox shows one
// thread per customer, as everywhere else.

import { type Database, Prisma, queueJob, type TenantTx, tenantDb } from "@servicepro/db";
import {
  deliverMessage,
  ensureConversation,
  MAX_SMS_BODY,
  type MessagingEvents,
  marketingAllowed,
  type SmsSender,
  type WorkerLogger,
} from "@servicepro/sms";
import { runsAutomations } from "@servicepro/tenancy/constants";
import type { CampaignStatus } from "@servicepro/validators";
import { fromPrisma, type PgBoss, type PrismaTransactionLike } from "pg-boss";
import { campaignTextFor } from "./merge.ts";
import { nextSlotAfter, type SenderNumber, senderRate, slotDue } from "./pacer.ts";
import { sendingResumesAt } from "./sending-hours.ts";
import { EXPANSION_TRANSACTION, startDueCampaign } from "./service.ts";

export type DrainDeps = {
  db: Database;
  sender: SmsSender;
  events: MessagingEvents;
  logger: WorkerLogger;
  /** The public origin, e.g. https://app.example.com: {booking_link} points at its booking page. */
  publicBaseUrl: string;
  /** Where Twilio posts delivery statuses, as for every outbound text (…/twilio/sms/status). */
  statusCallbackUrl: string;
  /** The SMS delivery queue (pg-boss): a text whose send must be retried is handed to it. */
  jobs: Pick<PgBoss, "send">;
  now?: () => Date;
  /** Waits `ms` (or until `signal` aborts). A simulated clock advances itself here. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
};

export type DrainJob = { tenantId: string; campaignId: string };

export type DrainOptions = {
  /** How long one run may go on (on the deps' clock) before it hands over to the next job. */
  budgetMs?: number;
  /** Aborted: the run stops claiming, finishes its deliveries and returns `waiting` (the worker is stopping). */
  signal?: AbortSignal;
  /** Deliveries under way at once. */
  maxInFlight?: number;
  /** A row `sending` for this long belongs to a drain that died; the next claim takes it again. */
  staleAfterMs?: number;
};

export type DrainResult = (
  | { outcome: "completed" | "paused" | "cancelled" }
  /** More to send from `nextAt` (the next slot, the end of the quiet hours, or a crashed drain's rows going stale). */
  | { outcome: "waiting"; nextAt: Date }
) & {
  /** Texts handed to delivery in this run, and rows skipped (consent, a paused business) or failed before it. */
  sends: number;
  skipped: number;
};

/**
 * One job's worth of draining: long enough that the gap before the next job (the queue's polling)
 * costs little of a sender's rate, and well inside the queue's expireInSeconds (120 s).
 */
export const DRAIN_BUDGET_MS = 60_000;
export const STALE_AFTER_MS = 30_000;
const MAX_IN_FLIGHT = 16;
/** Skips in one claim transaction before the loop looks at the clock and the other senders again. */
const SKIPS_PER_CLAIM = 25;
/**
 * The longest the loop sleeps at once, and how soon a run looks again at rows another drain of the
 * same campaign holds locked (or has just claimed).
 */
const BUSY_RETRY_MS = 1_000;

type Sender = { key: string; rate: number; nextAt: number | null };

type Claim =
  | { kind: "stopped"; status: CampaignStatus | "missing" }
  | { kind: "quiet"; until: Date }
  | { kind: "later"; at: number }
  | { kind: "empty" }
  /** Rows settled without sending (skipped, failed, or a stale row already finished): the slot is still free. */
  | { kind: "settled"; skipped: number }
  | { kind: "claimed"; customerId: string; messageId: string; conversationId: string; fresh: boolean; skipped: number };

/** Reasons a row is skipped or failed (campaign_sends.status_reason). */
export type CampaignSendReason =
  | "opted_out"
  | "no_consent"
  | "automation_paused"
  | "cancelled"
  | "no_customer"
  | "not_a_phone"
  | "send_failed"
  | "too_long"
  | "delivery_retrying";

const realSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });

const STOPPED: Record<string, "completed" | "paused" | "cancelled"> = {
  completed: "completed",
  cancelled: "cancelled",
  missing: "cancelled",
  // Paused, or not started (draft, scheduled): nothing to send until start() is called again.
  paused: "paused",
  draft: "paused",
  scheduled: "paused",
};

export async function drainCampaign(deps: DrainDeps, job: DrainJob, options: DrainOptions = {}): Promise<DrainResult> {
  const clock = () => (deps.now?.() ?? new Date()).getTime();
  const sleep = deps.sleep ?? realSleep;
  const scoped = tenantDb(deps.db, job.tenantId);
  const staleAfterMs = options.staleAfterMs ?? STALE_AFTER_MS;
  const maxInFlight = options.maxInFlight ?? MAX_IN_FLIGHT;
  const budgetMs = options.budgetMs ?? DRAIN_BUDGET_MS;
  const deadline = clock() + budgetMs;
  // Real time too: a clock that stands still (a test's frozen clock) must not hold a job forever.
  const realDeadline = performance.now() + budgetMs;
  const counts = { sends: 0, skipped: 0 };
  const inFlight = new Set<Promise<void>>();

  // A scheduled campaign is expanded when its time comes (its audience and consents as they are
  // then); one rescheduled later waits for its new time (this job may have been queued for the old one).
  const started = await scoped.run(
    (tx) => startDueCampaign(tx, job.tenantId, job.campaignId, new Date(clock())),
    EXPANSION_TRANSACTION,
  );
  if (started?.status === "scheduled" && started.scheduledAt)
    return { outcome: "waiting", nextAt: started.scheduledAt, ...counts };

  const senders = await loadSenders(deps.db, job);
  const done = async (
    result: { outcome: "completed" | "paused" | "cancelled" } | { outcome: "waiting"; nextAt: Date },
  ) => {
    await Promise.all(inFlight);
    return { ...result, ...counts } as DrainResult;
  };
  const earliestSlot = () =>
    Math.min(clock() + BUSY_RETRY_MS, ...[...senders.values()].map((s) => s.nextAt ?? clock()));

  for (;;) {
    if (options.signal?.aborted || clock() >= deadline || performance.now() >= realDeadline)
      return done({ outcome: "waiting", nextAt: new Date(Math.max(clock(), earliestSlot())) });
    const due = [...senders.values()].sort((a, b) => (a.nextAt ?? 0) - (b.nextAt ?? 0));
    for (const sender of due) {
      const now = clock();
      if (!slotDue(sender.nextAt, now)) continue;
      const claim = await scoped.run((tx) => claimNext(tx, deps, job, sender, now, staleAfterMs));
      switch (claim.kind) {
        case "stopped":
          return done({ outcome: STOPPED[claim.status] ?? "paused" });
        case "quiet":
          return done({ outcome: "waiting", nextAt: claim.until });
        case "later":
          sender.nextAt = claim.at;
          break;
        case "empty":
          senders.delete(sender.key);
          break;
        case "settled":
          counts.skipped += claim.skipped;
          break;
        case "claimed": {
          counts.skipped += claim.skipped;
          counts.sends++;
          sender.nextAt = nextSlotAfter(now, sender.rate);
          if (claim.fresh)
            deps.events.publish({
              type: "message",
              tenantId: job.tenantId,
              conversationId: claim.conversationId,
              messageId: claim.messageId,
            });
          const delivery = deliverAndSettle(deps, job, claim).finally(() => inFlight.delete(delivery));
          inFlight.add(delivery);
          if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
          break;
        }
      }
    }
    if (senders.size === 0) {
      await Promise.all(inFlight);
      return done(await complete(deps, job, clock(), staleAfterMs));
    }
    const wait = Math.min(earliestSlot(), deadline) - clock();
    if (wait > 0) await sleep(wait, options.signal);
  }
}

/** The campaign's senders with rows left, and each one's rate (tenant_phone_configs, else the carrier default). */
async function loadSenders(db: Database, job: DrainJob): Promise<Map<string, Sender>> {
  const scoped = tenantDb(db, job.tenantId);
  const keys = await scoped.query<{ sender_key: string }>(
    // One branch per partial index (campaign_sends_queued_idx, campaign_sends_sending_idx).
    Prisma.sql`SELECT DISTINCT sender_key FROM campaign_sends
           WHERE tenant_id = ${job.tenantId} AND campaign_id = ${job.campaignId}::uuid AND status = 'queued'
          UNION
          SELECT DISTINCT sender_key FROM campaign_sends
           WHERE tenant_id = ${job.tenantId} AND campaign_id = ${job.campaignId}::uuid AND status = 'sending'`,
  );
  const numbers = (
    await scoped.query<{ phone_number: string; messaging_service_sid: string | null; rate: number | null }>(
      Prisma.sql`SELECT phone_number, messaging_service_sid, sms_rate_per_second::float8 AS rate
              FROM tenant_phone_configs WHERE tenant_id = ${job.tenantId}`,
    )
  ).map(
    (n): SenderNumber => ({
      phoneNumber: n.phone_number,
      messagingServiceSid: n.messaging_service_sid,
      smsRatePerSecond: n.rate === null ? null : Number(n.rate),
    }),
  );
  return new Map(
    keys.map(({ sender_key: key }) => [key, { key, rate: senderRate(key, numbers), nextAt: null } satisfies Sender]),
  );
}

type TenantRow = { name: string; slug: string; status: Parameters<typeof runsAutomations>[0]; timezone: string };

async function claimNext(
  tx: TenantTx,
  deps: DrainDeps,
  job: DrainJob,
  sender: Sender,
  now: number,
  staleAfterMs: number,
): Promise<Claim> {
  const { tenantId, campaignId } = job;
  const at = new Date(now);
  // FOR SHARE: a pause, resume or cancel (an UPDATE of this row) waits for this claim and is seen by the next.
  const [campaign] = await tx.$queryRaw<{ status: CampaignStatus; body: string }[]>`
    SELECT status::text AS status, body FROM campaigns WHERE tenant_id = ${tenantId} AND id = ${campaignId}::uuid FOR SHARE`;
  if (!campaign) return { kind: "stopped", status: "missing" };
  if (campaign.status !== "sending") return { kind: "stopped", status: campaign.status };

  const tenant: TenantRow = await tx.tenant.findFirstOrThrow({
    select: { name: true, slug: true, status: true, timezone: true },
  });
  const [quiet] = await tx.$queryRaw<{ start: string; end: string }[]>`
    SELECT quiet_hours_start AS start, quiet_hours_end AS end FROM booking_settings WHERE tenant_id = ${tenantId}`;
  const until = sendingResumesAt(at, tenant.timezone, quiet ?? null);
  if (until) return { kind: "quiet", until };

  // The sender's slot, shared by every drain (two campaigns on one number take turns): the upsert
  // creates it on first use and locks it either way, so pace decisions on a sender are serialised.
  const [pace] = await tx.$queryRaw<{ next_at: Date }[]>`
    INSERT INTO campaign_sender_paces (tenant_id, sender_key, next_at) VALUES (${tenantId}, ${sender.key}, ${at})
    ON CONFLICT (tenant_id, sender_key) DO UPDATE SET next_at = campaign_sender_paces.next_at
    RETURNING next_at`;
  if (pace && pace.next_at.getTime() > now) {
    // A slot more than one spacing ahead was set by a clock ahead of ours (another process's, or
    // ours before an NTP step back). Waiting for it would stall the sender; one spacing from now
    // keeps the rate, so the slot is pulled back to that.
    const latest = nextSlotAfter(now, sender.rate);
    if (pace.next_at.getTime() <= latest) return { kind: "later", at: pace.next_at.getTime() };
    await tx.$executeRaw`UPDATE campaign_sender_paces SET next_at = ${new Date(latest)}
                          WHERE tenant_id = ${tenantId} AND sender_key = ${sender.key}`;
    return { kind: "later", at: latest };
  }
  const takeSlot = () =>
    tx.$executeRaw`UPDATE campaign_sender_paces SET next_at = ${new Date(nextSlotAfter(now, sender.rate))}
                    WHERE tenant_id = ${tenantId} AND sender_key = ${sender.key}`;

  const stale = await takeStale(tx, deps, job, sender, at, staleAfterMs, tenant);
  if (stale) {
    if (stale.kind === "claimed") await takeSlot();
    return stale;
  }

  let skipped = 0;
  while (skipped < SKIPS_PER_CLAIM) {
    const [row] = await tx.$queryRaw<QueuedRow[]>`
      SELECT s.customer_id, s.phone, s.from_number, c.id IS NOT NULL AS customer_exists, c.name,
             COALESCE(c.points_balance, 0) AS points_balance
        FROM campaign_sends s
        LEFT JOIN customers c ON c.tenant_id = s.tenant_id AND c.id = s.customer_id
       WHERE s.tenant_id = ${tenantId} AND s.campaign_id = ${campaignId}::uuid AND s.sender_key = ${sender.key}
         AND s.status = 'queued'
       ORDER BY s.customer_id
       LIMIT 1
       FOR UPDATE OF s SKIP LOCKED`;
    if (!row) return skipped > 0 ? { kind: "settled", skipped } : { kind: "empty" };
    const mark = (status: "skipped" | "failed", reason: CampaignSendReason) =>
      tx.$executeRaw`UPDATE campaign_sends SET status = ${status}::campaign_send_status, status_reason = ${reason}
                      WHERE tenant_id = ${tenantId} AND campaign_id = ${campaignId}::uuid AND customer_id = ${row.customer_id}::uuid`;

    const refusal = await refusalOf(tx, tenantId, tenant, row.phone, row.customer_exists);
    if (refusal) {
      await mark("skipped", refusal);
      skipped++;
      continue;
    }
    const body = campaignTextFor(
      campaign.body,
      { name: row.name, pointsBalance: row.points_balance },
      { name: tenant.name, slug: tenant.slug },
      deps.publicBaseUrl,
    );
    if (body.length > MAX_SMS_BODY) {
      // The composer bounds the worst case; a merge value past it is refused here, not cut.
      deps.logger.warn({ tenantId, campaignId, customerId: row.customer_id }, "campaign text too long for one SMS");
      await mark("failed", "too_long");
      skipped++;
      continue;
    }
    const message = await writeMessage(tx, job, row, body, at);
    await tx.$executeRaw`
      UPDATE campaign_sends SET status = 'sending', claimed_at = ${at}, message_id = ${message.id}::uuid
       WHERE tenant_id = ${tenantId} AND campaign_id = ${campaignId}::uuid AND customer_id = ${row.customer_id}::uuid`;
    await takeSlot();
    return {
      kind: "claimed",
      customerId: row.customer_id,
      messageId: message.id,
      conversationId: message.conversationId,
      fresh: message.fresh,
      skipped,
    };
  }
  return { kind: "settled", skipped };
}

type QueuedRow = {
  customer_id: string;
  phone: string;
  from_number: string;
  customer_exists: boolean;
  name: string | null;
  points_balance: number;
};

/**
 * Why this recipient must not get the text now, or null. The opt-out row is locked (FOR SHARE)
 * as the outbox does, so a STOP committing at this moment is either seen here or waits for the
 * message row, which deliverMessage then checks again before sending.
 */
async function refusalOf(
  tx: TenantTx,
  tenantId: string,
  tenant: TenantRow,
  phone: string,
  customerExists: boolean,
): Promise<CampaignSendReason | null> {
  if (!customerExists) return "no_customer";
  const [transactional] = await tx.$queryRaw<{ state: "opted_in" | "opted_out" }[]>`
    SELECT state::text AS state FROM sms_consents WHERE tenant_id = ${tenantId} AND phone = ${phone} FOR SHARE`;
  if (transactional?.state === "opted_out") return "opted_out";
  const [marketing] = await tx.$queryRaw<{ state: "opted_in" | "opted_out" }[]>`
    SELECT state::text AS state FROM marketing_consents WHERE tenant_id = ${tenantId} AND phone = ${phone}`;
  if (!marketingAllowed(marketing?.state ?? null, transactional?.state ?? null)) return "no_consent";
  if (!runsAutomations(tenant.status)) return "automation_paused";
  return null;
}

/** The message row (the outbox), no sms.send job: the drain delivers it itself. Idempotent by purpose key. */
async function writeMessage(
  tx: TenantTx,
  job: DrainJob,
  row: QueuedRow,
  body: string,
  at: Date,
): Promise<{ id: string; conversationId: string; fresh: boolean }> {
  const purposeKey = `campaign:${job.campaignId}:${row.customer_id}`;
  const conversation =
    (await tx.conversation.findFirst({ where: { customerId: row.customer_id }, select: { id: true } })) ??
    (await ensureConversation(tx, job.tenantId, row.customer_id, row.from_number));
  const history = JSON.stringify([{ status: "pending", at: at.toISOString() }]);
  const [created] = await tx.$queryRaw<{ id: string; created_at: Date }[]>`
    INSERT INTO messages (tenant_id, id, conversation_id, direction, body, from_number, to_number, purpose_key, kind,
                          status, status_history, updated_at)
    VALUES (${job.tenantId}, gen_random_uuid(), ${conversation.id}::uuid, 'outbound', ${body}, ${row.from_number},
            ${row.phone}, ${purposeKey}, 'campaign', 'pending', ${history}::jsonb, now())
    ON CONFLICT (tenant_id, purpose_key) DO NOTHING
    RETURNING id, created_at`;
  if (!created) {
    // Written by an earlier claim of this row (its send row was put back): deliver that one, never a second.
    const earlier = await tx.message.findFirstOrThrow({
      where: { purposeKey },
      select: { id: true, conversationId: true },
    });
    return { id: earlier.id, conversationId: earlier.conversationId, fresh: false };
  }
  await tx.$executeRaw`
    UPDATE conversations SET last_message_at = ${created.created_at}, last_message_preview = ${body.slice(0, 160)},
                             last_direction = 'outbound'
     WHERE tenant_id = ${job.tenantId} AND id = ${conversation.id}::uuid`;
  return { id: created.id, conversationId: conversation.id, fresh: true };
}

/** Message statuses that mean delivery is still under way (deliverMessage may still send). */
const UNDER_WAY = new Set(["pending", "submitting", "unknown"]);

/**
 * A row a dead drain left `sending` for longer than staleAfterMs, taken again (the caller takes the
 * slot when it is claimed for delivery). Null when there is none.
 */
async function takeStale(
  tx: TenantTx,
  deps: DrainDeps,
  job: DrainJob,
  sender: Sender,
  at: Date,
  staleAfterMs: number,
  tenant: TenantRow,
): Promise<Extract<Claim, { kind: "claimed" | "settled" }> | null> {
  const { tenantId, campaignId } = job;
  const [row] = await tx.$queryRaw<
    {
      customer_id: string;
      phone: string;
      message_id: string | null;
      conversation_id: string | null;
      message_status: string | null;
    }[]
  >`
    SELECT s.customer_id, s.phone, s.message_id, m.conversation_id, m.status::text AS message_status
      FROM campaign_sends s
      LEFT JOIN messages m ON m.tenant_id = s.tenant_id AND m.id = s.message_id
     WHERE s.tenant_id = ${tenantId} AND s.campaign_id = ${campaignId}::uuid AND s.sender_key = ${sender.key}
       AND s.status = 'sending' AND s.claimed_at < ${new Date(at.getTime() - staleAfterMs)}
     ORDER BY s.claimed_at
     LIMIT 1
     FOR UPDATE OF s SKIP LOCKED`;
  if (!row) return null;
  if (!row.message_id || !row.message_status || !row.conversation_id) {
    // Claimed without its message (cannot happen: both are written in one transaction): queue it again.
    await tx.$executeRaw`UPDATE campaign_sends SET status = 'queued', claimed_at = NULL, message_id = NULL
                          WHERE tenant_id = ${tenantId} AND campaign_id = ${campaignId}::uuid AND customer_id = ${row.customer_id}::uuid`;
    return { kind: "settled", skipped: 0 };
  }
  if (!UNDER_WAY.has(row.message_status)) {
    await settleRow(tx, job, row.customer_id, at);
    return { kind: "settled", skipped: 0 };
  }
  if (row.message_status === "pending") {
    // Never handed to Twilio, so it may still be withheld: consent is checked again as for a new claim.
    const refusal = await refusalOf(tx, tenantId, tenant, row.phone, true);
    if (refusal) {
      await suppress(tx, tenantId, row.message_id, at, refusal);
      await tx.$executeRaw`UPDATE campaign_sends SET status = 'skipped', status_reason = ${refusal}
                            WHERE tenant_id = ${tenantId} AND campaign_id = ${campaignId}::uuid AND customer_id = ${row.customer_id}::uuid`;
      return { kind: "settled", skipped: 1 };
    }
  }
  deps.logger.warn(
    { tenantId, campaignId, messageId: row.message_id },
    "campaign text left mid-send; delivering it again",
  );
  await tx.$executeRaw`UPDATE campaign_sends SET claimed_at = ${at}
                        WHERE tenant_id = ${tenantId} AND campaign_id = ${campaignId}::uuid AND customer_id = ${row.customer_id}::uuid`;
  return {
    kind: "claimed",
    customerId: row.customer_id,
    messageId: row.message_id,
    conversationId: row.conversation_id,
    fresh: false,
    skipped: 0,
  };
}

async function suppress(tx: TenantTx, tenantId: string, messageId: string, at: Date, reason: CampaignSendReason) {
  const entry = JSON.stringify([{ status: "suppressed", at: at.toISOString() }]);
  await tx.$executeRaw`
    UPDATE messages SET status = 'suppressed', status_history = status_history || ${entry}::jsonb,
                        error_message = ${`Not sent: ${reason.replaceAll("_", " ")}.`}, updated_at = now()
     WHERE tenant_id = ${tenantId} AND id = ${messageId}::uuid AND status = 'pending'`;
}

/** Delivers a claimed text, then settles its row; a retryable failure hands it to the sms.send queue. Never rejects. */
async function deliverAndSettle(
  deps: DrainDeps,
  job: DrainJob,
  claim: Extract<Claim, { kind: "claimed" }>,
): Promise<void> {
  const { tenantId, campaignId } = job;
  const scoped = tenantDb(deps.db, tenantId);
  const at = () => deps.now?.() ?? new Date();
  try {
    await deliverMessage(
      {
        db: deps.db,
        sender: deps.sender,
        events: deps.events,
        logger: deps.logger,
        statusCallbackUrl: deps.statusCallbackUrl,
      },
      { tenantId, messageId: claim.messageId },
    );
  } catch (error) {
    // Twilio's answer is unknown, or a text from the recipient (maybe STOP) is not applied yet: the
    // delivery queue retries, reconciling first. Row and job commit together, so the text has
    // exactly one owner: the queue (the row is no longer `sending`), or this drain's next run.
    try {
      await scoped.run(async (tx) => {
        const moved = await tx.$executeRaw`
          UPDATE campaign_sends SET status = 'sent', status_reason = 'delivery_retrying', sent_at = ${at()}
           WHERE tenant_id = ${tenantId} AND campaign_id = ${campaignId}::uuid AND customer_id = ${claim.customerId}::uuid
             AND status = 'sending' AND message_id = ${claim.messageId}::uuid`;
        if (moved === 1)
          await queueJob(
            deps.jobs,
            "smsSend",
            { tenantId, messageId: claim.messageId },
            { db: fromPrisma(tx as unknown as PrismaTransactionLike), singletonOn: "messageId", startAfter: 2 },
          );
      });
      deps.logger.warn(
        { tenantId, campaignId, messageId: claim.messageId, err: error },
        "campaign text handed to the SMS queue to retry",
      );
    } catch (handOff) {
      deps.logger.error(
        { tenantId, campaignId, err: handOff },
        "campaign text left sending; the next drain run takes it again",
      );
    }
    return;
  }
  try {
    await scoped.run((tx) => settleRow(tx, job, claim.customerId, at()));
  } catch (error) {
    deps.logger.error({ tenantId, campaignId, err: error }, "campaign row not settled; the next drain run settles it");
  }
}

/** The row's status from its message's, once delivery has an outcome (a no-op while it is under way). */
async function settleRow(tx: TenantTx, job: DrainJob, customerId: string, at: Date): Promise<void> {
  const { tenantId, campaignId } = job;
  const [row] = await tx.$queryRaw<{ phone: string; message_status: string | null }[]>`
    SELECT s.phone, m.status::text AS message_status
      FROM campaign_sends s JOIN messages m ON m.tenant_id = s.tenant_id AND m.id = s.message_id
     WHERE s.tenant_id = ${tenantId} AND s.campaign_id = ${campaignId}::uuid AND s.customer_id = ${customerId}::uuid
       AND s.status = 'sending'
     FOR UPDATE OF s`;
  if (!row?.message_status || UNDER_WAY.has(row.message_status)) return;
  const { status, reason } = await outcomeOf(tx, tenantId, row.message_status, row.phone);
  await tx.$executeRaw`
    UPDATE campaign_sends SET status = ${status}::campaign_send_status, status_reason = ${reason},
                              sent_at = ${status === "sent" ? at : null}
     WHERE tenant_id = ${tenantId} AND campaign_id = ${campaignId}::uuid AND customer_id = ${customerId}::uuid`;
}

async function outcomeOf(
  tx: TenantTx,
  tenantId: string,
  messageStatus: string,
  phone: string,
): Promise<{ status: "sent" | "skipped" | "failed"; reason: CampaignSendReason | null }> {
  if (messageStatus === "failed") return { status: "failed", reason: "send_failed" };
  if (messageStatus !== "suppressed") return { status: "sent", reason: null };
  // deliverMessage withheld it: the number opted out in between, the business was paused, or not a phone.
  const [consent] = await tx.$queryRaw<{ state: string }[]>`
    SELECT state::text AS state FROM sms_consents WHERE tenant_id = ${tenantId} AND phone = ${phone}`;
  if (consent?.state === "opted_out") return { status: "skipped", reason: "opted_out" };
  const tenant = await tx.tenant.findFirstOrThrow({ select: { status: true } });
  return { status: "skipped", reason: runsAutomations(tenant.status) ? "not_a_phone" : "automation_paused" };
}

/**
 * After every sender came up empty and this run's deliveries settled: the campaign is completed
 * when no row is queued or sending (one guarded UPDATE). Otherwise another drain holds rows (look
 * again shortly) or a dead one left some `sending` (look again when they go stale).
 */
async function complete(
  deps: DrainDeps,
  job: DrainJob,
  now: number,
  staleAfterMs: number,
): Promise<{ outcome: "completed" | "paused" | "cancelled" } | { outcome: "waiting"; nextAt: Date }> {
  const { tenantId, campaignId } = job;
  return tenantDb(deps.db, tenantId).run(async (tx) => {
    const at = new Date(now);
    const completed = await tx.$executeRaw`
      UPDATE campaigns SET status = 'completed', completed_at = ${at}, updated_at = ${at}
       WHERE tenant_id = ${tenantId} AND id = ${campaignId}::uuid AND status = 'sending'
         AND NOT EXISTS (SELECT 1 FROM campaign_sends s
                          WHERE s.tenant_id = ${tenantId} AND s.campaign_id = ${campaignId}::uuid AND s.status = 'queued')
         AND NOT EXISTS (SELECT 1 FROM campaign_sends s
                          WHERE s.tenant_id = ${tenantId} AND s.campaign_id = ${campaignId}::uuid AND s.status = 'sending')`;
    if (completed === 1) return { outcome: "completed" as const };
    const [state] = await tx.$queryRaw<{ status: CampaignStatus; queued: boolean; oldest_sending: Date | null }[]>`
      SELECT c.status::text AS status,
             EXISTS (SELECT 1 FROM campaign_sends s WHERE s.tenant_id = c.tenant_id AND s.campaign_id = c.id
                        AND s.status = 'queued') AS queued,
             (SELECT min(s.claimed_at) FROM campaign_sends s WHERE s.tenant_id = c.tenant_id AND s.campaign_id = c.id
                        AND s.status = 'sending') AS oldest_sending
        FROM campaigns c WHERE c.tenant_id = ${tenantId} AND c.id = ${campaignId}::uuid`;
    if (!state) return { outcome: "cancelled" as const };
    if (state.status !== "sending") return { outcome: STOPPED[state.status] ?? ("paused" as const) };
    if (state.queued || !state.oldest_sending)
      return { outcome: "waiting" as const, nextAt: new Date(now + BUSY_RETRY_MS) };
    return {
      outcome: "waiting" as const,
      nextAt: new Date(Math.max(now + BUSY_RETRY_MS, state.oldest_sending.getTime() + staleAfterMs + 1)),
    };
  });
}
