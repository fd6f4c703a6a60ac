// The new-password rules of @servicepro/identity (newPasswordSchema), checked in the browser first so
// people see them before submitting; the server checks them again.
export const PASSWORD_RULES_HINT = "At least 12 characters. A few unrelated words make a strong, memorable password.";

export function passwordProblem(password: string): string | null {
  if (password.length < 12) return "Use at least 12 characters.";
  if (password.length > 1024) return "Use at most 1024 characters.";
  if (new Set(password).size < 4) return "Use a less repetitive password.";
  return null;
}
