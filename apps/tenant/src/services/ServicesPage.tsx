import { PageHeader } from "@servicepro/ui";
import type { SignedInContext } from "@servicepro/web";
import { PackUpdatesCard } from "../pack/PackUpdatesCard.tsx";
import { AddOnsCard } from "./AddOnsCard.tsx";
import { FaqsCard } from "./FaqsCard.tsx";
import { ServicesCard } from "./ServicesCard.tsx";
import "./services.css";

/** What the business sells: services, add-ons and FAQs; admins edit them and apply pack updates. */
export function ServicesPage({ context }: { context: SignedInContext }) {
  // The impersonating owner acts as the business's admin, so they get the admin's controls.
  const isAdmin = context.role === "tenant_admin" || context.role === "platform_owner";
  return (
    <div className="sp-stack">
      <title>Services · ServicePro</title>
      <PageHeader
        eyebrow="Services"
        title="What you sell"
        description={
          isAdmin
            ? "Your services, add-ons and answers to common questions. Customers, staff and your AI receptionist all use these."
            : "Your business's services, add-ons and answers to common questions. Your admins can change them."
        }
      />
      {isAdmin ? <PackUpdatesCard /> : null}
      <ServicesCard isAdmin={isAdmin} />
      <AddOnsCard isAdmin={isAdmin} />
      <FaqsCard isAdmin={isAdmin} />
    </div>
  );
}
