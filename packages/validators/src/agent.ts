import { z } from "zod";

/**
 * How a business's SMS agent works: "off" (staff answer everything), "suggest" (it drafts a reply
 * for staff to send from the inbox) or "autopilot" (it answers, books, moves and cancels by text).
 * Anything but "off" needs the plan feature `aiSmsAgent`.
 */
export const AGENT_MODES = ["off", "suggest", "autopilot"] as const;
export type AgentMode = (typeof AGENT_MODES)[number];

/** The longest text the agent reads or staff send through it: Twilio's 1,600 characters. */
export const AGENT_MAX_TEXT = 1_600;

export const agentSettingsInput = z.strictObject({
  mode: z.enum(AGENT_MODES, { message: "Choose off, suggest or autopilot." }),
  /** After a person replies in the inbox, the agent stays quiet on that conversation this long. */
  pauseMinutes: z
    .int("Use whole minutes.")
    .min(5, "Pause for at least 5 minutes.")
    .max(7 * 24 * 60, "Pause for at most a week (10,080 minutes)."),
  /** The most texts the agent sends one conversation in an hour (the loop guard's cap). */
  maxRepliesPerHour: z
    .int("Use a whole number.")
    .min(1, "Allow at least 1 reply an hour.")
    .max(30, "Allow at most 30 replies an hour."),
});
export type AgentSettingsInput = z.infer<typeof agentSettingsInput>;

export const DEFAULT_AGENT_SETTINGS: AgentSettingsInput = { mode: "suggest", pauseMinutes: 60, maxRepliesPerHour: 6 };

const sandboxText = z
  .string()
  .max(AGENT_MAX_TEXT, `A text has at most ${AGENT_MAX_TEXT.toLocaleString("en-US")} characters.`);

/** Test mode: staff text their own agent; nothing is written or sent. The thread so far travels with each text. */
export const agentSandboxInput = z.strictObject({
  history: z
    .array(z.strictObject({ from: z.enum(["customer", "agent"]), text: sandboxText }))
    .max(40, "Start a new test conversation: this one has 40 texts."),
  inbound: sandboxText,
});
export type AgentSandboxInput = z.infer<typeof agentSandboxInput>;

export const agentConversationInput = z.strictObject({ conversationId: z.uuid("Pick a conversation.") });

/** Sends the agent's draft (suggest mode), as drafted or as staff edited it. */
export const agentSendDraftInput = z.strictObject({
  conversationId: z.uuid("Pick a conversation."),
  body: z
    .string()
    .trim()
    .min(1, "The text is empty.")
    .max(AGENT_MAX_TEXT, `A text has at most ${AGENT_MAX_TEXT.toLocaleString("en-US")} characters.`)
    .optional(),
});
