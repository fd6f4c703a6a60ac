import type { AppRouter } from "@servicepro/api";
import { shouldRetryApiCall } from "@servicepro/ui";
import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, type TRPCClient } from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { createTRPCContext } from "@trpc/tanstack-react-query";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type ApiClient = TRPCClient<AppRouter>;

/** `TRPCProvider` is set up by `AppProviders`; components call `useTRPC()` for typed query/mutation options. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/**
 * Same-origin API: the session lives in an HttpOnly cookie, which `fetch` (and `EventSource`) send
 * by default for same-origin requests. No transformer: the server sends plain JSON (dates are ISO
 * strings). Subscriptions (live inbox updates) use Server-Sent Events, which reconnect by
 * themselves; everything else is batched over plain HTTP.
 */
export function createApiClient(url = "/trpc"): ApiClient {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({ url }),
        false: httpBatchLink({ url }),
      }),
    ],
  });
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetryApiCall, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}
