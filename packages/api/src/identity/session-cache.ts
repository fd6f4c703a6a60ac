/**
 * Signed-in sessions in memory, so a warm session check costs no database round trip.
 *
 * What is cached: a session as resolveSession read it (the user, the role and tenant it works in,
 * that tenant's plan and status, the impersonation), with the times expiry is judged by. It stays
 * correct through the change feed (packages/db/src/changes.ts): the session_change_feed
 * migration's triggers NOTIFY `servicepro_sessions` when a session, its user, the user's
 * memberships or the tenant it works in change, and every process drops what the payload names
 * (the session id, "user:<id>", "tenant:<id>", or "*"). Following the feed's rules, nothing is
 * served while the feed is not live, and everything is dropped when it resets.
 *
 * Expiry is judged exactly as the uncached path does (identity's sessionState and
 * impersonationState). The last-seen time a process holds may be older than the database's (another
 * process refreshed it; refreshing notifies nothing), never newer, so a session the cache thinks
 * active is active; one it thinks expired is handed back to the database path, which decides.
 */
import { randomUUID } from "node:crypto";
import { CHANGE_CHANNELS, type ChangeFeed, type Database } from "@servicepro/db";
import { type ImpersonationFields, impersonationState, type SessionTimes, sessionState } from "@servicepro/identity";
import { LRUCache } from "lru-cache";
import type { AuthState } from "./sessions.ts";

export type CachedSession = {
  /** What the request gets: never mutated, shared by every request of the session. */
  auth: AuthState;
  userId: string;
  /** The tenant whose name, plan and status `auth` carries (its own or the impersonated one), if any. */
  tenantId: string | null;
  /** Created, absolute expiry, and the last-seen time as this process last read or wrote it. */
  times: SessionTimes;
  impersonation: ImpersonationFields;
};

export type SessionCache = {
  /**
   * The session, if it can be answered from memory at `at`: the feed is live, it is cached, and it
   * is active and not past its impersonation's limit by the times cached (otherwise it is dropped
   * and the caller reads the database, which ends what has expired).
   */
  get(id: string, at: Date): CachedSession | undefined;
  /** Taken before reading a session from the database, and handed to `remember` with what was read. */
  mark(): number;
  /**
   * Keeps a session read from the database, unless something was invalidated since `mark` (the read
   * may predate that change, whose notification may already have come and gone) or the feed is not live.
   */
  remember(id: string, entry: CachedSession, mark: number): void;
  /** Drops one session now (this process ended it; the notification will say so again). */
  forget(id: string): void;
  /**
   * Resolves once every notification committed before the call has been applied: a notification of
   * our own makes the round trip, and the feed delivers in commit order. For tests.
   */
  sync(): Promise<void>;
  readonly size: number;
  close(): void;
};

export type SessionCacheOptions = {
  /** Sessions kept (least recently used go first). */
  max?: number;
  /** Sends a notification on the sessions channel (sync's round trip). */
  notify: (payload: string) => Promise<void>;
};

const SYNC_PREFIX = "sync:";
const SYNC_TIMEOUT_MS = 5_000;

export function createSessionCache(
  feed: Pick<ChangeFeed, "subscribe" | "onReset" | "live">,
  options: SessionCacheOptions,
): SessionCache {
  const entries = new LRUCache<string, CachedSession>({ max: options.max ?? 10_000 });
  // Bumped by every invalidation: a database read that started before one may carry what it invalidated.
  let generation = 0;
  const syncs = new Map<string, () => void>();

  const dropWhere = (matches: (entry: CachedSession) => boolean) => {
    const doomed: string[] = [];
    for (const [id, entry] of entries.entries()) if (matches(entry)) doomed.push(id);
    for (const id of doomed) entries.delete(id);
  };

  const onChange = (payload: string) => {
    if (payload.startsWith(SYNC_PREFIX)) {
      syncs.get(payload)?.();
      return;
    }
    generation++;
    if (payload === "*") entries.clear();
    else if (payload.startsWith("user:")) {
      const userId = payload.slice("user:".length);
      dropWhere((entry) => entry.userId === userId);
    } else if (payload.startsWith("tenant:")) {
      const tenantId = payload.slice("tenant:".length);
      dropWhere((entry) => entry.tenantId === tenantId);
    } else entries.delete(payload);
  };

  // onReset first: the feed resets its subscribers once the LISTEN below is in place.
  const stopReset = feed.onReset(() => {
    generation++;
    entries.clear();
    // Whatever a sync waited for was dropped with the rest.
    for (const done of syncs.values()) done();
  });
  const stopChanges = feed.subscribe(CHANGE_CHANNELS.sessions, onChange);

  return {
    get(id, at) {
      if (!feed.live) return undefined;
      const entry = entries.get(id);
      if (!entry) return undefined;
      if (sessionState(entry.times, at) !== "active" || impersonationState(entry.impersonation, at) === "expired") {
        entries.delete(id);
        return undefined;
      }
      return entry;
    },
    mark: () => generation,
    remember(id, entry, mark) {
      if (mark !== generation || !feed.live) return;
      entries.set(id, entry);
    },
    forget(id) {
      generation++;
      entries.delete(id);
    },
    async sync() {
      if (!feed.live) return;
      const payload = `${SYNC_PREFIX}${randomUUID()}`;
      let timer: NodeJS.Timeout | undefined;
      const arrived = new Promise<void>((resolve, reject) => {
        syncs.set(payload, resolve);
        timer = setTimeout(() => reject(new Error("session cache: the feed did not deliver in time")), SYNC_TIMEOUT_MS);
      });
      try {
        await options.notify(payload);
        await arrived;
      } finally {
        clearTimeout(timer);
        syncs.delete(payload);
      }
    },
    get size() {
      return entries.size;
    },
    close() {
      stopChanges();
      stopReset();
      entries.clear();
    },
  };
}

const caches = new WeakMap<Database, SessionCache>();

/**
 * The session cache of a database handle: one per handle, shared by every API built on it, since
 * it mirrors that database (and the harness of the server tests reaches it the same way).
 */
export function sessionCacheOf(db: Database): SessionCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = createSessionCache(db.changes, {
      notify: async (payload) => {
        await db.sql.query("SELECT pg_notify($1, $2)", [CHANGE_CHANNELS.sessions, payload]);
      },
    });
    caches.set(db, cache);
  }
  return cache;
}

/**
 * Drops a session this process has just ended from the database's cache, if it has one, without
 * waiting for the notification (which every other process waits for).
 */
export function forgetSession(db: Database, id: string): void {
  caches.get(db)?.forget(id);
}
