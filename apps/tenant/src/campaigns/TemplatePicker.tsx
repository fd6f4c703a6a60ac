// Start from a ready-made message (the pack's seasonal ones first, in the server's order): choosing
// one shows its text, and "Use template" fills the name and the message (and remembers the template).
import { Button, SelectField } from "@servicepro/ui";
import { useId, useState } from "react";
import type { CampaignTemplate } from "./campaign-templates.ts";

const month = (n: number) =>
  new Intl.DateTimeFormat("en-US", { month: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2026, n - 1, 15)));

/** "Fall aeration (in season)", "Spring sign-up (Feb–Apr)", "We miss you". */
export function templateLabel(template: Pick<CampaignTemplate, "name" | "season" | "inSeason">): string {
  if (!template.season) return template.name;
  if (template.inSeason) return `${template.name} (in season)`;
  return `${template.name} (${month(template.season.fromMonth)}–${month(template.season.toMonth)})`;
}

export function TemplatePicker({
  templates,
  onPick,
}: {
  templates: readonly CampaignTemplate[];
  onPick: (template: CampaignTemplate) => void;
}) {
  const [chosen, setChosen] = useState("");
  const hintId = useId();
  const template = templates.find((t) => t.key === chosen);
  return (
    <div className="campaign-template">
      <SelectField
        label="Start from a template"
        value={chosen}
        aria-describedby={hintId}
        options={[
          { value: "", label: "Choose a template" },
          ...templates.map((t) => ({
            value: t.key,
            label: templateLabel(t),
          })),
        ]}
        onChange={(event) => setChosen(event.target.value)}
      />
      <p id={hintId} className="sp-field__hint">
        {template ? template.body : "Seasonal offers written for your industry; you can change every word."}
      </p>
      <div>
        <Button size="sm" disabled={!template} onClick={() => template && onPick(template)}>
          Use template
        </Button>
      </div>
    </div>
  );
}
