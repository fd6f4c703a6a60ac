/**
 * The intake's workers: take staged events (app_claim_twilio_events leases them, oldest first, one
 * per order key at a time), apply them, and delete each in the transaction that applies it, so an
 * acknowledged event is applied exactly once even if a process dies anywhere in between (its lease
 * runs out and another worker takes it; the write set is idempotent per SID besides).
 *
 * Texts to one tenant are applied together (applyInboundTexts: a fixed handful of statements per
 * batch). Delivery statuses and call records are applied one by one: they are few.
 *
 * A worker wakes when this process stages an event, when another process does (NOTIFY on
 * servicepro_intake), and every pollMs regardless (leases that ran out, retries, a missed notification).
 * A failing event is retried with backoff and, after maxAttempts, kept with failed_at set for the
 * operator (docs/runbook.md); it then no longer holds back its conversation's later texts.
 */
import { CHANGE_CHANNELS, type Database, Prisma, type TenantTx, tenantDb } from "@servicepro/db";
import { applyInboundTexts, handleSmsStatus, type IntakeDeps, type TwilioParams } from "@servicepro/sms";
import type { ClaimedEvent, EventRoute, TwilioEventKind } from "./events.ts";

export type IntakeLogger = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

/** Applies one call's first webhook (the call row, off the answer's path): @servicepro/voice's recordVoiceIncoming. */
export type VoiceIncomingApplier = (event: ClaimedEvent) => Promise<void>;

export type IntakeWorkerOptions = {
  /** Events leased per claim. Default 200. */
  batchSize?: number;
  /** How long a worker holds what it claimed before another may take it. Default 30 s. */
  leaseSeconds?: number;
  /** Look for work at least this often. Default 1,000 ms. */
  pollMs?: number;
  /** Attempts before an event is set aside (failed_at). Default 10. */
  maxAttempts?: number;
  voiceIncoming?: VoiceIncomingApplier;
  /** Run the loop (default true). Off: nothing is applied here except by drain() (tests; a web-only process). */
  run?: boolean;
};

export type IntakeWorker = {
  /** Something was staged: look now. */
  wake(): void;
  /** Applies everything claimable now, and resolves when nothing is left (tests, tools). */
  drain(): Promise<void>;
  stop(): Promise<void>;
};

type ClaimRow = {
  tenant_id: string;
  kind: TwilioEventKind;
  dedupe_key: string;
  seq: string | bigint;
  params: TwilioParams;
  query: Record<string, string>;
  route: EventRoute | Record<string, never>;
  attempts: number;
  received_at: Date | string;
};

const toEvent = (row: ClaimRow): ClaimedEvent => ({
  tenantId: row.tenant_id,
  kind: row.kind,
  dedupeKey: row.dedupe_key,
  orderKey: "",
  fromNumber: null,
  params: row.params,
  query: row.query ?? {},
  route: "phoneNumber" in row.route ? (row.route as EventRoute) : { phoneNumber: null, routedByFallback: false },
  seq: BigInt(row.seq),
  attempts: row.attempts,
  receivedAt: new Date(row.received_at),
});

/** Deletes applied events in the applying transaction (RLS: the tenant's own rows only). */
async function deleteApplied(tx: TenantTx, tenantId: string, kind: TwilioEventKind, keys: readonly string[]) {
  await tx.$executeRaw`
    DELETE FROM twilio_events WHERE tenant_id = ${tenantId} AND kind = ${kind}::twilio_event_kind
       AND dedupe_key = ANY(${keys}::text[])`;
}

export function startIntakeWorker(
  deps: IntakeDeps,
  logger: IntakeLogger,
  options: IntakeWorkerOptions = {},
): IntakeWorker {
  const db: Database = deps.db;
  const batchSize = options.batchSize ?? 200;
  const leaseSeconds = options.leaseSeconds ?? 30;
  const pollMs = options.pollMs ?? 1_000;
  const maxAttempts = options.maxAttempts ?? 10;
  let stopped = false;
  let wakeUp: (() => void) | null = null;
  let woken = false;
  // One claim-and-apply round at a time in this process: the loop and drain() take turns.
  let turn: Promise<unknown> = Promise.resolve();

  const claim = async (): Promise<ClaimedEvent[]> =>
    (await db.sql.query<ClaimRow>("SELECT * FROM app_claim_twilio_events($1, $2)", [batchSize, leaseSeconds])).map(
      toEvent,
    );

  async function release(event: ClaimedEvent, error: unknown) {
    const giveUp = event.attempts >= maxAttempts;
    const backoffSeconds = Math.min(2 ** event.attempts, 300);
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    logger[giveUp ? "error" : "warn"](
      {
        err: error,
        tenantId: event.tenantId,
        kind: event.kind,
        attempts: event.attempts,
        ...(giveUp ? {} : { retryInSeconds: backoffSeconds }),
      },
      giveUp
        ? "Twilio event set aside after its last attempt (twilio_events.failed_at; see the runbook)"
        : "Twilio event failed; it will be retried",
    );
    await tenantDb(db, event.tenantId)
      .run(
        (tx) => tx.$executeRaw`
          UPDATE twilio_events
             SET leased_until = now() + make_interval(secs => ${backoffSeconds}), last_error = ${message.slice(0, 2_000)},
                 failed_at = CASE WHEN ${giveUp} THEN now() ELSE NULL END
           WHERE tenant_id = ${event.tenantId} AND kind = ${event.kind}::twilio_event_kind
             AND dedupe_key = ${event.dedupeKey}`,
      )
      .catch((releaseError: unknown) =>
        // The lease still runs out on its own; the event is retried then.
        logger.error({ err: releaseError }, "could not record a Twilio event's failure"),
      );
  }

  async function applyTexts(tenantId: string, events: ClaimedEvent[]) {
    const results = await applyInboundTexts(
      deps,
      tenantId,
      events.map((event) => ({ params: event.params, route: event.route })),
      {
        inTransaction: (tx) =>
          deleteApplied(
            tx,
            tenantId,
            "sms_incoming",
            events.map((e) => e.dedupeKey),
          ),
      },
    );
    for (const result of results)
      if (result.outcome === "stored" && result.droppedMedia.length > 0)
        logger.warn(
          {
            security: "twilio_media_dropped",
            tenantId: result.tenantId,
            messageId: result.messageId,
            parts: result.droppedMedia,
          },
          "MMS parts not stored: only https URLs on api.twilio.com are kept",
        );
  }

  /** Applies one event that has its own handler, then deletes it. The handlers are idempotent per SID. */
  async function applyOne(event: ClaimedEvent) {
    if (event.kind === "sms_status") {
      await handleSmsStatus(deps, event.params, { t: event.query.t, m: event.query.m });
    } else if (event.kind === "voice_incoming") {
      if (!options.voiceIncoming) throw new Error("No voice applier is configured in this process.");
      await options.voiceIncoming(event);
    }
    // One plain statement under the tenant scope (no Prisma transaction): statuses and calls come one by one.
    await tenantDb(db, event.tenantId).query(Prisma.sql`
      DELETE FROM twilio_events WHERE tenant_id = ${event.tenantId} AND kind = ${event.kind}::twilio_event_kind
         AND dedupe_key = ${event.dedupeKey}`);
  }

  async function applyBatch(events: ClaimedEvent[]) {
    const textsByTenant = new Map<string, ClaimedEvent[]>();
    const others: ClaimedEvent[] = [];
    for (const event of events) {
      if (event.kind !== "sms_incoming") others.push(event);
      else textsByTenant.set(event.tenantId, [...(textsByTenant.get(event.tenantId) ?? []), event]);
    }
    await Promise.all([
      ...[...textsByTenant].map(async ([tenantId, texts]) => {
        try {
          await applyTexts(tenantId, texts);
        } catch (error) {
          // One text the database refuses must not hold back the rest: apply them one by one.
          if (texts.length === 1) return release(texts[0]!, error);
          for (const text of texts) await applyTexts(tenantId, [text]).catch((alone: unknown) => release(text, alone));
        }
      }),
      ...others.map((event) => applyOne(event).catch((error: unknown) => release(event, error))),
    ]);
  }

  /** One round: claim, apply. Returns how many events it took. */
  const round = (): Promise<number> => {
    const next = turn.then(async () => {
      const events = await claim();
      if (events.length > 0) await applyBatch(events);
      return events.length;
    });
    turn = next.catch(() => undefined);
    return next;
  };

  async function loop() {
    while (!stopped) {
      let taken = 0;
      try {
        taken = await round();
      } catch (error) {
        logger.error({ err: error }, "the Twilio intake worker could not claim events; retrying");
      }
      if (taken > 0 || stopped) continue;
      if (!woken)
        await new Promise<void>((resolve) => {
          wakeUp = resolve;
          setTimeout(resolve, pollMs).unref();
        });
      wakeUp = null;
      woken = false;
    }
  }

  const wake = () => {
    woken = true;
    wakeUp?.();
  };
  const run = options.run ?? true;
  const unsubscribe = run ? db.changes.subscribe(CHANGE_CHANNELS.intake, wake) : () => undefined;
  const running = run ? loop() : Promise.resolve();

  return {
    wake,
    async drain() {
      while ((await round()) > 0);
    },
    async stop() {
      stopped = true;
      unsubscribe();
      wake();
      await running;
    },
  };
}
