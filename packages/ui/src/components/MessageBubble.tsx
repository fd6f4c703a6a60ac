import "./MessageBubble.css";
import type { ReactNode } from "react";
import { cx } from "../utils.ts";

export interface MessageBubbleProps {
  /** inbound: from the customer (left); outbound: from the business (right). */
  direction: "inbound" | "outbound";
  children: ReactNode;
  /** Who sent it, e.g. "Sam (staff)" or "Automatic text"; shown above the time. */
  sender?: ReactNode;
  /** The time, usually a <time> element. */
  time: ReactNode;
  /** Delivery state for outbound messages (a Badge). */
  status?: ReactNode;
  /** Why delivery failed, in words. */
  error?: ReactNode;
}

/** One SMS in a thread. Text keeps its line breaks and is never interpreted as HTML. */
export function MessageBubble({ direction, children, sender, time, status, error }: MessageBubbleProps) {
  return (
    <div className={cx("sp-bubble", `sp-bubble--${direction}`, Boolean(error) && "sp-bubble--failed")}>
      <div className="sp-bubble__body">{children}</div>
      <div className="sp-bubble__meta">
        {sender ? <span className="sp-bubble__sender">{sender}</span> : null}
        <span>{time}</span>
        {status}
      </div>
      {error ? <p className="sp-bubble__error">{error}</p> : null}
    </div>
  );
}
