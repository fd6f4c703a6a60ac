// Steps 1 and 2: the business (name, slug, time zone) and its owner's contact details.
import { SelectField, TextField } from "@servicepro/ui";
import { useMemo } from "react";
import { type StepProps, timezoneOptions } from "./step-props.ts";
import { slugify } from "./wizard-state.ts";

export function BusinessStep({ values, set, errors }: StepProps) {
  const zones = useMemo(() => timezoneOptions(values.timezone), [values.timezone]);
  return (
    <div className="wizard-fields">
      <TextField
        label="Business name"
        required
        autoFocus
        value={values.businessName}
        // The slug follows the name until the owner edits it.
        onChange={(e) =>
          set({ businessName: e.target.value, ...(values.slugEdited ? {} : { slug: slugify(e.target.value) }) })
        }
        error={errors.businessName}
      />
      <TextField
        label="Slug"
        required
        className="sp-mono"
        value={values.slug}
        onChange={(e) => set({ slug: e.target.value.toLowerCase(), slugEdited: true })}
        hint={
          values.slug
            ? `Their customer portal: /portal/${values.slug}`
            : "Lowercase letters, digits and dashes; used in the business's links."
        }
        error={errors.slug}
      />
      <SelectField
        label="Time zone"
        value={values.timezone}
        onChange={(e) => set({ timezone: e.target.value })}
        options={zones}
        hint="Business hours, reminders and reports use it. Defaults to this browser's."
        error={errors.timezone}
      />
    </div>
  );
}

export function OwnerStep({ values, set, errors }: StepProps) {
  return (
    <div className="wizard-fields">
      <TextField
        label="Owner's name"
        required
        autoFocus
        autoComplete="off"
        value={values.ownerName}
        onChange={(e) => set({ ownerName: e.target.value })}
        error={errors["owner.name"] ?? errors.owner}
      />
      <TextField
        label="Mobile phone"
        required
        type="tel"
        inputMode="tel"
        autoComplete="off"
        value={values.ownerPhone}
        onChange={(e) => set({ ownerPhone: e.target.value })}
        hint="US numbers as typed, or +country code. The onboarding link is texted here."
        error={errors["owner.phone"]}
      />
      <TextField
        label="Email"
        required
        type="email"
        autoComplete="off"
        value={values.ownerEmail}
        onChange={(e) => set({ ownerEmail: e.target.value })}
        hint="Their sign-in for the business dashboard."
        error={errors["owner.email"]}
      />
    </div>
  );
}
