// Server-rendered against a QueryClient seeded with `auth.context`: no API, no DOM library.
import type { AppRouter } from "@servicepro/api";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { AuthContext } from "../auth.ts";
import { AppProviders } from "../bootstrap.tsx";
import { createApiClient, createQueryClient } from "../trpc.ts";
import { StaffGate } from "./StaffGate.tsx";

const notImpersonating = { impersonationStartedAt: null, impersonationExpiresAt: null };
const signedOut: AuthContext = { user: null, role: null, tenantId: null, tenantName: null, ...notImpersonating };
const owner: AuthContext = {
  user: { id: "u1", email: "owner@example.com", name: "Olivia Owner" },
  role: "platform_owner",
  tenantId: null,
  tenantName: null,
  ...notImpersonating,
};
const staff: AuthContext = {
  user: { id: "u2", email: "sam@greenlawn.example", name: "" },
  role: "tenant_staff",
  tenantId: "t1",
  tenantName: "Green Lawn Co",
  ...notImpersonating,
};

function render(context?: AuthContext) {
  const queryClient = createQueryClient();
  const trpcClient = createApiClient("http://127.0.0.1:9/trpc");
  if (context) {
    const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
    queryClient.setQueryData(trpc.auth.context.queryKey(), context);
  }
  return renderToStaticMarkup(
    <AppProviders queryClient={queryClient} trpcClient={trpcClient}>
      <StaffGate
        area="Platform console"
        loadingLabel="Loading the platform console…"
        loadErrorTitle="The platform console couldn't load"
        signIn={{ title: "Platform console", subtitle: "Sign in to manage every business.", footer: "Help text" }}
        isAllowed={(c) => c.role === "platform_owner"}
        notAllowed={(c) => <p>Not for {c.user.email}</p>}
      >
        {(c) => <p>Welcome {c.user.name}</p>}
      </StaffGate>
    </AppProviders>,
  );
}

describe("StaffGate", () => {
  it("shows a spinner while auth.context loads", () => {
    const html = render();
    expect(html).toContain("Loading the platform console…");
    expect(html).not.toContain("<form");
  });

  it("shows the sign-in page when nobody is signed in", () => {
    const html = render(signedOut);
    expect(html).toContain("<title>Sign in · Platform console · ServicePro</title>");
    expect(html).toMatch(/<h1 class="sp-signin__title">Platform console<\/h1>/);
    expect(html).toContain("Sign in to manage every business.");
    expect(html).toContain("Help text");
    expect(html).toMatch(/<button type="submit"[^>]*>Sign in<\/button>/);
  });

  it("lets the allowed user in", () => {
    expect(render(owner)).toContain("<p>Welcome Olivia Owner</p>");
  });

  it("turns away a signed-in user who isn't allowed", () => {
    const html = render(staff);
    expect(html).toContain("<p>Not for sam@greenlawn.example</p>");
    expect(html).not.toContain("Welcome");
  });
});
