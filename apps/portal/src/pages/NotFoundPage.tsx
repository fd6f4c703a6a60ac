import { Card, EmptyState, SearchIcon } from "@servicepro/ui";
import { PortalShell } from "../components/PortalShell.tsx";

/** Unknown, inactive or malformed business slug. */
export function NotFoundPage() {
  return (
    <PortalShell>
      <title>Business not found · ServicePro</title>
      <Card className="portal-message">
        <EmptyState
          headingLevel={1}
          icon={<SearchIcon size={22} />}
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
