// A very small client-side router: the apps have a handful of pages each, so the History API and
// one external store are enough (no router dependency). The server falls back to each app's
// index.html for every path under its prefix, so deep links and reloads work.
import { type AnchorHTMLAttributes, type MouseEvent, type ReactNode, useSyncExternalStore } from "react";

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

/** The browser's current path ("/app/plan"); "/" when rendered on the server (tests). */
export function usePathname(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.pathname,
    () => "/",
  );
}

/** Goes to `href` (same origin) without reloading the page. */
export function navigate(href: string): void {
  window.history.pushState(null, "", href);
  for (const listener of listeners) listener();
  window.scrollTo(0, 0);
}

/**
 * The app-relative path of `pathname` under `base` ("/app/", "/app/plan" → "/plan"), without a
 * trailing slash except for the root. Paths outside the base map to "/".
 */
export function appPath(pathname: string, base: string): string {
  const prefix = base.endsWith("/") ? base.slice(0, -1) : base;
  if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) return "/";
  const rest = pathname.slice(prefix.length) || "/";
  return rest.length > 1 && rest.endsWith("/") ? rest.slice(0, -1) : rest;
}

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> {
  href: string;
  children: ReactNode;
}

/** An in-app link: a plain click navigates without a reload; modified clicks (new tab…) behave as usual. */
export function Link({ href, onClick, target, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      target ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} target={target} onClick={handleClick} {...rest} />;
}
