import { useTRPC } from "@servicepro/web";
import { useQueryClient } from "@tanstack/react-query";

/** After a catalog change: the lists, the pack preview (held-back items) and the first-run checklist all read it. */
export function useRefreshCatalog() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.tenant.catalog.pathFilter()),
      queryClient.invalidateQueries(trpc.tenant.pack.pathFilter()),
      queryClient.invalidateQueries(trpc.tenant.onboarding.pathFilter()),
    ]);
}
