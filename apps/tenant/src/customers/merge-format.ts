// Words for the duplicate finder's reasons and a merge's moved rows (pure, unit-tested).

export type MatchReason = "phone" | "email" | "name_street" | "name_email_typo";

export const REASON_LABELS: Record<MatchReason, string> = {
  phone: "Same phone number",
  email: "Same email",
  name_street: "Same name and street",
  name_email_typo: "Same name, email one typo apart",
};

/** What each table a merge moves is, for people ("3 appointments"). Unknown tables keep their name. */
const TABLE_LABELS: Record<string, [string, string]> = {
  appointments: ["appointment", "appointments"],
  appointment_series: ["repeat booking", "repeat bookings"],
  assets: ["vehicle, pet or property", "vehicles, pets or properties"],
  conversations: ["text conversation", "text conversations"],
  calls: ["call", "calls"],
  loyalty_entries: ["points entry", "points entries"],
  loyalty_redemptions: ["reward redemption", "reward redemptions"],
  campaign_sends: ["campaign text", "campaign texts"],
  rebook_reminders: ["rebooking reminder", "rebooking reminders"],
  customer_sessions: ["portal sign-in", "portal sign-ins"],
  portal_challenges: ["portal sign-in code", "portal sign-in codes"],
};

export function movesLabel(moves: Record<string, number>): string[] {
  return Object.entries(moves)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([table, n]) => {
      const [one, many] = TABLE_LABELS[table] ?? [table.replaceAll("_", " "), table.replaceAll("_", " ")];
      return `${n} ${n === 1 ? one : many}`;
    });
}
