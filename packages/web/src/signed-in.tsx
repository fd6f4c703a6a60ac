import { createContext, type ReactNode, useContext } from "react";
import type { SignedInContext } from "./auth.ts";

const SignedIn = createContext<SignedInContext | null>(null);

/** Makes the signed-in user's `auth.context` available to every page under the staff gate. */
export function SignedInProvider({ value, children }: { value: SignedInContext; children: ReactNode }) {
  return <SignedIn value={value}>{children}</SignedIn>;
}

/** The signed-in user's `auth.context`, for a page rendered under `StaffGate` (a route's page). */
export function useSignedInContext(): SignedInContext {
  const context = useContext(SignedIn);
  if (!context) throw new Error("useSignedInContext() is only available under StaffGate");
  return context;
}
