// Imports (`tenant.imports.*`, issue 16): what a business picks before uploading a file — the kind
// of rows, the system it comes from (a preset) or its own column mapping, and how its dates and
// phones are written. The API and the tenant app's import screens share these.
import { z } from "zod";
import { IMPORT_KINDS } from "./import-fields.ts";
import { textSchema } from "./text.ts";

/** The kinds of rows a file may hold (the catalogue of their fields: `IMPORT_FIELDS`, import-fields.ts). */
export const IMPORT_KIND_VALUES = IMPORT_KINDS;
export const IMPORT_PRESET_VALUES = ["jobber", "housecall_pro", "square", "spreadsheet"] as const;
export const IMPORT_DATE_FORMATS = ["MM/DD/YYYY", "DD/MM/YYYY", "YYYY-MM-DD"] as const;

const uuid = (what: string) => z.uuid(`That ${what} id is not valid.`);
const column = z.string().trim().min(1, "Choose a column.").max(200, "A column name is at most 200 characters.");

export const importCreateInput = z.strictObject({
  kind: z.enum(IMPORT_KIND_VALUES, {
    error: "Choose what the file holds: customers, assets, appointments, messages or points.",
  }),
  preset: z
    .enum(IMPORT_PRESET_VALUES, { error: "Choose Jobber, Housecall Pro, Square or a plain spreadsheet." })
    .nullish(),
  /** Target field → the file's column (or columns, joined). */
  mapping: z
    .record(z.string().max(40), z.union([column, z.array(column).max(8)]))
    .refine((m) => Object.keys(m).length <= 20, "Map at most 20 fields.")
    .nullish(),
  fileName: textSchema("the file name", { max: 200 }),
  options: z
    .strictObject({
      defaultCountry: z
        .string()
        .regex(/^[A-Z]{2}$/, "Choose the country numbers without + are from (two letters, e.g. US).")
        .optional(),
      dateFormat: z.enum(IMPORT_DATE_FORMATS, { error: "Choose how the file writes dates." }).optional(),
    })
    .optional(),
});
export type ImportCreateInput = z.infer<typeof importCreateInput>;

export const importIdInput = z.strictObject({ id: uuid("import") });

export const importPreviewInput = z.strictObject({
  id: uuid("import"),
  /** Run the dry run again (after a new upload it runs anyway). */
  refresh: z.boolean().optional(),
  /** Only rows with this outcome ("problems": rejected, needs review, or merged with a value kept). */
  filter: z.enum(["all", "problems"]).default("all"),
  offset: z.number().int().min(0).max(10_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

export const importListInput = z.strictObject({ limit: z.number().int().min(1).max(100).default(25) });
