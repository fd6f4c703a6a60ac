// The concierge wizard's first step in a DOM: the step is checked with the server's own rules when
// it is left (an 81-character name, a slug another business has), not at the review.
import { createTestApi } from "@servicepro/web/testing";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { NewBusinessPage } from "../src/concierge/NewBusinessPage.tsx";

const TAKEN = 'The slug "green-lawn" is already used by Green Lawn Co. Choose another, e.g. "green-lawn-2".';

function renderWizard() {
  const api = createTestApi({
    "admin.concierge.checkSlug": (input) => {
      const { slug } = input as { slug: string };
      return slug === "green-lawn"
        ? { slug, available: false, message: TAKEN }
        : { slug, available: true, message: null };
    },
  });
  render(<NewBusinessPage />, { wrapper: api.Providers });
  return { ...api, user: userEvent.setup() };
}

const stepHeading = (title: string) => screen.getByRole("heading", { name: new RegExp(`Step \\d of 8: ${title}$`) });

describe("the wizard's business step", () => {
  it("should refuse an 81-character name when the step is left, and clear the error once it is shortened", async () => {
    const { user, calls } = renderWizard();
    const name = screen.getByLabelText(/^Business name/);

    await user.click(name);
    await user.paste("G".repeat(81));
    await user.click(screen.getByRole("button", { name: "Next: Owner contact" }));

    expect(await screen.findByText("The business name can be at most 80 characters.")).toBeTruthy();
    expect(stepHeading("Business")).toBeTruthy();
    expect(calls.filter((call) => call.path === "admin.concierge.checkSlug")).toEqual([]);

    await user.type(name, "{Backspace}");
    expect(screen.queryByText("The business name can be at most 80 characters.")).toBeNull();
  });

  it("should refuse a slug another business has, naming it, and go on with a free one", async () => {
    const { user, calls } = renderWizard();

    await user.type(screen.getByLabelText(/^Business name/), "Green Lawn");
    expect((screen.getByLabelText(/^Slug/) as HTMLInputElement).value).toBe("green-lawn");
    await user.click(screen.getByRole("button", { name: "Next: Owner contact" }));

    const slug = screen.getByLabelText(/^Slug/);
    expect(await screen.findByText(TAKEN)).toBeTruthy();
    expect(slug.getAttribute("aria-invalid")).toBe("true");
    expect(stepHeading("Business")).toBeTruthy();

    await user.type(slug, "-two");
    expect(screen.queryByText(TAKEN)).toBeNull();
    await user.click(screen.getByRole("button", { name: "Next: Owner contact" }));
    await vi.waitFor(() => expect(stepHeading("Owner contact")).toBeTruthy());
    expect(calls.filter((call) => call.path === "admin.concierge.checkSlug").map((call) => call.input)).toEqual([
      { slug: "green-lawn" },
      { slug: "green-lawn-two" },
    ]);
  });

  it("should refuse a route word as a slug without asking the server", async () => {
    const { user, calls } = renderWizard();

    await user.type(screen.getByLabelText(/^Business name/), "Admin");
    await user.click(screen.getByRole("button", { name: "Next: Owner contact" }));

    expect(await screen.findByText(/That slug is a word ServicePro uses for its own pages/)).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it("should check the owner's phone and email with the server's rules, accepting a national number", async () => {
    const { user } = renderWizard();
    await user.type(screen.getByLabelText(/^Business name/), "Evergreen Lawn");
    await user.click(screen.getByRole("button", { name: "Next: Owner contact" }));
    await vi.waitFor(() => expect(stepHeading("Owner contact")).toBeTruthy());

    await user.type(screen.getByLabelText(/^Owner's name/), "Dana Evergreen");
    await user.type(screen.getByLabelText(/^Mobile phone/), "12");
    await user.type(screen.getByLabelText(/^Email/), "dana@evergreen");
    await user.click(screen.getByRole("button", { name: "Next: Industry pack" }));

    expect(await screen.findByText(/The owner's mobile number is not a phone number we can dial/)).toBeTruthy();
    expect(screen.getByText("Enter a valid email address.")).toBeTruthy();

    await user.clear(screen.getByLabelText(/^Mobile phone/));
    await user.type(screen.getByLabelText(/^Mobile phone/), "512.555.0142");
    expect(screen.queryByText(/is not a phone number we can dial/)).toBeNull();
    expect(screen.getByText(/Reads as \(512\) 555-0142\./)).toBeTruthy();
  });
});
