// Live updates for the inbox and calls log: one SSE subscription to tenant.inbox.events; every
// event invalidates the queries it affects, so open screens refetch instead of patching caches.
import { useTRPC } from "@servicepro/web";
import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useRef } from "react";

export type LiveStatus = "connecting" | "live" | "reconnecting";

export function useLiveUpdates(): LiveStatus {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const connectedBefore = useRef(false);
  const subscription = useSubscription(
    trpc.tenant.inbox.events.subscriptionOptions(undefined, {
      onStarted: () => {
        // Anything may have changed while the connection was down: catch up once on reconnect.
        if (connectedBefore.current) {
          void queryClient.invalidateQueries(trpc.tenant.inbox.pathFilter());
          void queryClient.invalidateQueries(trpc.tenant.calls.pathFilter());
          void queryClient.invalidateQueries(trpc.tenant.agent.thread.pathFilter());
        }
        connectedBefore.current = true;
      },
      onData: (event) => {
        if (event.type === "call") {
          void queryClient.invalidateQueries(trpc.tenant.calls.pathFilter());
          // A call may have been flagged for (or cleared of) an opt-out review: the inbox's queue lists calls too.
          void queryClient.invalidateQueries(trpc.tenant.inbox.consentReviews.pathFilter());
        } else {
          void queryClient.invalidateQueries(trpc.tenant.inbox.pathFilter());
          // A new text may start the agent (a draft, a hand-off) or a staff reply pause it: its strip refetches too.
          void queryClient.invalidateQueries(trpc.tenant.agent.thread.pathFilter());
        }
      },
    }),
  );
  if (subscription.status === "pending") return "live";
  return connectedBefore.current ? "reconnecting" : "connecting";
}
