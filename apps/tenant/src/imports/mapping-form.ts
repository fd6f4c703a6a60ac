// The Columns step's form state and the API's mapping, both ways. The form keeps, for every target
// field of the kind, the list of the file's columns chosen for it ("" for a select not chosen yet);
// the schema drops the blanks, pipes into the API's own `importMappingSchema` and then runs the
// same `mappingProblems` the server runs, so the form refuses what setMapping would, in its words.
import {
  type ImportKind,
  type ImportMapping,
  importFieldsOf,
  importMappingSchema,
  mappingProblems,
} from "@servicepro/validators";
import { z } from "zod";

export type MappingFormValues = { mapping: Record<string, string[]> };

/** Each field of the kind with the columns it reads now (none: an empty list). */
export function mappingFormValues(kind: ImportKind, mapping: Readonly<Record<string, readonly string[]>>) {
  return {
    mapping: Object.fromEntries(importFieldsOf(kind).map(({ field }) => [field, [...(mapping[field] ?? [])]])),
  } satisfies MappingFormValues;
}

/** The API's mapping: blanks and fields with no column left out. */
export function mappingOf(values: MappingFormValues): ImportMapping {
  const mapping: ImportMapping = {};
  for (const [field, columns] of Object.entries(values.mapping)) {
    const chosen = columns.filter((c) => c !== "");
    if (chosen.length > 0) mapping[field] = chosen;
  }
  return mapping;
}

/** The form's schema for a file with `headers`: the API's mapping schema, then its problems on their fields. */
export function mappingFormSchema(kind: ImportKind, headers: readonly string[]) {
  return z
    .object({
      mapping: z
        .record(z.string(), z.array(z.string()))
        .transform((mapping) => mappingOf({ mapping }))
        .pipe(importMappingSchema),
    })
    .superRefine((values, ctx) => {
      for (const problem of mappingProblems(kind, headers, values.mapping))
        ctx.addIssue({
          code: "custom",
          path: problem.field ? ["mapping", problem.field] : ["mapping"],
          message: problem.message,
        });
    });
}

/**
 * Up to `count` of the file's values for the chosen columns, a row's columns joined with a space
 * (an address in parts reads as one), rows with nothing in them skipped.
 */
export function sampleValues(
  samples: readonly Readonly<Record<string, string>>[],
  columns: readonly string[],
  count = 3,
): string[] {
  const chosen = columns.filter((c) => c !== "");
  if (chosen.length === 0) return [];
  const values: string[] = [];
  for (const row of samples) {
    const value = chosen
      .map((c) => (row[c] ?? "").trim())
      .filter((v) => v !== "")
      .join(" ");
    if (value !== "") values.push(value);
    if (values.length >= count) break;
  }
  return values;
}

/** The form field a server issue belongs to: `mapping.<field>` (a column's own issue goes on its field). */
export function formFieldOf(path: string, kind: ImportKind): `mapping.${string}` | undefined {
  const [root, field] = path.split(".");
  if (root !== "mapping" || !field) return undefined;
  return importFieldsOf(kind).some((f) => f.field === field) ? `mapping.${field}` : undefined;
}
