// The owner's "Integrations & keys" checklist (seed phase 12): is each external service
// configured, and does it answer? And, per business, what is still missing before it can take
// calls and bookings. Every live check is bounded (3 s) and says why it failed; secrets never
// leave the server, only the names of the variables that hold them.

import { AppError } from "@servicepro/errors";
import {
  PLAN_TIER_LABELS,
  type PlanTier,
  runsAutomations,
  TENANT_STATUS_LABELS,
  type TenantStatus,
} from "@servicepro/tenancy";
import { existingSlugSchema } from "@servicepro/validators";
import { z } from "zod";
import type { Context, IntegrationsConfig } from "../../context.ts";
import { createRouter, ownerProcedure } from "../../trpc.ts";
import { fromPack, type WebsiteState, websiteState } from "../website-state.ts";

/** How long one live check may take before it counts as failing. */
export const CHECK_TIMEOUT_MS = 3_000;

const INTEGRATION_STATES = ["configured", "not_configured", "reachable", "failing"] as const;

const integrationSchema = z.object({
  key: z.enum(["database", "openai", "twilio", "email", "stripe", "google"]),
  label: z.string(),
  state: z.enum(INTEGRATION_STATES),
  /** Why it is in that state, in words the owner can act on. */
  detail: z.string(),
  /** The environment variables that configure it (names only). */
  envVars: z.array(z.string()),
});
type Integration = z.infer<typeof integrationSchema>;
type Identity = Pick<Integration, "key" | "label" | "envVars">;

const seconds = (ms: number) => `${ms / 1000} s`;

/** Resolves with the promise, or rejects with "timed out after 3 s". */
async function bounded<T>(work: (signal: AbortSignal) => Promise<T>, ms = CHECK_TIMEOUT_MS): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`timed out after ${seconds(ms)}`));
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The reason of a failed fetch: Node wraps the socket error (ECONNREFUSED, ENOTFOUND) in `cause`. */
function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (cause && typeof cause.code === "string")
    return `${cause.code}${typeof cause.message === "string" && cause.message ? ` (${cause.message})` : ""}`;
  return error instanceof Error ? error.message : String(error);
}

async function checkDatabase(ctx: Pick<Context, "db">): Promise<Integration> {
  const base: Identity = { key: "database", label: "Database", envVars: ["DATABASE_URL"] };
  const where = ctx.db.engine === "pglite" ? "embedded database (PGlite)" : "PostgreSQL";
  const started = performance.now();
  try {
    await bounded(() => ctx.db.ping());
    return {
      ...base,
      state: "reachable",
      detail: `The ${where} answered in ${Math.round(performance.now() - started)} ms.`,
    };
  } catch (error) {
    return { ...base, state: "failing", detail: `The ${where} did not answer: ${reasonOf(error)}.` };
  }
}

/** An authenticated GET: reachable on 2xx, failing with the status or network reason otherwise. */
async function probe(
  url: string,
  headers: Record<string, string>,
  what: string,
): Promise<Pick<Integration, "state" | "detail">> {
  try {
    const res = await bounded((signal) => fetch(url, { headers, signal }));
    await res.body?.cancel();
    if (res.ok) return { state: "reachable", detail: `${what} answered ${res.status}.` };
    const hint = res.status === 401 || res.status === 403 ? ": the credentials were refused, check the key" : "";
    return { state: "failing", detail: `${what} answered ${res.status}${hint}.` };
  } catch (error) {
    return { state: "failing", detail: `${what} could not be reached: ${reasonOf(error)}.` };
  }
}

/**
 * Twilio: fetches the account resource (GET /2010-04-01/Accounts/{sid}.json, what the SDK's
 * `accounts(sid).fetch()` sends) with the platform's credentials, so a wrong token shows up here
 * before a text fails. TWILIO_API_BASE_URL points it at a fake Twilio in tests.
 */
async function checkTwilio(config: IntegrationsConfig["twilio"]): Promise<Integration> {
  const base: Identity = {
    key: "twilio",
    label: "Twilio (calls and texts)",
    envVars: ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_API_BASE_URL"],
  };
  if (!config)
    return {
      ...base,
      state: "not_configured",
      detail:
        "TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are not set: texts are logged, not sent, and Twilio webhooks answer 503.",
    };
  const origin = (config.apiBaseUrl ?? "https://api.twilio.com").replace(/\/+$/, "");
  const auth = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString("base64")}`;
  const result = await probe(
    `${origin}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}.json`,
    { authorization: auth, accept: "application/json" },
    `Twilio (${new URL(origin).host})`,
  );
  return { ...base, ...result };
}

/** OpenAI: lists models with the key. Without internet this honestly reports failing, with the reason. */
async function checkOpenAi(config: IntegrationsConfig["openai"]): Promise<Integration> {
  const base: Identity = { key: "openai", label: "OpenAI (AI agents)", envVars: ["OPENAI_API_KEY", "OPENAI_BASE_URL"] };
  if (!config)
    return {
      ...base,
      state: "not_configured",
      detail: "OPENAI_API_KEY is not set: the agents answer with the built-in rules engine.",
    };
  const origin = (config.baseUrl ?? "https://api.openai.com").replace(/\/+$/, "");
  const result = await probe(
    `${origin}/v1/models`,
    { authorization: `Bearer ${config.apiKey}` },
    `OpenAI (${new URL(origin).host})`,
  );
  return { ...base, ...result };
}

/** Services without a live check yet: configured or not, and what happens when they are not. */
function presence(key: "email" | "stripe" | "google", configured: boolean): Integration {
  const facts = {
    email: {
      label: "SendGrid (email)",
      envVars: ["SENDGRID_API_KEY", "SENDGRID_API_BASE_URL", "EMAIL_FROM"],
      missing: "SENDGRID_API_KEY is not set: emails (onboarding links) are logged, not sent.",
    },
    stripe: {
      label: "Stripe (billing)",
      envVars: ["STRIPE_SECRET_KEY"],
      missing: "STRIPE_SECRET_KEY is not set: plans are changed by hand in the console.",
    },
    google: {
      label: "Google APIs (maps, reviews)",
      envVars: ["GOOGLE_API_KEY"],
      missing: "GOOGLE_API_KEY is not set: addresses are not looked up and reviews are not imported.",
    },
  }[key];
  return {
    key,
    label: facts.label,
    envVars: facts.envVars,
    state: configured ? "configured" : "not_configured",
    detail: configured
      ? `${facts.envVars[0]} is set. It is not checked live yet; the first real use will show whether it works.`
      : facts.missing,
  };
}

// ---------------------------------------------------------------------------------------------
// Per-business readiness
// ---------------------------------------------------------------------------------------------

const READINESS_STATES = ["ready", "attention", "not_set_up"] as const;

const readinessItemSchema = z.object({
  key: z.enum(["numbers", "website", "pack", "branding", "plan"]),
  label: z.string(),
  state: z.enum(READINESS_STATES),
  detail: z.string(),
  /** Where in the console this gets fixed (an /admin/ path); null when nothing there fixes it yet. */
  fix: z.object({ label: z.string(), href: z.string() }).nullable(),
});
type ReadinessItem = z.infer<typeof readinessItemSchema>;

/** Console routes (apps/admin) that fix each item. */
export const FIX_LINKS = {
  phone: (tenantId: string) => `/admin/phone-numbers?tenant=${encodeURIComponent(tenantId)}`,
  plan: (tenantId: string) => `/admin/?plan=${encodeURIComponent(tenantId)}`,
  wizard: "/admin/new-business",
  packs: "/admin/packs",
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function numbersItem(
  tenantId: string,
  numbers: { phoneNumber: string; routedTo: string | null }[],
  twilioConfigured: boolean,
): ReadinessItem {
  const base = {
    key: "numbers",
    label: "Phone numbers assigned and routed",
    fix: { label: "Open phone numbers", href: FIX_LINKS.phone(tenantId) },
  } as const;
  if (numbers.length === 0)
    return {
      ...base,
      state: "not_set_up",
      detail: "No number is assigned: customers can't call or text this business yet.",
    };
  const misrouted = numbers.filter((n) => n.routedTo !== tenantId);
  if (misrouted.length > 0) {
    return {
      ...base,
      state: "attention",
      detail: `${misrouted.map((n) => n.phoneNumber).join(", ")} ${misrouted.length === 1 ? "does" : "do"} not route to this business.`,
    };
  }
  const list = numbers.map((n) => n.phoneNumber).join(", ");
  if (!twilioConfigured)
    return {
      ...base,
      state: "attention",
      detail: `${list} ${numbers.length === 1 ? "routes" : "route"} here, but Twilio is not configured, so no calls or texts arrive yet.`,
    };
  return {
    ...base,
    state: "ready",
    detail: `${plural(numbers.length, "number routes", "numbers route")} here: ${list}.`,
  };
}

/** Ready only for a published page: a draft is content no customer can see. */
function websiteItem(website: WebsiteState): ReadinessItem {
  const base = { key: "website", label: "Website" } as const;
  switch (website.kind) {
    case "published":
      return { ...base, state: "ready", detail: `Published${fromPack(website)}.`, fix: null };
    case "draft":
      return {
        ...base,
        state: "attention",
        detail: `Draft saved${fromPack(website)}, but not published: there is no website page customers can see yet.`,
        fix: null,
      };
    case "none":
      return {
        ...base,
        state: "not_set_up",
        detail: "No website draft. New businesses get the pack's starter site from the concierge wizard.",
        fix: { label: "Open the concierge wizard", href: FIX_LINKS.wizard },
      };
  }
}

function planItem(tenantId: string, planTier: PlanTier, status: TenantStatus): ReadinessItem {
  const label = `${PLAN_TIER_LABELS[planTier]} · ${TENANT_STATUS_LABELS[status]}`;
  const fix = { label: "Edit plan & status", href: FIX_LINKS.plan(tenantId) };
  if (!runsAutomations(status))
    return {
      key: "plan",
      label: "Plan",
      state: "attention",
      detail: `${label}: nothing is sent on the business's behalf until it is active again.`,
      fix,
    };
  if (status === "past_due")
    return {
      key: "plan",
      label: "Plan",
      state: "attention",
      detail: `${label}: everything works, but the balance is unpaid.`,
      fix,
    };
  return { key: "plan", label: "Plan", state: "ready", detail: label, fix };
}

const tenantIdSchema = existingSlugSchema();

export const adminIntegrationsRouter = createRouter({
  /** Each external service: configured or not, and for those with a live check, whether it answers now. */
  status: ownerProcedure
    .output(z.object({ checkedAt: z.string(), integrations: z.array(integrationSchema) }))
    .query(async ({ ctx }) => {
      const config = ctx.integrations;
      // In parallel: the slowest check (3 s at most) bounds the whole answer.
      const integrations = await Promise.all([
        checkDatabase(ctx),
        checkOpenAi(config.openai),
        checkTwilio(config.twilio),
        presence("email", config.sendgrid),
        presence("stripe", config.stripe),
        presence("google", config.google),
      ]);
      return { checkedAt: ctx.now().toISOString(), integrations };
    }),

  /** What a business still lacks to run on ServicePro, each item with the console page that fixes it. */
  tenantReadiness: ownerProcedure
    .input(z.strictObject({ tenantId: tenantIdSchema }))
    .output(
      z.object({
        tenant: z.object({ id: z.string(), name: z.string() }),
        ready: z.number().int(),
        items: z.array(readinessItemSchema),
      }),
    )
    .query(async ({ ctx, input }) => {
      const found = await ctx.platformRead("admin.integrations.tenantReadiness").run(async (tx) => {
        const tenant = await tx.tenant.findUnique({
          where: { id: input.tenantId },
          select: {
            id: true,
            name: true,
            planTier: true,
            status: true,
            phoneConfigs: { select: { phoneNumber: true, messagingServiceSid: true }, orderBy: { createdAt: "asc" } },
          },
        });
        if (!tenant) return null;
        const [website, install] = await Promise.all([
          tx.websiteDraft.findUnique({
            where: { tenantId: tenant.id },
            select: { content: true, packId: true, publishedAt: true },
          }),
          tx.packInstall.findFirst({
            where: { tenantId: tenant.id },
            orderBy: { installedAt: "desc" },
            select: { packId: true, version: true },
          }),
        ]);
        return { tenant, website, install };
      });
      if (!found) throw new AppError("NOT_FOUND", `There is no business with id ${input.tenantId}.`);
      const { tenant, website, install } = found;

      // "Routed" is what inbound traffic really gets: the same SECURITY DEFINER lookup the webhooks use.
      const numbers = await Promise.all(
        tenant.phoneConfigs.map(async (config) => {
          const [match] = await ctx.db.prisma.$queryRaw<{ tenant_id: string }[]>`
            SELECT tenant_id FROM app_route_inbound(${config.phoneNumber}, ${config.messagingServiceSid ?? null})`;
          return { phoneNumber: config.phoneNumber, routedTo: match?.tenant_id ?? null };
        }),
      );

      const items: ReadinessItem[] = [
        numbersItem(tenant.id, numbers, ctx.integrations.twilio !== null),
        websiteItem(websiteState(website)),
        install
          ? {
              key: "pack",
              label: "Industry pack",
              state: "ready",
              detail: `${install.packId} ${install.version} installed.`,
              fix: { label: "See packs", href: FIX_LINKS.packs },
            }
          : {
              key: "pack",
              label: "Industry pack",
              state: "not_set_up",
              detail:
                "No industry pack installed, so no starter services, add-ons or FAQs. Packs are installed when the concierge wizard sets a business up.",
              fix: { label: "Open the concierge wizard", href: FIX_LINKS.wizard },
            },
        {
          key: "branding",
          label: "Branding",
          state: "not_set_up",
          detail: "Logo and colours are not built yet: the business uses ServicePro's default look.",
          fix: null,
        },
        planItem(tenant.id, tenant.planTier as PlanTier, tenant.status as TenantStatus),
      ];
      return {
        tenant: { id: tenant.id, name: tenant.name },
        ready: items.filter((item) => item.state === "ready").length,
        items,
      };
    }),
});
