// How a value read from the database is written in each format. Pure: unit-tested beside it.
import type { ExportColumn } from "./catalog.ts";

/** A JSON Lines value: as read (JSON columns stay objects, arrays stay arrays), null when empty. */
export function jsonValue(column: ExportColumn, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (column.type === "int" || column.type === "float") return typeof value === "number" ? value : Number(value);
  if (column.type === "bool") return value === true || value === "t" || value === "true";
  return value;
}

/**
 * A CSV cell: text as is (csv-stringify quotes it), empty for null, true/false for booleans, and
 * JSON for JSON columns and arrays (one cell each, so a spreadsheet keeps one row per record).
 */
export function csvValue(column: ExportColumn, value: unknown): string {
  const json = jsonValue(column, value);
  if (json === null) return "";
  if (column.type === "json" || column.type === "array") return JSON.stringify(json);
  return String(json);
}

/** One record as a JSON Lines line (its columns in catalog order). */
export function jsonLine(columns: readonly ExportColumn[], row: Record<string, unknown>): string {
  const record: Record<string, unknown> = {};
  for (const column of columns) record[column.name] = jsonValue(column, row[column.name]);
  return `${JSON.stringify(record)}\n`;
}

/** One record as CSV cells, in catalog order. */
export const csvRecord = (columns: readonly ExportColumn[], row: Record<string, unknown>): string[] =>
  columns.map((column) => csvValue(column, row[column.name]));
