/**
 * A fake OpenAI server for tests, the eval and the latency benchmark: a real HTTP server on
 * 127.0.0.1 that answers POST /v1/chat/completions with the real response shape, so the real SDK
 * (its retries, timeouts and parsing) is what the brain talks to. A handler decides each answer.
 */
// eslint-disable-next-line no-restricted-imports -- test support: a real HTTP server for the real SDK to call
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
// eslint-disable-next-line no-restricted-imports -- test support types
import type { ChatCompletionCreateParams } from "openai/resources/chat/completions";

/** One function call the fake model makes; `arguments` as a string is sent as is (e.g. broken JSON). */
export type FakeCall = { readonly name: string; readonly arguments: Readonly<Record<string, unknown>> | string };

export type FakeAnswer =
  /** Function calls (several: parallel tool calls), with optional text beside them. */
  | { kind: "tool_calls"; calls: readonly FakeCall[]; content?: string | null }
  /** A plain text answer, no calls. */
  | { kind: "text"; content: string }
  /** An HTTP error; `retryAfterMs` sets the header the SDK waits by (keeps retry tests fast). */
  | { kind: "error"; status: number; message?: string; retryAfterMs?: number }
  /** Never answers (the client's timeout must end it). */
  | { kind: "hang" }
  /** A 200 whose body is not JSON. */
  | { kind: "malformed"; body?: string }
  /** A well-formed completion with no choices. */
  | { kind: "no_choices" };

export type FakeHandler = (request: ChatCompletionCreateParams) => FakeAnswer | Promise<FakeAnswer>;

export type FakeOpenAI = {
  /** The base URL for the SDK, including /v1. */
  url: string;
  /** Every request body received, in order (retries included). */
  requests: unknown[];
  close(): Promise<void>;
};

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

/** A rough token count (four characters a token), for a realistic `usage`. */
const tokens = (text: string) => Math.ceil(text.length / 4);

export async function startFakeOpenAI(options: { delayMs?: number; handler: FakeHandler }): Promise<FakeOpenAI> {
  const requests: unknown[] = [];
  let counter = 0;
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      if (request.method !== "POST" || !request.url?.startsWith("/v1/chat/completions")) {
        sendJson(response, 404, { error: { message: "Not found", type: "invalid_request_error", code: null } });
        return;
      }
      let params: ChatCompletionCreateParams;
      try {
        params = JSON.parse(body) as ChatCompletionCreateParams;
      } catch {
        sendJson(response, 400, { error: { message: "Invalid JSON body", type: "invalid_request_error" } });
        return;
      }
      requests.push(params);
      const answer = await options.handler(params);
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      if (answer.kind === "hang") return; // the socket stays open until the client gives up or close()
      if (answer.kind === "error") {
        const headers: Record<string, string> =
          answer.retryAfterMs === undefined ? {} : { "retry-after-ms": String(answer.retryAfterMs) };
        sendJson(
          response,
          answer.status,
          { error: { message: answer.message ?? `fake error ${answer.status}`, type: "server_error", code: null } },
          headers,
        );
        return;
      }
      if (answer.kind === "malformed") {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(answer.body ?? '{"id": "chatcmpl-broken", "choices": [');
        return;
      }
      counter += 1;
      const id = `chatcmpl-fake-${counter}`;
      const created = Math.floor(Date.now() / 1000);
      const promptTokens = tokens(body);
      if (answer.kind === "no_choices") {
        sendJson(response, 200, {
          id,
          object: "chat.completion",
          created,
          model: params.model,
          choices: [],
          usage: { prompt_tokens: promptTokens, completion_tokens: 0, total_tokens: promptTokens },
        });
        return;
      }
      const toolCalls =
        answer.kind === "tool_calls"
          ? answer.calls.map((call, index) => ({
              id: `call_${counter}_${index}`,
              type: "function" as const,
              function: {
                name: call.name,
                arguments: typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments),
              },
            }))
          : undefined;
      const content = answer.kind === "text" ? answer.content : (answer.content ?? null);
      const completionTokens = tokens(JSON.stringify(toolCalls ?? []) + (content ?? ""));
      sendJson(response, 200, {
        id,
        object: "chat.completion",
        created,
        model: params.model,
        system_fingerprint: "fp_fake",
        service_tier: "default",
        choices: [
          {
            index: 0,
            message: {
              role: "assistant",
              content,
              refusal: null,
              annotations: [],
              ...(toolCalls ? { tool_calls: toolCalls } : {}),
            },
            logprobs: null,
            finish_reason: toolCalls ? "tool_calls" : "stop",
          },
        ],
        usage: {
          prompt_tokens: promptTokens,
          completion_tokens: completionTokens,
          total_tokens: promptTokens + completionTokens,
        },
      });
    })().catch((error: unknown) => {
      if (!response.headersSent) {
        sendJson(response, 500, { error: { message: `fake handler failed: ${String(error)}`, type: "server_error" } });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the fake OpenAI server has no port");
  return {
    url: `http://127.0.0.1:${address.port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
