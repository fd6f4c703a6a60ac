import { ButtonLink, PageNotice, SearchIcon } from "@servicepro/ui";

/** What every app shows for a path its route table does not know. */
export function PageNotFound({ area, homeHref, homeLabel }: { area: string; homeHref: string; homeLabel: string }) {
  return (
    <PageNotice
      documentTitle={`Page not found · ${area}`}
      icon={<SearchIcon size={22} />}
      title="There's no page here"
      description={<p>The link may be old, or the page may have moved.</p>}
      actions={
        <ButtonLink variant="primary" href={homeHref}>
          {homeLabel}
        </ButtonLink>
      }
    />
  );
}
