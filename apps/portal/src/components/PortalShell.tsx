import { AppShell, initials } from "@servicepro/ui";
import type { ReactNode } from "react";

/** The customer-facing frame: the business's name when known, and a quiet "Powered by" footer. */
export function PortalShell({
  businessName,
  homeHref = "/portal/",
  nav,
  centered = true,
  children,
}: {
  businessName?: string;
  homeHref?: string;
  /** The signed-in customer's sections (home, appointments…). */
  nav?: ReactNode;
  /** Centre the content (sign-in and message pages); signed-in pages start at the top. */
  centered?: boolean;
  children: ReactNode;
}) {
  return (
    <AppShell
      productName={businessName ?? "ServicePro"}
      logo={businessName ? initials(businessName) : undefined}
      area="Customer portal"
      homeHref={homeHref}
      nav={nav}
      centered={centered}
      footer="Powered by ServicePro"
    >
      {children}
    </AppShell>
  );
}
