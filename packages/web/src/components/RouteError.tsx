import { apiErrorMessage, Button, ErrorIcon, PageNotice } from "@servicepro/ui";
import { type ErrorComponentProps, useRouter } from "@tanstack/react-router";

/**
 * What a route shows when its page throws while rendering or loading (the router's error boundary):
 * the reason in one sentence and "Try again", which re-renders the page and reloads its data.
 */
export function RouteError({ area, error, reset }: ErrorComponentProps & { area: string }) {
  const router = useRouter();
  return (
    <PageNotice
      documentTitle={`Something went wrong · ${area}`}
      icon={<ErrorIcon size={22} />}
      title="This page couldn't be shown"
      description={<p>{apiErrorMessage(error)}</p>}
      actions={
        <Button
          variant="primary"
          onClick={() => {
            reset();
            void router.invalidate();
          }}
        >
          Try again
        </Button>
      }
    />
  );
}
