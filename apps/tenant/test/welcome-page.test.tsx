// The onboarding link's page in a DOM: the new password is checked with the server's rules
// (@servicepro/validators' newPasswordSchema) as it is typed, and the server's answer lands on the field.
import { PASSWORD_RULES_HINT } from "@servicepro/validators";
import { createTestApi, fieldErrors } from "@servicepro/web/testing";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { WelcomePage } from "../src/welcome/WelcomePage.tsx";

const TOKEN = "a".repeat(43);

beforeEach(() => {
  window.history.replaceState(null, "", `/app/welcome?token=${TOKEN}`);
});

function renderPage(complete: (input: unknown) => unknown) {
  const api = createTestApi({
    "onboarding.inspect": () => ({
      businessName: "Evergreen Lawn",
      ownerName: "Dana Evergreen",
      ownerEmail: "dana@evergreen.example",
    }),
    "onboarding.complete": complete,
  });
  render(<WelcomePage />, { wrapper: api.Providers });
  return { ...api, user: userEvent.setup() };
}

describe("WelcomePage", () => {
  it("should refuse a short password and a mismatch, and clear each error once fixed", async () => {
    const { user, calls } = renderPage(() => ({ ok: true }));
    const password = await screen.findByLabelText(/^New password/);
    expect(screen.getByText(PASSWORD_RULES_HINT)).toBeTruthy();

    await user.type(password, "short");
    await user.type(screen.getByLabelText(/^Confirm password/), "shorter");
    await user.click(screen.getByRole("button", { name: "Set password and continue" }));

    expect(await screen.findByText("Use at least 12 characters.")).toBeTruthy();
    expect(screen.getByText("The two passwords don't match.")).toBeTruthy();
    expect(calls.map((call) => call.path)).toEqual(["onboarding.inspect"]);

    await user.type(password, " enough now");
    expect(screen.queryByText("Use at least 12 characters.")).toBeNull();
    await user.clear(screen.getByLabelText(/^Confirm password/));
    await user.type(screen.getByLabelText(/^Confirm password/), "short enough now");
    expect(screen.queryByText("The two passwords don't match.")).toBeNull();
  });

  it("should refuse a repetitive password with the server's message", async () => {
    const { user } = renderPage(() => ({ ok: true }));
    await user.type(await screen.findByLabelText(/^New password/), "aaaaaaaaaaaaaaaa");
    await user.click(screen.getByRole("button", { name: "Set password and continue" }));
    expect(await screen.findByText("Use a less repetitive password.")).toBeTruthy();
  });

  it("should send the token and the password, and show the server's field error on the password", async () => {
    const { user, calls } = renderPage(() => {
      throw fieldErrors([{ path: ["password"], message: "That password appears in known data breaches." }]);
    });
    await user.type(await screen.findByLabelText(/^New password/), "correct horse battery");
    await user.type(screen.getByLabelText(/^Confirm password/), "correct horse battery");
    await user.click(screen.getByRole("button", { name: "Set password and continue" }));

    const message = await screen.findByText("That password appears in known data breaches.");
    expect(message.closest(".sp-field")?.querySelector("input")?.getAttribute("aria-invalid")).toBe("true");
    expect(calls.at(-1)).toEqual({
      path: "onboarding.complete",
      input: { token: TOKEN, password: "correct horse battery" },
    });
  });
});
