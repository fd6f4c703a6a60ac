import "./Dialog.css";
import { type ReactNode, useEffect, useId, useRef } from "react";
import { cx } from "../utils.ts";

export interface DialogProps {
  /** Open (shown modally) or closed. */
  open: boolean;
  /** Called when the person dismisses it (Escape, the close button or a click on the backdrop). */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  /** Buttons at the bottom, e.g. Cancel and Save. */
  footer?: ReactNode;
  className?: string;
  children?: ReactNode;
}

/**
 * A modal dialog on the native <dialog> element: the browser traps focus, makes the page behind it
 * inert and closes it on Escape, with no focus-management code of our own.
 */
export function Dialog({ open, onClose, title, description, footer, className, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={cx("sp-dialog", className)}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      // Escape: let React state decide, so the dialog and `open` never disagree.
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === ref.current) onClose();
      }}
    >
      {open ? (
        <div className="sp-dialog__body">
          <h2 id={titleId} className="sp-dialog__title">
            {title}
          </h2>
          {description ? (
            <div id={descriptionId} className="sp-dialog__description">
              {description}
            </div>
          ) : null}
          {children}
          {footer ? <div className="sp-dialog__footer">{footer}</div> : null}
        </div>
      ) : null}
    </dialog>
  );
}
