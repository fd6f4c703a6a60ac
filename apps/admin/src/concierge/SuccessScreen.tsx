// After Create: what was made, the owner's one-time link (shown here once: the console never lists
// it again), and "Login as this tenant" to finish the set-up from inside their dashboard.
import { Alert, Button, Card, DescriptionList, formatDate, TextField } from "@servicepro/ui";
import type { RouterOutputs } from "@servicepro/web";
import { useState } from "react";
import { plural } from "../packs/format.ts";
import { LoginAsTenantDialog } from "../tenants/LoginAsTenantDialog.tsx";
import { describeOnboardingDelivery } from "./onboarding-delivery.ts";

type ProvisionResult = RouterOutputs["admin"]["concierge"]["provision"];

const DEFAULT_REASON = "Finishing concierge setup";

function CopyLink({ link }: { link: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied("yes");
    } catch {
      // Clipboard access can be refused (permissions, http): the field is selectable instead.
      setCopied("failed");
    }
  };
  return (
    <div className="wizard-link">
      <TextField
        label="Onboarding link"
        readOnly
        value={link}
        className="sp-mono"
        onFocus={(e) => e.currentTarget.select()}
        hint="Shown here, once: leave this screen and it is gone. It works once and expires after 72 hours."
      />
      <Button onClick={() => void copy()}>{copied === "yes" ? "Copied" : "Copy link"}</Button>
      <span role="status" className="sp-muted">
        {copied === "yes"
          ? "Link copied to the clipboard."
          : copied === "failed"
            ? "Couldn't copy: select the link and copy it yourself."
            : ""}
      </span>
    </div>
  );
}

export function SuccessScreen({ result, onStartAnother }: { result: ProvisionResult; onStartAnother: () => void }) {
  const [loggingIn, setLoggingIn] = useState(false);
  const { created } = result;
  return (
    <Card
      title={`${result.businessName} is set up`}
      description={`/${result.slug} · the owner signs in as ${result.ownerEmail}`}
      actions={
        <Button variant="primary" onClick={() => setLoggingIn(true)}>
          Login as this tenant
        </Button>
      }
    >
      <div className="sp-stack">
        <Alert tone="success" title="Created">
          {[
            plural(created.services, "service", "services"),
            plural(created.addOns, "add-on", "add-ons"),
            plural(created.faqs, "FAQ", "FAQs"),
            created.phoneNumber ? `number ${created.phoneNumber}` : "no number yet",
            created.websiteDraft ? "a draft website" : "no website draft",
          ].join(", ")}
          .
        </Alert>
        {result.warnings.map((warning) => (
          <Alert key={warning} tone="warning">
            {warning}
          </Alert>
        ))}
        <DescriptionList
          items={[
            {
              id: "number",
              term: "Phone number",
              detail:
                result.numberSetup === "queued"
                  ? `${created.phoneNumber}: being connected to ServicePro in the background.`
                  : "None. Assign one from Phone numbers & IVR.",
            },
            {
              id: "notice",
              term: "Onboarding link",
              detail: `${describeOnboardingDelivery(result.onboarding, "done")} Expires ${formatDate(result.onboardingExpiresAt, { style: "long" })}.`,
            },
          ]}
        />
        {result.onboardingLink ? (
          <CopyLink link={result.onboardingLink} />
        ) : (
          <p className="sp-muted">The owner has already used their link and set a password.</p>
        )}
        <div className="wizard-actions">
          <Button onClick={onStartAnother}>Set up another business</Button>
        </div>
      </div>
      {loggingIn ? (
        <LoginAsTenantDialog
          tenant={{ id: result.tenantId, name: result.businessName }}
          defaultReason={DEFAULT_REASON}
          onClose={() => setLoggingIn(false)}
        />
      ) : null}
    </Card>
  );
}
