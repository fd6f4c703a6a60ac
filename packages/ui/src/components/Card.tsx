import "./Card.css";
import { type HTMLAttributes, type ReactNode, useId } from "react";
import { cx } from "../utils.ts";

export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, "title"> {
  title?: ReactNode;
  description?: ReactNode;
  /** Buttons or links aligned to the right of the title. */
  actions?: ReactNode;
  footer?: ReactNode;
  /** Heading level of the title (default 2). */
  headingLevel?: 2 | 3 | 4;
  /** Removes the body's side padding, for edge-to-edge content such as a DataTable. */
  flush?: boolean;
}

/** A surface for grouping related content. Renders a `<section>` labelled by its title when it has one. */
export function Card({
  title,
  description,
  actions,
  footer,
  headingLevel = 2,
  flush = false,
  className,
  children,
  ...rest
}: CardProps) {
  const Heading = `h${headingLevel}` as const;
  const titleId = `sp-card-${useId()}`;
  const hasHeader = Boolean(title || description || actions);
  const Tag = title ? "section" : "div";
  return (
    <Tag className={cx("sp-card", className)} aria-labelledby={title ? titleId : undefined} {...rest}>
      {hasHeader ? (
        <header className="sp-card__header">
          <div className="sp-card__heading">
            {title ? (
              <Heading id={titleId} className="sp-card__title">
                {title}
              </Heading>
            ) : null}
            {description ? <p className="sp-card__description">{description}</p> : null}
          </div>
          {actions ? <div className="sp-card__actions">{actions}</div> : null}
        </header>
      ) : null}
      {children !== undefined && children !== null ? (
        <div className={cx("sp-card__body", flush && "sp-card__body--flush")}>{children}</div>
      ) : null}
      {footer ? <footer className="sp-card__footer">{footer}</footer> : null}
    </Tag>
  );
}
