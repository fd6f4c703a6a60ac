// The agent settings form: minutes and counts typed as text, converted, then checked by the very
// schema tenant.agent.settings.update takes (agentSettingsInput), so the page refuses what the server would.
import { agentSettingsInput } from "@servicepro/validators";
import { z } from "zod";

/** A whole number typed as text: "" and "abc" become NaN, which the field's schema refuses with its own message. */
const numberText = <T extends z.ZodType<number, number>>(schema: T) =>
  z
    .string()
    .transform((text) => (text.trim() === "" ? Number.NaN : Number(text.replaceAll(",", ""))))
    .pipe(schema);

export const agentSettingsFormSchema = z.object({
  mode: agentSettingsInput.shape.mode,
  pauseMinutes: numberText(agentSettingsInput.shape.pauseMinutes),
  maxRepliesPerHour: numberText(agentSettingsInput.shape.maxRepliesPerHour),
});
export type AgentSettingsFormValues = z.input<typeof agentSettingsFormSchema>;

export const formValuesOf = (settings: {
  mode: AgentSettingsFormValues["mode"];
  pauseMinutes: number;
  maxRepliesPerHour: number;
}): AgentSettingsFormValues => ({
  mode: settings.mode,
  pauseMinutes: String(settings.pauseMinutes),
  maxRepliesPerHour: String(settings.maxRepliesPerHour),
});
