// The sign-in card's layout without the staff SignInForm: its styles come from the form's stylesheet.
import "@servicepro/ui/css/SignInForm.css";
import { Alert, apiErrorCode, Button, Card, LoadErrorAlert, Spinner, TextField } from "@servicepro/ui";
import { useTRPC } from "@servicepro/web";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { PortalShell } from "../components/PortalShell.tsx";
import { NotFoundPage } from "./NotFoundPage.tsx";

/** /portal/<slug>: the business's customer sign-in (text-code sign-in is not open yet). */
export function BusinessPage({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const business = useQuery(trpc.portal.business.queryOptions({ slug }));
  const noteId = useId();
  const homeHref = `/portal/${encodeURIComponent(slug)}`;

  if (business.isPending) {
    return (
      <PortalShell homeHref={homeHref}>
        <Spinner size="lg" label="Loading…" />
      </PortalShell>
    );
  }

  if (business.isError) {
    const code = apiErrorCode(business.error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") return <NotFoundPage />;
    return (
      <PortalShell homeHref={homeHref}>
        <title>Customer portal · ServicePro</title>
        <LoadErrorAlert
          title="This page couldn't load"
          error={business.error}
          onRetry={() => void business.refetch()}
          retrying={business.isFetching}
        />
      </PortalShell>
    );
  }

  const { name } = business.data;
  return (
    <PortalShell businessName={name} homeHref={homeHref}>
      <title>{`Sign in · ${name}`}</title>
      <div className="sp-signin">
        <Card className="sp-signin__card">
          <div className="sp-signin__header">
            <h1 className="sp-signin__title">Sign in to {name}</h1>
            <p className="sp-signin__subtitle">See your appointments and messages with {name}.</p>
          </div>
          <form className="sp-signin__form" aria-describedby={noteId} onSubmit={(event) => event.preventDefault()}>
            <TextField
              label="Phone number"
              name="phone"
              type="tel"
              autoComplete="tel"
              inputMode="tel"
              placeholder="(555) 123-4567"
              hint="Use the number you gave us. We'll text you a one-time code."
              disabled
            />
            <Button type="submit" variant="primary" size="lg" block disabled className="sp-signin__submit">
              Text me a code
            </Button>
          </form>
          <Alert tone="info" id={noteId} title="Customer sign-in is coming soon">
            Sign-in by text code and magic link opens in a later release. Until then, contact {name} directly about your
            bookings.
          </Alert>
        </Card>
      </div>
    </PortalShell>
  );
}
