// The AI agent page's recent activity: each run's customer, text, intent, action, brain and outcome,
// a link to its conversation, and older runs a page at a time.
import { createTestApi } from "@servicepro/web/testing";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { AgentRuns } from "../src/agent/AgentRuns.tsx";
import { RoutedPage } from "./with-router.tsx";

const run = (n: number, overrides: object = {}) => ({
  id: `run-${n}`,
  conversationId: `0b7e6a4c-1d2f-4e3a-9b8c-7d6e5f4a3b${String(n).padStart(2, "0")}`,
  customer: { name: null, phone: "+15125550142" },
  inbound: `text ${n}`,
  intent: "book",
  action: "offer_slots",
  brain: "rules",
  outcome: "sent",
  at: "2026-12-02T09:30:00.000Z",
  ...overrides,
});

describe("AgentRuns", () => {
  it("should list what the agent did, link each run to its conversation, and load older runs", async () => {
    const api = createTestApi({
      "tenant.agent.runs": (input) =>
        (input as { cursor?: string }).cursor === "page-2"
          ? {
              items: [
                run(3, {
                  outcome: "skipped",
                  inbound: "auto-reply: out of office",
                  intent: null,
                  action: null,
                  brain: null,
                }),
              ],
              nextCursor: null,
            }
          : {
              items: [
                run(1, {
                  customer: { name: "Dana Whitfield", phone: "+15125550142" },
                  intent: "human",
                  action: "handoff",
                  outcome: "handed_off",
                  brain: "model",
                }),
                run(2),
              ],
              nextCursor: "page-2",
            },
    });
    render(
      <RoutedPage>
        <AgentRuns />
      </RoutedPage>,
      { wrapper: api.Providers },
    );
    const list = await screen.findByRole("list", { name: "Recent agent activity" });
    const [first, second] = within(list).getAllByRole("listitem");
    expect(within(first!).getByText("Dana Whitfield")).toBeTruthy();
    expect(within(first!).getByText("“text 1”")).toBeTruthy();
    expect(within(first!).getByText("Asked for a person")).toBeTruthy();
    expect(within(first!).getByText("Handed to your team")).toBeTruthy();
    expect(within(first!).getByText("AI model")).toBeTruthy();
    expect(within(first!).getByText("Needs a person")).toBeTruthy();
    expect(
      within(first!).getByRole("link", { name: "Open the conversation with Dana Whitfield" }).getAttribute("href"),
    ).toBe("/app/inbox?conversation=0b7e6a4c-1d2f-4e3a-9b8c-7d6e5f4a3b01");
    expect(within(second!).getByText("Offered times")).toBeTruthy();
    expect(within(second!).getByText("Sent")).toBeTruthy();

    await userEvent.setup().click(screen.getByRole("button", { name: "Show older activity" }));
    expect(await screen.findByText("“auto-reply: out of office”")).toBeTruthy();
    const skipped = screen.getByText("“auto-reply: out of office”").closest("li")!;
    expect(within(skipped).getByText("Skipped")).toBeTruthy();
    // Not read at all: nothing claims what it understood or did.
    expect(within(skipped).queryByText("Understood")).toBeNull();
    expect(within(skipped).queryByText("Did")).toBeNull();
    await vi.waitFor(() => expect(screen.queryByRole("button", { name: "Show older activity" })).toBeNull());
    const pages = api.calls.filter((call) => call.path === "tenant.agent.runs").map((call) => call.input);
    expect(pages).toEqual([
      expect.objectContaining({ limit: 20 }),
      expect.objectContaining({ limit: 20, cursor: "page-2" }),
    ]);
    expect(pages[0]).not.toHaveProperty("cursor");
  });
});
