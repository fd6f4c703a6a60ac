import { LinkIcon, PageNotice } from "@servicepro/ui";
import { PortalShell } from "../components/PortalShell.tsx";

/** /portal/ with no business in the URL. */
export function PortalHomePage() {
  const example = `${window.location.host}/portal/your-business`;
  return (
    <PortalShell>
      <PageNotice
        className="portal-message"
        documentTitle="Customer portal · ServicePro"
        icon={<LinkIcon size={22} />}
        title="Use the link from your business"
        description={
          <>
            <p>
              Each business on ServicePro has its own customer portal. Open the link your business sent you by text or
              email — it looks like <span className="sp-mono">{example}</span>.
            </p>
            <p className="portal-aside">
              Run a business on ServicePro? <a href="/app/">Sign in to your dashboard</a>.
            </p>
          </>
        }
      />
    </PortalShell>
  );
}
