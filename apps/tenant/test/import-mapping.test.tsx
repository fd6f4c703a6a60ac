// The import's Columns step in a DOM: prefilled from what the server would read, the file's values
// under each choice, the shared rules refusing a mapping before it is sent (and their errors going
// as soon as the mapping is right), several columns for a field that reads several, the parsed
// mapping sent, and the server's refusals shown on their fields and in the summary.
import { createTestApi, fieldErrors } from "@servicepro/web/testing";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ColumnMapping, type ColumnMappingFile } from "../src/imports/ColumnMapping.tsx";

const ID = "0d9a8a3c-6f2e-4c57-9a35-3e4a1f3c2b10";
const FILE: ColumnMappingFile = {
  headers: ["Cliente", "Movil", "Casa", "Correo"],
  samples: [
    { Cliente: "Ana Ruiz", Movil: "(512) 555-0801", Casa: "", Correo: "ana@example.com" },
    { Cliente: "Ben Cole", Movil: "", Casa: "512-555-0802", Correo: "" },
    { Cliente: "Cy Dunn", Movil: "512-555-0803", Casa: "", Correo: "cy@example.com" },
  ],
  mapping: { name: ["Cliente"] },
};
const MISSING = "Map a column to Phone or Email.";

function renderStep(setMapping: (input: unknown) => unknown = () => ({ id: ID, preset: null })) {
  const api = createTestApi({ "tenant.imports.setMapping": setMapping });
  const onSaved = vi.fn();
  render(<ColumnMapping importId={ID} kind="customers" fileName="clientes.csv" file={FILE} onSaved={onSaved} />, {
    wrapper: api.Providers,
  });
  const sent = () => api.calls.filter((c) => c.path === "tenant.imports.setMapping").map((c) => c.input);
  return { ...api, onSaved, sent, user: userEvent.setup() };
}

/** A field's select (its label also names the field's row, a group). */
const select = (name: string | RegExp) => screen.getByRole("combobox", { name }) as HTMLSelectElement;
const phone = () => select(/^Phone \(/);
const email = () => select(/^Email \(/);
const submit = () => screen.getByRole("button", { name: "Use these columns" });

describe("ColumnMapping", () => {
  it("starts from the server's mapping, marks what is required and shows the file's values for a choice", async () => {
    const { user } = renderStep();
    expect(select("Full name").value).toBe("Cliente");
    expect(phone().value).toBe("");
    expect(screen.getByText("(required, or email)")).toBeTruthy();
    // The customers kind's fields only.
    expect(screen.queryByRole("combobox", { name: /^Points balance/ })).toBeNull();

    const name = screen.getByRole("group", { name: "Full name" });
    expect(within(name).getByText("Ana Ruiz")).toBeTruthy();
    expect(within(name).getByText("Cy Dunn")).toBeTruthy();

    await user.selectOptions(phone(), "Movil");
    const phoneRow = screen.getByRole("group", { name: /^Phone/ });
    // Ben's row has no mobile: the first three values there are shown.
    expect(within(phoneRow).getByText("(512) 555-0801")).toBeTruthy();
    expect(within(phoneRow).getByText("512-555-0803")).toBeTruthy();
    const described = phone().getAttribute("aria-describedby")?.split(" ") ?? [];
    expect(described.map((id) => document.getElementById(id)?.textContent ?? "")).toEqual([
      expect.stringContaining("The number texts go to."),
      expect.stringContaining("In the file:"),
    ]);
  });

  it("refuses a mapping with no phone nor email before sending, and clears the error once email is chosen", async () => {
    const { user, sent } = renderStep();
    await user.click(submit());

    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(within(screen.getByRole("alert")).getByText(`Phone: ${MISSING}`)).toBeTruthy();
    expect(phone().getAttribute("aria-invalid")).toBe("true");
    const errorId = phone().getAttribute("aria-describedby")?.split(" ").at(-1) ?? "";
    expect(document.getElementById(errorId)?.textContent).toBe(MISSING);
    expect(sent()).toEqual([]);

    await user.selectOptions(email(), "Correo");
    expect(screen.queryByText(MISSING)).toBeNull();
    expect(phone().getAttribute("aria-invalid")).toBeNull();
  });

  it("refuses one column for two fields, on the second, with the shared rule's words", async () => {
    const { user, sent } = renderStep();
    await user.selectOptions(phone(), "Movil");
    await user.selectOptions(select("Other phone"), "Movil");
    await user.click(submit());
    expect(
      await screen.findAllByText(
        '"Movil" is already read as Phone: a column fills one field. Choose another column for Other phone.',
        { exact: false },
      ),
    ).toHaveLength(2);
    expect(select("Other phone").getAttribute("aria-invalid")).toBe("true");
    expect(sent()).toEqual([]);
  });

  it("takes several columns for the phone and sends the mapping without the fields left out", async () => {
    const { user, sent, onSaved } = renderStep();
    await user.selectOptions(phone(), "Movil");
    await user.click(screen.getByRole("button", { name: "Add another column to Phone" }));
    await user.selectOptions(select("Phone, column 2"), "Casa");
    await user.selectOptions(email(), "Correo");
    await user.click(submit());

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith({ id: ID, preset: null }));
    expect(sent()).toEqual([
      { importId: ID, mapping: { name: ["Cliente"], phone: ["Movil", "Casa"], email: ["Correo"] } },
    ]);
  });

  it("shows the server's refusal on its field and in the summary", async () => {
    const refusedEmail = 'The file has no column "Correo" (chosen for Email). Choose one of its columns.';
    const { user, onSaved } = renderStep(() => {
      throw fieldErrors([
        { path: ["mapping", "email"], message: refusedEmail },
        { path: ["mapping"], message: "The file was replaced while its columns were being chosen." },
      ]);
    });
    await user.selectOptions(email(), "Correo");
    await user.click(submit());

    const summary = await screen.findByRole("alert");
    expect(within(summary).getByText(`Email: ${refusedEmail}`)).toBeTruthy();
    expect(within(summary).getByText("The file was replaced while its columns were being chosen.")).toBeTruthy();
    expect(email().getAttribute("aria-invalid")).toBe("true");
    expect(onSaved).not.toHaveBeenCalled();
  });
});
