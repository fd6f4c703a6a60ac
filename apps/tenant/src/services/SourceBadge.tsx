import { Badge } from "@servicepro/ui";

/** Where an item came from, so a business knows which ones a pack update may still change. */
export function SourceBadge({ source }: { source: "pack" | "edited" | "custom" }) {
  if (source === "pack") return <Badge tone="info">From your industry pack</Badge>;
  if (source === "edited") return <Badge tone="premium">Edited</Badge>;
  return <Badge tone="neutral">Added by you</Badge>;
}
