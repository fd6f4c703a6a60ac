// The overview's note about the account's status. The trial note names what the plan includes
// and lacks, from the plan facts the API gives (the Plan page's lines), never "everything is on".
import type { AlertTone } from "@servicepro/ui";

export type StatusNotice = { tone: AlertTone; title: string; body: string };

export type PlanFacts = { label: string; included: readonly string[]; notIncluded: readonly string[] };

/** "A", "A and B", "A, B and C". */
const listOf = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;

function trialNotice(plan: PlanFacts): StatusNotice {
  const title = `You're on a free trial of the ${plan.label} plan`;
  if (plan.notIncluded.length === 0)
    return {
      tone: "info",
      title,
      body: "Your plan includes every feature, and all of it works while you try ServicePro.",
    };
  const included = plan.included.length > 0 ? `It includes ${listOf(plan.included)}. ` : "";
  return {
    tone: "info",
    title,
    body: `${included}Not included: ${listOf(plan.notIncluded)} (see Plan for the plans that have them).`,
  };
}

/** A short note for statuses that need the business's attention; null for "active". */
export function statusNotice(status: string, plan: PlanFacts): StatusNotice | null {
  switch (status) {
    case "trialing":
      return trialNotice(plan);
    case "past_due":
      return {
        tone: "warning",
        title: "Your payment is past due",
        body: "Your account stays open for now. Contact ServicePro support to settle the balance.",
      };
    case "suspended":
      return {
        tone: "error",
        title: "Your account is suspended",
        body: "Your data is safe, but automated messages and reminders are paused. Contact ServicePro support.",
      };
    case "cancelled":
      return {
        tone: "warning",
        title: "Your subscription is cancelled",
        body: "Your data is kept, but nothing is sent on your behalf. Contact ServicePro support to reopen it.",
      };
    default:
      return null;
  }
}
