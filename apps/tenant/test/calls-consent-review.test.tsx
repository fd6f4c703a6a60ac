// A call the opt-out classifier was unsure about: the calls log flags it "May ask to stop texts" and
// offers the same two decisions as a flagged text, sent with the call's id; a withheld caller can
// only be dismissed (there is no number to opt out), and a decided call is no longer flagged.
import { createTestApi } from "@servicepro/web/testing";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { CallConsentReview, type CallConsentReviewCall } from "../src/calls/CallConsentReview.tsx";

const CALL_ID = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const pending: CallConsentReviewCall = {
  id: CALL_ID,
  fromNumber: "+15555550150",
  customerName: "Dana Whitfield",
  callerName: null,
  forwardedFrom: null,
  callerWithheld: false,
  routedByFallback: false,
  consentReview: "pending",
};

function renderCell(call: CallConsentReviewCall) {
  const api = createTestApi({
    "tenant.inbox.resolveConsentReview": (input) => ({
      consentReview: (input as { decision: string }).decision === "opt_out" ? "opted_out" : "dismissed",
      changed: true,
    }),
  });
  const view = render(<CallConsentReview call={call} />, { wrapper: api.Providers });
  return { ...api, ...view, user: userEvent.setup() };
}
const decisions = (calls: { path: string; input: unknown }[]) =>
  calls.filter((call) => call.path === "tenant.inbox.resolveConsentReview").map((call) => call.input);

describe("CallConsentReview", () => {
  it("should flag a pending call and opt its number out by call id", async () => {
    const { user, calls } = renderCell(pending);
    expect(screen.getByText("May ask to stop texts")).toBeTruthy();
    expect(screen.getByText("This call may be asking to stop texts.")).toBeTruthy();
    expect(screen.getByText(/Dana Whitfield/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Opt out this number" }));
    await vi.waitFor(() => expect(decisions(calls)).toEqual([{ callId: CALL_ID, decision: "opt_out" }]));
  });

  it("should dismiss by call id", async () => {
    const { user, calls } = renderCell(pending);
    await user.click(screen.getByRole("button", { name: "Not an opt-out" }));
    await vi.waitFor(() => expect(decisions(calls)).toEqual([{ callId: CALL_ID, decision: "dismiss" }]));
  });

  it("should offer only the dismissal for a withheld caller", () => {
    renderCell({ ...pending, customerName: null, fromNumber: "+266696687", callerWithheld: true });
    expect(screen.queryByRole("button", { name: "Opt out this number" })).toBeNull();
    expect(screen.getByRole("button", { name: "Not an opt-out" })).toBeTruthy();
    expect(screen.getByText(/number was withheld/)).toBeTruthy();
  });

  it("should show nothing for a call never flagged or dismissed, and the outcome of an opt-out", () => {
    expect(renderCell({ ...pending, consentReview: null }).container.textContent).toBe("");
    expect(renderCell({ ...pending, consentReview: "dismissed" }).container.textContent).toBe("");
    expect(renderCell({ ...pending, consentReview: "opted_out" }).container.textContent).toBe("Opted out by staff");
  });
});
