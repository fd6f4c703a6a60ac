import {
  Alert,
  apiErrorCode,
  apiErrorMessage,
  applyServerErrors,
  Button,
  Form,
  FormTextField,
  useZodForm,
} from "@servicepro/ui";
import { formatPhone, optionalTextSchema, phoneSchema } from "@servicepro/validators";
import { useTRPC } from "@servicepro/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";

/** A number as a person types it ("(555) 555-0100", "+44 20 7946 0958"), sent as E.164. */
const assignNumberSchema = z.object({
  phoneNumber: phoneSchema("the phone number"),
  label: optionalTextSchema("the label", { max: 80 }),
});

/** Gives a number to the business. A number another business has is refused, naming that business. */
export function AssignNumberForm({ tenantId, tenantName }: { tenantId: string; tenantName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(assignNumberSchema, { defaultValues: { phoneNumber: "", label: "" } });
  const [assigned, setAssigned] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const assign = useMutation(
    trpc.admin.phoneNumbers.assign.mutationOptions({
      onSuccess: (config) => {
        setAssigned(config.phoneNumber);
        form.reset();
        void queryClient.invalidateQueries(trpc.admin.phoneNumbers.list.queryFilter({ tenantId }));
      },
      onError: (error) => {
        // A conflict is about the number itself: show it on the field.
        if (apiErrorCode(error) === "CONFLICT") {
          form.setError("phoneNumber", { type: "server", message: apiErrorMessage(error) }, { shouldFocus: true });
          return setFormError(null);
        }
        setFormError(applyServerErrors(form.setError, error, ["phoneNumber", "label"]));
      },
    }),
  );
  const phoneNumber = form.watch("phoneNumber");

  return (
    <Form
      form={form}
      className="phone-assign"
      onSubmit={(values) => {
        setAssigned(null);
        setFormError(null);
        assign.mutate({ tenantId, phoneNumber: values.phoneNumber, label: values.label ?? "" });
      }}
      aria-label={`Assign a number to ${tenantName}`}
    >
      <FormTextField
        label="Phone number"
        name="phoneNumber"
        placeholder="(555) 555-0100"
        required
        type="tel"
        inputMode="tel"
        hint="As you would dial it: (555) 555-0100, or +44 20 7946 0958 outside North America."
        disabled={assign.isPending}
      />
      <FormTextField label="Label (optional)" name="label" disabled={assign.isPending} />
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
          {formatPhone(assigned)} now rings {tenantName}. It answers with the menu until you change its settings below.
        </Alert>
      ) : null}
    </Form>
  );
}
