// The portal's sign-in in a DOM: a number that cannot be dialled is a field error and sends
// nothing; a code is asked for the number as E.164; a short code is refused before it is sent; a
// wrong code says how many tries are left; an expired one asks for a new code, which waits out the
// resend cool-down; the right code with "remember this device" signs in.
import { apiError, createTestApi } from "@servicepro/web/testing";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { PortalSignIn } from "../src/signin/PortalSignIn.tsx";

const CHALLENGE = {
  message: "If (512) 555-0191 is a customer's number, we've texted a code. It expires in 10 minutes.",
  resendAfterSeconds: 30,
};

function renderSignIn(verify: (input: unknown) => unknown) {
  const api = createTestApi({
    "portal.auth.requestCode": () => CHALLENGE,
    "portal.auth.verifyCode": verify,
  });
  const onSignedIn = vi.fn();
  render(<PortalSignIn slug="green-lawn" businessName="Green Lawn Co" onSignedIn={onSignedIn} />, {
    wrapper: api.Providers,
  });
  return { ...api, onSignedIn, user: userEvent.setup() };
}

const callsTo = (calls: { path: string; input: unknown }[], path: string) =>
  calls.filter((call) => call.path === path).map((call) => call.input);

async function askForCode(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText(/^Mobile number/), "(512) 555-0191");
  await user.click(screen.getByRole("button", { name: "Text me a code" }));
  await screen.findByLabelText(/^6-digit code/);
}

describe("PortalSignIn", () => {
  it("should refuse a number it cannot dial without sending it, and ask for a code for the number as E.164", async () => {
    const { user, calls } = renderSignIn(() => ({ ok: true }));
    const phone = screen.getByLabelText(/^Mobile number/);
    await user.type(phone, "12");
    await user.click(screen.getByRole("button", { name: "Text me a code" }));
    expect(await screen.findByText(/is not a phone number we can dial/)).toBeTruthy();
    expect(calls).toEqual([]);

    await user.clear(phone);
    await user.type(phone, "(512) 555-0191");
    await vi.waitFor(() => expect(screen.queryByText(/is not a phone number we can dial/)).toBeNull());
    await user.click(screen.getByRole("button", { name: "Text me a code" }));
    expect(await screen.findByText(CHALLENGE.message)).toBeTruthy();
    expect(callsTo(calls, "portal.auth.requestCode")).toEqual([{ slug: "green-lawn", phone: "+15125550191" }]);
  });

  it("should refuse a short code before sending it, say how many tries are left, and ask for a new code when it has expired", async () => {
    let answers = 0;
    const { user, calls, onSignedIn } = renderSignIn(() => {
      answers += 1;
      if (answers === 1) {
        throw apiError("BAD_REQUEST", "That code isn't right.", undefined, { code: "CODE_INVALID", triesLeft: 3 });
      }
      throw apiError("BAD_REQUEST", "That code has expired.", undefined, { code: "CODE_EXPIRED" });
    });
    await askForCode(user);
    const code = screen.getByLabelText(/^6-digit code/);
    expect(document.activeElement).toBe(code);

    await user.type(code, "123");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText(/Enter the 6-digit code we texted you/)).toBeTruthy();
    expect(callsTo(calls, "portal.auth.verifyCode")).toEqual([]);

    await user.type(code, "456");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("That code isn't right. 3 tries left.")).toBeTruthy();

    await user.clear(code);
    await user.type(code, "654321");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("That code has expired. Ask for a new code below.");
    expect((code as HTMLInputElement).value).toBe("");
    expect(onSignedIn).not.toHaveBeenCalled();
    // The resend waits out the server's cool-down, counting down.
    const resend = screen.getByRole("button", { name: /^Send a new code in 0:[0-3]\d$/ });
    expect(resend.hasAttribute("disabled")).toBe(true);
    expect(callsTo(calls, "portal.auth.verifyCode")).toEqual([
      { slug: "green-lawn", phone: "+15125550191", code: "123456", remember: false },
      { slug: "green-lawn", phone: "+15125550191", code: "654321", remember: false },
    ]);
  });

  it("should sign in with the right code, remembering the device when asked", async () => {
    const { user, calls, onSignedIn } = renderSignIn(() => ({ ok: true }));
    await askForCode(user);
    await user.type(screen.getByLabelText(/^6-digit code/), " 246810 ");
    await user.click(screen.getByRole("checkbox", { name: /Remember this device/ }));
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    expect(callsTo(calls, "portal.auth.verifyCode")).toEqual([
      { slug: "green-lawn", phone: "+15125550191", code: "246810", remember: true },
    ]);
  });
});
