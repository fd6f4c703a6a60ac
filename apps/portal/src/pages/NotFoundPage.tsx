import { PageNotice, SearchIcon } from "@servicepro/ui";
import { PortalShell } from "../components/PortalShell.tsx";

/** Unknown, inactive or malformed business slug. */
export function NotFoundPage() {
  return (
    <PortalShell>
      <PageNotice
        className="portal-message"
        documentTitle="Business not found · ServicePro"
        icon={<SearchIcon size={22} />}
        title="We couldn't find that business"
        description={
          <p>
            The link may have a typo, or the business may no longer use ServicePro for its customer portal. Check the
            link your business sent you, or get in touch with them directly.
          </p>
        }
      />
    </PortalShell>
  );
}
