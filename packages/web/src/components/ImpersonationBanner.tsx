import "./ImpersonationBanner.css";
import { apiErrorMessage, Button } from "@servicepro/ui";
import { useAuthContext, useStopImpersonation } from "../auth.ts";

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" });

/**
 * "Viewing as <business>" with the way out, at the top of every page while the platform owner is
 * "logged in as" a business. Reads `auth.context` itself, so every app's shell shows it without
 * passing anything down; renders nothing otherwise.
 */
export function ImpersonationBanner() {
  const auth = useAuthContext();
  const stop = useStopImpersonation();
  const context = auth.data;
  if (!context?.impersonationStartedAt) return null;
  return (
    <div className="sp-impersonation" role="region" aria-label="Impersonation">
      <div className="sp-impersonation__inner">
        <p>
          <span className="sp-impersonation__title">Viewing as {context.tenantName ?? "a business"}</span>
          <span className="sp-impersonation__detail">
            You act as its admin; everything you do is recorded as you.
            {context.impersonationExpiresAt ? ` Ends by itself at ${timeOf(context.impersonationExpiresAt)}.` : null}
          </span>
          {stop.isError ? (
            <span className="sp-impersonation__detail" role="alert">
              {apiErrorMessage(stop.error)}
            </span>
          ) : null}
        </p>
        <Button size="sm" variant="secondary" onClick={() => stop.mutate()} loading={stop.isPending}>
          Exit impersonation
        </Button>
      </div>
    </div>
  );
}
