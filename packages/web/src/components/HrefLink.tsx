import { useRouter } from "@tanstack/react-router";
import type { AnchorHTMLAttributes, MouseEvent } from "react";

export interface HrefLinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  /** A full same-origin path the server handed out, e.g. "/app/services" or "/admin/phone-numbers?tenant=x". */
  href: string;
}

/**
 * A link to a URL that comes as data (a checklist's or readiness item's "fix" link), not from the route
 * tree: a plain click inside this app's base path goes through the router without a reload; another
 * app's path, or a modified click (new tab…), is an ordinary link.
 */
export function HrefLink({ href, onClick, target, ...rest }: HrefLinkProps) {
  const router = useRouter();
  const base = router.basepath.endsWith("/") ? router.basepath : `${router.basepath}/`;
  const inApp = href === base.slice(0, -1) || href.startsWith(base);
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
    if (event.defaultPrevented || !inApp || event.button !== 0 || target || modified) return;
    event.preventDefault();
    router.history.push(href);
  };
  return <a href={href} target={target} onClick={handleClick} {...rest} />;
}
