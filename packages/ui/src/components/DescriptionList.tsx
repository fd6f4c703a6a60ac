import "./DescriptionList.css";
import type { ReactNode } from "react";
import { cx } from "../utils.ts";

export interface DescriptionItem {
  /** Stable key; defaults to the term when it is a string. */
  id?: string;
  term: ReactNode;
  detail: ReactNode;
}

export interface DescriptionListProps {
  items: ReadonlyArray<DescriptionItem>;
  className?: string;
}

/** Label/value pairs laid out in a responsive grid (`<dl>`). */
export function DescriptionList({ items, className }: DescriptionListProps) {
  return (
    <dl className={cx("sp-dl", className)}>
      {items.map((item, index) => (
        <div key={item.id ?? (typeof item.term === "string" ? item.term : index)} className="sp-dl__item">
          <dt className="sp-dl__term">{item.term}</dt>
          <dd className="sp-dl__detail">{item.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
