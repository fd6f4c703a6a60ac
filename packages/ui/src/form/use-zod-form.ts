// Every form of the apps is a react-hook-form form validated by a zod schema, most often the very
// schema the API checks its input with (@servicepro/validators). One set of options for all, so
// every form behaves the same: a field is checked when it is left, and from then on at each change,
// so an error disappears as soon as the value is corrected.
import { zodResolver } from "@hookform/resolvers/zod";
import { type FieldValues, type UseFormProps, type UseFormReturn, useForm } from "react-hook-form";
import type { z } from "zod";

export type ZodForm<Schema extends z.ZodType<unknown, FieldValues>> = UseFormReturn<
  z.input<Schema>,
  unknown,
  z.output<Schema>
>;

export function useZodForm<Schema extends z.ZodType<unknown, FieldValues>>(
  schema: Schema,
  options: Omit<UseFormProps<z.input<Schema>, unknown, z.output<Schema>>, "resolver"> = {},
): ZodForm<Schema> {
  return useForm<z.input<Schema>, unknown, z.output<Schema>>({
    // The resolver's generics follow the schema; react-hook-form's follow the form's values.
    resolver: zodResolver(schema as never) as never,
    mode: "onTouched",
    reValidateMode: "onChange",
    ...options,
  });
}
