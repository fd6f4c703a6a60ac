// The README.md at the top of every archive: what each file is and what each column means.
import type { ExportKind } from "./catalog.ts";

export type ReadmeInput = { businessName: string; exportId: string; createdAt: Date; kinds: readonly ExportKind[] };

export function exportReadme(input: ReadmeInput): string {
  const lines = [
    `# Data export: ${input.businessName}`,
    "",
    `Export ${input.exportId}, made ${input.createdAt.toISOString()} (UTC).`,
    "",
    "Every kind of record is here twice, with the same rows and columns:",
    "",
    "- `<kind>.csv`: comma-separated, UTF-8, one header row; lists and JSON values are one cell of JSON.",
    "- `<kind>.jsonl`: JSON Lines, one JSON object per line.",
    "",
    "`manifest.json` lists every file with its number of rows and its SHA-256 checksum",
    "(check one with `sha256sum <file>` or `shasum -a 256 <file>`).",
    "Times are UTC, ISO 8601. Money is in cents. Phone numbers are E.164 (+15125550100).",
    "Ids are UUIDs; a column ending in `_id` names a row of another file.",
    "",
  ];
  for (const kind of input.kinds) {
    lines.push(`## ${kind.title}: \`${kind.key}.csv\`, \`${kind.key}.jsonl\``, "", kind.description, "");
    lines.push("| Column | Meaning |", "| --- | --- |");
    for (const column of kind.columns)
      lines.push(`| \`${column.name}\` | ${column.description.replaceAll("|", "\\|")} |`);
    lines.push("");
  }
  return lines.join("\n");
}
