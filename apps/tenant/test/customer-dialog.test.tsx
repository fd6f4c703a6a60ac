// The customer and asset forms in a DOM: the API's own rules as the fields are filled in (a number
// that can't be dialled, a bad email, a too-long tag), errors that go once the value is right, a
// server's 409 shown on the phone field, and the parsed values sent.
import { createTestApi, fieldErrors } from "@servicepro/web/testing";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { AssetDialog } from "../src/customers/AssetDialog.tsx";
import { CustomerDialog } from "../src/customers/CustomerDialog.tsx";

const PROFILE = {
  id: "6f0a4c1e-3b9d-4c55-9a0e-1d2b3c4d5e6f",
  name: "Dana Whitfield",
  phone: "+15125550142",
  altPhones: [],
  email: null,
  address: null,
  notes: null,
  tags: ["vip"],
  source: "staff",
  createdAt: "2026-12-01T10:00:00.000Z",
  updatedAt: "2026-12-01T10:00:00.000Z",
  lastSeenAt: null,
  lastVisitAt: null,
  visitCount: 0,
  lifetimeSpendCents: 0,
  consent: null,
};

function renderCustomerDialog(create: (input: unknown) => unknown = () => PROFILE) {
  const api = createTestApi({
    "tenant.customers.create": create,
    "tenant.customers.list": () => ({ items: [], nextCursor: null }),
  });
  const onSaved = vi.fn();
  render(<CustomerDialog onClose={() => {}} onSaved={onSaved} />, { wrapper: api.Providers });
  return { ...api, onSaved, user: userEvent.setup() };
}

const inputsOf = (calls: { path: string; input: unknown }[], path: string) =>
  calls.filter((call) => call.path === path).map((call) => call.input);

describe("CustomerDialog", () => {
  it("should refuse a number that can't be dialled and clear the message once it is corrected", async () => {
    const { user, calls } = renderCustomerDialog();
    await user.type(screen.getByLabelText(/^Name/), "Dana Whitfield");
    const phone = screen.getByLabelText(/^Mobile number/);
    await user.type(phone, "555-01");
    await user.click(screen.getByRole("button", { name: "Add customer" }));
    expect(await screen.findByText(/The customer's phone number is not a phone number we can dial/)).toBeTruthy();
    expect(inputsOf(calls, "tenant.customers.create")).toEqual([]);

    await user.clear(phone);
    await user.type(phone, "(512) 555-0142");
    expect(screen.queryByText(/not a phone number we can dial/)).toBeNull();
  });

  it("should check the email and each tag with the API's rules", async () => {
    const { user, calls } = renderCustomerDialog();
    await user.type(screen.getByLabelText(/^Name/), "Dana Whitfield");
    await user.type(screen.getByLabelText(/^Mobile number/), "(512) 555-0142");
    await user.type(screen.getByLabelText(/^Email/), "dana@");
    await user.type(screen.getByLabelText(/^Tags/), `vip, ${"x".repeat(33)}`);
    await user.click(screen.getByRole("button", { name: "Add customer" }));
    expect(await screen.findByText("Enter a valid email address.")).toBeTruthy();
    expect(await screen.findByText("Each tag can be at most 32 characters.")).toBeTruthy();
    expect(inputsOf(calls, "tenant.customers.create")).toEqual([]);
  });

  it("should send the parsed values: E.164 numbers, lower-cased tags, empty fields as none", async () => {
    const { user, calls, onSaved } = renderCustomerDialog();
    await user.type(screen.getByLabelText(/^Name/), "  Dana Whitfield ");
    await user.type(screen.getByLabelText(/^Mobile number/), "(512) 555-0142");
    await user.type(screen.getByLabelText(/^Other numbers/), "512.555.0143");
    await user.type(screen.getByLabelText(/^Tags/), "VIP, Fleet, vip");
    await user.click(screen.getByRole("button", { name: "Add customer" }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(inputsOf(calls, "tenant.customers.create")).toEqual([
      {
        name: "Dana Whitfield",
        phone: "+15125550142",
        altPhones: ["+15125550143"],
        email: null,
        address: null,
        notes: null,
        tags: ["vip", "fleet"],
      },
    ]);
  });

  it("should show the server's refusal of a taken number on the phone field", async () => {
    const taken = "+15125550142 already belongs to Owen Park.";
    const { user } = renderCustomerDialog(() => {
      throw fieldErrors([{ path: ["phone"], message: taken }]);
    });
    await user.type(screen.getByLabelText(/^Name/), "Dana Whitfield");
    await user.type(screen.getByLabelText(/^Mobile number/), "(512) 555-0142");
    await user.click(screen.getByRole("button", { name: "Add customer" }));
    expect(await screen.findByText(taken)).toBeTruthy();
  });
});

describe("AssetDialog", () => {
  const kinds = [
    {
      kind: "vehicle" as const,
      fields: ["year", "make", "model", "sizeClass", "colour"],
      sizeClasses: [
        { id: "sedan", label: "Coupe or sedan" },
        { id: "suv", label: "Small SUV or crossover" },
      ],
    },
  ];

  it("should ask for the pack's fields, offer its sizes, refuse a bad year, and send the details", async () => {
    const api = createTestApi({ "tenant.customers.addAsset": () => ({}) });
    const onClose = vi.fn();
    render(<AssetDialog customerId={PROFILE.id} kinds={kinds} onClose={onClose} />, { wrapper: api.Providers });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Year/), "1800");
    await user.type(screen.getByLabelText(/^Make/), "Toyota");
    await user.type(screen.getByLabelText(/^Model/), "RAV4");
    await user.selectOptions(screen.getByLabelText(/^Size/), "suv");
    await user.click(screen.getByRole("button", { name: "Add" }));
    expect(await screen.findByText("Enter a year from 1900 on.")).toBeTruthy();
    expect(inputsOf(api.calls, "tenant.customers.addAsset")).toEqual([]);

    const year = screen.getByLabelText(/^Year/);
    await user.clear(year);
    await user.type(year, "2021");
    await user.click(screen.getByRole("button", { name: "Add" }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(inputsOf(api.calls, "tenant.customers.addAsset")).toEqual([
      {
        customerId: PROFILE.id,
        kind: "vehicle",
        details: { year: 2021, make: "Toyota", model: "RAV4", sizeClass: "suv" },
        notes: null,
      },
    ]);
  });
});
