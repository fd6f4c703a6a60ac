import { CHANGE_CHANNELS, type Database } from "@servicepro/db";
import type { DirectoryMatch } from "@servicepro/telephony";
import { describe, expect, it } from "vitest";
import type { IvrSnapshot } from "./load.ts";
import { createRoutingSnapshot, type Loaders } from "./snapshot.ts";

const A = "+15555550101";
const B = "+15555550102";

/** A database whose change feed the test drives, and a directory and IVR settings it edits, counting reads. */
function fixture() {
  const handlers = new Set<(payload: string) => void>();
  const resets = new Set<() => void>();
  const feed = {
    live: true,
    subscribe(channel: string, handler: (payload: string) => void) {
      expect(channel).toBe(CHANGE_CHANNELS.routing);
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    onReset(handler: () => void) {
      resets.add(handler);
      return () => resets.delete(handler);
    },
    close: async () => undefined,
  };
  const notify = (payload: string) => {
    for (const handler of handlers) handler(payload);
  };
  let sqlCalls = 0;
  const db = {
    changes: feed,
    sql: {
      async query(text: string, values: unknown[]) {
        sqlCalls++;
        expect(text).toContain("pg_notify");
        // Delivered after the "commit", like a real notification.
        setTimeout(() => notify(values[1] as string), 5);
        return [];
      },
    },
  } as unknown as Database;
  const directory = new Map<string, DirectoryMatch>();
  const names = new Map<string, string>();
  const reads = { routes: 0, ivrs: 0 };
  /** Set to hold the next directory read until released. */
  let gate: Promise<void> | null = null;
  const loaders: Loaders = {
    async directoryMatch(_db, to, service) {
      reads.routes++;
      if (gate) await gate;
      return (
        directory.get(to) ?? [...directory.values()].find((m) => service && m.phoneNumber === `svc:${service}`) ?? null
      );
    },
    async ivr(_db, tenantId, phoneNumber) {
      reads.ivrs++;
      return {
        tenant: {
          name: names.get(tenantId) ?? tenantId,
          slug: tenantId,
          planTier: "pro",
          status: "active",
          timezone: "UTC",
        },
        config: null,
        hours: phoneNumber,
        closedDates: [],
        faqs: [],
      } as unknown as IvrSnapshot;
    },
  };
  const snapshot = createRoutingSnapshot(db, { loaders, settleTimeoutMs: 500 });
  return {
    db,
    feed,
    snapshot,
    directory,
    names,
    reads,
    notify,
    reset: () => {
      for (const reset of resets) reset();
    },
    hold() {
      let release!: () => void;
      gate = new Promise((resolve) => {
        release = () => {
          gate = null;
          resolve();
        };
      });
      return release;
    },
    sqlCalls: () => sqlCalls,
  };
}

const tenantOf = async (f: ReturnType<typeof fixture>, to: string) => {
  const route = await f.snapshot.route({ channel: "voice", to }, "quarantine");
  return route.kind === "tenant" ? route.tenantId : null;
};

describe("routing snapshot", () => {
  it("loads a number on first use and answers from memory after, one read for a burst", async () => {
    const f = fixture();
    f.directory.set(A, { tenantId: "t1", phoneNumber: A, matchedBy: "number" });
    const burst = await Promise.all([tenantOf(f, A), tenantOf(f, A), tenantOf(f, A)]);
    expect(burst).toEqual(["t1", "t1", "t1"]);
    expect(await tenantOf(f, A)).toBe("t1");
    expect(f.reads.routes).toBe(1);
    expect(await f.snapshot.route({ channel: "voice", to: A }, "quarantine")).toEqual({
      kind: "tenant",
      tenantId: "t1",
      phoneNumber: A,
      matchedBy: "number",
      routedByFallback: false,
    });
  });

  it("caches that nobody has a number, applying the unrouted policy per lookup, until the number changes", async () => {
    const f = fixture();
    expect(await f.snapshot.route({ channel: "voice", to: B }, "quarantine")).toEqual({
      kind: "quarantine",
      reason: `No tenant has ${B}.`,
    });
    expect(await f.snapshot.route({ channel: "voice", to: B }, "fallback-to-root")).toMatchObject({
      kind: "tenant",
      matchedBy: "fallback",
      routedByFallback: true,
    });
    expect(f.reads.routes).toBe(1);
    f.directory.set(B, { tenantId: "t2", phoneNumber: B, matchedBy: "number" });
    f.notify(B);
    expect(await tenantOf(f, B)).toBe("t2");
    expect(f.reads.routes).toBe(2);
  });

  it("drops only what a notification names: a number, a Messaging Service, a tenant's IVR contexts", async () => {
    const f = fixture();
    f.directory.set(A, { tenantId: "t1", phoneNumber: A, matchedBy: "number" });
    f.directory.set(B, { tenantId: "t1", phoneNumber: B, matchedBy: "number" });
    await tenantOf(f, A);
    await tenantOf(f, B);
    const viaService = { channel: "sms" as const, to: "+15555550199", messagingServiceSid: "MG1" };
    expect((await f.snapshot.route(viaService, "quarantine")).kind).toBe("quarantine");
    await f.snapshot.ivr("t1", A);
    await f.snapshot.ivr("t2", null);
    expect(f.reads).toEqual({ routes: 3, ivrs: 2 });

    // The number moves to another tenant.
    f.directory.set(A, { tenantId: "t2", phoneNumber: A, matchedBy: "number" });
    f.notify(A);
    expect(await tenantOf(f, A)).toBe("t2");
    expect(await tenantOf(f, B)).toBe("t1");
    expect(f.reads.routes).toBe(4);

    // A config joins the Messaging Service: the cached "nobody" for it goes.
    f.directory.set("svc", { tenantId: "t3", phoneNumber: "svc:MG1", matchedBy: "messaging_service" });
    f.notify("service:MG1");
    expect(await f.snapshot.route(viaService, "quarantine")).toMatchObject({ kind: "tenant", tenantId: "t3" });
    expect(f.reads.routes).toBe(5);

    // The tenant renames itself: its IVR contexts reload, other tenants' and routes stay.
    f.names.set("t1", "Renamed");
    f.notify("tenant:t1");
    expect((await f.snapshot.ivr("t1", A)).tenant.name).toBe("Renamed");
    await f.snapshot.ivr("t2", null);
    await tenantOf(f, B);
    expect(f.reads).toEqual({ routes: 5, ivrs: 3 });
  });

  it('drops everything on "*" and when the feed resets', async () => {
    const f = fixture();
    f.directory.set(A, { tenantId: "t1", phoneNumber: A, matchedBy: "number" });
    await tenantOf(f, A);
    await f.snapshot.ivr("t1", A);
    f.notify("*");
    await tenantOf(f, A);
    await f.snapshot.ivr("t1", A);
    expect(f.reads).toEqual({ routes: 2, ivrs: 2 });
    f.reset();
    await tenantOf(f, A);
    await f.snapshot.ivr("t1", A);
    expect(f.reads).toEqual({ routes: 3, ivrs: 3 });
  });

  it("reads the database every time while the feed is not live, and keeps nothing from then", async () => {
    const f = fixture();
    f.directory.set(A, { tenantId: "t1", phoneNumber: A, matchedBy: "number" });
    await tenantOf(f, A);
    f.feed.live = false;
    f.directory.set(A, { tenantId: "t2", phoneNumber: A, matchedBy: "number" });
    expect(await tenantOf(f, A)).toBe("t2");
    expect(await tenantOf(f, A)).toBe("t2");
    await f.snapshot.ivr("t2", A);
    await f.snapshot.ivr("t2", A);
    expect(f.reads).toEqual({ routes: 3, ivrs: 2 });
    // Back: the feed resets (what was cached before may be stale), then memory serves again.
    f.feed.live = true;
    f.reset();
    expect(await tenantOf(f, A)).toBe("t2");
    expect(await tenantOf(f, A)).toBe("t2");
    expect(f.reads.routes).toBe(4);
  });

  it("does not keep a load that a notification overtook", async () => {
    const f = fixture();
    f.directory.set(A, { tenantId: "t1", phoneNumber: A, matchedBy: "number" });
    const release = f.hold();
    const stale = tenantOf(f, A);
    await Promise.resolve();
    f.directory.set(A, { tenantId: "t2", phoneNumber: A, matchedBy: "number" });
    f.notify(A);
    release();
    await stale;
    expect(await tenantOf(f, A)).toBe("t2");
    expect(f.reads.routes).toBe(2);
  });

  it("settles once its marker comes back through the feed, at once when the feed is not live", async () => {
    const f = fixture();
    f.directory.set(A, { tenantId: "t1", phoneNumber: A, matchedBy: "number" });
    await tenantOf(f, A);
    await f.snapshot.settled();
    expect(f.sqlCalls()).toBe(1);
    // The marker is not a change: nothing was dropped.
    await tenantOf(f, A);
    expect(f.reads.routes).toBe(1);
    f.feed.live = false;
    await f.snapshot.settled();
    expect(f.sqlCalls()).toBe(1);
  });

  it("reads the database once closed", async () => {
    const f = fixture();
    f.directory.set(A, { tenantId: "t1", phoneNumber: A, matchedBy: "number" });
    await tenantOf(f, A);
    f.snapshot.close();
    await tenantOf(f, A);
    await tenantOf(f, A);
    expect(f.reads.routes).toBe(3);
  });
});
