// Which channels really carry a new owner's onboarding link, decided from the server's
// configuration the same way the onboarding-notice worker decides (packages/messaging's
// provisioning jobs): the wizard and its answer say "by text and email" only when both will go.
import { z } from "zod";
import type { IntegrationsConfig } from "../context.ts";

export type OnboardingDeliveryConfig = {
  /** Twilio credentials are set: texts leave (otherwise the dev sender only logs them). */
  twilio: boolean;
  /** SendGrid is set: emails leave (otherwise the dev transport only logs them). */
  email: boolean;
  /** PLATFORM_SMS_FROM: the platform's own number onboarding texts come from. */
  platformSmsFrom: string | null;
};

export const deliveryConfigOf = (integrations: IntegrationsConfig): OnboardingDeliveryConfig => ({
  twilio: integrations.twilio !== null,
  email: integrations.sendgrid,
  platformSmsFrom: integrations.platformSmsFrom,
});

/** One channel: it goes out, or why not (a sentence fragment, e.g. "Twilio is not configured"). */
export const channelDeliverySchema = z.object({ sends: z.boolean(), reason: z.string().nullable() });
export const onboardingDeliverySchema = z.object({ email: channelDeliverySchema, text: channelDeliverySchema });
export type ChannelDelivery = z.infer<typeof channelDeliverySchema>;
export type OnboardingDelivery = z.infer<typeof onboardingDeliverySchema>;

const sends: ChannelDelivery = { sends: true, reason: null };
const notSent = (reason: string): ChannelDelivery => ({ sends: false, reason });

export function planOnboardingDelivery(
  request: { send: boolean; ownerPhone: string | null },
  config: OnboardingDeliveryConfig,
): OnboardingDelivery {
  if (!request.send) {
    const chosen = notSent("you chose not to send it");
    return { email: chosen, text: chosen };
  }
  return {
    email: config.email ? sends : notSent("email is not configured (SENDGRID_API_KEY is not set)"),
    // The worker's order: no number to text, no number to text from, then no way to send.
    text: !request.ownerPhone
      ? notSent("the owner has no mobile number")
      : !config.platformSmsFrom
        ? notSent("no platform number (PLATFORM_SMS_FROM) is set")
        : config.twilio
          ? sends
          : notSent("Twilio is not configured"),
  };
}
