// /portal/<slug>/link?token=…: a sign-in link from a text or email. Opening it does nothing by
// itself (mail scanners open links); pressing "Sign in" redeems it, in this browser only. A link
// opened in another browser, used, or expired leads to the code sign-in instead.
import "@servicepro/ui/css/SignInForm.css";
import {
  Alert,
  apiErrorCode,
  apiErrorMessage,
  Button,
  Card,
  CheckboxField,
  LoadErrorAlert,
  Spinner,
} from "@servicepro/ui";
import { portalRedeemLinkInput } from "@servicepro/validators";
import { useTRPC } from "@servicepro/web";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { PortalShell } from "../components/PortalShell.tsx";
import { useResetPortal } from "../customer/CustomerGate.tsx";
import { usePortalSlug } from "../customer/portal-context.ts";
import { portalRefusal } from "../customer/portal-errors.ts";
import { NotFoundPage } from "../pages/NotFoundPage.tsx";
import { PortalSignIn } from "./PortalSignIn.tsx";

/** Why the link cannot sign this browser in, as the sign-in screen says it above the form. */
function linkProblem(error: unknown): { title: string; body: string } {
  const refusal = portalRefusal(error);
  if (refusal?.code === "LINK_OTHER_BROWSER") {
    return {
      title: "This link was asked for in another browser",
      body: "For your security, a sign-in link works only where it was asked for. Sign in here with a code instead.",
    };
  }
  if (refusal?.code === "LINK_EXPIRED") {
    return { title: "This link has expired or was already used", body: "Ask for a new code or link below." };
  }
  return { title: "This link didn't sign you in", body: apiErrorMessage(error) };
}

export function LinkPage() {
  const slug = usePortalSlug();
  const { token } = useSearch({ from: "/$slug/link" });
  const trpc = useTRPC();
  const navigate = useNavigate();
  const reset = useResetPortal();
  const business = useQuery(trpc.portal.business.queryOptions({ slug }));
  const redeem = useMutation(trpc.portal.auth.redeemLink.mutationOptions());
  const [remember, setRemember] = useState(false);
  const homeHref = `/portal/${encodeURIComponent(slug)}`;
  const goHome = async () => {
    await reset();
    await navigate({ to: "/$slug", params: { slug } });
  };

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
        <LoadErrorAlert
          title="This page couldn't load"
          error={business.error}
          onRetry={() => void business.refetch()}
          retrying={business.isFetching}
        />
      </PortalShell>
    );
  }

  const name = business.data.name;
  const wellFormed = portalRedeemLinkInput.safeParse({ slug, token, remember }).success;
  const problem = !wellFormed
    ? {
        title: "This sign-in link is incomplete",
        body: "Open it again from your text or email, or sign in with a code below.",
      }
    : redeem.isError
      ? linkProblem(redeem.error)
      : null;

  if (problem) {
    return (
      <PortalShell businessName={name} homeHref={homeHref}>
        <title>{`Sign in · ${name}`}</title>
        <PortalSignIn
          slug={slug}
          businessName={name}
          onSignedIn={() => void goHome()}
          notice={
            <Alert tone="warning" title={problem.title} role="alert">
              {problem.body}
            </Alert>
          }
        />
      </PortalShell>
    );
  }

  return (
    <PortalShell businessName={name} homeHref={homeHref}>
      <title>{`Signing you in · ${name}`}</title>
      <div className="sp-signin">
        <Card className="sp-signin__card">
          <div className="sp-signin__header">
            <h1 className="sp-signin__title">Signing you in…</h1>
            <p className="sp-signin__subtitle">Press "Sign in" to open your account with {name}.</p>
          </div>
          <form
            className="sp-signin__form"
            aria-label={`Sign in to ${name}`}
            onSubmit={(event) => {
              event.preventDefault();
              if (token) redeem.mutate({ slug, token, remember }, { onSuccess: () => void goHome() });
            }}
          >
            <CheckboxField
              label="Remember this device"
              hint="Stay signed in on this phone or computer. Leave it off on a shared device."
              checked={remember}
              onChange={(event) => setRemember(event.target.checked)}
            />
            <Button type="submit" variant="primary" size="lg" block loading={redeem.isPending || redeem.isSuccess}>
              Sign in
            </Button>
          </form>
        </Card>
      </div>
    </PortalShell>
  );
}
