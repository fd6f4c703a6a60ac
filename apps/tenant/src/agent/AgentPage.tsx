// The AI agent page: how the business's SMS agent works (off, suggest, autopilot; its pause and loop
// limits), which brain answers, and what it did lately. Staff see it; admins change it.
import "./agent.css";
import { buttonClassName, LoadErrorAlert, PageHeader, Spinner } from "@servicepro/ui";
import { type SignedInContext, useTRPC } from "@servicepro/web";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { AgentRuns } from "./AgentRuns.tsx";
import { AgentSettingsForm } from "./AgentSettingsForm.tsx";

export function AgentPage({ context }: { context: SignedInContext }) {
  const trpc = useTRPC();
  const settings = useQuery(trpc.tenant.agent.settings.get.queryOptions());
  const isAdmin = context.role === "tenant_admin" || context.role === "platform_owner";
  return (
    <div className="sp-stack">
      <title>AI agent · ServicePro</title>
      <PageHeader
        eyebrow="Messages"
        title="AI agent"
        description="Your business's own texting assistant: it answers customers from your services, prices, FAQs, hours and policies, and nothing else."
        actions={
          <Link to="/agent/test" className={buttonClassName({ variant: "secondary", size: "sm" })}>
            Try it in test mode
          </Link>
        }
      />
      {settings.isPending ? (
        <Spinner label="Loading the agent's settings…" showLabel />
      ) : settings.isError ? (
        <LoadErrorAlert
          title="The agent's settings couldn't load"
          error={settings.error}
          onRetry={() => void settings.refetch()}
          retrying={settings.isFetching}
        />
      ) : (
        <AgentSettingsForm settings={settings.data} canEdit={isAdmin} />
      )}
      <AgentRuns />
    </div>
  );
}
