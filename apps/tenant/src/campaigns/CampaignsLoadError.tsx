// A campaign screen that couldn't load: on a plan without campaigns (403 PLAN_FEATURE_REQUIRED) an
// upgrade notice in the server's words, which name the plan; anything else, the usual error.
import { apiErrorCode, apiErrorMessage, buttonClassName, LoadErrorAlert, LockIcon, PageNotice } from "@servicepro/ui";
import { Link } from "@tanstack/react-router";

/** Whether a failed call was refused because the plan lacks a feature. */
export function isPlanGated(error: unknown): boolean {
  if (apiErrorCode(error) !== "FORBIDDEN") return false;
  const cause = (error as { data?: { cause?: { code?: unknown } } }).data?.cause;
  return cause?.code === "PLAN_FEATURE_REQUIRED";
}

export function CampaignsUpgradeNotice({ error }: { error: unknown }) {
  return (
    <PageNotice
      documentTitle="Campaigns · ServicePro"
      icon={<LockIcon />}
      title="Campaigns aren't on your plan"
      description={apiErrorMessage(error)}
      actions={
        <Link to="/plan" className={buttonClassName({ variant: "primary" })}>
          See your plan
        </Link>
      }
    />
  );
}

export function CampaignsLoadError({
  title,
  error,
  onRetry,
  retrying,
}: {
  title: string;
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
}) {
  if (isPlanGated(error)) return <CampaignsUpgradeNotice error={error} />;
  const notFound = apiErrorCode(error) === "NOT_FOUND";
  return (
    <div className="sp-stack">
      <LoadErrorAlert
        title={notFound ? "Campaign not found" : title}
        error={error}
        onRetry={notFound ? undefined : onRetry}
        retrying={retrying}
      />
      <Link to="/campaigns">Back to campaigns</Link>
    </div>
  );
}
