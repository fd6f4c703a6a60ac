/**
 * Twilio's webhooks: plain HTTP, mounted outside the CSRF guard and cookie handling, and
 * authenticated by Twilio's signature instead. Mounted ahead of the app's request id, request log
 * and security headers (a TwiML answer needs none of them, and this is the busiest path): only
 * refusals and failures are logged. Order per request:
 *
 *   POST only (405) → size limit (413) → signature (403, nothing written) → AccountSid is ours (403,
 *   nothing written, not even in unrouted_webhooks) → NUL, lone surrogates and noncharacters replaced
 *   with U+FFFD (after the signature, which covers the raw values) → handler with a time
 *   budget (503 if the database cannot answer in time, so Twilio retries or uses the fallback URL
 *   well inside its 15 s) → TwiML.
 *
 * Handlers are idempotent per MessageSid/CallSid, so Twilio's retries are safe.
 */
import { smsIncomingEvent, smsStatusEvent, type TwilioIntake, voiceIncomingEvent } from "@servicepro/intake";
import {
  afterAnswer,
  handleSmsStatus,
  type IntakeDeps,
  ourNumberOf,
  phoneOf,
  recordUnrouted,
  routeInboundVia,
  type TwilioParams,
} from "@servicepro/sms";
import { answerUnavailable, emptyMessagingResponse } from "@servicepro/telephony";
import { scrubText } from "@servicepro/validators";
import {
  answerVoiceIncoming,
  handleDialResult,
  handleVoiceMenu,
  handleVoicemail,
  handleVoiceStatus,
  recordVoiceIncoming,
  stagedCallRecord,
} from "@servicepro/voice";
import type { Context } from "hono";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { HonoEnv } from "../app.ts";
import type { AppLogger } from "../logger.ts";
import { isValidTwilioSignature, parseTwilioForm } from "./signature.ts";

export type TwilioRoutesConfig = {
  /** Null when Twilio is not configured: webhooks are then refused with 503. */
  authToken: string | null;
  publicBaseUrl: string;
  intake: IntakeDeps;
  /** Where texts and delivery statuses are staged before they are acknowledged (@servicepro/intake). */
  twilioIntake: TwilioIntake;
  /**
   * The Twilio accounts whose webhooks we accept (the main account and its subaccounts). Empty when
   * Twilio's account SID is not configured (development): the check is skipped, and said once at start.
   */
  accountSids: readonly string[];
  logger: AppLogger;
  /** The most a webhook may take before we give up and answer 503 (Twilio waits 15 s at most). */
  budgetMs?: number;
};

type Query = Record<string, string | undefined>;
type Handler = (
  params: TwilioParams,
  query: Query,
  logger: AppLogger,
) => Promise<{ twiml: string; tenantId?: string | undefined }>;

const TWIML = { "content-type": "text/xml; charset=utf-8" };
const MAX_BODY_BYTES = 64 * 1024;
/** The same for every text: replies go through the outbox. Built once. */
const EMPTY_MESSAGING_RESPONSE = emptyMessagingResponse();

export function twilioRoutes(config: TwilioRoutesConfig) {
  const app = new Hono<HonoEnv>();
  const budgetMs = config.budgetMs ?? 1_500;
  const accounts = new Set(config.accountSids);
  if (config.authToken && accounts.size === 0)
    config.logger.warn(
      "TWILIO_ACCOUNT_SID is not set: Twilio webhooks are accepted from any account whose signature matches",
    );

  const tooLarge = (c: Context<HonoEnv>) => c.text("Request body too large (limit 64 KB).", 413);
  const streamedBodyLimit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge });
  app.use((c, next) => {
    // Hono's bodyLimit reads c.req.raw.body, which turns Node's request into a Web Request: a
    // measurable cost on the busiest path. Twilio declares Content-Length, and Node reads no more
    // than it declares, so comparing it is enough; only a chunked body is counted as it streams.
    const declared = c.req.header("content-length");
    if (declared !== undefined && c.req.header("transfer-encoding") === undefined)
      return Number.parseInt(declared, 10) > MAX_BODY_BYTES ? Promise.resolve(tooLarge(c)) : next();
    return streamedBodyLimit(c, next);
  });

  const route = (path: string, kind: "sms" | "voice", handler: Handler) => {
    app.post(path, async (c) => {
      const log = config.logger;
      if (!config.authToken) {
        log.error("Twilio webhook refused: TWILIO_AUTH_TOKEN is not set");
        return c.text("Twilio webhooks are disabled: set TWILIO_AUTH_TOKEN.", 503);
      }
      const contentType = c.req.header("content-type") ?? "";
      if (!contentType.startsWith("application/x-www-form-urlencoded"))
        return c.text("Expected a form-encoded Twilio webhook.", 415);
      const params = parseTwilioForm(await c.req.text());
      const url = new URL(c.req.url);
      const valid = isValidTwilioSignature({
        authToken: config.authToken,
        publicBaseUrl: config.publicBaseUrl,
        pathAndQuery: `${url.pathname}${url.search}`,
        signature: c.req.header("x-twilio-signature"),
        params,
      });
      if (!valid) {
        log.warn(
          {
            security: "twilio_signature_invalid",
            path: url.pathname,
            hasSignature: !!c.req.header("x-twilio-signature"),
          },
          "Twilio webhook signature invalid",
        );
        return c.text("Invalid Twilio signature.", 403);
      }
      // A signature proves the auth token, not the account: a subaccount or another account sharing
      // a token (or a leaked token) must not write into our tenants. Refused before anything is stored.
      if (accounts.size > 0 && !accounts.has(params.AccountSid ?? "")) {
        log.warn(
          {
            security: "twilio_account_mismatch",
            path: url.pathname,
            accountSid: params.AccountSid?.slice(0, 34) ?? null,
          },
          "Twilio webhook from an account that is not ours refused",
        );
        return c.text("This webhook is for another Twilio account.", 403);
      }
      try {
        // Twilio sends what the caller typed, and retries anything but a 2xx: a text we refused would
        // come back forever. PostgreSQL cannot store NUL or a lone surrogate, so they are replaced.
        const query = scrubValues(Object.fromEntries(url.searchParams));
        const result = await withBudget(handler(scrubValues(params), query, log), budgetMs);
        return c.body(result.twiml, 200, TWIML);
      } catch (error) {
        return unavailable(c, kind, error, log);
      }
    });
    app.on(["GET", "PUT", "PATCH", "DELETE"], path, (c) =>
      c.text("Method not allowed: Twilio webhooks are POST.", 405, { allow: "POST" }),
    );
  };

  const { intake } = config;
  // The answer comes from the routing snapshot, with no database round trip when warm. The call row
  // is staged after the answer has gone (not awaited) and written by the intake's worker; a call we
  // cannot stage under a tenant (quarantined, or staging failed) is written directly, also after.
  route("/voice/incoming", "voice", async (p, _q, log) => {
    const answer = await answerVoiceIncoming(intake, p);
    const recordDirectly = () =>
      afterAnswer(intake, () =>
        recordVoiceIncoming(intake, p, answer).catch((error: unknown) =>
          log.error(
            { err: error, callSid: p.CallSid?.slice(0, 64) },
            "the call row of an answered call was not written",
          ),
        ),
      );
    if (answer.record.kind === "call" && p.CallSid?.trim()) {
      const staged = stagedCallRecord(answer.record);
      config.twilioIntake
        .stage(voiceIncomingEvent(staged.tenantId, p, staged.query, staged.route))
        .catch((error: unknown) => {
          log.warn({ err: error }, "could not stage a call's first webhook; writing its row directly");
          recordDirectly();
        });
    } else recordDirectly();
    return answer;
  });
  route("/voice/menu", "voice", (p, q) => handleVoiceMenu(intake, p, { mode: q.mode, attempt: q.attempt }));
  route("/voice/dial-result", "voice", (p) => handleDialResult(intake, p));
  route("/voice/voicemail", "voice", (p, q) => handleVoicemail(intake, p, { event: q.event }));
  route("/voice/status", "voice", (p) => handleVoiceStatus(intake, p));
  // A text is acknowledged once its raw event is committed in the staging table; a worker stores it,
  // applies consent and answers it (@servicepro/intake). Replies go through the outbox, never inline TwiML.
  route("/sms/incoming", "sms", async (p) => {
    if (!(p.MessageSid ?? p.SmsSid)) throw new MissingField("MessageSid");
    const to = ourNumberOf(p.To);
    const route = await routeInboundVia(
      intake,
      { channel: "sms", to, messagingServiceSid: p.MessagingServiceSid },
      intake.unroutedPolicy,
    );
    if (route.kind === "quarantine") {
      const sid = p.MessageSid ?? p.SmsSid ?? "";
      await recordUnrouted(intake.db, { kind: "sms", sid, to, from: phoneOf(p.From), reason: route.reason, params: p });
    } else {
      const { tenantId, phoneNumber, routedByFallback } = route;
      await config.twilioIntake.stage(
        smsIncomingEvent(tenantId, p, { phoneNumber, routedByFallback }, phoneOf(p.From)),
      );
    }
    return { twiml: EMPTY_MESSAGING_RESPONSE };
  });
  // A delivery status is staged under the tenant whose number sent the text (its From), which is
  // where the message is; the worker still matches it by MessageSid. A status from a number no
  // tenant has now (released, or sent before it moved) is matched at once, as before.
  route("/sms/status", "sms", async (p, q) => {
    const from = ourNumberOf(p.From);
    const route = from ? await routeInboundVia(intake, { channel: "sms", to: from }, "quarantine") : null;
    const hint = { t: q.t, m: q.m };
    if (route?.kind === "tenant" && route.matchedBy === "number") {
      const query = Object.fromEntries(Object.entries(hint).filter((e): e is [string, string] => e[1] !== undefined));
      await config.twilioIntake.stage(
        smsStatusEvent(route.tenantId, p, query, { phoneNumber: route.phoneNumber, routedByFallback: false }),
      );
    } else await handleSmsStatus(intake, p, hint);
    return { twiml: EMPTY_MESSAGING_RESPONSE };
  });
  return app;
}

/**
 * Unicode noncharacters (U+FDD0–U+FDEF, and U+xFFFE/U+xFFFF in every plane). PostgreSQL stores them,
 * but they are "not for interchange": a client or a JSON tool may refuse them later.
 */
const NONCHARACTERS =
  /[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/g;

/** A webhook value we can store and show: NUL, lone surrogates (see scrubText) and noncharacters become U+FFFD. */
export const scrubWebhookText = (value: string): string => scrubText(value).replace(NONCHARACTERS, "\uFFFD");

/** Every field, name and value, through scrubWebhookText: each handler and each stored column sees only these. */
const scrubValues = (values: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([key, value]) => [scrubWebhookText(key), scrubWebhookText(value)]));

class MissingField extends Error {
  override name = "MissingField";
}

class BudgetExceeded extends Error {
  override name = "BudgetExceeded";
}

function withBudget<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BudgetExceeded(`no answer within ${ms} ms`)), ms);
  });
  // The work may still commit after we gave up; Twilio's retry then finds it stored and stops there.
  work.catch(() => undefined);
  return Promise.race([work, budget]).finally(() => clearTimeout(timer));
}

function unavailable(c: Context<HonoEnv>, kind: "sms" | "voice", error: unknown, log: AppLogger) {
  if (error instanceof MissingField) return c.text(`Missing field ${error.message}.`, 400);
  log.error(
    { err: error, path: c.req.path },
    "Twilio webhook failed; answering 503 so Twilio retries or uses the fallback URL",
  );
  // Voice callers hear an apology rather than Twilio's generic error; Twilio still sees the 503.
  return kind === "voice"
    ? c.body(
        answerUnavailable("Sorry, we're having trouble answering right now. Please try again in a few minutes.").twiml,
        503,
        TWIML,
      )
    : c.text("Temporarily unavailable.", 503);
}
