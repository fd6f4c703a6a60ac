// The banner comes with the shell: every page of every app that uses SignedInShell shows it while
// the owner is "logged in as" a business, and nothing otherwise.
import type { AppRouter } from "@servicepro/api";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { AuthContext } from "../auth.ts";
import { AppProviders } from "../bootstrap.tsx";
import { createApiClient, createQueryClient } from "../trpc.ts";
import { SignedInShell } from "./SignedInShell.tsx";

const owner = { id: "u1", email: "owner@example.com", name: "Olivia Owner" };
const impersonating: AuthContext = {
  user: owner,
  role: "platform_owner",
  tenantId: "green-lawn",
  tenantName: "Green Lawn Co",
  impersonationStartedAt: "2026-11-22T10:00:00.000Z",
  impersonationExpiresAt: "2026-11-22T11:00:00.000Z",
};
const plainOwner: AuthContext = {
  ...impersonating,
  tenantId: null,
  tenantName: null,
  impersonationStartedAt: null,
  impersonationExpiresAt: null,
};

function render(context: AuthContext) {
  const queryClient = createQueryClient();
  const trpcClient = createApiClient("http://127.0.0.1:9/trpc");
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
  queryClient.setQueryData(trpc.auth.context.queryKey(), context);
  return renderToStaticMarkup(
    <AppProviders queryClient={queryClient} trpcClient={trpcClient}>
      <SignedInShell area="Green Lawn Co" user={owner}>
        <p>Page</p>
      </SignedInShell>
    </AppProviders>,
  );
}

describe("ImpersonationBanner in SignedInShell", () => {
  it("shows who is being viewed and the way out, inside the sticky header", () => {
    const html = render(impersonating);
    expect(html).toContain("Viewing as Green Lawn Co");
    expect(html).toMatch(/<button[^>]*>Exit impersonation<\/button>/);
    expect(html).toMatch(/<header class="sp-shell__bar"><div class="sp-impersonation"/);
  });

  it("shows nothing when the owner is not impersonating", () => {
    const html = render(plainOwner);
    expect(html).not.toContain("Viewing as");
    expect(html).not.toContain("Exit impersonation");
  });
});
