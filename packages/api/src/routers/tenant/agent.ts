// The business's SMS agent (`tenant.agent.*`, /work spec: docs/decisions/0016-sms-agent.md): how it
// runs (off, suggest, auto-pilot; owners and admins change it, and anything but off needs the plan
// feature aiSmsAgent), test mode (the real engine on the real configuration and calendar, as an
// unknown sender, in a dry run), one conversation's agent state (pause, hand-off, draft, last run),
// sending or dismissing a draft, and the log of its runs.
import { rulesBrain } from "@servicepro/agent";
import { enqueueReminders } from "@servicepro/booking";
import { keyset, type Prisma, type TenantTx } from "@servicepro/db";
import { AppError, rateLimited } from "@servicepro/errors";
import {
  effectiveMode,
  loadAgentSettings,
  NO_DRAFT,
  planAllowsAgent,
  runSandbox,
  sendDraft,
  updateThread,
} from "@servicepro/sms-agent";
import {
  AGENT_MODES,
  agentConversationInput,
  agentSandboxInput,
  agentSendDraftInput,
  agentSettingsInput,
} from "@servicepro/validators";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { z } from "zod";
import { assertFeature, createRouter, staffProcedure, tenantAdminProcedure } from "../../trpc.ts";

const modeSchema = z.enum(AGENT_MODES);
const brainSchema = z.enum(["rules", "model"]);

const settingsOutput = z.object({
  mode: modeSchema,
  pauseMinutes: z.number().int(),
  maxRepliesPerHour: z.number().int(),
  /** The plan includes the agent (aiSmsAgent). */
  planAllows: z.boolean(),
  /** Which brain answers: the OpenAI model when OPENAI_API_KEY is configured, else the rules. */
  brain: brainSchema,
});

const writeSchema = z.looseObject({ kind: z.string() });
const toolCallSchema = z.object({ name: z.string(), args: z.unknown(), result: z.unknown() });

const sandboxOutput = z.object({
  intent: z.string(),
  secondaryIntents: z.array(z.string()),
  action: z.string(),
  reply: z.string().nullable(),
  toolCalls: z.array(toolCallSchema),
  writes: z.array(writeSchema),
  proposedStarts: z.array(z.string()),
  brain: brainSchema,
  refusals: z.array(z.string()),
  handoff: z.object({ reason: z.string() }).nullable(),
  language: z.string(),
});

const threadOutput = z.object({
  mode: modeSchema,
  pausedUntil: z.string().nullable(),
  handoff: z.object({ reason: z.string(), at: z.string() }).nullable(),
  draft: z
    .object({ body: z.string(), forMessageId: z.string(), writes: z.array(writeSchema), createdAt: z.string() })
    .nullable(),
  lastRun: z
    .object({
      intent: z.string().nullable(),
      action: z.string().nullable(),
      brain: z.string().nullable(),
      at: z.string(),
      reply: z.string().nullable(),
      toolCalls: z.array(toolCallSchema),
    })
    .nullable(),
});

const OUTCOMES = ["sent", "drafted", "handed_off", "skipped", "held"] as const;

const runsOrder = keyset(
  [
    ["r.created_at", "timestamptz"],
    ["r.id", "uuid"],
  ],
  "desc",
);

type RunRow = {
  id: string;
  conversation_id: string;
  intent: string | null;
  action: string | null;
  brain: string | null;
  outcome: string;
  created_at: Date;
  customer_name: string | null;
  customer_phone: string;
  inbound: string | null;
};

/** Test mode's limit per signed-in person: each text runs the engine (and, with a key, the model). */
const SANDBOX_PER_MINUTE = 30;
const sandboxLimiter = new RateLimiterMemory({ keyPrefix: "agent-sandbox", points: SANDBOX_PER_MINUTE, duration: 60 });

async function limitSandbox(userId: string): Promise<void> {
  try {
    await sandboxLimiter.consume(userId);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw rateLimited(
      `That's ${SANDBOX_PER_MINUTE} test texts in a minute. Wait ${seconds} second${seconds === 1 ? "" : "s"} and try again.`,
      seconds,
    );
  }
}

const conversationNotFound = () =>
  new AppError("NOT_FOUND", "This conversation doesn't exist (or belongs to another business). Go back to the inbox.");

/** The conversation, or a 404 (another business's is not there either). */
async function ownConversation(tx: TenantTx, conversationId: string): Promise<string> {
  const conversation = await tx.conversation.findFirst({ where: { id: conversationId }, select: { id: true } });
  if (!conversation) throw conversationNotFound();
  return conversation.id;
}

const jsonArray = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

export const tenantAgentRouter = createRouter({
  settings: createRouter({
    get: staffProcedure.output(settingsOutput).query(async ({ ctx }) => {
      const settings = await ctx.tenant.run((tx) => loadAgentSettings(tx));
      return {
        ...settings,
        planAllows: planAllowsAgent(ctx.plan),
        brain: ctx.integrations.openai ? ("model" as const) : ("rules" as const),
      };
    }),

    /** Owners and admins choose the mode; anything but off needs the plan feature. Audited with what changed. */
    update: tenantAdminProcedure
      .input(agentSettingsInput)
      .output(settingsOutput)
      .mutation(async ({ ctx, input }) => {
        if (input.mode !== "off")
          assertFeature(
            ctx.plan,
            "aiSmsAgent",
            "mode",
            "The AI SMS agent is part of the Pro plan; ask the account owner to upgrade, or keep the agent off.",
          );
        const before = await ctx.tenant.run(async (tx) => {
          const current = await loadAgentSettings(tx);
          await tx.agentSettings.upsert({
            where: { tenantId: ctx.tenantId },
            create: { tenantId: ctx.tenantId, ...input },
            update: input,
          });
          return current;
        });
        const changed = (Object.keys(input) as (keyof typeof input)[]).filter((key) => before[key] !== input[key]);
        if (changed.length > 0)
          await ctx.audit({
            action: "agent.settings_updated",
            objectType: "agent_settings",
            objectId: ctx.tenantId,
            details: {
              fields: changed,
              before: Object.fromEntries(changed.map((key) => [key, before[key]])),
              after: Object.fromEntries(changed.map((key) => [key, input[key]])),
            } as Prisma.InputJsonObject,
          });
        return {
          ...input,
          planAllows: planAllowsAgent(ctx.plan),
          brain: ctx.integrations.openai ? ("model" as const) : ("rules" as const),
        };
      }),
  }),

  /** Test mode: the real agent on the real configuration and calendar; nothing is written or sent. */
  sandbox: staffProcedure
    .meta({ feature: "aiSmsAgent" })
    .input(agentSandboxInput)
    .output(sandboxOutput)
    .mutation(async ({ ctx, input }) => {
      await limitSandbox(ctx.auth.user!.id);
      const now = ctx.now();
      // A transaction that is always rolled back: the dry run writes nothing, and this proves it.
      let turn: Awaited<ReturnType<typeof runSandbox>> | null = null;
      await ctx.tenant
        .run(async (tx) => {
          turn = await runSandbox(tx, {
            history: input.history,
            inbound: input.inbound,
            now,
            publicBaseUrl: ctx.publicBaseUrl ?? "",
            brain: ctx.messaging.agentBrain ?? rulesBrain,
          });
          throw new SandboxRolledBack();
        })
        .catch((error: unknown) => {
          if (!(error instanceof SandboxRolledBack)) throw error;
        });
      const result = turn as Awaited<ReturnType<typeof runSandbox>> | null;
      if (!result) throw new Error("test mode produced no turn");
      return {
        intent: result.intent,
        secondaryIntents: result.secondaryIntents,
        action: result.action,
        reply: result.reply,
        toolCalls: JSON.parse(JSON.stringify(result.toolCalls)) as z.infer<typeof toolCallSchema>[],
        writes: JSON.parse(JSON.stringify(result.writes)) as z.infer<typeof writeSchema>[],
        proposedStarts: result.proposedStarts,
        brain: result.brain,
        refusals: result.refusals,
        handoff: result.handoff,
        language: result.language,
      };
    }),

  /** One conversation's agent: its mode, pause, hand-off, draft and last run. */
  thread: staffProcedure
    .input(agentConversationInput)
    .output(threadOutput)
    .query(async ({ ctx, input }) =>
      ctx.tenant.run(async (tx) => {
        const conversationId = await ownConversation(tx, input.conversationId);
        const [settings, thread, lastRun] = await Promise.all([
          loadAgentSettings(tx),
          tx.agentThread.findFirst({ where: { conversationId } }),
          tx.agentRun.findFirst({
            where: { conversationId },
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          }),
        ]);
        const now = ctx.now();
        return {
          mode: effectiveMode(settings, ctx.plan),
          pausedUntil: thread?.pausedUntil && thread.pausedUntil > now ? thread.pausedUntil.toISOString() : null,
          handoff:
            thread?.handoffAt && thread.handoffReason
              ? { reason: thread.handoffReason, at: thread.handoffAt.toISOString() }
              : null,
          draft:
            thread?.draftBody && thread.draftForMessageId && thread.draftCreatedAt
              ? {
                  body: thread.draftBody,
                  forMessageId: thread.draftForMessageId,
                  writes: jsonArray<z.infer<typeof writeSchema>>(thread.draftWrites),
                  createdAt: thread.draftCreatedAt.toISOString(),
                }
              : null,
          lastRun: lastRun
            ? {
                intent: lastRun.intent,
                action: lastRun.action,
                brain: lastRun.brain,
                at: lastRun.createdAt.toISOString(),
                reply: lastRun.reply,
                toolCalls: jsonArray<z.infer<typeof toolCallSchema>>(lastRun.toolCalls),
              }
            : null,
        };
      }),
    ),

  /** Sends the agent's draft (as drafted, or as edited): its bookings are made and the text queued together. */
  sendDraft: staffProcedure
    .meta({ feature: "aiSmsAgent" })
    .input(agentSendDraftInput)
    .output(z.object({ messageId: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const sent = await ctx.tenant.run(async (tx) => {
        return sendDraft(tx, ctx.messaging, {
          tenantId: ctx.tenantId,
          conversationId: await ownConversation(tx, input.conversationId),
          userId: ctx.auth.user!.id,
          body: input.body,
          now: ctx.now(),
        });
      });
      if (sent.queued)
        ctx.messaging.events.publish({
          type: "message",
          tenantId: ctx.tenantId,
          conversationId: sent.conversationId,
          messageId: sent.messageId,
        });
      await enqueueReminders(ctx.messaging.reminders, ctx.tenantId, sent.reminderIds);
      return { messageId: sent.messageId };
    }),

  dismissDraft: staffProcedure
    .input(agentConversationInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.tenant.run(async (tx) => {
        await ownConversation(tx, input.conversationId);
        const thread = await tx.agentThread.findFirst({ where: { conversationId: input.conversationId } });
        if (!thread) return;
        // The draft's proposal was never sent: the agent rereads the thread next time.
        await updateThread(tx, ctx.tenantId, input.conversationId, { ...NO_DRAFT, state: {} });
        if (thread.draftForMessageId)
          await tx.agentRun.updateMany({
            where: { inboundMessageId: thread.draftForMessageId, outcome: "drafted" },
            data: { outcome: "skipped", refusals: ["draft_dismissed"] },
          });
      });
      ctx.messaging.events.publish({
        type: "agent",
        tenantId: ctx.tenantId,
        conversationId: input.conversationId,
        change: "draft",
      });
      return { ok: true as const };
    }),

  /** Lets the agent answer again now, instead of at the end of the pause a staff reply set. */
  resume: staffProcedure
    .input(agentConversationInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.tenant.run(async (tx) => {
        await ownConversation(tx, input.conversationId);
        await tx.agentThread.updateMany({
          where: { conversationId: input.conversationId },
          data: { pausedUntil: null },
        });
      });
      ctx.messaging.events.publish({
        type: "agent",
        tenantId: ctx.tenantId,
        conversationId: input.conversationId,
        change: "resumed",
      });
      return { ok: true as const };
    }),

  /** A person took care of the hand-off: the agent may answer this conversation again. */
  resolveHandoff: staffProcedure
    .input(agentConversationInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.tenant.run(async (tx) => {
        await ownConversation(tx, input.conversationId);
        await tx.agentThread.updateMany({
          where: { conversationId: input.conversationId },
          // What the agent was in the middle of is stale now: it rereads the thread next time.
          data: { handoffReason: null, handoffAt: null, state: {} },
        });
      });
      ctx.messaging.events.publish({
        type: "agent",
        tenantId: ctx.tenantId,
        conversationId: input.conversationId,
        change: "resumed",
      });
      return { ok: true as const };
    }),

  /** What the agent did, newest first: one row per text it read. */
  runs: staffProcedure
    .input(
      z
        .strictObject({
          limit: z
            .int("Use a whole number.")
            .min(1, "Ask for at least 1 run.")
            .max(50, "Ask for at most 50 runs.")
            .default(20),
          cursor: runsOrder.cursor.optional(),
        })
        .default({ limit: 20 }),
    )
    .output(
      z.object({
        items: z.array(
          z.object({
            id: z.string(),
            conversationId: z.string(),
            customer: z.object({ name: z.string().nullable(), phone: z.string() }),
            inbound: z.string(),
            intent: z.string().nullable(),
            action: z.string().nullable(),
            brain: z.string().nullable(),
            outcome: z.enum(OUTCOMES),
            at: z.string(),
          }),
        ),
        nextCursor: z.string().nullable(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const rows = await ctx.tenant.run(
        (tx) => tx.$queryRaw<RunRow[]>`
          SELECT r.id::text AS id, r.conversation_id::text AS conversation_id, r.intent, r.action, r.brain, r.outcome,
                 r.created_at, cu.name AS customer_name, cu.phone AS customer_phone, left(m.body, 160) AS inbound
            FROM (SELECT r.tenant_id, r.id, r.conversation_id, r.inbound_message_id, r.intent, r.action, r.brain,
                         r.outcome, r.created_at
                    FROM agent_runs r
                   WHERE r.tenant_id = ${ctx.tenantId} AND ${runsOrder.after(input.cursor ?? null)}
                   ORDER BY ${runsOrder.orderBy}
                   ${runsOrder.limit(input.limit + 1)}) r
            JOIN conversations c ON c.tenant_id = r.tenant_id AND c.id = r.conversation_id
            JOIN customers cu ON cu.tenant_id = c.tenant_id AND cu.id = c.customer_id
            LEFT JOIN messages m ON m.tenant_id = r.tenant_id AND m.id = r.inbound_message_id
           ORDER BY ${runsOrder.orderBy}`,
      );
      const { items, nextCursor } = runsOrder.page(rows, input.limit, (row) => [row.created_at, row.id]);
      return {
        items: items.map((row) => ({
          id: row.id,
          conversationId: row.conversation_id,
          customer: { name: row.customer_name, phone: row.customer_phone },
          inbound: row.inbound ?? "",
          intent: row.intent,
          action: row.action,
          brain: row.brain,
          outcome: (OUTCOMES as readonly string[]).includes(row.outcome)
            ? (row.outcome as (typeof OUTCOMES)[number])
            : "skipped",
          at: row.created_at.toISOString(),
        })),
        nextCursor,
      };
    }),
});

/** Ends test mode's transaction with a rollback once the turn is in hand. */
class SandboxRolledBack extends Error {
  override name = "SandboxRolledBack";
}
