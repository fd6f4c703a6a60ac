import type { AppRouter } from "@servicepro/api";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { describe, expect, it } from "vitest";
import { forgetUserData } from "./auth.ts";
import { createApiClient, createQueryClient } from "./trpc.ts";

describe("forgetUserData", () => {
  it("drops every cached query but auth's", () => {
    const queryClient = createQueryClient();
    const trpc = createTRPCOptionsProxy<AppRouter>({ client: createApiClient("http://127.0.0.1:9/trpc"), queryClient });
    queryClient.setQueryData(trpc.auth.context.queryKey(), {
      user: null,
      role: null,
      tenantId: null,
      tenantName: null,
      impersonationStartedAt: null,
      impersonationExpiresAt: null,
    });
    queryClient.setQueryData(trpc.admin.tenants.list.queryKey(), []);
    queryClient.setQueryData(trpc.portal.business.queryKey({ slug: "green-lawn-co" }), {
      name: "Green Lawn Co",
      slug: "green-lawn-co",
      industry: null,
    });

    forgetUserData(queryClient, trpc);

    expect(
      queryClient
        .getQueryCache()
        .getAll()
        .map((query) => query.queryKey),
    ).toEqual([trpc.auth.context.queryKey()]);
  });
});
