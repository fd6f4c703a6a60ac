// The queue job that answers one inbound text (queue `agent.reply`). The job names the text only
// (ADR 0013); everything else is read under the tenant's scope: whether the agent may answer at all
// (mode, plan, account, opt-out, a pause after a staff reply, a hand-off waiting for a person, a
// newer text from the same sender, quiet hours), the business's facts and the sender's appointments,
// then one engine turn over the database world, whose write transaction opens at the first write
// and re-checks the guards there under the conversation's lock. Auto-pilot writes and
// queues the reply in the outbox; suggest mode runs the same turn as a dry run and keeps the reply
// and its writes as the conversation's draft. One agent_runs row per text makes the job idempotent.
import { TZDate } from "@date-fns/tz";
import {
  type AgentTurn,
  type Brain,
  type ConversationState,
  runTurn,
  stateFromHistory,
  type TurnLimits,
} from "@servicepro/agent";
import { enqueueReminders, type ReminderQueue } from "@servicepro/booking";
import {
  type AgentMode,
  type Database,
  JOB_QUEUES,
  type JobData,
  jobData,
  Prisma,
  queueJob,
  type TenantTx,
  tenantDb,
} from "@servicepro/db";
import type { EmailSender } from "@servicepro/notifications";
import {
  type AgentIntake,
  inQuietHours,
  type MessagingEvents,
  type Outbox,
  quietHoursEnd,
  recordConsentChange,
} from "@servicepro/sms";
import { runsAutomations } from "@servicepro/tenancy/constants";
import { DEFAULT_AGENT_SETTINGS } from "@servicepro/validators";
import { fromPrisma, type PgBoss, type PrismaTransactionLike } from "pg-boss";
import { loadAgentCustomer, loadAgentFactsWith, loadHistory } from "./facts.ts";
import { effectiveMode, loadAgentSettings, NO_DRAFT, planAllowsAgent, storedState, updateThread } from "./settings.ts";
import { createLazyDbWorld } from "./world.ts";

export type AgentJob = JobData<"agentReply">;

export type AgentLogger = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export type AgentRuntimeDeps = {
  db: Database;
  outbox: Outbox;
  events: MessagingEvents;
  /** Tells staff about a hand-off; without it the hand-off is only flagged in the inbox. */
  email?: EmailSender;
  brain: Brain;
  logger: AgentLogger;
  /** Where people reach the apps: the booking page link the agent may send, the inbox link in a hand-off email. */
  publicBaseUrl: string;
  /** Reminder jobs for what the agent booked or moved, queued after commit. */
  reminders?: ReminderQueue;
  now?: () => Date;
};

/** What one job did. `held`: inside the quiet hours, run again at `at`. */
export type AgentJobResult =
  | { outcome: "sent"; runId: string; conversationId: string; messageId: string | null }
  | { outcome: "drafted" | "handed_off"; runId: string; conversationId: string }
  | { outcome: "skipped"; reason: string; conversationId: string | null }
  | { outcome: "held"; at: Date; conversationId: string }
  | { outcome: "duplicate" };

/** A text older than this is answered after the quiet hours, not inside them (the customer has moved on). */
const QUIET_HOURS_GRACE_MS = 15 * 60_000;
/** At most this many unanswered texts from the sender are read as one. */
const MAX_JOINED_TEXTS = 5;
/**
 * The write transaction's limit. It opens at the turn's first write, so it holds the brain's call
 * only when a model writes and then calls again (a model answers within OPENAI_TIMEOUT_MS, with its retries).
 */
const TURN_TRANSACTION_MS = 120_000;

const minutesOf = (hhmm: string) => {
  const [h = 0, m = 0] = hhmm.split(":").map(Number);
  return h * 60 + m;
};

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

/** What an agent_runs row records besides its keys. */
type RunFields = {
  outcome: string;
  brain?: string | null;
  intent?: string | null;
  action?: string | null;
  reply?: string | null;
  toolCalls?: unknown;
  writes?: unknown;
  refusals?: string[];
};

type Effects = {
  result: AgentJobResult;
  queuedMessageId: string | null;
  handoff: { reason: string } | null;
  drafted: boolean;
  reminderIds: string[];
};

/** What the job reads before it decides anything: the text, its sender and every gate, in one statement. */
type Gates = {
  id: string;
  body: string;
  created_at: Date;
  conversation_id: string;
  customer_id: string;
  phone: string;
  earlier_outcome: string | null;
  mode: AgentMode | null;
  pause_minutes: number | null;
  max_replies_per_hour: number | null;
  plan_tier: string;
  status: string;
  timezone: string;
  state: unknown;
  paused_until: Date | null;
  handoff_at: Date | null;
  newer: boolean;
  opted_out: boolean;
  quiet_hours_start: string | null;
  quiet_hours_end: string | null;
  last_outbound: Date | null;
  replies_last_hour: number;
};

const readGates = (deps: AgentRuntimeDeps, job: AgentJob, now: Date) =>
  tenantDb(deps.db, job.tenantId).query<Gates>(Prisma.sql`
    SELECT m.id, m.body, m.created_at, m.conversation_id, c.customer_id, cu.phone,
           (SELECT r.outcome FROM agent_runs r
             WHERE r.tenant_id = m.tenant_id AND r.inbound_message_id = m.id LIMIT 1) AS earlier_outcome,
           s.mode::text AS mode, s.pause_minutes, s.max_replies_per_hour,
           t.plan_tier::text AS plan_tier, t.status::text AS status, t.timezone,
           th.state, th.paused_until, th.handoff_at,
           EXISTS (SELECT 1 FROM messages n
                    WHERE n.tenant_id = m.tenant_id AND n.conversation_id = m.conversation_id
                      AND n.direction = 'inbound' AND n.created_at > m.created_at) AS newer,
           EXISTS (SELECT 1 FROM sms_consents sc
                    WHERE sc.tenant_id = m.tenant_id AND sc.phone = cu.phone AND sc.state = 'opted_out') AS opted_out,
           b.quiet_hours_start, b.quiet_hours_end,
           (SELECT max(o.created_at) FROM messages o
             WHERE o.tenant_id = m.tenant_id AND o.conversation_id = m.conversation_id
               AND o.direction = 'outbound' AND o.created_at < m.created_at) AS last_outbound,
           (SELECT count(*)::int FROM messages a
             WHERE a.tenant_id = m.tenant_id AND a.conversation_id = m.conversation_id AND a.kind = 'ai_reply'
               AND a.created_at >= ${new Date(now.getTime() - 3_600_000)}) AS replies_last_hour
      FROM messages m
      JOIN conversations c ON c.tenant_id = m.tenant_id AND c.id = m.conversation_id
      JOIN customers cu ON cu.tenant_id = c.tenant_id AND cu.id = c.customer_id
      JOIN tenants t ON t.id = m.tenant_id
      LEFT JOIN agent_settings s ON s.tenant_id = m.tenant_id
      LEFT JOIN agent_threads th ON th.tenant_id = m.tenant_id AND th.conversation_id = m.conversation_id
      LEFT JOIN booking_settings b ON b.tenant_id = m.tenant_id
     WHERE m.tenant_id = ${job.tenantId} AND m.id = ${job.messageId}::uuid AND m.direction = 'inbound'`);

/** What may have changed while the turn ran, read again under the conversation's lock before the first write. */
type Recheck = {
  earlier_outcome: string | null;
  newer: boolean;
  paused_until: Date | null;
  handoff_at: Date | null;
  opted_out: boolean;
};

/** A guard that failed when re-checked at the first write: the turn is dropped, nothing of it is written. */
class TurnStopped extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(`agent turn stopped: ${reason}`);
    this.reason = reason;
  }
}

const ROLLBACK = new Error("agent turn rolled back");

/**
 * The write transaction, opened at the first write (a tool's change, or the reply at the end) and
 * held until `end`. Opening it takes the conversation's advisory lock and runs `guard` there: when a
 * guard says stop, the transaction commits only what `guard` wrote (the run's row) and every user of
 * the transaction gets a TurnStopped.
 */
function lazyWriteTransaction(
  deps: AgentRuntimeDeps,
  tenantId: string,
  guard: (tx: TenantTx) => Promise<string | null>,
) {
  const scope = tenantDb(deps.db, tenantId);
  let opened: Promise<TenantTx> | null = null;
  let settled: Promise<void> | null = null;
  let stopped: string | null = null;
  let decide!: (commit: boolean) => void;
  const decision = new Promise<boolean>((resolve) => (decide = resolve));
  const tx = () => {
    if (!opened) {
      let ready!: (tx: TenantTx) => void;
      let fail!: (error: unknown) => void;
      opened = new Promise<TenantTx>((resolve, reject) => {
        ready = resolve;
        fail = reject;
      });
      settled = scope
        .run(
          async (tx) => {
            const stop = await guard(tx);
            if (stop) {
              stopped = stop;
              fail(new TurnStopped(stop));
              return;
            }
            ready(tx);
            if (!(await decision)) throw ROLLBACK;
          },
          { timeout: TURN_TRANSACTION_MS },
        )
        .catch((error: unknown) => {
          fail(error);
          if (error !== ROLLBACK) throw error;
        });
      settled.catch(() => {});
    }
    return opened;
  };
  return {
    tx,
    isOpen: () => opened !== null,
    stopped: () => stopped,
    /** Commits (or rolls back) whatever was written; a no-op when nothing was. */
    async end(commit: boolean) {
      decide(commit);
      if (settled) await settled;
    },
  };
}

/**
 * Answers one inbound text (or says why not). Exported for tests, which call it with a fixed clock;
 * the worker calls it for each `agent.reply` job.
 *
 * Nothing is held while the brain thinks: the gates and the context are read first (one statement,
 * then three short read transactions side by side), the turn runs over a world whose write
 * transaction opens at its first write, and that transaction re-checks, under the conversation's
 * advisory lock, everything that may have changed meanwhile (the text already answered, a newer text,
 * an opt-out, a pause or a hand-off) before anything is written.
 */
export async function answerText(deps: AgentRuntimeDeps, job: AgentJob): Promise<AgentJobResult> {
  const now = deps.now?.() ?? new Date();
  const started = performance.now();
  const [gates] = await readGates(deps, job, now);
  if (!gates) return { outcome: "skipped", reason: "missing", conversationId: null };
  if (gates.earlier_outcome && gates.earlier_outcome !== "held") return { outcome: "duplicate" };
  const conversationId = gates.conversation_id;
  const settings = {
    mode: gates.mode ?? DEFAULT_AGENT_SETTINGS.mode,
    pauseMinutes: gates.pause_minutes ?? DEFAULT_AGENT_SETTINGS.pauseMinutes,
    maxRepliesPerHour: gates.max_replies_per_hour ?? DEFAULT_AGENT_SETTINGS.maxRepliesPerHour,
  };
  const tenant = { planTier: gates.plan_tier, status: gates.status, timezone: gates.timezone };
  const mode = effectiveMode(settings, tenant);
  const messageCreatedAt = new Date(gates.created_at);

  const writeRun = async (tx: TenantTx, data: RunFields) => {
    const row = {
      conversationId,
      mode: settings.mode,
      brain: data.brain ?? null,
      intent: data.intent ?? null,
      action: data.action ?? null,
      reply: data.reply ?? null,
      toolCalls: json(data.toolCalls ?? []),
      writes: json(data.writes ?? []),
      refusals: data.refusals ?? [],
      outcome: data.outcome,
      durationMs: Math.round(performance.now() - started),
      createdAt: now,
    };
    const run = await tx.agentRun.upsert({
      where: { tenantId_inboundMessageId: { tenantId: job.tenantId, inboundMessageId: gates.id } },
      create: { tenantId: job.tenantId, inboundMessageId: gates.id, ...row },
      update: row,
      select: { id: true },
    });
    return run.id;
  };
  // One turn's writes at a time per conversation: a retry, a double text and a staff reply take turns.
  // Under the lock: whatever was read before may have changed while the turn ran.
  const session = lazyWriteTransaction(deps, job.tenantId, async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`agent:${job.tenantId}:${conversationId}`}))::text`;
    const [now2] = await tx.$queryRaw<Recheck[]>`
      SELECT (SELECT r.outcome FROM agent_runs r
               WHERE r.tenant_id = ${job.tenantId} AND r.inbound_message_id = ${gates.id}::uuid LIMIT 1) AS earlier_outcome,
             EXISTS (SELECT 1 FROM messages n
                      WHERE n.tenant_id = ${job.tenantId} AND n.conversation_id = ${conversationId}::uuid
                        AND n.direction = 'inbound' AND n.created_at > ${messageCreatedAt}) AS newer,
             th.paused_until, th.handoff_at,
             EXISTS (SELECT 1 FROM sms_consents sc
                      WHERE sc.tenant_id = ${job.tenantId} AND sc.phone = ${gates.phone} AND sc.state = 'opted_out') AS opted_out
        FROM (SELECT 1) one
        LEFT JOIN agent_threads th ON th.tenant_id = ${job.tenantId} AND th.conversation_id = ${conversationId}::uuid`;
    const current = now2!;
    if (current.earlier_outcome && current.earlier_outcome !== "held") return "duplicate";
    const reason = current.newer
      ? "newer_text"
      : current.paused_until && current.paused_until > now
        ? "paused"
        : current.handoff_at && !gates.handoff_at
          ? "handed_off"
          : current.opted_out
            ? "opted_out"
            : null;
    if (reason) await writeRun(tx, { outcome: "skipped", refusals: [reason] });
    return reason;
  });
  const stoppedResult = (reason: string): AgentJobResult =>
    reason === "duplicate" ? { outcome: "duplicate" } : { outcome: "skipped", reason, conversationId };

  /** Records a run (a skip or a hold) in the write transaction; a guard may say the text was dealt with. */
  const record = async (data: RunFields, result: AgentJobResult): Promise<AgentJobResult> => {
    try {
      await writeRun(await session.tx(), data);
      await session.end(true);
      return result;
    } catch (error) {
      await session.end(false).catch(() => {});
      const stop = session.stopped();
      if (stop) return stoppedResult(stop);
      throw error;
    }
  };
  const skip = (reason: string) =>
    record({ outcome: "skipped", refusals: [reason] }, { outcome: "skipped", reason, conversationId });

  // The newest text answers for all the unanswered ones before it (double texts).
  if (gates.newer) return skip("newer_text");
  if (mode === "off") return skip(planAllowsAgent(tenant) ? "mode_off" : "plan");
  if (!runsAutomations(tenant.status as Parameters<typeof runsAutomations>[0])) return skip("account_paused");
  if (gates.paused_until && gates.paused_until > now) return skip("paused");
  if (gates.handoff_at) return skip("handed_off");
  if (gates.opted_out) return skip("opted_out");

  const quiet = {
    quietHoursStart: gates.quiet_hours_start ?? "21:00",
    quietHoursEnd: gates.quiet_hours_end ?? "08:00",
  };
  const local = new TZDate(+now, tenant.timezone);
  if (
    now.getTime() - messageCreatedAt.getTime() > QUIET_HOURS_GRACE_MS &&
    inQuietHours(
      local.getHours() * 60 + local.getMinutes(),
      minutesOf(quiet.quietHoursStart),
      minutesOf(quiet.quietHoursEnd),
    )
  )
    return record(
      { outcome: "held", refusals: ["quiet_hours"] },
      { outcome: "held", at: quietHoursEnd(now, tenant.timezone, quiet.quietHoursEnd), conversationId },
    );

  // The context, side by side on separate connections: the texts since our last word and the history
  // before them, the business's facts, the sender.
  const scope = tenantDb(deps.db, job.tenantId);
  const lastOutbound = gates.last_outbound ? new Date(gates.last_outbound) : null;
  const [conversation, facts, customer] = await Promise.all([
    scope.run(async (tx) => {
      // The texts since our last word, oldest first, read as one message.
      const unanswered = await tx.message.findMany({
        where: {
          conversationId,
          direction: "inbound",
          createdAt: { lt: messageCreatedAt, ...(lastOutbound ? { gt: lastOutbound } : {}) },
        },
        orderBy: { createdAt: "desc" },
        take: MAX_JOINED_TEXTS - 1,
        select: { id: true, body: true, createdAt: true },
      });
      const joined = [...unanswered.reverse(), { id: gates.id, body: gates.body, createdAt: messageCreatedAt }];
      const history = await loadHistory(tx, conversationId, {
        createdAt: joined[0]!.createdAt,
        excludeIds: joined.map((m) => m.id),
      });
      return { joined, history };
    }),
    loadAgentFactsWith((fn) => scope.run(fn), { publicBaseUrl: deps.publicBaseUrl, now }),
    scope.run((tx) => loadAgentCustomer(tx, gates.customer_id, now)),
  ]);
  const { joined, history } = conversation;
  const inbound = joined
    .map((m) => m.body.trim())
    .filter(Boolean)
    .join("\n");
  const limits: TurnLimits = {
    agentRepliesLastHour: gates.replies_last_hour,
    maxRepliesPerHour: settings.maxRepliesPerHour,
  };
  const state: ConversationState =
    storedState({ state: gates.state as Prisma.JsonValue }) ?? stateFromHistory(history, facts, customer, now);

  const dryRun = mode === "suggest";
  const world = createLazyDbWorld(
    {
      read: (fn) => (session.isOpen() ? session.tx().then(fn) : scope.run(fn)),
      write: session.tx,
    },
    { customerId: gates.customer_id, now, dryRun, messageId: gates.id },
  );
  let effects: Effects;
  try {
    const turn = await runTurn({ facts, customer, state, history, inbound, now, limits }, { world, brain: deps.brain });
    // A guard that stopped a tool's write stops the whole turn (a tool reports it only as a refusal).
    if (session.stopped()) throw new TurnStopped(session.stopped()!);
    effects = await applyTurn(await session.tx(), deps, {
      tenantId: job.tenantId,
      messageId: gates.id,
      conversationId,
      phone: gates.phone,
      inbound,
      mode,
      turn,
      dryRun,
      reminderIds: world.reminderIds(),
      now,
      writeRun: (data) => session.tx().then((tx) => writeRun(tx, data)),
    });
    await session.end(true);
  } catch (error) {
    await session.end(false).catch(() => {});
    const stop = session.stopped();
    if (stop) return stoppedResult(stop);
    throw error;
  }
  await afterCommit(deps, job.tenantId, effects);
  return effects.result;
}

async function applyTurn(
  tx: TenantTx,
  deps: AgentRuntimeDeps,
  input: {
    tenantId: string;
    messageId: string;
    conversationId: string;
    phone: string;
    inbound: string;
    mode: AgentMode;
    turn: AgentTurn;
    dryRun: boolean;
    reminderIds: string[];
    now: Date;
    writeRun: (data: RunFields) => Promise<string>;
  },
): Promise<Effects> {
  const { turn, conversationId, tenantId, now } = input;
  const optedOut = turn.action === "record_optout" || turn.writes.some((w) => w.kind === "optout");
  // An opt-out stops everything in every mode: suggest mode's dry run only noted it, so it is recorded here.
  if (optedOut && input.dryRun)
    await recordConsentChange(tx, tenantId, {
      phone: input.phone,
      state: "opted_out",
      source: "free_text",
      evidence: { via: "agent", messageId: input.messageId, text: input.inbound.slice(0, 500) },
    });

  let queuedMessageId: string | null = null;
  let sent = false;
  let drafted = false;
  const reply = turn.reply?.trim() || null;
  if (reply && optedOut) {
    // The one confirmation an opted-out number may still get.
    const queued = await deps.outbox.queueSms(tx, {
      conversationId,
      body: reply,
      kind: "opt_out_confirmation",
      purposeKey: `opt_out_confirmation:agent:${input.messageId}`,
    });
    sent = queued.status === "queued" || queued.status === "duplicate";
    if (queued.status === "queued") queuedMessageId = queued.message.id;
  } else if (reply && input.mode === "autopilot") {
    const queued = await deps.outbox.queueSms(tx, {
      conversationId,
      body: reply,
      kind: "ai_reply",
      purposeKey: `ai_reply:${input.messageId}`,
    });
    sent = queued.status === "queued" || queued.status === "duplicate";
    if (queued.status === "queued") queuedMessageId = queued.message.id;
  } else if (reply && input.mode === "suggest") {
    drafted = true;
  }

  await updateThread(tx, tenantId, conversationId, {
    state: json(turn.state),
    ...(turn.handoff ? { handoffReason: turn.handoff.reason.slice(0, 500), handoffAt: now } : {}),
    ...(drafted
      ? {
          draftBody: reply,
          draftWrites: json(turn.writes.filter((w) => w.kind.startsWith("appointment."))),
          draftForMessageId: input.messageId,
          draftCreatedAt: now,
        }
      : input.mode === "suggest"
        ? NO_DRAFT
        : {}),
  });
  const outcome = turn.handoff ? "handed_off" : sent ? "sent" : drafted ? "drafted" : "skipped";
  const runId = await input.writeRun(recordRunShape(turn, outcome));
  const result: AgentJobResult =
    outcome === "sent"
      ? { outcome, runId, conversationId, messageId: queuedMessageId }
      : outcome === "skipped"
        ? { outcome, reason: reply ? "not_sent" : "no_reply", conversationId }
        : { outcome, runId, conversationId };
  return { result, queuedMessageId, handoff: turn.handoff, drafted, reminderIds: input.reminderIds };
}

/** The run row's fields from a turn. */
function recordRunShape(turn: AgentTurn, outcome: string): RunFields {
  return {
    outcome,
    brain: turn.brain,
    intent: turn.intent,
    action: turn.action,
    reply: turn.reply,
    toolCalls: turn.toolCalls,
    writes: turn.writes,
    refusals: turn.refusals,
  };
}

/** After the commit: live events, reminder jobs, and the hand-off email. */
async function afterCommit(deps: AgentRuntimeDeps, tenantId: string, effects: Effects): Promise<void> {
  const { result } = effects;
  const conversationId = "conversationId" in result ? result.conversationId : null;
  if (!conversationId) return;
  if (effects.queuedMessageId)
    deps.events.publish({ type: "message", tenantId, conversationId, messageId: effects.queuedMessageId });
  if (effects.drafted) deps.events.publish({ type: "agent", tenantId, conversationId, change: "draft" });
  if (effects.reminderIds.length > 0 && deps.reminders)
    await enqueueReminders(deps.reminders, tenantId, effects.reminderIds).catch((error: unknown) =>
      deps.logger.error({ err: error, tenantId }, "agent: could not queue reminder jobs"),
    );
  if (effects.handoff) await announceHandoff(deps, tenantId, conversationId);
}

/**
 * Tells the business a conversation needs a person: a live event for open inboxes, and an email to
 * its owners and admins with a link to the inbox. No message text leaves in the email.
 */
export async function announceHandoff(deps: AgentRuntimeDeps, tenantId: string, conversationId: string) {
  deps.events.publish({ type: "agent", tenantId, conversationId, change: "handoff" });
  if (!deps.email) return;
  try {
    const { tenant, admins } = await tenantDb(deps.db, tenantId).run(async (tx) => ({
      tenant: await tx.tenant.findFirstOrThrow({ select: { name: true, contactEmail: true } }),
      admins: await tx.membership.findMany({
        where: { role: "tenant_admin" },
        select: { user: { select: { email: true } } },
      }),
    }));
    const recipients = [
      ...new Set(
        [...admins.map((m) => m.user.email), tenant.contactEmail].flatMap((email) =>
          email?.trim() ? [email.trim().toLowerCase()] : [],
        ),
      ),
    ];
    const link = `${deps.publicBaseUrl.replace(/\/+$/, "")}/app/inbox?conversation=${conversationId}`;
    for (const to of recipients)
      await deps.email.send({
        to,
        subject: `${tenant.name}: a customer conversation needs a person`,
        text: [
          `Your SMS agent handed a conversation to your team: the customer needs a person to reply.`,
          ``,
          `Open it in your inbox: ${link}`,
          ``,
          `The agent stays quiet in this conversation until someone marks the hand-off resolved.`,
        ].join("\n"),
      });
  } catch (error) {
    deps.logger.error({ err: error, tenantId, conversationId }, "agent: could not email the hand-off");
  }
}

/**
 * The last attempt of a job failed: the customer must not be left unanswered, so the conversation
 * goes to a person (flagged, staff told), recorded as the text's run.
 */
export async function handOffAfterFailure(deps: AgentRuntimeDeps, job: AgentJob, error: unknown): Promise<boolean> {
  const now = deps.now?.() ?? new Date();
  const conversationId = await tenantDb(deps.db, job.tenantId).run(async (tx) => {
    const message = await tx.message.findFirst({ where: { id: job.messageId }, select: { conversationId: true } });
    if (!message) return null;
    const earlier = await tx.agentRun.findFirst({
      where: { inboundMessageId: job.messageId },
      select: { outcome: true },
    });
    if (earlier && earlier.outcome !== "held") return null;
    const settings = await loadAgentSettings(tx);
    await updateThread(tx, job.tenantId, message.conversationId, { handoffReason: "agent_failed", handoffAt: now });
    const row = {
      conversationId: message.conversationId,
      mode: settings.mode,
      outcome: "handed_off",
      refusals: [`agent_failed: ${String((error as Error)?.message ?? error).slice(0, 300)}`],
      writes: json([{ kind: "handoff", reason: "agent_failed" }]),
      createdAt: now,
    };
    await tx.agentRun.upsert({
      where: { tenantId_inboundMessageId: { tenantId: job.tenantId, inboundMessageId: job.messageId } },
      create: { tenantId: job.tenantId, inboundMessageId: job.messageId, ...row },
      update: row,
    });
    return message.conversationId;
  });
  if (!conversationId) return false;
  await announceHandoff(deps, job.tenantId, conversationId);
  return true;
}

/** Queues the job that answers a text (or answers it again at `at`, after the quiet hours). */
export const queueAgentJob = (
  boss: Pick<PgBoss, "send">,
  job: AgentJob,
  options: { tx?: TenantTx; startAfter?: Date } = {},
) =>
  queueJob(boss, "agentReply", job, {
    singletonOn: "messageId",
    ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    ...(options.tx ? { db: fromPrisma(options.tx as unknown as PrismaTransactionLike) } : {}),
  });

/**
 * The intake's side (IntakeDeps.agent): in the intake's transaction, one query says whether the
 * business runs its agent (mode not off, plan with aiSmsAgent); if so, one job per text. `wake`
 * starts this process's agent worker on them as soon as they commit.
 */
export function createAgentIntake(boss: Pick<PgBoss, "send" | "notifyWorker">): AgentIntake & {
  /** The worker to wake (startAgentWorker's id); until set, jobs wait for its poll. */
  attach(workerId: string): void;
} {
  const workers = new Set<string>();
  return {
    attach(workerId) {
      workers.add(workerId);
    },
    async enqueue(tx, tenantId, texts) {
      const [row] = await tx.$queryRaw<{ plan_tier: string; mode: string | null }[]>`
        SELECT t.plan_tier::text AS plan_tier, s.mode::text AS mode
          FROM tenants t LEFT JOIN agent_settings s ON s.tenant_id = t.id
         WHERE t.id = ${tenantId}`;
      if (!row) return;
      const mode = (row.mode ?? "suggest") as AgentMode;
      if (effectiveMode({ mode }, { planTier: row.plan_tier }) === "off") return;
      for (const text of texts) await queueAgentJob(boss, { tenantId, messageId: text.messageId }, { tx });
    },
    wake() {
      for (const id of workers) boss.notifyWorker(id);
    },
  };
}

/**
 * Registers the agent worker. A job inside the quiet hours is queued again for when they end; a job
 * whose last attempt failed hands the conversation to a person. Returns the worker's id (for the
 * intake's wake-up) and the function that stops it.
 */
export async function startAgentWorker(
  boss: PgBoss,
  deps: AgentRuntimeDeps,
  options: { pollingIntervalSeconds?: number; concurrency?: number } = {},
): Promise<{ id: string; stop(): Promise<void> }> {
  const name = JOB_QUEUES.agentReply.name;
  const id = await boss.work(
    name,
    {
      pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
      batchSize: 1,
      localConcurrency: options.concurrency ?? 2,
      includeMetadata: true,
    },
    async ([job]) => {
      if (!job) return;
      const data = jobData("agentReply", job.data);
      try {
        const result = await answerText(deps, data);
        if (result.outcome === "held") await queueAgentJob(boss, data, { startAfter: result.at });
      } catch (error) {
        if (job.retryCount < job.retryLimit) throw error;
        deps.logger.error({ err: error, tenantId: data.tenantId, messageId: data.messageId }, "agent: job failed");
        await handOffAfterFailure(deps, data, error);
      }
    },
  );
  return { id, stop: () => boss.offWork(name, { id }) };
}
