/**
 * A customer's answer to an appointment reminder ("Reply C to confirm, R to reschedule"): the whole
 * text, trimmed, any case, trailing punctuation ignored; English and Spanish. Anything longer is a
 * message for a person (the inbox), never guessed at.
 */
export type AppointmentReply = "confirm" | "reschedule";

const CONFIRM = new Set(["c", "confirm", "confirmed", "yes", "y", "confirmar", "confirmo", "si", "sí"]);
const RESCHEDULE = new Set(["r", "reschedule", "cambiar", "reprogramar"]);

export function classifyAppointmentReply(body: string): AppointmentReply | null {
  const word = body
    .trim()
    .toLowerCase()
    .replace(/[\s.!?¡¿,;:]+$/u, "")
    .replace(/^[¡¿]+/u, "");
  if (CONFIRM.has(word)) return "confirm";
  if (RESCHEDULE.has(word)) return "reschedule";
  return null;
}
