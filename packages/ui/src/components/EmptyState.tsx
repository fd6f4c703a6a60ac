import "./EmptyState.css";
import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "../utils.ts";
import { InboxIcon } from "./icons.tsx";

export interface EmptyStateProps extends Omit<HTMLAttributes<HTMLDivElement>, "title"> {
  title: ReactNode;
  description?: ReactNode;
  /** Decorative icon; defaults to an inbox. Pass `null` for none. */
  icon?: ReactNode;
  actions?: ReactNode;
  /** Heading level of the title (default 2). */
  headingLevel?: 1 | 2 | 3 | 4;
}

/** Explains why there is nothing here and, ideally, what to do next. */
export function EmptyState({
  title,
  description,
  icon,
  actions,
  headingLevel = 2,
  className,
  ...rest
}: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const;
  const shownIcon = icon === undefined ? <InboxIcon size={22} /> : icon;
  return (
    <div className={cx("sp-empty", className)} {...rest}>
      {shownIcon ? (
        <span className="sp-empty__icon" aria-hidden="true">
          {shownIcon}
        </span>
      ) : null}
      <Heading className="sp-empty__title">{title}</Heading>
      {description ? <div className="sp-empty__description">{description}</div> : null}
      {actions ? <div className="sp-empty__actions">{actions}</div> : null}
    </div>
  );
}
