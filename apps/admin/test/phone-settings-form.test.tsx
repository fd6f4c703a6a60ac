// PhoneSettingsForm in a DOM: the forwarding number is read like every phone field (any spelling,
// sent as E.164), and "Settings saved" is said only while the form shows what was saved.
import { createTestApi } from "@servicepro/web/testing";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { PhoneSettingsForm } from "../src/phone/PhoneSettingsForm.tsx";

type Config = Parameters<typeof PhoneSettingsForm>[0]["config"];

const config: Config = {
  phoneNumber: "+15555550101",
  tenantId: "green-lawn",
  label: "Main line",
  messagingServiceSid: null,
  ivrMode: "forward",
  forwardTo: "+15125550100",
  greeting: null,
  afterHoursMode: "voicemail",
  voicemailEnabled: true,
  missedCallTextEnabled: false,
  missedCallText: null,
  missedCallTextWindowMinutes: 60,
  helpText: null,
  advancedOptOut: false,
  bookingUrl: null,
  address: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  warnings: [],
};

function renderForm() {
  const api = createTestApi({
    "admin.phoneNumbers.update": (input) => ({ ...config, ...(input as Partial<Config>) }),
    "admin.phoneNumbers.list": () => ({ numbers: [] }),
  });
  render(<PhoneSettingsForm config={config} aiVoiceIncluded />, { wrapper: api.Providers });
  return { ...api, user: userEvent.setup() };
}

describe("PhoneSettingsForm", () => {
  it("should show the forwarding number formatted and send a new one, typed nationally, as E.164", async () => {
    const { user, calls } = renderForm();
    const forward = screen.getByLabelText("Forward calls to") as HTMLInputElement;
    expect(forward.value).toBe("(512) 555-0100");

    await user.clear(forward);
    await user.type(forward, "512.555.0199");
    await user.click(screen.getByRole("button", { name: "Save settings" }));

    expect(await screen.findByText("+15555550101 answers with the new settings from the next call.")).toBeTruthy();
    expect(calls.find((call) => call.path === "admin.phoneNumbers.update")?.input).toMatchObject({
      phoneNumber: "+15555550101",
      forwardTo: "+15125550199",
      label: "Main line",
      missedCallTextWindowMinutes: 60,
    });

    // Edited since: the notice no longer describes what the form shows.
    await user.type(screen.getByLabelText("Label"), " 2");
    expect(screen.queryByText("Settings saved")).toBeNull();
  });

  it("should refuse a forwarding number that cannot be dialled, before asking the server", async () => {
    const { user, calls } = renderForm();
    const forward = screen.getByLabelText("Forward calls to");
    await user.clear(forward);
    await user.type(forward, "call me");
    await user.click(screen.getByRole("button", { name: "Save settings" }));

    expect(await screen.findByText(/^The forwarding number is not a phone number we can dial/)).toBeTruthy();
    expect(calls.filter((call) => call.path === "admin.phoneNumbers.update")).toEqual([]);
  });

  it("should send Advanced Opt-Out once ticked (Twilio then answers HELP and the keywords itself)", async () => {
    const { user, calls } = renderForm();
    const box = screen.getByLabelText("Twilio's Advanced Opt-Out is on for this number") as HTMLInputElement;
    expect(box.checked).toBe(false);
    await user.click(box);
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    await screen.findByText("+15555550101 answers with the new settings from the next call.");
    expect(calls.find((call) => call.path === "admin.phoneNumbers.update")?.input).toMatchObject({
      advancedOptOut: true,
    });
  });
});
