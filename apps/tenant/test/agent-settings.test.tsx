// The AI agent's settings form: the shared schema's messages as fields are filled in (and gone once
// corrected), the parsed numbers sent, what was stored shown, a refusal shown, and without the plan
// feature only "Off" can be chosen, with a link to the Plan page.
import { apiError, createTestApi } from "@servicepro/web/testing";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { AgentSettingsForm } from "../src/agent/AgentSettingsForm.tsx";
import { RoutedPage } from "./with-router.tsx";

type Settings = {
  mode: "off" | "suggest" | "autopilot";
  pauseMinutes: number;
  maxRepliesPerHour: number;
  planAllows: boolean;
  brain: "rules" | "model";
};
const SETTINGS: Settings = {
  mode: "suggest",
  pauseMinutes: 60,
  maxRepliesPerHour: 6,
  planAllows: true,
  brain: "rules",
};

function renderForm(
  settings: Partial<Settings> = {},
  update: (input: unknown) => unknown = (input) => ({ ...SETTINGS, ...(input as object) }),
  canEdit = true,
) {
  const api = createTestApi({ "tenant.agent.settings.update": update });
  render(
    <RoutedPage>
      <AgentSettingsForm settings={{ ...SETTINGS, ...settings }} canEdit={canEdit} />
    </RoutedPage>,
    { wrapper: api.Providers },
  );
  return { ...api, user: userEvent.setup() };
}

const updates = (calls: { path: string; input: unknown }[]) =>
  calls.filter((call) => call.path === "tenant.agent.settings.update").map((call) => call.input);

describe("AgentSettingsForm", () => {
  it("should show the schema's messages, send nothing, and clear each message once the value is right", async () => {
    const { user, calls } = renderForm();
    const pause = await screen.findByLabelText(/^Pause after a staff reply/);
    const cap = screen.getByLabelText(/^Agent texts per conversation per hour/);
    await user.clear(pause);
    await user.type(pause, "2");
    await user.clear(cap);
    await user.type(cap, "31");
    await user.click(screen.getByRole("button", { name: "Save agent settings" }));

    expect(await screen.findByText("Pause for at least 5 minutes.")).toBeTruthy();
    expect(screen.getByText("Allow at most 30 replies an hour.")).toBeTruthy();
    expect(pause.getAttribute("aria-invalid")).toBe("true");
    expect(updates(calls)).toEqual([]);

    await user.clear(pause);
    await user.type(pause, "2.5");
    expect(await screen.findByText("Use whole minutes.")).toBeTruthy();
    await user.clear(pause);
    await user.type(pause, "45");
    expect(screen.queryByText("Use whole minutes.")).toBeNull();
    expect(screen.queryByText("Pause for at least 5 minutes.")).toBeNull();
    expect(pause.getAttribute("aria-invalid")).toBeNull();
  });

  it("should send the chosen mode and the numbers, and then say what was stored", async () => {
    const { user, calls } = renderForm({}, () => ({ ...SETTINGS, mode: "autopilot", pauseMinutes: 30 }));
    await user.click(await screen.findByRole("radio", { name: /^Autopilot/ }));
    const pause = screen.getByLabelText(/^Pause after a staff reply/);
    await user.clear(pause);
    await user.type(pause, "30");
    await user.click(screen.getByRole("button", { name: "Save agent settings" }));

    await vi.waitFor(() =>
      expect(updates(calls)).toEqual([{ mode: "autopilot", pauseMinutes: 30, maxRepliesPerHour: 6 }]),
    );
    expect((await screen.findByText(/^Saved\./)).textContent).toBe("Saved. The agent is on: autopilot.");
    expect((screen.getByRole("radio", { name: /^Autopilot/ }) as HTMLInputElement).checked).toBe(true);
  });

  it("should show the server's refusal", async () => {
    const { user } = renderForm({}, () => {
      throw apiError("FORBIDDEN", "Your plan doesn't include the AI SMS agent. Ask the account owner to upgrade.");
    });
    await user.click(await screen.findByRole("radio", { name: /^Autopilot/ }));
    await user.click(screen.getByRole("button", { name: "Save agent settings" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The settings weren't saved");
    expect(alert.textContent).toContain("Your plan doesn't include the AI SMS agent.");
    expect(screen.queryByText(/^Saved\./)).toBeNull();
  });

  it("should offer only Off when the plan lacks the agent, and link to the Plan page", async () => {
    renderForm({ mode: "off", planAllows: false });
    const off = (await screen.findByRole("radio", { name: /^Off/ })) as HTMLInputElement;
    const suggest = screen.getByRole("radio", { name: /^Suggest replies/ }) as HTMLInputElement;
    const autopilot = screen.getByRole("radio", { name: /^Autopilot/ }) as HTMLInputElement;
    expect(off.disabled).toBe(false);
    expect(off.checked).toBe(true);
    expect(suggest.disabled).toBe(true);
    expect(autopilot.disabled).toBe(true);
    expect(screen.getAllByText("(not in your plan)")).toHaveLength(2);
    expect(screen.getByRole("link", { name: "See your plan" }).getAttribute("href")).toBe("/app/plan");
  });

  it("should explain each mode and the brain, and let staff who are not admins only read", async () => {
    renderForm({ brain: "model" }, undefined, false);
    expect(await screen.findByText(/nothing goes out or gets booked until someone presses Send/)).toBeTruthy();
    expect(screen.getByText("AI model.")).toBeTruthy();
    expect(screen.getByText("Your business's admins can change these settings.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Save agent settings" })).toBeNull();
    expect((screen.getByLabelText(/^Pause after a staff reply/) as HTMLInputElement).disabled).toBe(true);
    for (const radio of screen.getAllByRole("radio")) expect((radio as HTMLInputElement).disabled).toBe(true);
  });
});
