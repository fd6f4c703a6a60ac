// Test mode's thread: each text goes to tenant.agent.sandbox with the thread so far; under the reply,
// what the agent understood and did, which brain, the times it offered, what a real text would have
// booked, the tool calls (collapsed) and the guards' refusals; a failure is shown inline.
import { apiError, createTestApi } from "@servicepro/web/testing";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { AgentTestPage, TestThread } from "../src/agent/AgentTestPage.tsx";
import { RoutedPage } from "./with-router.tsx";

const SERVICE_ID = "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d";

const OFFER = {
  intent: "book",
  secondaryIntents: ["price"],
  action: "offer_slots",
  reply: "I can do Sat, Dec 5 at 9:00 AM or 11:00 AM for a Full Detail ($180). Which works?",
  toolCalls: [
    {
      name: "find_open_times",
      args: { serviceId: SERVICE_ID, from: "2026-12-05T00:00:00-06:00" },
      result: { starts: ["2026-12-05T09:00:00-06:00", "2026-12-05T11:00:00-06:00"] },
    },
    { name: "quote_price", args: { serviceId: SERVICE_ID }, result: { text: "$180" } },
  ],
  writes: [],
  proposedStarts: ["2026-12-05T09:00:00-06:00", "2026-12-05T11:00:00-06:00"],
  brain: "rules",
  refusals: ["The model offered a 20% discount; no discount is configured."],
  handoff: null,
  language: "en",
};
const BOOKED = {
  ...OFFER,
  intent: "confirm",
  secondaryIntents: [],
  action: "book",
  reply: "You're booked: Full Detail, Sat, Dec 5 at 9:00 AM.",
  toolCalls: [{ name: "book", args: { start: "2026-12-05T09:00:00-06:00" }, result: { ok: true } }],
  writes: [
    {
      kind: "appointment.book",
      appointmentId: "dry-run",
      serviceId: SERVICE_ID,
      start: "2026-12-05T09:00:00-06:00",
      addOnIds: [],
    },
  ],
  proposedStarts: [],
  refusals: [],
};

function renderThread(sandbox: (input: unknown) => unknown) {
  const api = createTestApi({
    "tenant.agent.sandbox": sandbox,
    "tenant.catalog.services": () => [{ id: SERVICE_ID, name: "Full Detail" }],
    "tenant.catalog.addOns": () => [],
  });
  render(<TestThread />, { wrapper: api.Providers });
  return { ...api, user: userEvent.setup() };
}

const sandboxInputs = (calls: { path: string; input: unknown }[]) =>
  calls.filter((call) => call.path === "tenant.agent.sandbox").map((call) => call.input);

describe("Test mode", () => {
  it("should show the reply and, under it, the intent, action, brain, times, tool calls and refusals", async () => {
    const { user, calls } = renderThread(() => OFFER);
    await user.type(screen.getByLabelText(/^Your text, as the customer/), "full detail sat morning? how much");
    await user.click(screen.getByRole("button", { name: "Send" }));

    expect(await screen.findByText(OFFER.reply)).toBeTruthy();
    expect(sandboxInputs(calls)).toEqual([{ history: [], inbound: "full detail sat morning? how much" }]);
    const details = screen.getByRole("region", { name: /Why the agent answered this way/ });
    const facts = within(details);
    expect(facts.getByText("Book")).toBeTruthy();
    expect(facts.getByText(/also: Price question/)).toBeTruthy();
    expect(facts.getByText("Offered times")).toBeTruthy();
    expect(facts.getByText("Rules engine")).toBeTruthy();
    expect(facts.getAllByRole("time").map((time) => time.textContent)).toEqual([
      expect.stringMatching(/^Sat, Dec 5, 9:00\sAM$/),
      expect.stringMatching(/^Sat, Dec 5, 11:00\sAM$/),
    ]);
    expect(facts.getByText("Refused by the guards")).toBeTruthy();
    expect(facts.getByText(OFFER.refusals[0]!)).toBeTruthy();

    const tools = facts.getByText(/^2 tool calls: find_open_times, quote_price$/);
    const toolDetails = tools.closest("details")!;
    expect(toolDetails.open).toBe(false);
    await user.click(tools);
    expect(toolDetails.open).toBe(true);
    expect(toolDetails.textContent).toContain(`"serviceId": "${SERVICE_ID}"`);
    expect(toolDetails.textContent).toContain('"2026-12-05T11:00:00-06:00"');
    expect(toolDetails.textContent).toContain('"text": "$180"');
  });

  it("should send the thread so far with each text, and describe what a real text would have booked", async () => {
    const answers = [OFFER, BOOKED];
    const { user, calls } = renderThread(() => answers.shift());
    const box = screen.getByLabelText(/^Your text, as the customer/);
    await user.type(box, "full detail sat morning?");
    await user.click(screen.getByRole("button", { name: "Send" }));
    await screen.findByText(OFFER.reply);
    await user.type(box, "9 works");
    await user.click(screen.getByRole("button", { name: "Send" }));

    expect(await screen.findByText(BOOKED.reply)).toBeTruthy();
    expect(sandboxInputs(calls)[1]).toEqual({
      history: [
        { from: "customer", text: "full detail sat morning?" },
        { from: "agent", text: OFFER.reply },
      ],
      inbound: "9 works",
    });
    const second = screen.getByRole("region", { name: "Why the agent answered this way (reply 2)" });
    expect(within(second).getByText("Booked")).toBeTruthy();
    expect(await within(second).findByText(/^Books Full Detail, Sat, Dec 5, 9:00\sAM$/)).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "New conversation" }));
    expect(screen.queryByText(OFFER.reply)).toBeNull();
    await user.type(box, "hi");
    answers.push({ ...OFFER, intent: "greeting", reply: "Hi! How can I help?" });
    await user.click(screen.getByRole("button", { name: "Send" }));
    await screen.findByText("Hi! How can I help?");
    expect(sandboxInputs(calls)[2]).toEqual({ history: [], inbound: "hi" });
  });

  it("should show a failure inline and put the text back to try again", async () => {
    const { user } = renderThread(() => {
      throw apiError("FORBIDDEN", "Your plan doesn't include the AI SMS agent.");
    });
    const box = screen.getByLabelText(/^Your text, as the customer/) as HTMLTextAreaElement;
    await user.type(box, "hello?");
    await user.click(screen.getByRole("button", { name: "Send" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The agent couldn't answer");
    expect(alert.textContent).toContain("Your plan doesn't include the AI SMS agent.");
    await vi.waitFor(() => expect(box.value).toBe("hello?"));
    expect(screen.queryByText("The agent is answering…")).toBeNull();
  });
});

describe("Test mode page", () => {
  it("should say that nothing is booked or sent, and point to the plan when the agent isn't in it", async () => {
    const api = createTestApi({
      "tenant.agent.settings.get": () => ({
        mode: "off",
        pauseMinutes: 60,
        maxRepliesPerHour: 6,
        planAllows: false,
        brain: "rules",
      }),
    });
    render(
      <RoutedPage>
        <AgentTestPage />
      </RoutedPage>,
      { wrapper: api.Providers },
    );
    expect(await screen.findByText("Nothing is booked or sent in test mode")).toBeTruthy();
    expect(await screen.findByText("Your plan doesn't include the AI SMS agent")).toBeTruthy();
    expect(screen.getByRole("link", { name: "See your plan" }).getAttribute("href")).toBe("/app/plan");
    expect(screen.queryByLabelText(/^Your text, as the customer/)).toBeNull();
  });
});
