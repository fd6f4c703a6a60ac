/**
 * Where a new business's phone number comes from, and how it is set up once the business exists.
 *
 * - With Twilio credentials: search Twilio's inventory (US local numbers with SMS and voice); after
 *   the set-up commits, a job buys the number (or finds it already on the account: the job is
 *   retried safely) and points its voice, SMS and status webhooks at this server.
 * - Without: a configured pool (PHONE_NUMBER_POOL) of numbers the platform already owns, minus the
 *   ones assigned; nothing to buy.
 */
import type { Database } from "@servicepro/db";
import type { TwilioClient } from "@servicepro/sms";
import { VOICE_PATHS } from "@servicepro/telephony";
import type { AvailableNumber, NumberProvider } from "./types.ts";

export function createTwilioNumberProvider(client: TwilioClient): NumberProvider {
  return {
    kind: "twilio",
    async search({ areaCode, limit = 10 }) {
      const found = await client.availablePhoneNumbers("US").local.list({
        ...(areaCode ? { areaCode: Number(areaCode) } : {}),
        smsEnabled: true,
        voiceEnabled: true,
        limit,
      });
      return found.map((n) => ({ phoneNumber: n.phoneNumber, locality: n.locality || null, region: n.region || null }));
    },
  };
}

/** Numbers of the pool nobody has yet; `app_route_inbound` is the one directory lookup the app role may make. */
export function createPoolNumberProvider(db: Database, pool: readonly string[]): NumberProvider {
  return {
    kind: "pool",
    async search({ areaCode, limit = 10 }) {
      const free: AvailableNumber[] = [];
      for (const phoneNumber of pool) {
        if (areaCode && !phoneNumber.startsWith(`+1${areaCode}`)) continue;
        const [owner] = await db.prisma.$queryRaw<
          { tenant_id: string }[]
        >`SELECT tenant_id FROM app_route_inbound(${phoneNumber}, NULL) WHERE matched_by = 'number'`;
        if (!owner) free.push({ phoneNumber, locality: null, region: null });
        if (free.length >= limit) break;
      }
      return free;
    },
  };
}

export type NumberSetupResult = "bought" | "configured" | "nothing_to_do";

/** Buys (if needed) and configures one number. Idempotent: a retry finds the number on the account. */
export async function setUpTwilioNumber(
  client: TwilioClient | null,
  publicBaseUrl: string,
  phoneNumber: string,
): Promise<NumberSetupResult> {
  if (!client) return "nothing_to_do"; // a pool number without credentials: set up by hand (runbook)
  const webhooks = {
    voiceUrl: `${publicBaseUrl}${VOICE_PATHS.incoming}`,
    voiceMethod: "POST",
    statusCallback: `${publicBaseUrl}${VOICE_PATHS.status}`,
    statusCallbackMethod: "POST",
    smsUrl: `${publicBaseUrl}/twilio/sms/incoming`,
    smsMethod: "POST",
  } as const;
  const [owned] = await client.incomingPhoneNumbers.list({ phoneNumber, limit: 1 });
  if (owned) {
    await client.incomingPhoneNumbers(owned.sid).update(webhooks);
    return "configured";
  }
  await client.incomingPhoneNumbers.create({ phoneNumber, ...webhooks });
  return "bought";
}
