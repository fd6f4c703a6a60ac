import type { AppRouter } from "@servicepro/api";
import { matchQuery, type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { useCallback } from "react";
import { type RouterOutputs, useTRPC } from "./trpc.ts";

/** Who is signed in (`auth.context`; all fields null when signed out). */
export type AuthContext = RouterOutputs["auth"]["context"];
export type SignedInUser = NonNullable<AuthContext["user"]>;
/** `auth.context` once someone is signed in. */
export type SignedInContext = AuthContext & { user: SignedInUser };

/** Who is signed in (all fields null when signed out). */
export function useAuthContext() {
  const trpc = useTRPC();
  return useQuery(trpc.auth.context.queryOptions());
}

/** Forgets every cached query outside `auth.*`: what one user loaded must never show for the next. */
export function forgetUserData(queryClient: QueryClient, trpc: TRPCOptionsProxy<AppRouter>): void {
  const authQueries = trpc.auth.pathFilter();
  queryClient.removeQueries({ predicate: (query) => !matchQuery(authQueries, query) });
}

function useForgetUserData() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => forgetUserData(queryClient, trpc);
}

/**
 * Signs in, then drops any data cached for a previous user and refreshes `auth.context`. The
 * mutation stays pending until the new context has loaded, so the form never flashes back.
 */
export function useSignIn() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const forgetUserData = useForgetUserData();
  return useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: async (context) => {
        forgetUserData();
        queryClient.setQueryData(trpc.auth.context.queryKey(), context);
        await queryClient.invalidateQueries(trpc.auth.context.queryFilter());
      },
    }),
  );
}

/** Signs out, forgets the app's cached data and refreshes `auth.context`. */
export function useSignOut() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const forgetUserData = useForgetUserData();
  return useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess: () => forgetUserData(),
      // Even if the call failed (e.g. the session had already expired), re-read who is signed in.
      onSettled: () => queryClient.invalidateQueries(trpc.auth.context.queryFilter()),
    }),
  );
}

/**
 * Re-reads `auth.context`, e.g. after a call failed with UNAUTHORIZED because the session expired.
 * The function keeps its identity across renders, so it is safe in an effect's dependencies.
 */
export function useRefreshAuth() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries(trpc.auth.context.queryFilter()), [queryClient, trpc]);
}

/** Whether the platform owner is "logged in as" the business in `context`. */
export const isImpersonating = (context: AuthContext): boolean => context.impersonationStartedAt !== null;

/**
 * Starts or stops viewing a business as its admin. Both change who the session acts for, so every
 * cached query is dropped, and the browser moves to the app that fits: the business dashboard
 * after a start, the platform console after a stop (a full page load, so nothing of the other
 * app's state survives).
 */
export function useStartImpersonation() {
  const trpc = useTRPC();
  const forget = useForgetUserData();
  return useMutation(
    trpc.admin.impersonate.start.mutationOptions({
      onSuccess: () => {
        forget();
        window.location.assign("/app/");
      },
    }),
  );
}

export function useStopImpersonation() {
  const trpc = useTRPC();
  const forget = useForgetUserData();
  return useMutation(
    trpc.admin.impersonate.stop.mutationOptions({
      onSuccess: () => {
        forget();
        window.location.assign("/admin/");
      },
    }),
  );
}
