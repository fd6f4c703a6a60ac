// Inputs of the duplicate finder and customer merges (tenant.customers.duplicates / merge / unmerge …),
// shared by the API and the tenant app's screens (issue 16, section 2).
import { z } from "zod";
import { customerCursorSchema } from "./customer.ts";

const customerId = z.uuid("That customer id is not valid.");
const mergeId = z.uuid("That merge id is not valid.");

export const customerDuplicatesInput = z.strictObject({
  cursor: customerCursorSchema.nullish(),
  limit: z
    .number({ error: "The page size must be a number." })
    .int("The page size must be a whole number.")
    .min(1, "The page size must be at least 1.")
    .max(100, "The page size can be at most 100.")
    .default(25),
});

/** Two different customers: the one that stays (survivor) and the one merged into it. */
export const customerMergeInput = z
  .strictObject({ survivorId: customerId, mergedId: customerId })
  .refine((value) => value.survivorId !== value.mergedId, {
    message: "A customer can't be merged with itself. Choose two different customers.",
    path: ["mergedId"],
  });
export type CustomerMergeInput = z.input<typeof customerMergeInput>;

export const customerUnmergeInput = z.strictObject({ mergeId });

/** "Not the same person": the pair is no longer offered as a duplicate. */
export const customerDismissDuplicateInput = z
  .strictObject({ customerId, otherId: customerId })
  .refine((value) => value.customerId !== value.otherId, {
    message: "Choose two different customers.",
    path: ["otherId"],
  });

/** The merges a customer took part in (the customer page's history). */
export const customerMergesInput = z.strictObject({ customerId });
