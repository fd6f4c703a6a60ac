import "./PageNotice.css";
import type { ReactNode } from "react";
import { cx } from "../utils.ts";
import { Card } from "./Card.tsx";
import { EmptyState } from "./EmptyState.tsx";

export interface PageNoticeProps {
  /** The document's `<title>` while the notice shows. */
  documentTitle?: string;
  /** Decorative icon beside the heading. */
  icon: ReactNode;
  /** The page's `<h1>`. */
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  className?: string;
}

/**
 * A page that is only a message ("not found", "you can't use this here", "use your link"): a card
 * with the page's `<h1>`, an explanation and what to do next. Goes inside an `AppShell`.
 */
export function PageNotice({ documentTitle, icon, title, description, actions, className }: PageNoticeProps) {
  return (
    <>
      {documentTitle ? <title>{documentTitle}</title> : null}
      <Card className={cx("sp-notice", className)}>
        <EmptyState headingLevel={1} icon={icon} title={title} description={description} actions={actions} />
      </Card>
    </>
  );
}
