import { ROOT_TENANT_ID } from "@servicepro/tenancy/constants";
import { describe, expect, it } from "vitest";
import { type DirectoryMatch, type InboundAddress, resolveTenantFromInbound } from "./routing.ts";

const sms: InboundAddress = { channel: "sms", to: "+15555550101", messagingServiceSid: null };
const voice: InboundAddress = { channel: "voice", to: "+15555550101" };

describe("resolveTenantFromInbound", () => {
  it("a called/texted number owned by a tenant routes to that tenant", () => {
    const match: DirectoryMatch = { tenantId: "acme-detail", phoneNumber: "+15555550101", matchedBy: "number" };
    for (const inbound of [sms, voice]) {
      for (const policy of ["fallback-to-root", "quarantine"] as const) {
        expect(resolveTenantFromInbound(inbound, match, policy)).toEqual({
          kind: "tenant",
          tenantId: "acme-detail",
          phoneNumber: "+15555550101",
          matchedBy: "number",
          routedByFallback: false,
        });
      }
    }
  });

  it("a Messaging Service match routes to the service's tenant and keeps the directory's number", () => {
    const inbound: InboundAddress = {
      channel: "sms",
      to: "+15555559999",
      messagingServiceSid: "MG0123456789abcdef0123456789abcdef",
    };
    const match: DirectoryMatch = {
      tenantId: "shiny-cars",
      phoneNumber: "+15555550102",
      matchedBy: "messaging_service",
    };
    expect(resolveTenantFromInbound(inbound, match, "quarantine")).toEqual({
      kind: "tenant",
      tenantId: "shiny-cars",
      phoneNumber: "+15555550102",
      matchedBy: "messaging_service",
      routedByFallback: false,
    });
  });

  it("unclaimed traffic falls back to the root tenant, flagged for review", () => {
    for (const inbound of [sms, voice, { ...sms, messagingServiceSid: "MGunknown" }]) {
      expect(resolveTenantFromInbound(inbound, null, "fallback-to-root")).toEqual({
        kind: "tenant",
        tenantId: ROOT_TENANT_ID,
        phoneNumber: null,
        matchedBy: "fallback",
        routedByFallback: true,
      });
    }
    expect(ROOT_TENANT_ID).toBe("root");
  });

  it("with the quarantine policy, unclaimed traffic goes to nobody's inbox, with a reason naming the number and service", () => {
    const plain = resolveTenantFromInbound(voice, null, "quarantine");
    expect(plain.kind).toBe("quarantine");
    if (plain.kind !== "quarantine") throw new Error("unreachable");
    expect(plain.reason).toContain("+15555550101");
    expect(plain).not.toHaveProperty("tenantId");

    const withService = resolveTenantFromInbound({ ...sms, messagingServiceSid: "MGabc" }, null, "quarantine");
    expect(withService).toEqual({ kind: "quarantine", reason: expect.stringContaining("MGabc") });
    if (withService.kind === "quarantine") expect(withService.reason).toContain("+15555550101");
  });

  it("only a fallback is ever flagged routedByFallback", () => {
    const matches: (DirectoryMatch | null)[] = [
      { tenantId: "a", phoneNumber: "+15555550101", matchedBy: "number" },
      { tenantId: "b", phoneNumber: "+15555550102", matchedBy: "messaging_service" },
      null,
    ];
    for (const match of matches) {
      const route = resolveTenantFromInbound(sms, match, "fallback-to-root");
      expect(route.kind).toBe("tenant");
      if (route.kind === "tenant") expect(route.routedByFallback).toBe(match === null);
    }
  });
});
