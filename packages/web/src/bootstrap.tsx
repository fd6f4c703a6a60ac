import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, StrictMode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { type ApiClient, createApiClient, createQueryClient, TRPCProvider } from "./trpc.ts";

export interface AppProvidersProps {
  queryClient: QueryClient;
  trpcClient: ApiClient;
  children: ReactNode;
}

/** TanStack Query's cache and the typed tRPC context, for everything under it (`useTRPC()`). */
export function AppProviders({ queryClient, trpcClient, children }: AppProvidersProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/**
 * An app's entry point: renders `app` into `#root` (or `rootId`) in strict mode, with a fresh
 * QueryClient and a client for the same-origin API at /trpc.
 */
export function renderApp(app: ReactNode, rootId = "root"): Root {
  const element = document.getElementById(rootId);
  if (!element) throw new Error(`index.html has no #${rootId} element`);

  const queryClient = createQueryClient();
  const trpcClient = createApiClient();
  const root = createRoot(element);
  root.render(
    <StrictMode>
      <AppProviders queryClient={queryClient} trpcClient={trpcClient}>
        {app}
      </AppProviders>
    </StrictMode>,
  );
  return root;
}
