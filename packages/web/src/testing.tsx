// For the apps' component tests: the app's real providers and tRPC client, with the network
// replaced by scripted answers per procedure (the API's boundary, like the fake Twilio of the
// server tests). Errors are built from the JSON the server sends, so the components see the same
// TRPCClientError (code, message, `data.issues`) as in production.
import type { AppRouter } from "@servicepro/api";
import { createTRPCClient, TRPCClientError, type TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";
import type { ReactNode } from "react";
import { AppProviders } from "./bootstrap.tsx";
import { createQueryClient } from "./trpc.ts";

type Answer = (input: unknown) => unknown;
export type ScriptedAnswers = Partial<Record<string, Answer>>;
export type ApiCall = { path: string; input: unknown };

const JSON_RPC_CODES: Record<string, number> = {
  BAD_REQUEST: -32600,
  UNAUTHORIZED: -32001,
  FORBIDDEN: -32003,
  NOT_FOUND: -32004,
  CONFLICT: -32009,
  INTERNAL_SERVER_ERROR: -32603,
};
const HTTP_STATUSES: Record<string, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL_SERVER_ERROR: 500,
};

/** The error a failed call raises in the browser, as the server formats it. */
export function apiError(
  code: keyof typeof HTTP_STATUSES,
  message: string,
  issues?: { path: (string | number)[]; message: string }[],
  /** `data.cause`: an AppError's reason, e.g. a refused slot's `{ code, reason, alternatives }`. */
  cause?: unknown,
) {
  return TRPCClientError.from({
    error: {
      code: JSON_RPC_CODES[code] ?? -32603,
      message,
      data: {
        code,
        httpStatus: HTTP_STATUSES[code] ?? 500,
        ...(issues ? { issues } : {}),
        ...(cause === undefined ? {} : { cause }),
      },
    },
  });
}

/** A 400 with field issues, the way a zod failure reaches the browser. */
export const fieldErrors = (issues: { path: (string | number)[]; message: string }[]) =>
  apiError("BAD_REQUEST", issues.map((issue) => issue.message).join(" "), issues);

/**
 * Providers for a component under test. Each call to a procedure runs `answers[path](input)`:
 * its return value is the answer, a thrown error the failure; a procedure with no answer fails
 * the test loudly. `calls` records every call in order.
 */
export function createTestApi(answers: ScriptedAnswers) {
  const calls: ApiCall[] = [];
  const link: TRPCLink<AppRouter> =
    () =>
    ({ op }) =>
      observable((observer) => {
        calls.push({ path: op.path, input: op.input });
        const answer = answers[op.path];
        Promise.resolve()
          .then(() => {
            if (!answer) throw new Error(`The test has no answer for ${op.path}`);
            return answer(op.input);
          })
          .then(
            (data) => {
              observer.next({ result: { type: "data", data } });
              observer.complete();
            },
            (error: unknown) =>
              observer.error(error instanceof TRPCClientError ? error : TRPCClientError.from(error as Error)),
          );
      });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } });
  const trpcClient = createTRPCClient<AppRouter>({ links: [link] });
  function Providers({ children }: { children: ReactNode }) {
    return (
      <AppProviders queryClient={queryClient} trpcClient={trpcClient}>
        {children}
      </AppProviders>
    );
  }
  return { calls, queryClient, trpcClient, Providers };
}
