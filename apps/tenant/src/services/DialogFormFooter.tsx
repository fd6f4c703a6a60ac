import { Alert, Button } from "@servicepro/ui";

/** The end of every catalog edit dialog: the save error, if any, then Cancel and the submit button. */
export function DialogFormFooter({
  error,
  errorTitle,
  pending,
  submitLabel,
  onCancel,
}: {
  error: string | null;
  errorTitle: string;
  pending: boolean;
  submitLabel: string;
  onCancel: () => void;
}) {
  return (
    <>
      {error ? (
        <Alert tone="error" title={errorTitle}>
          {error}
        </Alert>
      ) : null}
      <div className="sp-dialog__footer">
        <Button onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={pending}>
          {submitLabel}
        </Button>
      </div>
    </>
  );
}
