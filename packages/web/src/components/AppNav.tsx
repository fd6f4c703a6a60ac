import { Link } from "../router.tsx";

export type AppNavItem = { href: string; label: string; current: boolean };

/** The app's sections as a row of links under the top bar; the current one is marked for screen readers too. */
export function AppNav({ items, label = "Sections" }: { items: readonly AppNavItem[]; label?: string }) {
  return (
    <nav aria-label={label} className="sp-nav">
      <ul className="sp-nav__list">
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} className="sp-nav__link" aria-current={item.current ? "page" : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
