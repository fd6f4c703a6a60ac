// What every signed-in portal page knows: the business's slug and the signed-in customer (`portal.me`).
import type { PortalMe } from "@servicepro/validators";
import { createContext, useContext } from "react";

/** The business's slug, as the `$slug` route read and checked it. */
export const PortalSlugContext = createContext<string | null>(null);

export function usePortalSlug(): string {
  const slug = useContext(PortalSlugContext);
  if (slug === null) throw new Error("usePortalSlug() needs the $slug route above it.");
  return slug;
}

export const PortalMeContext = createContext<PortalMe | null>(null);

/** The signed-in customer and their business: only under the portal's sign-in gate. */
export function usePortalMe(): PortalMe {
  const me = useContext(PortalMeContext);
  if (me === null) throw new Error("usePortalMe() needs the portal's sign-in gate above it.");
  return me;
}
