import "./PageHeader.css";
import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "../utils.ts";

export interface PageHeaderProps extends Omit<HTMLAttributes<HTMLElement>, "title"> {
  /** The page's `<h1>`. */
  title: ReactNode;
  /** Small label above the title (e.g. the area of the product). */
  eyebrow?: ReactNode;
  description?: ReactNode;
  /** Rendered inside the heading, after the title (e.g. a count Badge). */
  titleAddon?: ReactNode;
  actions?: ReactNode;
}

export function PageHeader({ title, eyebrow, description, titleAddon, actions, className, ...rest }: PageHeaderProps) {
  return (
    <header className={cx("sp-page-header", className)} {...rest}>
      <div className="sp-page-header__text">
        {eyebrow ? <p className="sp-page-header__eyebrow">{eyebrow}</p> : null}
        <h1 className="sp-page-header__title">
          {title}
          {titleAddon}
        </h1>
        {description ? <div className="sp-page-header__description">{description}</div> : null}
      </div>
      {actions ? <div className="sp-page-header__actions">{actions}</div> : null}
    </header>
  );
}
