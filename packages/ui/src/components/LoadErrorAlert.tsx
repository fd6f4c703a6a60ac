import type { ReactNode } from "react";
import { apiErrorMessage } from "../api-errors.ts";
import { Alert } from "./Alert.tsx";
import { Button } from "./Button.tsx";

export interface LoadErrorAlertProps {
  /** What failed, e.g. "Tenants couldn't be loaded". */
  title: ReactNode;
  /** The failed call's error: shown as one sentence (`apiErrorMessage`). */
  error: unknown;
  /** Offers "Try again" when given; omit it where a retry cannot help. */
  onRetry?: () => void;
  /** The retry is under way: the button shows progress. */
  retrying?: boolean;
}

/** Something could not be loaded: an error alert with the reason and, optionally, "Try again". */
export function LoadErrorAlert({ title, error, onRetry, retrying = false }: LoadErrorAlertProps) {
  return (
    <Alert
      tone="error"
      title={title}
      actions={
        onRetry ? (
          <Button size="sm" onClick={onRetry} loading={retrying}>
            Try again
          </Button>
        ) : null
      }
    >
      {apiErrorMessage(error)}
    </Alert>
  );
}
