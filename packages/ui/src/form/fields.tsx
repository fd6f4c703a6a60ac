// The app's field components (TextField, SelectField, TextAreaField, CheckboxField) bound to the
// surrounding react-hook-form form by `name`: value, change, blur, focus and the field's error.
// Inside <Form>, `<FormTextField name="slug" label="Slug" />` is the whole wiring.
import type { ReactNode } from "react";
import {
  type FieldPath,
  type FieldValues,
  FormProvider,
  type SubmitHandler,
  type UseFormReturn,
  useController,
  useFormContext,
} from "react-hook-form";
import { CheckboxField, type CheckboxFieldProps } from "../components/CheckboxField.tsx";
import { SelectField, type SelectFieldProps } from "../components/SelectField.tsx";
import { TextAreaField, type TextAreaFieldProps } from "../components/TextAreaField.tsx";
import { TextField, type TextFieldProps } from "../components/TextField.tsx";

export interface FormProps<Values extends FieldValues, Parsed> {
  form: UseFormReturn<Values, unknown, Parsed>;
  /** Called with the schema's parsed output, only when every field is valid. */
  onSubmit: SubmitHandler<Parsed>;
  className?: string;
  /** Lets a submit button outside the form (a dialog's footer) name it with `form=`. */
  id?: string;
  "aria-label"?: string;
  "aria-busy"?: boolean;
  role?: string;
  children: ReactNode;
}

/** A <form> wired to `form`: native validation off (the schema speaks), submit through the schema. */
export function Form<Values extends FieldValues, Parsed>({
  form,
  onSubmit,
  children,
  ...rest
}: FormProps<Values, Parsed>) {
  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={(event) => void form.handleSubmit(onSubmit)(event)} {...rest}>
        {children}
      </form>
    </FormProvider>
  );
}

type Bound<Props> = Omit<Props, "name" | "value" | "defaultValue" | "onChange" | "onBlur" | "error" | "ref"> & {
  name: string;
  /** An error from outside the form (a server's answer), shown while the field has none of its own. */
  error?: ReactNode;
  /** Runs after the form has the new value (e.g. a slug following the name). */
  onValueChange?: (value: string) => void;
};

function useBoundField(name: string) {
  const { control } = useFormContext<FieldValues>();
  const { field, fieldState } = useController({ control, name: name as FieldPath<FieldValues> });
  return { field, error: fieldState.error?.message };
}

/** The props a text-like input needs to be bound to its form field (value, change, blur, error). */
function useBoundTextInput(
  name: string,
  onValueChange: ((value: string) => void) | undefined,
  outsideError?: ReactNode,
) {
  const { field, error } = useBoundField(name);
  return {
    name: field.name,
    ref: field.ref,
    value: (field.value as string | undefined) ?? "",
    onChange: (event: { target: { value: string } }) => {
      field.onChange(event.target.value);
      onValueChange?.(event.target.value);
    },
    onBlur: field.onBlur,
    error: error ?? outsideError,
  };
}

export function FormTextField({ name, onValueChange, error, ...props }: Bound<TextFieldProps>) {
  return <TextField {...props} {...useBoundTextInput(name, onValueChange, error)} />;
}

export function FormTextAreaField({ name, onValueChange, error, ...props }: Bound<TextAreaFieldProps>) {
  return <TextAreaField {...props} {...useBoundTextInput(name, onValueChange, error)} />;
}

export function FormSelectField({ name, onValueChange, error, ...props }: Bound<SelectFieldProps>) {
  return <SelectField {...props} {...useBoundTextInput(name, onValueChange, error)} />;
}

export function FormCheckboxField({
  name,
  ...props
}: Omit<CheckboxFieldProps, "name" | "checked" | "onChange" | "error"> & { name: string }) {
  const { field, error } = useBoundField(name);
  return (
    <CheckboxField
      {...props}
      name={field.name}
      ref={field.ref}
      checked={Boolean(field.value)}
      onChange={(event) => field.onChange(event.target.checked)}
      onBlur={field.onBlur}
      error={error}
    />
  );
}
