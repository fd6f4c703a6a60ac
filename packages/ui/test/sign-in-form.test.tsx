// SignInForm in a DOM: typed into and submitted as a person would.
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { SignInForm } from "../src/index.ts";

describe("SignInForm", () => {
  it("should refuse a malformed email with the server's message and clear it once corrected", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<SignInForm onSubmit={onSubmit} />);
    const email = screen.getByLabelText(/^Email/);

    await user.type(email, "jo@example");
    await user.type(screen.getByLabelText(/^Password/), "correct horse");
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Enter a valid email address.")).toBeTruthy();

    await user.type(email, ".com");
    expect(screen.queryByText("Enter a valid email address.")).toBeNull();
    expect(email.getAttribute("aria-invalid")).toBeNull();
  });

  it("should submit the parsed values: the email trimmed and lower-cased, the password as typed", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<SignInForm onSubmit={onSubmit} />);

    await user.type(screen.getByLabelText(/^Email/), "  Jo@Example.COM ");
    await user.type(screen.getByLabelText(/^Password/), " pass word ");
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    expect(onSubmit).toHaveBeenCalledWith({ email: "jo@example.com", password: " pass word " });
  });

  it("should say which fields are missing when submitted empty", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<SignInForm onSubmit={onSubmit} />);

    await user.click(screen.getByRole("button", { name: "Sign in" }));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText("Enter your email address.")).toBeTruthy();
    expect(screen.getByText("Enter your password.")).toBeTruthy();
  });

  it("should show a server's field error on its field", () => {
    render(<SignInForm onSubmit={vi.fn()} fieldErrors={{ password: "That password is too long." }} />);
    const password = screen.getByLabelText(/^Password/);
    expect(password.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("That password is too long.")).toBeTruthy();
  });
});
