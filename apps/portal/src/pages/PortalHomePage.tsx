import { Card, EmptyState } from "@servicepro/ui";
import { PortalShell } from "../components/PortalShell.tsx";

/** /portal/ with no business in the URL. */
export function PortalHomePage() {
  const example = `${window.location.host}/portal/your-business`;
  return (
    <PortalShell>
      <title>Customer portal · ServicePro</title>
      <Card className="portal-message">
        <EmptyState
          headingLevel={1}
          icon={<LinkIcon />}
          title="Use the link from your business"
          description={
            <>
              <p>
                Each business on ServicePro has its own customer portal. Open the link your business sent
                you by text or email — it looks like <span className="sp-mono">{example}</span>.
              </p>
              <p className="portal-aside">
                Run a business on ServicePro? <a href="/app/">Sign in to your dashboard</a>.
              </p>
            </>
          }
        />
      </Card>
    </PortalShell>
  );
}

function LinkIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" aria-hidden="true">
      <path d="M8.5 11.5a3.5 3.5 0 0 0 5 0l2.5-2.5a3.5 3.5 0 0 0-5-5l-1 1" />
      <path d="M11.5 8.5a3.5 3.5 0 0 0-5 0L4 11a3.5 3.5 0 0 0 5 5l1-1" />
    </svg>
  );
}
