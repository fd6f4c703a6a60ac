// Test mode: staff text their own agent as if they were a customer and see, under each reply, what it
// understood and did and the tool calls behind it. The server runs the real engine on the business's
// real configuration and calendar in a dry run: nothing is booked or sent.
import "./agent.css";
import {
  Alert,
  apiErrorMessage,
  Button,
  Card,
  Form,
  FormTextAreaField,
  LoadErrorAlert,
  MessageBubble,
  PageHeader,
  Spinner,
  useZodForm,
} from "@servicepro/ui";
import { AGENT_MAX_TEXT, agentSandboxInput } from "@servicepro/validators";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { z } from "zod";
import { AgentTurnDetails } from "./AgentTurnDetails.tsx";

type Answer = RouterOutputs["tenant"]["agent"]["sandbox"];
type Entry =
  | { id: number; from: "customer"; text: string; at: string }
  | { id: number; from: "agent"; answer: Answer; at: string };

const textSchema = z.object({ inbound: agentSandboxInput.shape.inbound });
const clock = (iso: string) =>
  new Date(iso).toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit", second: "2-digit" });

/** The thread as the agent reads it: what the "customer" typed and what the agent sent (replies only). */
const historyOf = (entries: readonly Entry[]): { from: "customer" | "agent"; text: string }[] =>
  entries.flatMap((entry): { from: "customer" | "agent"; text: string }[] =>
    entry.from === "customer"
      ? [{ from: "customer" as const, text: entry.text }]
      : entry.answer.reply === null
        ? []
        : [{ from: "agent" as const, text: entry.answer.reply }],
  );

export function AgentTestPage() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.tenant.agent.settings.get.queryOptions());
  return (
    <div className="sp-stack">
      <title>Test mode · AI agent · ServicePro</title>
      <PageHeader
        eyebrow={<Link to="/agent">AI agent</Link>}
        title="Test mode"
        description="Text your agent as if you were a customer, and see what it understood, what it did and why."
      />
      <Alert tone="info" title="Nothing is booked or sent in test mode">
        The agent reads your real services, prices, FAQs, hours and calendar, and answers as it would a new customer.
        What it would book, move or cancel is shown under its reply, but nothing is written and no text goes out.
      </Alert>
      {settings.isPending ? (
        <Spinner label="Loading test mode…" showLabel />
      ) : settings.isError ? (
        <LoadErrorAlert
          title="Test mode couldn't load"
          error={settings.error}
          onRetry={() => void settings.refetch()}
          retrying={settings.isFetching}
        />
      ) : settings.data.planAllows ? (
        <TestThread />
      ) : (
        <Alert tone="warning" title="Your plan doesn't include the AI SMS agent">
          <Link to="/plan">See your plan</Link> for the plans that include it.
        </Alert>
      )}
    </div>
  );
}

export function TestThread() {
  const trpc = useTRPC();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const nextId = useRef(1);
  const endRef = useRef<HTMLLIElement>(null);
  const form = useZodForm(textSchema, { defaultValues: { inbound: "" }, mode: "onSubmit" });
  const sandbox = useMutation(trpc.tenant.agent.sandbox.mutationOptions());
  const inbound = form.watch("inbound");

  useEffect(() => {
    endRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [entries.length, pending]);

  const send = ({ inbound: text }: { inbound: string }) => {
    if (sandbox.isPending || text.trim() === "") return;
    const input = { history: historyOf(entries), inbound: text };
    // The server's own schema first: a thread past its length says so here instead of after a round trip.
    const checked = agentSandboxInput.safeParse(input);
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? "This text can't be tested.");
      return;
    }
    setError(null);
    setPending(text);
    form.reset({ inbound: "" });
    const sentAt = new Date().toISOString();
    sandbox.mutate(checked.data, {
      onSuccess: (answer) => {
        setEntries((previous) => [
          ...previous,
          { id: nextId.current++, from: "customer", text, at: sentAt },
          { id: nextId.current++, from: "agent", answer, at: new Date().toISOString() },
        ]);
        setPending(null);
      },
      onError: (failure) => {
        // The text goes back in the box, so trying again is one press.
        setPending(null);
        form.reset({ inbound: text });
        setError(apiErrorMessage(failure));
      },
    });
  };
  const restart = () => {
    nextId.current = 1;
    setEntries([]);
    setPending(null);
    setError(null);
    sandbox.reset();
    form.reset({ inbound: "" });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) void form.handleSubmit(send)();
  };

  return (
    <Card
      className="agent-phone"
      title="Test conversation"
      description="You are the customer."
      actions={
        <Button size="sm" onClick={restart} disabled={sandbox.isPending || (entries.length === 0 && !error)}>
          New conversation
        </Button>
      }
    >
      <ol className="agent-phone__messages" aria-label="Test conversation" aria-live="polite">
        {entries.length === 0 && !pending ? (
          <li className="agent-phone__empty sp-muted">
            Text something a customer would, like “Can I get a full detail Saturday morning?” or “How much is a mow?”
          </li>
        ) : null}
        {entries.map((entry) =>
          entry.from === "customer" ? (
            <li key={entry.id} className="agent-phone__message">
              <MessageBubble direction="inbound" sender="You, as the customer" time={clock(entry.at)}>
                {entry.text}
              </MessageBubble>
            </li>
          ) : (
            <li key={entry.id} className="agent-phone__message agent-phone__message--agent">
              <MessageBubble direction="outbound" sender="Agent" time={clock(entry.at)}>
                {entry.answer.reply ?? <em>The agent would send nothing.</em>}
              </MessageBubble>
              <AgentTurnDetails turn={entry.answer} label={`Why the agent answered this way (reply ${entry.id / 2})`} />
            </li>
          ),
        )}
        {pending !== null ? (
          <>
            <li className="agent-phone__message">
              <MessageBubble direction="inbound" sender="You, as the customer" time="Sending…">
                {pending}
              </MessageBubble>
            </li>
            <li className="agent-phone__message agent-phone__message--agent">
              <Spinner label="The agent is answering…" showLabel size="sm" />
            </li>
          </>
        ) : null}
        <li ref={endRef} aria-hidden="true" className="agent-phone__end" />
      </ol>
      {error ? (
        <Alert tone="error" title="The agent couldn't answer">
          {error}
        </Alert>
      ) : null}
      <Form form={form} onSubmit={send} className="agent-phone__compose" aria-label="Text the agent">
        <FormTextAreaField
          label="Your text, as the customer"
          name="inbound"
          rows={2}
          maxLength={AGENT_MAX_TEXT}
          onKeyDown={onKeyDown}
          onValueChange={() => setError(null)}
          hint="Ctrl+Enter to send."
        />
        <div className="agent-phone__actions">
          <Button type="submit" variant="primary" loading={sandbox.isPending} disabled={!inbound.trim()}>
            {sandbox.isPending ? "Waiting for the agent…" : "Send"}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
