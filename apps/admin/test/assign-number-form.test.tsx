// AssignNumberForm in a DOM: a number typed as people write it is read with the shared phone
// schema and sent as E.164; a malformed one is refused before the server is asked; a number
// another business has is named on the field.
import { apiError, createTestApi } from "@servicepro/web/testing";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { AssignNumberForm } from "../src/phone/AssignNumberForm.tsx";

function renderForm(assign: (input: unknown) => unknown) {
  const api = createTestApi({ "admin.phoneNumbers.assign": assign, "admin.phoneNumbers.list": () => [] });
  render(<AssignNumberForm tenantId="green-lawn" tenantName="Green Lawn Co" />, { wrapper: api.Providers });
  return { ...api, user: userEvent.setup() };
}

const assigns = (calls: { path: string; input: unknown }[]) =>
  calls.filter((call) => call.path === "admin.phoneNumbers.assign").map((call) => call.input);

describe("AssignNumberForm", () => {
  it("should send a national-format number as E.164 and show it formatted", async () => {
    const { user, calls } = renderForm((input) => ({ ...(input as object), tenantId: "green-lawn" }));
    await user.type(screen.getByLabelText(/^Phone number/), "(512) 555-0188");
    await user.type(screen.getByLabelText("Label (optional)"), "Main line");
    await user.click(screen.getByRole("button", { name: "Assign number" }));

    expect(await screen.findByText(/\(512\) 555-0188 now rings Green Lawn Co\./)).toBeTruthy();
    expect(assigns(calls)).toEqual([{ tenantId: "green-lawn", phoneNumber: "+15125550188", label: "Main line" }]);
    expect((screen.getByLabelText(/^Phone number/) as HTMLInputElement).value).toBe("");
  });

  it("should refuse a number that cannot be dialled without asking the server, and clear it once fixed", async () => {
    const { user, calls } = renderForm(() => ({}));
    const phone = screen.getByLabelText(/^Phone number/);
    await user.type(phone, "555-0199");
    await user.click(screen.getByRole("button", { name: "Assign number" }));

    expect(await screen.findByText(/^The phone number is not a phone number we can dial/)).toBeTruthy();
    expect(assigns(calls)).toEqual([]);

    await user.clear(phone);
    await user.type(phone, "+44 20 7946 0958");
    expect(screen.queryByText(/is not a phone number we can dial/)).toBeNull();
  });

  it("should name the business that already has the number, on the field", async () => {
    const { user } = renderForm(() => {
      throw apiError("CONFLICT", "(512) 555-0188 is already assigned to Sunny Pools.");
    });
    await user.type(screen.getByLabelText(/^Phone number/), "512 555 0188");
    await user.click(screen.getByRole("button", { name: "Assign number" }));

    const message = await screen.findByText("(512) 555-0188 is already assigned to Sunny Pools.");
    expect(message.closest(".sp-field")?.querySelector("input")?.getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByText("The number wasn't assigned")).toBeNull();
  });
});
