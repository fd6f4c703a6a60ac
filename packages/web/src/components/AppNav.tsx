import "./AppNav.css";
import { Link, type RegisteredRouter, type ValidateLinkOptionsArray } from "@tanstack/react-router";

export interface AppNavProps<
  TRouter extends RegisteredRouter = RegisteredRouter,
  TItems extends ReadonlyArray<unknown> = ReadonlyArray<unknown>,
> {
  /**
   * One router link per section, checked against the app's route tree: `{ to: "/plan", children: "Plan" }`.
   * The router marks the current one (`aria-current="page"`); give the home link `activeOptions: { exact: true }`.
   */
  items: ValidateLinkOptionsArray<TRouter, TItems>;
  label?: string;
}

/** The app's sections as a row of links under the top bar; the current one is marked for screen readers too. */
export function AppNav<TRouter extends RegisteredRouter, TItems extends ReadonlyArray<unknown>>(
  props: AppNavProps<TRouter, TItems>,
): React.ReactNode;
export function AppNav({ items, label = "Sections" }: AppNavProps) {
  return (
    <nav aria-label={label} className="sp-nav">
      <ul className="sp-nav__list">
        {items.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is the app's fixed section order.
          <li key={index}>
            <Link {...item} className="sp-nav__link" />
          </li>
        ))}
      </ul>
    </nav>
  );
}
