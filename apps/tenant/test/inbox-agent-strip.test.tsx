// The AI agent's strip in the inbox thread: paused after a staff reply (Resume), waiting for a person
// (Mark handled), and a drafted reply in suggest mode with what it would do: Send, a 409 shown,
// Edit in the reply box then Send draft with the edited text, Dismiss. And the list's badges.
import { apiError, createTestApi } from "@servicepro/web/testing";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ConversationList } from "../src/inbox/ConversationList.tsx";
import { ThreadPanel } from "../src/inbox/ThreadPanel.tsx";

const CONVERSATION_ID = "0b7e6a4c-1d2f-4e3a-9b8c-7d6e5f4a3b2c";
const SERVICE_ID = "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d";
const DRAFT_BODY = "I can book your Full Detail for Sat, Dec 5 at 9:00 AM. Reply YES to confirm.";

type AgentThread = {
  mode: "off" | "suggest" | "autopilot";
  pausedUntil: string | null;
  handoff: { reason: string; at: string } | null;
  draft: { body: string; forMessageId: string; writes: { kind: string }[]; createdAt: string } | null;
  lastRun: null;
};
const QUIET: AgentThread = { mode: "suggest", pausedUntil: null, handoff: null, draft: null, lastRun: null };
const DRAFT: AgentThread = {
  ...QUIET,
  draft: {
    body: DRAFT_BODY,
    forMessageId: "5c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5",
    writes: [
      {
        kind: "appointment.book",
        appointmentId: "pending",
        serviceId: SERVICE_ID,
        start: "2026-12-05T09:00:00-06:00",
        addOnIds: [],
      } as { kind: string },
    ],
    createdAt: "2026-12-02T09:31:00.000Z",
  },
};

function renderThread(agentStates: AgentThread[], answers: Record<string, (input: unknown) => unknown> = {}) {
  // Each fetch of the agent's state takes the next one; the last one stays.
  const states = [...agentStates];
  const api = createTestApi({
    "tenant.inbox.thread": () => ({
      conversation: {
        id: CONVERSATION_ID,
        customer: { id: "c1", name: "Dana Whitfield", phone: "+15125550142" },
        tenantNumber: "+15125550100",
        unreadCount: 0,
        optedOutAt: null,
        optedOutVia: null,
      },
      messages: [
        {
          id: "5c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5",
          direction: "inbound",
          body: "Can I get a full detail Saturday morning?",
          status: "received",
          kind: "inbound",
          createdAt: "2026-12-02T09:30:00.000Z",
          errorCode: null,
          errorMessage: null,
          sentBy: null,
          media: [],
        },
      ],
      olderCursor: null,
    }),
    "tenant.inbox.conversations": () => ({ items: [], nextCursor: null }),
    "tenant.inbox.unread": () => ({ conversations: 0, messages: 0 }),
    "tenant.agent.thread": () => (states.length > 1 ? states.shift() : states[0]),
    "tenant.catalog.services": () => [{ id: SERVICE_ID, name: "Full Detail" }],
    "tenant.catalog.addOns": () => [],
    ...answers,
  });
  render(<ThreadPanel conversationId={CONVERSATION_ID} onClose={() => {}} />, { wrapper: api.Providers });
  return { ...api, user: userEvent.setup() };
}

const inputsOf = (calls: { path: string; input: unknown }[], path: string) =>
  calls.filter((call) => call.path === path).map((call) => call.input);

describe("Inbox agent strip", () => {
  it("should show nothing when the agent has nothing to say about the conversation", async () => {
    const { calls } = renderThread([QUIET]);
    await screen.findByText("Can I get a full detail Saturday morning?");
    await vi.waitFor(() => expect(inputsOf(calls, "tenant.agent.thread")).toHaveLength(1));
    expect(screen.queryByRole("region", { name: "AI agent" })).toBeNull();
  });

  it("should say until when the agent is paused after a staff reply, and resume it", async () => {
    const until = new Date(Date.now() + 40 * 60_000);
    const { user, calls } = renderThread([{ ...QUIET, pausedUntil: until.toISOString() }, QUIET], {
      "tenant.agent.resume": () => ({ ok: true }),
    });
    const strip = await screen.findByRole("region", { name: "AI agent" });
    const clock = until.toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" });
    expect(strip.textContent).toContain(`Agent paused until ${clock} (you replied).`);

    await user.click(within(strip).getByRole("button", { name: "Resume" }));
    expect(inputsOf(calls, "tenant.agent.resume")).toEqual([{ conversationId: CONVERSATION_ID }]);
    await vi.waitFor(() => expect(screen.queryByRole("region", { name: "AI agent" })).toBeNull());
  });

  it("should not show a pause that has already ended", async () => {
    renderThread([{ ...QUIET, pausedUntil: new Date(Date.now() - 60_000).toISOString() }]);
    await screen.findByText("Can I get a full detail Saturday morning?");
    expect(screen.queryByText(/Agent paused until/)).toBeNull();
  });

  it("should flag a conversation that needs a person, and mark it handled", async () => {
    const handoff = {
      reason: "The customer asked for a manager about a scratch on their car.",
      at: "2026-12-02T09:31:00.000Z",
    };
    const { user, calls } = renderThread([{ ...QUIET, handoff }, QUIET], {
      "tenant.agent.resolveHandoff": () => ({ ok: true }),
    });
    const strip = await screen.findByRole("region", { name: "AI agent" });
    expect(within(strip).getByText("Needs a person")).toBeTruthy();
    expect(within(strip).getByText(handoff.reason)).toBeTruthy();
    await user.click(within(strip).getByRole("button", { name: "Mark handled" }));
    expect(inputsOf(calls, "tenant.agent.resolveHandoff")).toEqual([{ conversationId: CONVERSATION_ID }]);
    await vi.waitFor(() => expect(screen.queryByText(handoff.reason)).toBeNull());
  });

  it("should show the draft and what sending it books, and send it as drafted", async () => {
    const { user, calls } = renderThread([DRAFT, QUIET], {
      "tenant.agent.sendDraft": () => ({ messageId: "7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b" }),
    });
    const strip = await screen.findByRole("region", { name: "AI agent" });
    expect(within(strip).getByText(DRAFT_BODY)).toBeTruthy();
    expect(await within(strip).findByText(/^Books Full Detail, Sat, Dec 5, 9:00\sAM$/)).toBeTruthy();

    await user.click(within(strip).getByRole("button", { name: "Send" }));
    expect(inputsOf(calls, "tenant.agent.sendDraft")).toEqual([{ conversationId: CONVERSATION_ID }]);
    await vi.waitFor(() => expect(screen.queryByText(DRAFT_BODY)).toBeNull());
  });

  it("should show a 409's message when the drafted time is no longer free, and keep the draft", async () => {
    const { user } = renderThread([DRAFT], {
      "tenant.agent.sendDraft": () => {
        throw apiError(
          "CONFLICT",
          "That time was just taken. Dismiss the draft and offer one of the open times, or reply yourself.",
          undefined,
          { code: "DRAFT_STALE", reason: "taken", alternatives: ["2026-12-05T11:00:00-06:00"] },
        );
      },
    });
    const strip = await screen.findByRole("region", { name: "AI agent" });
    await user.click(within(strip).getByRole("button", { name: "Send" }));
    const alert = await within(strip).findByRole("alert");
    expect(alert.textContent).toContain("That time was just taken. Dismiss the draft and offer one of the open times");
    expect(alert.textContent).toMatch(/Open times nearby: Sat, Dec 5, 11:00\sAM\./);
    expect(within(strip).getByText(DRAFT_BODY)).toBeTruthy();
    expect(within(strip).getByRole("button", { name: "Send" })).toBeTruthy();
  });

  it("should put the draft in the reply box to edit, and send the edited text through sendDraft", async () => {
    const { user, calls } = renderThread([DRAFT, QUIET], {
      "tenant.agent.sendDraft": () => ({ messageId: "7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b" }),
    });
    const strip = await screen.findByRole("region", { name: "AI agent" });
    await user.click(within(strip).getByRole("button", { name: "Edit" }));
    const box = screen.getByLabelText(/^Edit the agent's draft/) as HTMLTextAreaElement;
    await vi.waitFor(() => expect(box.value).toBe(DRAFT_BODY));
    expect(within(strip).queryByRole("button", { name: "Send" })).toBeNull();

    await user.clear(box);
    await user.type(box, "Hi Dana! Sat, Dec 5 at 9:00 AM works. Reply YES and it's yours.");
    await user.click(screen.getByRole("button", { name: "Send draft" }));
    expect(inputsOf(calls, "tenant.agent.sendDraft")).toEqual([
      { conversationId: CONVERSATION_ID, body: "Hi Dana! Sat, Dec 5 at 9:00 AM works. Reply YES and it's yours." },
    ]);
    expect(inputsOf(calls, "tenant.inbox.reply")).toEqual([]);
    // Sent: back to an ordinary reply box, and the draft is gone.
    expect(await screen.findByRole("textbox", { name: "Reply" })).toBeTruthy();
    await vi.waitFor(() => expect(screen.queryByText(DRAFT_BODY)).toBeNull());
  });

  it("should show a 409 on an edited draft in the reply box, and keep the text", async () => {
    const { user } = renderThread([DRAFT], {
      "tenant.agent.sendDraft": () => {
        throw apiError("CONFLICT", "Sat, Dec 5 at 9:00 AM was just taken.");
      },
    });
    const strip = await screen.findByRole("region", { name: "AI agent" });
    await user.click(within(strip).getByRole("button", { name: "Edit" }));
    const box = screen.getByLabelText(/^Edit the agent's draft/) as HTMLTextAreaElement;
    await vi.waitFor(() => expect(box.value).toBe(DRAFT_BODY));
    await user.click(screen.getByRole("button", { name: "Send draft" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The draft wasn't sent");
    expect(alert.textContent).toContain("Sat, Dec 5 at 9:00 AM was just taken.");
    expect(box.value).toBe(DRAFT_BODY);

    await user.click(screen.getByRole("button", { name: "Cancel edit" }));
    expect((screen.getByRole("textbox", { name: "Reply" }) as HTMLTextAreaElement).value).toBe("");
    expect(within(strip).getByRole("button", { name: "Send" })).toBeTruthy();
  });

  it("should dismiss the draft", async () => {
    const { user, calls } = renderThread([DRAFT, QUIET], { "tenant.agent.dismissDraft": () => ({ ok: true }) });
    const strip = await screen.findByRole("region", { name: "AI agent" });
    await user.click(within(strip).getByRole("button", { name: "Dismiss" }));
    expect(inputsOf(calls, "tenant.agent.dismissDraft")).toEqual([{ conversationId: CONVERSATION_ID }]);
    await vi.waitFor(() => expect(screen.queryByText(DRAFT_BODY)).toBeNull());
    expect(inputsOf(calls, "tenant.agent.sendDraft")).toEqual([]);
  });
});

describe("Conversation list agent badges", () => {
  it("should mark conversations that need a person or have a draft waiting", () => {
    const base = {
      customer: { id: "c", name: "Dana Whitfield", phone: "+15555550150" },
      tenantNumber: "+15555550100",
      preview: "Saturday?",
      lastMessageAt: "2026-12-02T15:00:00.000Z",
      lastDirection: "inbound" as const,
      unreadCount: 0,
      optedOutAt: null,
      needsConsentReview: false,
    };
    const api = createTestApi({ "tenant.inbox.consentReviews": () => ({ items: [], total: 0, nextCursor: null }) });
    render(
      <ConversationList
        items={[
          { ...base, id: "11111111-1111-4111-8111-111111111111", agentHandoff: true, agentDraft: false },
          { ...base, id: "22222222-2222-4222-8222-222222222222", agentHandoff: false, agentDraft: true },
          { ...base, id: "33333333-3333-4333-8333-333333333333", agentHandoff: false, agentDraft: false },
        ]}
        selectedId={null}
        onSelect={() => {}}
        hasMore={false}
        loadingMore={false}
        onLoadMore={() => {}}
      />,
      { wrapper: api.Providers },
    );
    const [handoff, draft, plain] = screen.getAllByRole("button");
    expect(within(handoff!).getByText("Needs a person")).toBeTruthy();
    expect(handoff!.getAttribute("aria-label")).toContain(", needs a person");
    expect(within(draft!).getByText("Draft")).toBeTruthy();
    expect(draft!.getAttribute("aria-label")).toContain(", agent draft waiting");
    expect(within(plain!).queryByText("Needs a person")).toBeNull();
    expect(within(plain!).queryByText("Draft")).toBeNull();
  });
});
