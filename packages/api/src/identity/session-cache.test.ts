// The session cache on a scripted change feed: what it serves, what it drops, and when it refuses to
// keep what a database read returned.
import type { Database } from "@servicepro/db";
import { SESSION_POLICY } from "@servicepro/identity";
import { describe, expect, it } from "vitest";
import { type CachedSession, createSessionCache } from "./session-cache.ts";
import { type AuthState, resolveSession, sessionIdOf } from "./sessions.ts";

function scriptedFeed() {
  const handlers: ((payload: string) => void)[] = [];
  const resets: (() => void)[] = [];
  const sent: string[] = [];
  return {
    live: true,
    sent,
    subscribe(_channel: string, handler: (payload: string) => void) {
      handlers.push(handler);
      return () => undefined;
    },
    onReset(handler: () => void) {
      resets.push(handler);
      return () => undefined;
    },
    notify(payload: string) {
      for (const handler of handlers) handler(payload);
    },
    reset() {
      for (const reset of resets) reset();
    },
  };
}

const T0 = new Date("2026-12-01T09:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

function entry(over: Partial<CachedSession> & { userId?: string; tenantId?: string | null } = {}): CachedSession {
  const userId = over.userId ?? "user-1";
  const tenantId = over.tenantId === undefined ? "green-lawn" : over.tenantId;
  const auth: AuthState = {
    user: { id: userId, email: `${userId}@example.com`, name: userId },
    role: "tenant_admin",
    tenantId,
    tenantName: tenantId,
    tenant: tenantId ? { planTier: "pro", status: "active" } : null,
    impersonation: null,
    sessionId: "s",
  };
  return {
    auth,
    userId,
    tenantId,
    times: { createdAt: T0, lastSeenAt: T0, expiresAt: new Date(T0.getTime() + SESSION_POLICY.absoluteTimeoutMs) },
    impersonation: {
      activeTenantId: tenantId,
      impersonatedTenantId: null,
      impersonationStartedAt: null,
      impersonationReason: null,
    },
    ...over,
  };
}

function setUp() {
  const feed = scriptedFeed();
  const cache = createSessionCache(feed, {
    notify: async (payload) => {
      feed.sent.push(payload);
      queueMicrotask(() => feed.notify(payload));
    },
  });
  return { feed, cache };
}

describe("session cache", () => {
  it("serves a remembered session while it is active, and drops it once idle or past its absolute limit", () => {
    const { cache } = setUp();
    cache.remember("a", entry(), cache.mark());
    expect(cache.get("a", minutes(29))?.userId).toBe("user-1");
    // Idle by the times it holds: handed back to the database path (which knows a later last-seen, if any).
    expect(cache.get("a", minutes(30))).toBeUndefined();
    expect(cache.size).toBe(0);

    const longLived = entry();
    cache.remember("b", longLived, cache.mark());
    const nearTheEnd = new Date(longLived.times.expiresAt.getTime() - 1);
    longLived.times = { ...longLived.times, lastSeenAt: new Date(nearTheEnd.getTime() - 60_000) };
    expect(cache.get("b", nearTheEnd)).toBeDefined();
    expect(cache.get("b", longLived.times.expiresAt)).toBeUndefined();
  });

  it("drops an impersonation past its time limit, so the database path ends it", () => {
    const { cache } = setUp();
    const visiting = entry({
      impersonation: {
        activeTenantId: null,
        impersonatedTenantId: "green-lawn",
        impersonationStartedAt: T0,
        impersonationReason: "support",
      },
    });
    visiting.times = { ...visiting.times, lastSeenAt: minutes(59) };
    cache.remember("owner", visiting, cache.mark());
    expect(cache.get("owner", minutes(59))).toBeDefined();
    expect(cache.get("owner", minutes(60))).toBeUndefined();
  });

  it("drops what each payload names: a session, a user's sessions, a tenant's sessions, everything", () => {
    const { feed, cache } = setUp();
    cache.remember("s1", entry({ userId: "u1", tenantId: "t1" }), cache.mark());
    cache.remember("s2", entry({ userId: "u1", tenantId: "t2" }), cache.mark());
    cache.remember("s3", entry({ userId: "u2", tenantId: "t1" }), cache.mark());
    cache.remember("s4", entry({ userId: "u3", tenantId: null }), cache.mark());
    feed.notify("s4");
    expect(cache.get("s4", T0)).toBeUndefined();
    feed.notify("user:u1");
    expect([cache.get("s1", T0), cache.get("s2", T0)]).toEqual([undefined, undefined]);
    expect(cache.get("s3", T0)).toBeDefined();
    feed.notify("tenant:t1");
    expect(cache.get("s3", T0)).toBeUndefined();
    cache.remember("s5", entry(), cache.mark());
    feed.notify("*");
    expect(cache.size).toBe(0);
  });

  it("forgets a rotated session's old id and keeps the new one only once it is read again", () => {
    const { feed, cache } = setUp();
    cache.remember("old", entry(), cache.mark());
    // Rotation inserts the new id and deletes the old one: the delete's notification names the old id.
    feed.notify("old");
    expect(cache.get("old", T0)).toBeUndefined();
    cache.remember("new", entry(), cache.mark());
    expect(cache.get("new", T0)).toBeDefined();
  });

  it("refuses to keep a read that an invalidation overtook", () => {
    const { feed, cache } = setUp();
    const mark = cache.mark();
    // The sign-out commits and is notified while the read (which saw the session) is on its way back.
    feed.notify("a");
    cache.remember("a", entry(), mark);
    expect(cache.get("a", T0)).toBeUndefined();
    // A sync round trip is not an invalidation.
    const next = cache.mark();
    feed.notify("sync:123");
    cache.remember("a", entry(), next);
    expect(cache.get("a", T0)).toBeDefined();
  });

  it("serves and keeps nothing while the feed is not live, and drops everything when it resets", () => {
    const { feed, cache } = setUp();
    cache.remember("a", entry(), cache.mark());
    feed.live = false;
    expect(cache.get("a", T0)).toBeUndefined();
    cache.remember("b", entry(), cache.mark());
    feed.live = true;
    expect(cache.get("b", T0)).toBeUndefined();
    expect(cache.get("a", T0)).toBeDefined();
    const mark = cache.mark();
    feed.reset();
    expect(cache.size).toBe(0);
    cache.remember("a", entry(), mark);
    expect(cache.get("a", T0)).toBeUndefined();
  });

  it("syncs by a round trip of its own notification", async () => {
    const { feed, cache } = setUp();
    await cache.sync();
    expect(feed.sent).toHaveLength(1);
    expect(feed.sent[0]).toMatch(/^sync:/);
  });
});

describe("resolveSession with a warm cache", () => {
  // Any use of the database fails the test: a warm session check must not make a round trip.
  const noDatabase = new Proxy(
    {},
    {
      get: () => {
        throw new Error("the database was used");
      },
    },
  ) as unknown as Database;
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined, child: () => silent };

  it("answers from memory without the database, and reads it again once the session is revoked", async () => {
    const { feed, cache } = setUp();
    const token = "token-1";
    const id = sessionIdOf(token);
    const remembered = entry();
    cache.remember(id, remembered, cache.mark());
    const cookies = { read: () => token, set: () => undefined, clear: () => undefined };
    const deps = { db: noDatabase, now: () => minutes(0.5), logger: silent, cookies, sessions: cache };
    expect(await resolveSession(deps)).toBe(remembered.auth);
    feed.notify(id);
    await expect(resolveSession(deps)).rejects.toThrow("the database was used");
  });

  it("still refreshes last-seen once a minute (one write, then memory again)", async () => {
    const { cache } = setUp();
    const token = "token-2";
    const id = sessionIdOf(token);
    cache.remember(id, entry(), cache.mark());
    const writes: unknown[] = [];
    const db = {
      prisma: {
        session: {
          updateMany: async (args: unknown) => {
            writes.push(args);
            return { count: 1 };
          },
        },
      },
    } as unknown as Database;
    const cookies = { read: () => token, set: () => undefined, clear: () => undefined };
    const at = minutes(5);
    const deps = { db, now: () => at, logger: silent, cookies, sessions: cache };
    await resolveSession(deps);
    await resolveSession(deps);
    expect(writes).toEqual([{ where: { id }, data: { lastSeenAt: at } }]);
    expect(cache.get(id, at)?.times.lastSeenAt).toEqual(at);
  });

  it("treats a session the touch finds gone as a miss", async () => {
    const { cache } = setUp();
    const token = "token-3";
    const id = sessionIdOf(token);
    cache.remember(id, entry(), cache.mark());
    let cleared = false;
    const db = {
      prisma: {
        session: {
          updateMany: async () => ({ count: 0 }),
          findUnique: async () => null,
        },
      },
    } as unknown as Database;
    const cookies = { read: () => token, set: () => undefined, clear: () => (cleared = true) };
    const auth = await resolveSession({ db, now: () => minutes(5), logger: silent, cookies, sessions: cache });
    expect(auth.user).toBeNull();
    expect(cleared).toBe(true);
    expect(cache.size).toBe(0);
  });
});
