// Steps 6 and 7: the pack's starter website (saved as a draft the business publishes later) and
// the owner's one-time onboarding link.
import { FormCheckboxField, Spinner } from "@servicepro/ui";
import { useTRPC } from "@servicepro/web";
import { useQuery } from "@tanstack/react-query";
import type { StepProps } from "./step-props.ts";

export function WebsiteStep({ values }: StepProps) {
  const trpc = useTRPC();
  const pack = useQuery({
    ...trpc.admin.packs.get.queryOptions({ id: values.packId ?? "" }),
    enabled: Boolean(values.packId),
  });
  return (
    <div className="wizard-fields">
      <FormCheckboxField
        label="Save the pack's starter website as their draft"
        name="websiteStarter"
        hint="Nothing is published: the business reviews and publishes it from its dashboard."
      />
      {values.websiteStarter ? (
        pack.isPending ? (
          <Spinner label="Loading the starter site…" showLabel />
        ) : pack.data ? (
          <figure className="wizard-site" aria-label="Starter website preview">
            <p className="wizard-site__headline">{pack.data.website.headline}</p>
            <p className="wizard-site__sub">{pack.data.website.subheadline}</p>
            <p className="wizard-site__about">{pack.data.website.about}</p>
            <figcaption className="sp-muted">
              Search result: <strong>{pack.data.website.seo.title}</strong>
            </figcaption>
          </figure>
        ) : (
          <p className="sp-muted">The preview couldn't be loaded; the starter site is still saved.</p>
        )
      ) : null}
    </div>
  );
}

export function OnboardingStep({ values }: StepProps) {
  // Which channels really carry the link depends on the server's settings (a platform number for
  // texts, SendGrid for email); the Review step says so from the server's preview, so this step
  // names no channel it cannot vouch for.
  return (
    <div className="wizard-fields">
      <FormCheckboxField
        label="Send the owner their onboarding link"
        name="sendOnboarding"
        hint={`${values.sendOnboarding ? "The Review step shows how it will reach them (text, email, or both) with this server's settings. " : ""}The link works once and expires after 72 hours; it lets them set a password and opens a first-run checklist.`}
      />
      {!values.sendOnboarding ? (
        <p className="sp-muted">You'll get the link on the next screen to pass on yourself. It is shown only once.</p>
      ) : null}
    </div>
  );
}
