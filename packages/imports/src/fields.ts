// What each kind of import reads: the catalogue lives in @servicepro/validators (import-fields.ts),
// shared with the tenant app's mapping screen; these are the names this package has always used.
import {
  IMPORT_FIELDS,
  IMPORT_KINDS,
  IMPORT_REQUIRED_FIELDS,
  type ImportField,
  type ImportFieldSpec,
  type ImportKind,
} from "@servicepro/validators";

export { IMPORT_KINDS };
export type ImportKindName = ImportKind;
export type FieldSpec = ImportFieldSpec;
export const KIND_FIELDS = IMPORT_FIELDS;
export type TargetField<K extends ImportKind = ImportKind> = ImportField<K>;
/** Fields a file must map; each inner list: at least one of these must be mapped. */
export const REQUIRED_FIELDS = IMPORT_REQUIRED_FIELDS;
