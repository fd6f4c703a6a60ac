// The new-campaign composer with the API scripted: the live count follows the filters after a pause
// (not at each key press), a bad filter is refused with the shared schema's words, a template fills
// the name and message, sample texts from real customers show as bubbles, "Save draft" sends the
// parsed campaign; staff who aren't
// admins are told so; a plan without campaigns gets the upgrade notice in the server's words.
import type { SignedInContext } from "@servicepro/web";
import { apiError, createTestApi } from "@servicepro/web/testing";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { NewCampaignPage } from "../src/campaigns/CampaignComposerPage.tsx";
import { CampaignsLoadError } from "../src/campaigns/CampaignsLoadError.tsx";
import { RoutedPage } from "./with-router.tsx";

const SERVICE_ID = "5b0c7a52-1d5e-4f6a-9b1c-2d3e4f5a6b7c";
const CAMPAIGN_ID = "c0ffee00-1d5e-4f6a-9b1c-2d3e4f5a6b7c";

const BODY = "Hi {first_name}, it's been a while. Pick a time: {booking_link}";

type PreviewInput = { audience: { lastVisitMoreThanDays?: number; tags?: string[] }; body?: string };

function renderComposer(role: "tenant_admin" | "tenant_staff" = "tenant_admin") {
  const api = createTestApi({
    "tenant.overview": () => ({ tenant: { id: "green-lawn", name: "Green Lawn Co", slug: "green-lawn" } }),
    "tenant.booking.settings": () => ({
      timeZone: "America/Chicago",
      quietHoursStart: "21:00",
      quietHoursEnd: "08:00",
    }),
    "tenant.catalog.services": () => [{ id: SERVICE_ID, name: "Weekly Mowing", active: true }],
    "tenant.loyalty.settings": () => ({ tiers: [{ name: "Gold", minPoints: 500 }] }),
    "tenant.campaigns.audiencePreview": (input) => {
      const { audience, body } = input as PreviewInput;
      const count = audience.lastVisitMoreThanDays ? 2 : 12;
      return {
        count,
        samples: body
          ? [
              {
                customerId: "c1",
                name: "Dana Brooks",
                phone: "+15555550125",
                text: `Green Lawn Co: ${body}`,
                segments: 1,
              },
            ]
          : [],
        message: null,
      };
    },
    "tenant.campaigns.templates": () => [
      {
        key: "lawn-care/fall-aeration-overseeding",
        name: "Fall aeration and overseeding",
        body: "Hi {first_name}, fall is the time to aerate and overseed: {booking_link}",
        season: { fromMonth: 8, toMonth: 9 },
        inSeason: false,
      },
      { key: "generic/we-miss-you", name: "We miss you", body: BODY, season: null, inSeason: null },
    ],
    "tenant.campaigns.create": (input) => ({ id: CAMPAIGN_ID, status: "draft", ...(input as object) }),
  });
  render(
    <RoutedPage>
      <NewCampaignPage context={{ role } as SignedInContext} />
    </RoutedPage>,
    { wrapper: api.Providers },
  );
  return { ...api, user: userEvent.setup() };
}

const callsTo = (calls: { path: string; input: unknown }[], path: string) =>
  calls.filter((call) => call.path === path).map((call) => call.input);

describe("NewCampaignPage", () => {
  it("should count the audience live after a pause in typing, and refuse a bad filter with the schema's words", async () => {
    const { user, calls } = renderComposer();
    expect(await screen.findByText("customers match")).toBeTruthy();
    expect(screen.getByText("12")).toBeTruthy();
    expect(screen.getByText(/Only customers who agreed to offers by text and haven't opted out/)).toBeTruthy();

    await user.type(screen.getByLabelText(/^Last visit more than/), "90");
    await waitFor(() => expect(screen.getByText("2")).toBeTruthy());
    const audiences = callsTo(calls, "tenant.campaigns.audiencePreview").map(
      (input) => (input as PreviewInput).audience,
    );
    expect(audiences).toEqual([{}, { lastVisitMoreThanDays: 90 }]);

    const within0 = screen.getByLabelText(/^Last visit within/);
    await user.type(within0, "0");
    await user.tab();
    expect(await screen.findByText("Use at least 1 day.")).toBeTruthy();
    expect(screen.getByText("Fix the filters marked above to count the audience.")).toBeTruthy();
    await user.clear(within0);
    expect(screen.queryByText("Use at least 1 day.")).toBeNull();
    await waitFor(() => expect(screen.queryByText(/Fix the filters/)).toBeNull());
  });

  it("should start from a template, show real customers' texts and save the parsed campaign as a draft", async () => {
    const { user, calls } = renderComposer();
    const picker = await screen.findByLabelText("Start from a template");
    expect(await within(picker).findByRole("option", { name: "Fall aeration and overseeding (Aug–Sep)" })).toBeTruthy();
    await user.selectOptions(picker, "generic/we-miss-you");
    expect(screen.getByText(BODY)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Use template" }));
    expect((screen.getByLabelText(/^Name/) as HTMLInputElement).value).toBe("We miss you");
    expect((screen.getByRole("textbox", { name: /^Message/ }) as HTMLTextAreaElement).value).toBe(BODY);

    await user.click(screen.getByLabelText("Weekly Mowing"));
    await user.type(screen.getByLabelText(/^Tags/), "vip{Enter}");
    expect(within(screen.getByRole("list", { name: "Tags in the audience" })).getByText("vip")).toBeTruthy();
    const samples = await screen.findByRole("list", { name: "Texts for customers in the audience" });
    expect(within(samples).getByText(`Green Lawn Co: ${BODY}`)).toBeTruthy();
    expect(within(samples).getByText("Dana Brooks")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Save draft" }));
    await waitFor(() =>
      expect(callsTo(calls, "tenant.campaigns.create")).toEqual([
        {
          name: "We miss you",
          body: BODY,
          audience: { serviceIds: [SERVICE_ID], tags: ["vip"] },
          templateKey: "generic/we-miss-you",
        },
      ]),
    );
  });

  it("should tell staff who aren't admins that only admins write campaigns", async () => {
    renderComposer("tenant_staff");
    expect(await screen.findByRole("heading", { name: "Only admins can write campaigns" })).toBeTruthy();
  });
});

describe("CampaignsLoadError", () => {
  it("should show the plan's upgrade notice in the server's words, not an error", async () => {
    const message = "SMS campaigns are part of the Pro plan; ask the account owner to upgrade.";
    const error = apiError("FORBIDDEN", message, undefined, {
      code: "PLAN_FEATURE_REQUIRED",
      feature: "campaigns",
      requiredTier: "pro",
    });
    render(
      <RoutedPage>
        <CampaignsLoadError title="Your campaigns couldn't be loaded" error={error} />
      </RoutedPage>,
    );
    expect(await screen.findByRole("heading", { name: "Campaigns aren't on your plan" })).toBeTruthy();
    expect(screen.getByText(message)).toBeTruthy();
    expect(screen.getByRole("link", { name: "See your plan" }).getAttribute("href")).toBe("/app/plan");
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
