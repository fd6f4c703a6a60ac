/**
 * The routing snapshot: in each process, which tenant owns each of our numbers (the answer of
 * app_route_inbound) and the IVR context a call to it is answered with, so a webhook is routed,
 * and a call answered, without a database round trip.
 *
 * Freshness follows the change feed's two rules (packages/db/src/changes.ts): the migrations'
 * triggers notify CHANGE_CHANNELS.routing after every change a cached answer depends on, and each
 * process drops what the payload names; while the feed is not live nothing is served from memory
 * (every lookup reads the database), and on a reset everything cached is dropped. Entries are
 * loaded on first use, and "no tenant has this number" is cached too (until the number or its
 * Messaging Service changes), so unknown traffic does not reach the database each time.
 *
 * Payloads: an E.164 number (its routes and IVR contexts), "service:<sid>" (routes through that
 * Messaging Service, found or not), "tenant:<id>" (the tenant's IVR contexts), "*" (everything),
 * and "settle:<token>", which only `settled()` uses.
 */
import { randomUUID } from "node:crypto";
import { CHANGE_CHANNELS, type Database } from "@servicepro/db";
import {
  type DirectoryMatch,
  type InboundAddress,
  type InboundRoute,
  resolveTenantFromInbound,
  type UnroutedPolicy,
} from "@servicepro/telephony";
import { type IvrSnapshot, loadDirectoryMatch, loadIvrSnapshot } from "./load.ts";

export type RoutingSnapshot = {
  /** Which tenant an inbound text or call belongs to (the number, else its Messaging Service, else the policy). */
  route(address: InboundAddress, policy: UnroutedPolicy): Promise<InboundRoute>;
  /** What a call to `phoneNumber` of this tenant is answered with (null: a call that reached the tenant by fallback). */
  ivr(tenantId: string, phoneNumber: string | null): Promise<IvrSnapshot>;
  /**
   * Resolves once every change committed before the call has been applied here (a marker sent
   * through the feed has come back: notifications arrive in commit order). Immediate while the feed
   * is not live (nothing is served from memory then).
   */
  settled(): Promise<void>;
  /** Stops listening; later lookups read the database. */
  close(): void;
};

export type RoutingSnapshotOptions = {
  logger?: { warn(obj: object, msg: string): void };
  /** At most this many cached routes (negative ones included); past it the cache starts over. Default 200,000. */
  maxRoutes?: number;
  /** How long `settled()` waits for its marker before giving up (the feed dropped meanwhile). Default 2 s. */
  settleTimeoutMs?: number;
  /** The database reads (default ./load.ts); unit tests count and script them. */
  loaders?: Loaders;
};

export type Loaders = {
  directoryMatch(db: Database, to: string, messagingServiceSid: string | null): Promise<DirectoryMatch | null>;
  ivr(db: Database, tenantId: string, phoneNumber: string | null): Promise<IvrSnapshot>;
};

const DATABASE_LOADERS: Loaders = { directoryMatch: loadDirectoryMatch, ivr: loadIvrSnapshot };

const SETTLE = "settle:";
const TENANT = "tenant:";
const SERVICE = "service:";

export function createRoutingSnapshot(db: Database, options: RoutingSnapshotOptions = {}): RoutingSnapshot {
  const maxRoutes = options.maxRoutes ?? 200_000;
  const settleTimeoutMs = options.settleTimeoutMs ?? 2_000;
  const load = options.loaders ?? DATABASE_LOADERS;
  /** Called number → Messaging Service sid ("" for none) → the directory's answer (null: nobody's). */
  const routes = new Map<string, Map<string, DirectoryMatch | null>>();
  let routeCount = 0;
  /** Called number ("" for the fallback) → tenant → IVR context. */
  const ivrs = new Map<string, Map<string, IvrSnapshot>>();
  /** Loads in flight, so a burst of calls to a cold number reads it once. */
  const loadingRoutes = new Map<string, Promise<DirectoryMatch | null>>();
  const loadingIvrs = new Map<string, Promise<IvrSnapshot>>();
  /**
   * Bumped by every invalidation: a load that started before one may have read what it names, so
   * its result is returned to its callers but not kept.
   */
  let epoch = 0;
  let closed = false;
  const settleWaiters = new Map<string, () => void>();

  const clearAll = () => {
    epoch++;
    routes.clear();
    routeCount = 0;
    ivrs.clear();
    loadingRoutes.clear();
    loadingIvrs.clear();
  };

  const invalidate = (payload: string) => {
    if (payload.startsWith(SETTLE)) {
      settleWaiters.get(payload)?.();
      return;
    }
    if (payload === "*" || payload === "") return clearAll();
    epoch++;
    loadingRoutes.clear();
    loadingIvrs.clear();
    if (payload.startsWith(TENANT)) {
      const tenantId = payload.slice(TENANT.length);
      for (const byTenant of ivrs.values()) byTenant.delete(tenantId);
    } else if (payload.startsWith(SERVICE)) {
      const service = payload.slice(SERVICE.length);
      for (const byService of routes.values()) if (byService.delete(service)) routeCount--;
    } else {
      routeCount -= routes.get(payload)?.size ?? 0;
      routes.delete(payload);
      ivrs.delete(payload);
    }
  };

  // The reset handler goes first: the feed runs it once LISTEN is in place, dropping anything loaded before.
  const stopReset = db.changes.onReset(clearAll);
  const stopListening = db.changes.subscribe(CHANGE_CHANNELS.routing, invalidate);

  /** Memory is trusted only while notifications arrive. */
  const trusted = () => !closed && db.changes.live;

  async function directoryMatch(to: string, service: string | null): Promise<DirectoryMatch | null> {
    if (!trusted()) return load.directoryMatch(db, to, service);
    const serviceKey = service ?? "";
    const cached = routes.get(to)?.get(serviceKey);
    if (cached !== undefined) return cached;
    const key = `${to}\n${serviceKey}`;
    const inFlight = loadingRoutes.get(key);
    if (inFlight) return inFlight;
    const started = epoch;
    const loading = load.directoryMatch(db, to, service).then(
      (match) => {
        if (epoch === started && trusted()) {
          if (routeCount >= maxRoutes) {
            routes.clear();
            routeCount = 0;
          }
          let byService = routes.get(to);
          if (!byService) routes.set(to, (byService = new Map()));
          if (!byService.has(serviceKey)) routeCount++;
          byService.set(serviceKey, match);
          loadingRoutes.delete(key);
        }
        return match;
      },
      (error: unknown) => {
        if (loadingRoutes.get(key) === loading) loadingRoutes.delete(key);
        throw error;
      },
    );
    loadingRoutes.set(key, loading);
    return loading;
  }

  return {
    async route(address, policy) {
      const match = await directoryMatch(address.to, address.messagingServiceSid ?? null);
      return resolveTenantFromInbound(address, match, policy);
    },
    async ivr(tenantId, phoneNumber) {
      if (!trusted()) return load.ivr(db, tenantId, phoneNumber);
      const numberKey = phoneNumber ?? "";
      const cached = ivrs.get(numberKey)?.get(tenantId);
      if (cached) return cached;
      const key = `${numberKey}\n${tenantId}`;
      const inFlight = loadingIvrs.get(key);
      if (inFlight) return inFlight;
      const started = epoch;
      const loading = load.ivr(db, tenantId, phoneNumber).then(
        (ivr) => {
          if (epoch === started && trusted()) {
            let byTenant = ivrs.get(numberKey);
            if (!byTenant) ivrs.set(numberKey, (byTenant = new Map()));
            byTenant.set(tenantId, ivr);
            loadingIvrs.delete(key);
          }
          return ivr;
        },
        (error: unknown) => {
          if (loadingIvrs.get(key) === loading) loadingIvrs.delete(key);
          throw error;
        },
      );
      loadingIvrs.set(key, loading);
      return loading;
    },
    async settled() {
      if (!trusted()) return;
      const token = `${SETTLE}${randomUUID()}`;
      let timer: NodeJS.Timeout | undefined;
      const arrived = new Promise<boolean>((resolve) => {
        settleWaiters.set(token, () => resolve(true));
        timer = setTimeout(() => resolve(false), settleTimeoutMs);
        timer.unref();
      });
      try {
        await db.sql.query("SELECT pg_notify($1, $2)", [CHANGE_CHANNELS.routing, token]);
        if (!(await arrived))
          options.logger?.warn({ timeoutMs: settleTimeoutMs }, "routing snapshot: settle marker did not come back");
      } finally {
        clearTimeout(timer);
        settleWaiters.delete(token);
      }
    },
    close() {
      closed = true;
      stopListening();
      stopReset();
      clearAll();
    },
  };
}
