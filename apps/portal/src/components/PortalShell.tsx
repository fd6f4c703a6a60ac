import { AppShell, initials } from "@servicepro/ui";
import type { ReactNode } from "react";

/** The customer-facing frame: the business's name when known, and a quiet "Powered by" footer. */
export function PortalShell({
  businessName,
  homeHref = "/portal/",
  children,
}: {
  businessName?: string;
  homeHref?: string;
  children: ReactNode;
}) {
  return (
    <AppShell
      productName={businessName ?? "ServicePro"}
      logo={businessName ? initials(businessName) : undefined}
      area="Customer portal"
      homeHref={homeHref}
      centered
      footer="Powered by ServicePro"
    >
      {children}
    </AppShell>
  );
}
