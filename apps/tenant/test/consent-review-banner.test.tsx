// The opt-out review banner above a flagged text: both decisions reach the API with the message id,
// a double click sends one decision, and a refusal (someone else decided first) is shown.
import { apiError, createTestApi } from "@servicepro/web/testing";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ConsentReviewBanner } from "../src/inbox/ConsentReviewBanner.tsx";

const MESSAGE_ID = "6f0a4c1e-3b9d-4c55-9a0e-1d2b3c4d5e6f";

function renderBanner(resolve: (input: unknown) => unknown) {
  const api = createTestApi({ "tenant.inbox.resolveConsentReview": resolve });
  render(<ConsentReviewBanner messageId={MESSAGE_ID} customerName="Dana Whitfield" />, { wrapper: api.Providers });
  return { ...api, user: userEvent.setup() };
}

const decisions = (calls: { path: string; input: unknown }[]) =>
  calls.filter((call) => call.path === "tenant.inbox.resolveConsentReview").map((call) => call.input);

describe("ConsentReviewBanner", () => {
  it("should say what it is about and offer both decisions", () => {
    renderBanner(() => ({ consentReview: "opted_out", changed: true }));
    expect(screen.getByText("This text may be asking to stop texts.")).toBeTruthy();
    expect(screen.getByText(/Dana Whitfield/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Opt out this number" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Not an opt-out" })).toBeTruthy();
  });

  it("should opt the number out once, however often the button is clicked", async () => {
    let release: () => void = () => {};
    const answered = new Promise<void>((resolve) => (release = resolve));
    const { user, calls } = renderBanner(async () => {
      await answered;
      return { consentReview: "opted_out", changed: true };
    });
    const button = screen.getByRole("button", { name: "Opt out this number" });
    await user.click(button);
    await user.click(button);
    release();
    await vi.waitFor(() => expect(decisions(calls)).toEqual([{ messageId: MESSAGE_ID, decision: "opt_out" }]));
  });

  it("should send a dismissal as 'Not an opt-out'", async () => {
    const { user, calls } = renderBanner(() => ({ consentReview: "dismissed", changed: true }));
    await user.click(screen.getByRole("button", { name: "Not an opt-out" }));
    await vi.waitFor(() => expect(decisions(calls)).toEqual([{ messageId: MESSAGE_ID, decision: "dismiss" }]));
  });

  it("should show the API's refusal when someone else decided first", async () => {
    const { user } = renderBanner(() => {
      throw apiError("CONFLICT", "Someone already marked this text as not an opt-out. Reload the inbox.");
    });
    await user.click(screen.getByRole("button", { name: "Opt out this number" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/already marked this text as not an opt-out/);
  });
});
