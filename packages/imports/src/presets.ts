// Column layouts of the systems businesses come from. The customer exports' headers below are the
// commonly documented ones (help-centre articles and sample files), not checked against a live
// export of each product: a file whose header differs a little is still matched (headers are
// compared case- and punctuation-blind), and one that differs more goes to the mapping screen.
import { type ImportMapping, type MappingProblem, mappingProblems } from "@servicepro/validators";
import { IMPORT_KINDS, type ImportKindName, KIND_FIELDS, REQUIRED_FIELDS } from "./fields.ts";

export const PRESETS = ["jobber", "housecall_pro", "square", "spreadsheet"] as const;
export type PresetName = (typeof PRESETS)[number];

/** Target field → the source columns it is read from (several: joined, or further phones). */
export type Mapping = ImportMapping;
export type { MappingProblem };

type Layout = { label: string; mapping: Mapping };

export const PRESET_LAYOUTS: Record<PresetName, Partial<Record<ImportKindName, Layout>>> = {
  jobber: {
    customers: {
      label: "Jobber clients export",
      mapping: {
        externalId: ["Client ID"],
        name: ["Display Name"],
        firstName: ["First Name"],
        lastName: ["Last Name"],
        phone: ["Mobile Phone", "Main Phone"],
        altPhone: ["Home Phone", "Work Phone"],
        email: ["E-mail"],
        address: ["Billing Street 1", "Billing City", "Billing State", "Billing Zip code"],
        tags: ["Tags"],
      },
    },
  },
  housecall_pro: {
    customers: {
      label: "Housecall Pro customers export",
      mapping: {
        externalId: ["Customer ID"],
        name: ["Display Name"],
        firstName: ["First Name"],
        lastName: ["Last Name"],
        phone: ["Mobile Number"],
        altPhone: ["Home Number", "Work Number"],
        email: ["Email"],
        address: ["Address", "City", "State", "Zip"],
        notes: ["Notes"],
        tags: ["Tags"],
      },
    },
  },
  square: {
    customers: {
      label: "Square customers export",
      mapping: {
        externalId: ["Square Customer ID"],
        firstName: ["First Name"],
        lastName: ["Surname"],
        phone: ["Phone Number"],
        email: ["Email Address"],
        address: ["Street Address 1", "Street Address 2", "City", "State", "Postal Code"],
        notes: ["Memo"],
        tags: ["Groups"],
      },
    },
  },
  spreadsheet: Object.fromEntries(
    IMPORT_KINDS.map((kind) => [
      kind,
      {
        label: "A plain spreadsheet",
        mapping: Object.fromEntries(
          Object.entries(KIND_FIELDS[kind]).map(([field, spec]) => [field, [spec.label]]),
        ) as Mapping,
      },
    ]),
  ),
};

/** How headers are compared: "E-mail", "email" and " EMAIL " are one column. */
export const headerKey = (header: string): string => header.toLowerCase().replace(/[^a-z0-9#]+/g, "");

/** A layout's mapping reduced to the columns this file has (a preset column the file lacks is dropped). */
function presentColumns(mapping: Mapping, headers: readonly string[]): Mapping {
  const byKey = new Map(headers.map((h) => [headerKey(h), h]));
  const result: Mapping = {};
  for (const [field, columns] of Object.entries(mapping)) {
    const found = columns.map((c) => byKey.get(headerKey(c))).filter((c): c is string => c !== undefined);
    if (found.length > 0) result[field] = found;
  }
  return result;
}

/** The required fields a mapping lacks, as "a or b" phrases (empty: it can run). */
export function missingRequired(kind: ImportKindName, mapping: Mapping): string[] {
  const fields = KIND_FIELDS[kind] as Record<string, { label: string }>;
  return REQUIRED_FIELDS[kind]
    .filter((anyOf) => !anyOf.some((field) => (mapping[field]?.length ?? 0) > 0))
    .map((anyOf) => anyOf.map((field) => fields[field]?.label ?? field).join(" or "));
}

/**
 * Maps each target field to the first header that is its label or one of its common names (a plain
 * spreadsheet, an unknown layout): "Name", "Full name" and "Customer Name" all fill the name.
 */
export function guessMapping(kind: ImportKindName, headers: readonly string[]): Mapping {
  const byKey = new Map(headers.map((h) => [headerKey(h), h]));
  const used = new Set<string>();
  const result: Mapping = {};
  const fields = KIND_FIELDS[kind] as Record<string, { label: string; synonyms: readonly string[] }>;
  for (const [field, spec] of Object.entries(fields)) {
    for (const synonym of [spec.label, ...spec.synonyms]) {
      const header = byKey.get(headerKey(synonym));
      if (header && !used.has(header)) {
        result[field] = [header];
        used.add(header);
        break;
      }
    }
  }
  return result;
}

export type PresetMatch = { preset: PresetName | null; mapping: Mapping; missing: string[] };

/**
 * Which preset a header row is (the one that accounts for most of its columns, at least half, with
 * the preset's required fields all there), else a guessed mapping with what it still lacks.
 */
export function detectPreset(kind: ImportKindName, headers: readonly string[]): PresetMatch {
  let best: PresetMatch | null = null;
  let bestScore = 0;
  for (const preset of PRESETS) {
    const layout = PRESET_LAYOUTS[preset][kind];
    if (!layout || preset === "spreadsheet") continue;
    const mapping = presentColumns(layout.mapping, headers);
    // How much of the file the preset explains: an export with fewer columns chosen is still that export.
    const score = Object.values(mapping).flat().length / Math.max(1, headers.filter((h) => h !== "").length);
    if (score > bestScore && score >= 0.5 && missingRequired(kind, mapping).length === 0) {
      best = { preset, mapping, missing: [] };
      bestScore = score;
    }
  }
  if (best) return best;
  const mapping = guessMapping(kind, headers);
  return { preset: null, mapping, missing: missingRequired(kind, mapping) };
}

/**
 * The mapping an import runs with: the chosen preset's layout (columns the file lacks dropped), or
 * the custom mapping checked against the header (a column that is not in the file is an error).
 */
export function resolveMapping(
  kind: ImportKindName,
  headers: readonly string[],
  choice: { preset?: PresetName | null; mapping?: Record<string, string | string[]> | null },
): { mapping: Mapping; errors: string[] } {
  if (choice.mapping && Object.keys(choice.mapping).length > 0) {
    const asked = Object.fromEntries(
      Object.entries(choice.mapping).map(([field, value]) => [
        field,
        (Array.isArray(value) ? value : [value]).filter((c) => c !== ""),
      ]),
    );
    const known = new Set(headers);
    const mapping: Mapping = {};
    for (const [field, columns] of Object.entries(asked))
      if (field in KIND_FIELDS[kind] && columns.length > 0) mapping[field] = columns.filter((c) => known.has(c));
    return { mapping, errors: checkMapping(kind, headers, asked).map((p) => p.message) };
  }
  if (choice.preset) {
    const layout = PRESET_LAYOUTS[choice.preset][kind];
    if (!layout)
      return {
        mapping: {},
        errors: [`The ${choice.preset} preset has no layout for ${kind}; map the columns instead.`],
      };
    // A plain spreadsheet has no fixed headers: each field is read from its label or a common name.
    const mapping =
      choice.preset === "spreadsheet" ? guessMapping(kind, headers) : presentColumns(layout.mapping, headers);
    const missing = missingRequired(kind, mapping);
    return {
      mapping,
      errors:
        missing.length > 0
          ? [`This file does not look like a ${layout.label}: it has no column for ${missing.join(", nor for ")}.`]
          : [],
    };
  }
  const detected = detectPreset(kind, headers);
  return {
    mapping: detected.mapping,
    errors: detected.missing.length > 0 ? [`Map a column to ${detected.missing.join(", and to ")}.`] : [],
  };
}

/**
 * A custom mapping checked against the file's header (`tenant.imports.setMapping`, and every run of
 * an import with one): an unknown field, a column the file lacks (named), several columns for a field
 * that reads one, a column read by two fields, a required field unmapped. Each problem names the
 * field it is about; empty: the mapping can run. The rule itself lives in @servicepro/validators
 * (`mappingProblems`), so the mapping screen checks the same before sending.
 */
export function checkMapping(
  kind: ImportKindName,
  headers: readonly string[],
  mapping: Readonly<Record<string, readonly string[]>>,
): MappingProblem[] {
  return mappingProblems(kind, headers, mapping);
}

/** A mapping as stored: fields with no column left out. */
export const compactMapping = (mapping: Readonly<Record<string, readonly string[]>>): Mapping =>
  Object.fromEntries(
    Object.entries(mapping)
      .filter(([, columns]) => columns.length > 0)
      .map(([f, c]) => [f, [...c]]),
  );
