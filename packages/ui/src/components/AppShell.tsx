import "./AppShell.css";
import type { ReactNode } from "react";
import { cx, initials } from "../utils.ts";
import { Button } from "./Button.tsx";
import { LogoMark } from "./icons.tsx";

export interface AppShellProps {
  /** Product name in the top bar (default "ServicePro"). */
  productName?: string;
  /** The area of the product, shown after the name (e.g. "Platform console"). */
  area?: ReactNode;
  /** Replaces the ServicePro mark in the top bar (e.g. a business's initials in its customer portal). */
  logo?: ReactNode;
  /** Where the brand links to (default: the app's home, "."). */
  homeHref?: string;
  /** Right-hand side of the top bar: usually a <UserMenu>. */
  userSlot?: ReactNode;
  /** A strip at the top of the sticky header that must not be missed (e.g. "Viewing as <business>"). */
  banner?: ReactNode;
  /** The app's sections, under the top bar (usually a <NavBar>). */
  nav?: ReactNode;
  /** Centre the content vertically and horizontally (sign-in and message pages). */
  centered?: boolean;
  footer?: ReactNode;
  children: ReactNode;
}

/** Page frame: skip link, sticky top bar, main landmark and optional footer. */
export function AppShell({
  productName = "ServicePro",
  area,
  logo,
  homeHref = ".",
  userSlot,
  banner,
  nav,
  centered = false,
  footer,
  children,
}: AppShellProps) {
  return (
    <div className="sp-shell">
      <a className="sp-skip-link" href="#sp-main">
        Skip to content
      </a>
      <header className="sp-shell__bar">
        {banner}
        <div className="sp-shell__bar-inner">
          <a className="sp-shell__brand" href={homeHref}>
            <span className="sp-shell__logo" aria-hidden="true">
              {logo ?? <LogoMark size={18} />}
            </span>
            <span className="sp-shell__titles">
              <span className="sp-shell__product">{productName}</span>
              {area ? <span className="sp-shell__area">{area}</span> : null}
            </span>
          </a>
          {userSlot ? <div className="sp-shell__user">{userSlot}</div> : null}
        </div>
        {nav ? <div className="sp-shell__nav">{nav}</div> : null}
      </header>
      <main id="sp-main" tabIndex={-1} className={cx("sp-shell__main", centered && "sp-shell__main--centered")}>
        {children}
      </main>
      {footer ? <footer className="sp-shell__footer">{footer}</footer> : null}
    </div>
  );
}

export interface UserMenuProps {
  name: string;
  /** Second line, e.g. the email or the role. */
  detail?: ReactNode;
  /** Omit to show the user without a sign-out button (e.g. when the page offers its own). */
  onSignOut?: () => void;
  signingOut?: boolean;
  signOutLabel?: string;
}

/** The signed-in user and a sign-out button, for `AppShell`'s `userSlot`. */
export function UserMenu({ name, detail, onSignOut, signingOut = false, signOutLabel = "Sign out" }: UserMenuProps) {
  return (
    <>
      <div className="sp-user">
        <span className="sp-user__avatar" aria-hidden="true">
          {initials(name)}
        </span>
        <span className="sp-user__text">
          <span className="sp-user__name">{name}</span>
          {detail ? <span className="sp-user__detail">{detail}</span> : null}
        </span>
      </div>
      {onSignOut ? (
        <Button variant="secondary" size="sm" onClick={onSignOut} loading={signingOut}>
          {signOutLabel}
        </Button>
      ) : null}
    </>
  );
}
