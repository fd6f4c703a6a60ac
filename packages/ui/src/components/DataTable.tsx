import "./DataTable.css";
import type { ReactNode } from "react";
import { cx } from "../utils.ts";

export interface DataTableColumn<Row> {
  /** Stable column id (React key). */
  id: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  align?: "start" | "center" | "end";
  /** Renders the cell as `<th scope="row">`: the value that names the row (e.g. a tenant's name). */
  rowHeader?: boolean;
  /** Keeps the cell content on one line. */
  nowrap?: boolean;
  /** CSS width for the column, e.g. "10rem" or "20%". */
  width?: string;
}

export interface DataTableProps<Row> {
  columns: ReadonlyArray<DataTableColumn<Row>>;
  rows: ReadonlyArray<Row>;
  rowKey: (row: Row) => string;
  /** Accessible name of the table (visible caption unless `captionHidden`). */
  caption?: ReactNode;
  captionHidden?: boolean;
  /** Shown in a full-width row when there are no rows. */
  empty?: ReactNode;
  className?: string;
}

function cellClass<Row>(column: DataTableColumn<Row>) {
  return (
    cx(
      column.align === "end" && "sp-table__cell--end",
      column.align === "center" && "sp-table__cell--center",
      column.nowrap && "sp-table__cell--nowrap",
    ) || undefined
  );
}

/**
 * A simple, typed, responsive table. On a phone (≤ 640 px) each row becomes a stacked block: the row
 * header on top, then one line per cell with its column's header as the label (from `data-label`,
 * so text headers only; a column with a hidden header, such as the actions, shows no label).
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  caption,
  captionHidden = false,
  empty = "Nothing to show yet.",
  className,
}: DataTableProps<Row>) {
  return (
    <div className={cx("sp-table-wrap", className)}>
      <table className="sp-table sp-table--stack">
        {caption ? (
          <caption className={captionHidden ? "sp-visually-hidden" : "sp-table__caption"}>{caption}</caption>
        ) : null}
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.id}
                scope="col"
                className={cellClass(column)}
                style={column.width ? { width: column.width } : undefined}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr className="sp-table__empty-row">
              <td colSpan={columns.length}>
                {typeof empty === "string" ? <p className="sp-table__empty">{empty}</p> : empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) =>
                  column.rowHeader ? (
                    <th key={column.id} scope="row" className={cellClass(column)}>
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td
                      key={column.id}
                      className={cellClass(column)}
                      data-label={typeof column.header === "string" ? column.header : undefined}
                    >
                      {column.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
