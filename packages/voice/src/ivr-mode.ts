import type { IvrMode as DbIvrMode } from "@servicepro/db";
import type { IvrMode } from "@servicepro/telephony";

/** The IVR mode as the database spells it (`ai_voice`) and as telephony does (`ai-voice`). */
export const toDbIvrMode = (mode: IvrMode): DbIvrMode => (mode === "ai-voice" ? "ai_voice" : mode);
export const fromDbIvrMode = (mode: DbIvrMode): IvrMode => (mode === "ai_voice" ? "ai-voice" : mode);
