import { Card, EmptyState } from "@servicepro/ui";
import { PortalShell } from "../components/PortalShell.tsx";

/** Unknown, inactive or malformed business slug. */
export function NotFoundPage() {
  return (
    <PortalShell>
      <title>Business not found · ServicePro</title>
      <Card className="portal-message">
        <EmptyState
          headingLevel={1}
          icon={<SearchIcon />}
          title="We couldn't find that business"
          description={
            <p>
              The link may have a typo, or the business may no longer use ServicePro for its customer
              portal. Check the link your business sent you, or get in touch with them directly.
            </p>
          }
        />
      </Card>
    </PortalShell>
  );
}

function SearchIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" aria-hidden="true">
      <circle cx="9" cy="9" r="5.5" />
      <path d="m13.25 13.25 3.5 3.5" />
    </svg>
  );
}
