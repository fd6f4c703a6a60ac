import { Alert, apiErrorCode, apiErrorMessage, apiFieldErrors, Button, TextField } from "@servicepro/ui";
import { useTRPC } from "@servicepro/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";

/** Gives a number to the business. A number another business has is refused, naming that business. */
export function AssignNumberForm({ tenantId, tenantName }: { tenantId: string; tenantName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [phoneNumber, setPhoneNumber] = useState("");
  const [label, setLabel] = useState("");
  const [assigned, setAssigned] = useState<string | null>(null);
  const assign = useMutation(
    trpc.admin.phoneNumbers.assign.mutationOptions({
      onSuccess: (config) => {
        setAssigned(config.phoneNumber);
        setPhoneNumber("");
        setLabel("");
        void queryClient.invalidateQueries(trpc.admin.phoneNumbers.list.queryFilter({ tenantId }));
      },
    }),
  );
  const fields = assign.isError ? apiFieldErrors(assign.error) : {};
  // A conflict is about the number itself: show it on the field.
  const phoneError =
    fields.phoneNumber ??
    (assign.isError && apiErrorCode(assign.error) === "CONFLICT" ? apiErrorMessage(assign.error) : undefined);
  const formError = assign.isError && !phoneError && !fields.label ? apiErrorMessage(assign.error) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAssigned(null);
    assign.mutate({ tenantId, phoneNumber, label });
  };

  return (
    <form className="phone-assign" onSubmit={submit} aria-label={`Assign a number to ${tenantName}`} noValidate>
      <TextField
        label="Phone number"
        placeholder="+15555550100"
        required
        inputMode="tel"
        value={phoneNumber}
        onChange={(e) => setPhoneNumber(e.target.value)}
        error={phoneError}
        hint="E.164: a plus, the country code, then the number."
        disabled={assign.isPending}
      />
      <TextField
        label="Label (optional)"
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        error={fields.label}
        disabled={assign.isPending}
      />
      <div className="phone-assign__actions">
        <Button type="submit" variant="primary" loading={assign.isPending} disabled={!phoneNumber.trim()}>
          Assign number
        </Button>
      </div>
      {formError ? (
        <Alert tone="error" title="The number wasn't assigned">
          {formError}
        </Alert>
      ) : null}
      {assigned ? (
        <Alert tone="success">
          {assigned} now rings {tenantName}. It answers with the menu until you change its settings below.
        </Alert>
      ) : null}
    </form>
  );
}
