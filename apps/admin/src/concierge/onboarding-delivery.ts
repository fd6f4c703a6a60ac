// How the owner's onboarding link travels, in words, from the server's per-channel answer
// (admin.concierge preview and provision): "by text and email" only when both really go out.

type Channel = { sends: boolean; reason: string | null };
export type OnboardingDelivery = { email: Channel; text: Channel };

/** "review": before Create (future tense); "done": on the success screen. */
export type DeliveryMoment = "review" | "done";

export function describeOnboardingDelivery(delivery: OnboardingDelivery, moment: DeliveryMoment): string {
  const { email, text } = delivery;
  const lead = moment === "review" ? "Sent" : "Being sent to the owner";
  const after = moment === "review" ? " once created" : "";
  if (email.sends && text.sends) return `${lead} by text and email${after}.`;
  if (email.sends) return `${lead} by email only${after} (no text: ${text.reason}).`;
  if (text.sends) return `${lead} by text only${after} (no email: ${email.reason}).`;
  const passOn = moment === "review" ? "shown to you once, on the next screen, to pass on" : "pass it on yourself";
  // Both skipped for the same reason (the wizard's choice) reads as one.
  if (email.reason === text.reason) return `Not sent (${email.reason}): ${passOn}.`;
  return `Not sent (no email: ${email.reason}; no text: ${text.reason}): ${passOn}.`;
}
