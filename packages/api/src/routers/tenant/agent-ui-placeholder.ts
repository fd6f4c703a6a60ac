// PLACEHOLDER (branch h-ui only): the typed shape of tenant.agent.* from helpers/agent-api.md, so the
// tenant app's screens typecheck before the real router (h-runtime, routers/tenant/agent.ts) lands.
// Every procedure refuses. The lead drops this commit when merging h-runtime.
import { AppError } from "@servicepro/errors";
import {
  AGENT_MODES,
  agentConversationInput,
  agentSandboxInput,
  agentSendDraftInput,
  agentSettingsInput,
} from "@servicepro/validators";
import { z } from "zod";
import { createRouter, staffProcedure, tenantAdminProcedure } from "../../trpc.ts";

const notYet = (): never => {
  throw new AppError("UNAVAILABLE", "The SMS agent is not available on this build yet.");
};

const settings = z.object({
  mode: z.enum(AGENT_MODES),
  pauseMinutes: z.number().int(),
  maxRepliesPerHour: z.number().int(),
  planAllows: z.boolean(),
  brain: z.enum(["rules", "model"]),
});
const toolCall = z.object({ name: z.string(), args: z.unknown(), result: z.unknown() });
const write = z.object({ kind: z.string() }).loose();
const ok = z.object({ ok: z.literal(true) });

export const tenantAgentPlaceholderRouter = createRouter({
  settings: createRouter({
    get: staffProcedure.output(settings).query(notYet),
    update: tenantAdminProcedure.input(agentSettingsInput).output(settings).mutation(notYet),
  }),
  sandbox: staffProcedure
    .input(agentSandboxInput)
    .output(
      z.object({
        intent: z.string(),
        secondaryIntents: z.array(z.string()),
        action: z.string(),
        reply: z.string().nullable(),
        toolCalls: z.array(toolCall),
        writes: z.array(write),
        proposedStarts: z.array(z.string()),
        brain: z.enum(["rules", "model"]),
        refusals: z.array(z.string()),
        handoff: z.object({ reason: z.string() }).nullable(),
        language: z.string(),
      }),
    )
    .mutation(notYet),
  thread: staffProcedure
    .input(agentConversationInput)
    .output(
      z.object({
        mode: z.enum(AGENT_MODES),
        pausedUntil: z.string().nullable(),
        handoff: z.object({ reason: z.string(), at: z.string() }).nullable(),
        draft: z
          .object({ body: z.string(), forMessageId: z.string(), writes: z.array(write), createdAt: z.string() })
          .nullable(),
        lastRun: z
          .object({
            intent: z.string(),
            action: z.string(),
            brain: z.enum(["rules", "model"]),
            at: z.string(),
            reply: z.string().nullable(),
            toolCalls: z.array(toolCall),
          })
          .nullable(),
      }),
    )
    .query(notYet),
  sendDraft: staffProcedure
    .input(agentSendDraftInput)
    .output(z.object({ messageId: z.string() }))
    .mutation(notYet),
  dismissDraft: staffProcedure.input(agentConversationInput).output(ok).mutation(notYet),
  resume: staffProcedure.input(agentConversationInput).output(ok).mutation(notYet),
  resolveHandoff: staffProcedure.input(agentConversationInput).output(ok).mutation(notYet),
  runs: staffProcedure
    .input(z.object({ limit: z.number().int().min(1).max(50).optional(), cursor: z.string().optional() }))
    .output(
      z.object({
        items: z.array(
          z.object({
            id: z.string(),
            conversationId: z.string(),
            customer: z.object({ name: z.string().nullable(), phone: z.string() }),
            inbound: z.string(),
            intent: z.string(),
            action: z.string(),
            brain: z.enum(["rules", "model"]),
            outcome: z.enum(["sent", "drafted", "handed_off", "skipped", "held"]),
            at: z.string(),
          }),
        ),
        nextCursor: z.string().nullable(),
      }),
    )
    .query(notYet),
});
