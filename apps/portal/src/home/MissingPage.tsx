import { ButtonLink, EmptyState, SearchIcon } from "@servicepro/ui";
import { usePortalMe, usePortalSlug } from "../customer/portal-context.ts";

/** /portal/<slug>/something-else, signed in: there is no such page; the tabs and a link lead on. */
export function MissingPage() {
  const slug = usePortalSlug();
  const me = usePortalMe();
  return (
    <>
      <title>{`Page not found · ${me.business.name}`}</title>
      <EmptyState
        headingLevel={1}
        icon={<SearchIcon size={22} />}
        title="There's no page here"
        description="The link may be old or have a typo."
        actions={
          <ButtonLink href={`/portal/${encodeURIComponent(slug)}`} variant="primary">
            Go to your home page
          </ButtonLink>
        }
      />
    </>
  );
}
