// The credential rules live in @servicepro/validators (the browser checks a form with the same
// schemas); identity re-exports them so server code keeps one import for "who may sign in".
import { emailInputSchema, presentedPasswordSchema } from "@servicepro/validators";
import { z } from "zod";

export { emailSchema, newPasswordSchema, normalizeEmail } from "@servicepro/validators";

/** Sign-in input. The password is only checked for presence and size: its rules apply when it is set. */
export const loginInputSchema = z.strictObject({
  email: emailInputSchema("your email address"),
  password: presentedPasswordSchema,
});
export type LoginInput = z.infer<typeof loginInputSchema>;
