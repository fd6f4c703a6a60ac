/**
 * The change feed: PostgreSQL LISTEN/NOTIFY, so every process keeps its in-memory copies (the
 * routing snapshot, the session cache) as fresh as the database. Triggers in the migrations call
 * pg_notify(channel, payload) when a row those copies depend on changes; the notification arrives
 * after the writing transaction commits, in every process listening, within milliseconds.
 *
 * A cache built on this must follow two rules, because a notification can be missed while the
 * listening connection is down:
 * - while `live` is false, serve nothing from the cache (read the database);
 * - on `onReset` (the connection came back, or started), drop everything cached before it.
 */
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { APP_ROLE } from "./roles.ts";

/** The channels the migrations' triggers notify. The payload format is each channel's own. */
export const CHANGE_CHANNELS = {
  /**
   * A number's routing or IVR context changed. Payload: the E.164 number, "tenant:<id>" (hours, FAQs,
   * the tenant itself), "service:<Messaging Service SID>", "*" for everything, or "settle:<uuid>"
   * (the snapshot's own marker: everything committed before it has been seen).
   */
  routing: "servicepro_routing",
  /**
   * A session ended or changed (sign-out, rotation, impersonation), or its user, memberships or tenant did.
   * Payload: the session id, "user:<id>", "tenant:<id>", or "*" (migration session_change_feed).
   */
  sessions: "servicepro_sessions",
  /** Twilio events were staged for the intake workers. Payload: the tenant id. */
  intake: "servicepro_intake",
} as const;
export type ChangeChannel = (typeof CHANGE_CHANNELS)[keyof typeof CHANGE_CHANNELS];

export type ChangeFeed = {
  /** Calls `handler` with each notification's payload on `channel`. Returns the unsubscribe function. */
  subscribe(channel: ChangeChannel, handler: (payload: string) => void): () => void;
  /** Called each time the feed (re)connects: notifications may have been missed, so caches drop what they hold. */
  onReset(handler: () => void): () => void;
  /** True while notifications are being received. A cache must not answer from memory while this is false. */
  readonly live: boolean;
  close(): Promise<void>;
};

type Logger = { warn(obj: object, msg: string): void };

/**
 * The feed on PostgreSQL: one dedicated connection (LISTEN needs a session of its own; a pooled
 * connection would lose it), opened on first subscription and reopened with backoff when it drops.
 */
export function postgresChangeFeed(url: string, logger?: Logger): ChangeFeed {
  const handlers = new Map<string, Set<(payload: string) => void>>();
  const resets = new Set<() => void>();
  let client: pg.Client | null = null;
  let live = false;
  let closed = false;
  let connecting: Promise<void> | null = null;
  let retryMs = 100;
  let retryTimer: NodeJS.Timeout | undefined;

  const listenSql = (channel: string) => `LISTEN ${pg.escapeIdentifier(channel)}`;

  const dropConnection = (error: unknown) => {
    if (!client) return;
    live = false;
    logger?.warn({ err: error }, "change feed connection lost; caches bypassed until it is back");
    client.removeAllListeners();
    client.end().catch(() => undefined);
    client = null;
    scheduleReconnect();
  };

  const scheduleReconnect = () => {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, retryMs);
    retryTimer.unref();
    retryMs = Math.min(retryMs * 2, 5_000);
  };

  const connect = (): Promise<void> => {
    if (connecting) return connecting;
    connecting = (async () => {
      const next = new pg.Client({
        connectionString: url,
        connectionTimeoutMillis: 2_000,
        options: `-c role=${APP_ROLE}`,
      });
      try {
        await next.connect();
        next.on("notification", (message) => {
          for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? "");
        });
        next.on("error", (error) => dropConnection(error));
        next.on("end", () => dropConnection(new Error("connection ended")));
        for (const channel of handlers.keys()) await next.query(listenSql(channel));
        if (closed) {
          await next.end();
          return;
        }
        client = next;
        live = true;
        retryMs = 100;
        for (const reset of resets) reset();
      } catch (error) {
        next.removeAllListeners();
        await next.end().catch(() => undefined);
        logger?.warn({ err: error }, "change feed cannot connect; retrying");
        scheduleReconnect();
      }
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  };

  return {
    get live() {
      return live;
    },
    subscribe(channel, handler) {
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        // A new channel on an open connection: LISTEN now. Until it answers, notifications on it may be
        // missed, so the subscriber's reset runs once it does (the subscriber registered onReset first).
        if (client)
          client.query(listenSql(channel)).then(
            () => {
              for (const reset of resets) reset();
            },
            (error: unknown) => dropConnection(error),
          );
      }
      set.add(handler);
      if (!client && !closed) void connect();
      return () => {
        set.delete(handler);
      };
    },
    onReset(handler) {
      resets.add(handler);
      return () => {
        resets.delete(handler);
      };
    },
    async close() {
      closed = true;
      live = false;
      clearTimeout(retryTimer);
      await connecting;
      const open = client;
      client = null;
      if (open) {
        open.removeAllListeners();
        await open.end().catch(() => undefined);
      }
    },
  };
}

/**
 * The feed on embedded PGlite: one process, one database instance, so notifications raised by a
 * commit are delivered in the same process and never missed; the feed is always live.
 */
export function pgliteChangeFeed(client: PGlite): ChangeFeed {
  const handlers = new Map<string, Set<(payload: string) => void>>();
  const unlisten = new Map<string, Promise<() => Promise<void>>>();
  const resets = new Set<() => void>();
  return {
    live: true,
    subscribe(channel, handler) {
      let set = handlers.get(channel);
      if (!set) {
        const created = new Set<(payload: string) => void>();
        set = created;
        handlers.set(channel, created);
        const listening = client.listen(channel, (payload) => {
          for (const h of created) h(payload);
        });
        unlisten.set(channel, listening);
        // LISTEN runs asynchronously: a change committed before it was missed, so caches reset once it is in place.
        listening.then(
          () => {
            for (const reset of resets) reset();
          },
          () => undefined,
        );
      }
      set.add(handler);
      return () => {
        set.delete(handler);
      };
    },
    onReset(handler) {
      resets.add(handler);
      return () => {
        resets.delete(handler);
      };
    },
    async close() {
      for (const stop of unlisten.values()) await (await stop)().catch(() => undefined);
      unlisten.clear();
    },
  };
}
