// The inbox's "Needs review (N)" toggle: hidden while nothing waits for an opt-out decision; on, it
// lists the pending texts (which open their conversation) and calls (which lead to the calls log).
import { createTestApi } from "@servicepro/web/testing";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ConversationList } from "../src/inbox/ConversationList.tsx";

const CONVERSATION = {
  id: "11111111-1111-4111-8111-111111111111",
  customer: { name: "Dana Whitfield", phone: "+15555550150" },
  preview: "See you Tuesday",
  lastMessageAt: "2026-12-02T15:00:00.000Z",
  lastDirection: "inbound",
  unreadCount: 0,
  optedOutAt: null,
  needsConsentReview: false,
} as never;

const TEXT_REVIEW = {
  kind: "text",
  messageId: "22222222-2222-4222-8222-222222222222",
  conversationId: "33333333-3333-4333-8333-333333333333",
  customer: { name: null, phone: "+15555550151" },
  text: "enough",
  score: 0.6,
  createdAt: "2026-12-02T16:00:00.000Z",
};
const CALL_REVIEW = {
  kind: "call",
  callId: "44444444-4444-4444-8444-444444444444",
  caller: { name: "Lee Park", phone: "+15555550152" },
  channel: "voicemail",
  text: "quit messaging me please",
  createdAt: "2026-12-02T15:30:00.000Z",
};

function renderList(reviews: { items: unknown[]; total: number }) {
  const api = createTestApi({ "tenant.inbox.consentReviews": () => ({ ...reviews, nextCursor: null }) });
  const onSelect = vi.fn();
  render(
    <ConversationList
      items={[CONVERSATION]}
      selectedId={null}
      onSelect={onSelect}
      hasMore={false}
      loadingMore={false}
      onLoadMore={() => {}}
    />,
    { wrapper: api.Providers },
  );
  return { onSelect, queryClient: api.queryClient, user: userEvent.setup() };
}

describe("ConversationList review filter", () => {
  it("should not offer the filter when nothing needs review", async () => {
    const { queryClient } = renderList({ items: [], total: 0 });
    // Inside act, so the answer's render is flushed before act returns: first the queue answers,
    // then React Query hands the result to React on its next macrotask (its notifyManager).
    await act(async () => {
      await vi.waitFor(() =>
        expect(
          queryClient
            .getQueryCache()
            .findAll()
            .some((query) => query.state.status === "success"),
        ).toBe(true),
      );
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    });
    expect(screen.queryByRole("button", { name: /Needs review/ })).toBeNull();
    expect(screen.getByRole("navigation", { name: "Conversations" })).toBeTruthy();
  });

  it("should list pending texts and calls, open a text's conversation, and link a call to the calls log", async () => {
    const { user, onSelect } = renderList({ items: [TEXT_REVIEW, CALL_REVIEW], total: 2 });
    const toggle = await screen.findByRole("button", { name: "Needs review (2)" });
    expect(toggle.getAttribute("aria-pressed")).toBe("false");
    await user.click(toggle);
    expect(toggle.getAttribute("aria-pressed")).toBe("true");
    const list = screen.getByRole("navigation", { name: "Needs review" });
    expect(within(list).queryByText("See you Tuesday")).toBeNull();

    const call = within(list).getByRole("link", { name: /Call from Lee Park, needs review/ });
    expect(call.getAttribute("href")).toBe("/calls");
    expect(call.textContent).toContain("quit messaging me please");

    await user.click(within(list).getByRole("button", { name: /Text from \(555\) 555-0151, needs review: enough/ }));
    expect(onSelect).toHaveBeenCalledWith(TEXT_REVIEW.conversationId);

    await user.click(toggle);
    expect(screen.getByRole("navigation", { name: "Conversations" })).toBeTruthy();
  });
});
