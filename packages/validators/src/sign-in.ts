import { z } from "zod";
import { emailInputSchema } from "./email.ts";
import { presentedPasswordSchema } from "./password.ts";

/** A sign-in: an email as the server checks it, and a password that is only checked for presence. */
export const signInInputSchema = z.strictObject({
  email: emailInputSchema("your email address"),
  password: presentedPasswordSchema,
});
export type SignInInput = z.infer<typeof signInInputSchema>;
