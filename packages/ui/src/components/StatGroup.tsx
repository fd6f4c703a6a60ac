import "./StatGroup.css";
import type { ReactNode } from "react";
import { cx } from "../utils.ts";

export interface StatItem {
  id: string;
  label: ReactNode;
  value: ReactNode;
  hint?: ReactNode;
}

export interface StatGroupProps {
  items: ReadonlyArray<StatItem>;
  /** Accessible name of the group, e.g. "Tenant summary". */
  label?: string;
  className?: string;
}

/** A row of headline numbers (a `<dl>`), wrapping onto more rows on narrow screens. */
export function StatGroup({ items, label, className }: StatGroupProps) {
  return (
    <dl className={cx("sp-stats", className)} aria-label={label}>
      {items.map((item) => (
        <div key={item.id} className="sp-stat">
          <dt className="sp-stat__label">{item.label}</dt>
          <dd className="sp-stat__value">{item.value}</dd>
          {item.hint ? <dd className="sp-stat__hint">{item.hint}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
