// After Create: what was made, the owner's one-time link (shown here once: the console never lists
// it again), and "Login as this tenant" to finish the set-up from inside their dashboard.
import {
  Alert,
  apiErrorMessage,
  apiFieldErrors,
  Button,
  Card,
  DescriptionList,
  Dialog,
  formatDate,
  TextAreaField,
  TextField,
} from "@servicepro/ui";
import { type RouterOutputs, useStartImpersonation } from "@servicepro/web";
import { type FormEvent, useState } from "react";
import { plural } from "../packs/format.ts";
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

function LoginDialog({ result, onClose }: { result: ProvisionResult; onClose: () => void }) {
  const [reason, setReason] = useState(DEFAULT_REASON);
  const start = useStartImpersonation();
  const fieldError = start.isError ? apiFieldErrors(start.error).reason : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim()) start.mutate({ tenantId: result.tenantId, reason });
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Login as ${result.businessName}`}
      description="You'll see their dashboard as their admin for up to 60 minutes. The reason is recorded and shown to the business."
    >
      <form className="sp-stack" onSubmit={submit} noValidate>
        <TextAreaField
          label="Reason"
          required
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={fieldError ?? (reason.trim() ? undefined : "Say why you are viewing this business.")}
        />
        {start.isError && !fieldError ? (
          <Alert tone="error" title="Couldn't open their dashboard">
            {apiErrorMessage(start.error)}
          </Alert>
        ) : null}
        <div className="sp-dialog__footer">
          <Button onClick={onClose} disabled={start.isPending || start.isSuccess}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant="primary"
            loading={start.isPending || start.isSuccess}
            disabled={!reason.trim()}
          >
            Open their dashboard
          </Button>
        </div>
      </form>
    </Dialog>
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
      {loggingIn ? <LoginDialog result={result} onClose={() => setLoggingIn(false)} /> : null}
    </Card>
  );
}
