import { Button, ButtonLink, PageNotice, ShieldIcon } from "@servicepro/ui";
import { type SignedInContext, useStopImpersonation } from "@servicepro/web";

/**
 * The owner opened the console while "logged in as" a business: the console is closed until they
 * exit (the server refuses admin.* meanwhile), so say so and offer both ways forward.
 */
export function ImpersonatingPage({ context }: { context: SignedInContext }) {
  const stop = useStopImpersonation();
  const name = context.tenantName ?? "a business";
  return (
    <PageNotice
      documentTitle="Viewing as a business · Platform console"
      icon={<ShieldIcon size={22} />}
      title={`You're viewing ServicePro as ${name}`}
      description={
        <p>The platform console is closed while you act as a business's admin. Exit impersonation to use it again.</p>
      }
      actions={
        <>
          <Button variant="primary" onClick={() => stop.mutate()} loading={stop.isPending}>
            Exit impersonation
          </Button>
          <ButtonLink href="/app/">Back to {name}'s dashboard</ButtonLink>
        </>
      }
    />
  );
}
