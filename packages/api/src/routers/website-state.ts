// What exists of a business's website, read from its draft row: the first-run checklist and the
// owner's readiness view both say "ready" only for a page customers can really see.

export type WebsiteState =
  /** No draft, or one with nothing in it. */
  | { kind: "none" }
  /** Content saved but not published: no page shows it. */
  | { kind: "draft"; packId: string | null }
  | { kind: "published"; packId: string | null };

type DraftRow = { content: unknown; packId: string | null; publishedAt: Date | null };

/** A draft has content when at least one of its fields holds text or items. */
function hasContent(content: unknown): boolean {
  if (typeof content === "string") return content.trim() !== "";
  if (Array.isArray(content)) return content.some(hasContent);
  if (content && typeof content === "object") return Object.values(content).some(hasContent);
  return typeof content === "number" || typeof content === "boolean";
}

export function websiteState(draft: DraftRow | null): WebsiteState {
  if (!draft || !hasContent(draft.content)) return { kind: "none" };
  return { kind: draft.publishedAt ? "published" : "draft", packId: draft.packId };
}

/** "from the lawn-care pack" or nothing. */
export const fromPack = (state: { packId: string | null }): string =>
  state.packId ? ` from the ${state.packId} pack` : "";
