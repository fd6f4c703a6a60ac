// Steps 1 and 2: the business (name, slug, time zone) and its owner's contact details.
import { FormSelectField, FormTextField } from "@servicepro/ui";
import { formatPhone, normalizePhone } from "@servicepro/validators";
import { useMemo } from "react";
import { type StepProps, timezoneOptions } from "./step-props.ts";
import { slugify } from "./wizard-state.ts";

export function BusinessStep({ values, set }: StepProps) {
  const zones = useMemo(() => timezoneOptions(values.timezone), [values.timezone]);
  return (
    <div className="wizard-fields">
      <FormTextField
        label="Business name"
        name="businessName"
        required
        autoFocus
        // The slug follows the name until the owner edits it.
        onValueChange={(name) => (values.slugEdited ? undefined : set({ slug: slugify(name) }))}
      />
      <FormTextField
        label="Slug"
        name="slug"
        required
        className="sp-mono"
        onValueChange={(slug) => set({ slug: slug.toLowerCase(), slugEdited: true })}
        hint={
          values.slug
            ? `Their customer portal: /portal/${values.slug}`
            : "Lowercase letters, digits and dashes; used in the business's links."
        }
      />
      <FormSelectField
        label="Time zone"
        name="timezone"
        options={zones}
        hint="Business hours, reminders and reports use it. Defaults to this browser's."
      />
    </div>
  );
}

export function OwnerStep({ values }: StepProps) {
  const phone = normalizePhone(values.ownerPhone);
  return (
    <div className="wizard-fields">
      <FormTextField label="Owner's name" name="ownerName" required autoFocus autoComplete="off" />
      <FormTextField
        label="Mobile phone"
        name="ownerPhone"
        required
        type="tel"
        inputMode="tel"
        autoComplete="off"
        hint={`${phone ? `Reads as ${formatPhone(phone)}. ` : "As they would dial it, e.g. (512) 555-0142 or +44 20 7946 0958. "}The onboarding link is texted here.`}
      />
      <FormTextField
        label="Email"
        name="ownerEmail"
        required
        type="email"
        autoComplete="off"
        hint="Their sign-in for the business dashboard."
      />
    </div>
  );
}
