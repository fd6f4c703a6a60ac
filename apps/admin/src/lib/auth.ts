import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC, type RouterOutputs } from "./trpc.ts";

export type AuthContext = RouterOutputs["auth"]["context"];

/** Who is signed in (all fields null when signed out). */
export function useAuthContext() {
  const trpc = useTRPC();
  return useQuery(trpc.auth.context.queryOptions());
}

/**
 * Signs in, then drops any data cached for a previous user and refreshes `auth.context`. The
 * mutation stays pending until the new context has loaded, so the form never flashes back.
 */
export function useSignIn() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: async (context) => {
        queryClient.removeQueries(trpc.admin.pathFilter());
        queryClient.setQueryData(trpc.auth.context.queryKey(), context);
        await queryClient.invalidateQueries(trpc.auth.context.queryFilter());
      },
    }),
  );
}

/** Signs out, forgets the console's cached data and refreshes `auth.context`. */
export function useSignOut() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess: () => {
        queryClient.removeQueries(trpc.admin.pathFilter());
      },
      // Even if the call failed (e.g. the session had already expired), re-read who is signed in.
      onSettled: () => queryClient.invalidateQueries(trpc.auth.context.queryFilter()),
    }),
  );
}

/** Re-reads `auth.context`, e.g. after a call failed with UNAUTHORIZED because the session expired. */
export function useRefreshAuth() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.auth.context.queryFilter());
}
