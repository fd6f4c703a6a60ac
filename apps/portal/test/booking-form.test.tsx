// The public booking form in a DOM: texts are opt-in (the box starts unticked and an unticked box
// sends no consent), a time someone else took is refused with the server's sentence and the
// nearest times as buttons (picking one books that time), and a link's `?service=` (a rebook
// reminder's) starts the form on that service, unless the page doesn't offer it.
import { bookingConsentText, bookingMarketingConsentText } from "@servicepro/validators";
import { apiError, createTestApi } from "@servicepro/web/testing";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { BookingForm } from "../src/booking/BookingForm.tsx";

const TIME_ZONE = "America/Chicago";
const SERVICE_ID = "3f6c2a1e-8d4b-4e2a-9c1f-5b7d9e0a1c2d";

const PAGE = {
  business: { name: "Green Lawn Co", slug: "green-lawn", timeZone: TIME_ZONE },
  onlineBookingEnabled: true,
  services: [
    {
      id: SERVICE_ID,
      name: "Weekly Mowing",
      description: "",
      durationMinutes: 60,
      priceCents: 4500,
      priceMinCents: null,
      priceMaxCents: null,
      priceLabel: "$45",
      quoteOnly: false,
      assetKind: null,
      sizeClasses: [],
      addOns: [],
    },
  ],
  policies: {
    depositCents: 0,
    cancellationWindowHours: 24,
    cancellationFeeCents: 0,
    leadTimeMinutes: 60,
    bookingWindowDays: 30,
  },
  smsConsentText: bookingConsentText("Green Lawn Co"),
  marketingConsentText: bookingMarketingConsentText("Green Lawn Co"),
};

/** Open starts two and three days from now, on the hour: inside the 14 days the form shows. */
const hourFromNow = (hours: number) => new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + hours * 3_600_000);
const FIRST = hourFromNow(48).toISOString();
const NEAREST = hourFromNow(49).toISOString();

const bookedAnswer = (input: unknown) => {
  const { startsAt } = input as { startsAt: string };
  return {
    appointmentId: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
    status: "booked",
    startsAt,
    endsAt: new Date(new Date(startsAt).getTime() + 3_600_000).toISOString(),
    timeZone: TIME_ZONE,
    businessName: "Green Lawn Co",
    serviceName: "Weekly Mowing",
    priceCents: 4500,
    priceMinCents: null,
    priceMaxCents: null,
    priceLabel: "$45",
    depositCents: 0,
    textsEnabled: false,
  };
};

function renderForm(create: (input: unknown) => unknown, initialServiceId?: string) {
  const api = createTestApi({
    "booking.availability": () => ({ timeZone: TIME_ZONE, durationMinutes: 60, starts: [FIRST, NEAREST] }),
    "booking.create": create,
  });
  const onBooked = vi.fn();
  render(
    <BookingForm
      slug="green-lawn"
      page={PAGE}
      onBooked={onBooked}
      {...(initialServiceId ? { initialServiceId } : {})}
    />,
    { wrapper: api.Providers },
  );
  return { ...api, onBooked, user: userEvent.setup() };
}

const createInputs = (calls: { path: string; input: unknown }[]) =>
  calls.filter((call) => call.path === "booking.create").map((call) => call.input as Record<string, unknown>);

async function chooseFirstTime(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("radio", { name: /Weekly Mowing/ }));
  const days = await screen.findByRole("group", { name: "Days" });
  const open = await vi.waitFor(() => {
    const enabled = within(days)
      .getAllByRole("button")
      .filter((button) => !button.hasAttribute("disabled"));
    expect(enabled.length).toBeGreaterThan(0);
    return enabled[0]!;
  });
  await user.click(open);
  const times = await screen.findByRole("group", { name: "Open times" });
  await user.click(within(times).getAllByRole("button")[0]!);
}

async function fillDetails(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText(/^Name/), "Robin Booker");
  await user.type(screen.getByLabelText(/^Mobile number/), "(512) 555-0191");
}

describe("BookingForm", () => {
  it("should leave the texts box unticked and send no consent when it is not ticked", async () => {
    const { user, calls, onBooked } = renderForm(bookedAnswer);
    const consent = screen.getByRole("checkbox", { name: /appointment texts/ });
    expect((consent as HTMLInputElement).checked).toBe(false);
    const offers = screen.getByRole("checkbox", { name: /offers and news by text/ });
    expect((offers as HTMLInputElement).checked).toBe(false);

    await chooseFirstTime(user);
    await fillDetails(user);
    await user.click(screen.getByRole("button", { name: "Book" }));
    await vi.waitFor(() => expect(onBooked).toHaveBeenCalled());
    expect(createInputs(calls)).toEqual([
      expect.objectContaining({
        startsAt: FIRST,
        smsConsent: false,
        marketingConsent: false,
        phone: "+15125550191",
        name: "Robin Booker",
      }),
    ]);
  });

  it("should send the offers box as its own consent, apart from the texts box", async () => {
    const { user, calls, onBooked } = renderForm(bookedAnswer);
    await chooseFirstTime(user);
    await fillDetails(user);
    await user.click(screen.getByRole("checkbox", { name: /offers and news by text/ }));
    await user.click(screen.getByRole("button", { name: "Book" }));
    await vi.waitFor(() => expect(onBooked).toHaveBeenCalled());
    expect(createInputs(calls)).toEqual([
      expect.objectContaining({ startsAt: FIRST, smsConsent: false, marketingConsent: true }),
    ]);
  });

  it("should show a taken time's message and the nearest times as buttons, and book the one picked", async () => {
    const taken = `That time is already booked. The nearest open times: ${NEAREST}.`;
    let attempts = 0;
    const { user, calls, onBooked } = renderForm((input) => {
      attempts += 1;
      if (attempts === 1) {
        throw apiError("CONFLICT", taken, [{ path: ["startsAt"], message: taken }], {
          code: "SLOT_TAKEN",
          reason: "taken",
          alternatives: [NEAREST],
        });
      }
      return bookedAnswer(input);
    });
    await chooseFirstTime(user);
    await fillDetails(user);
    await user.click(screen.getByRole("checkbox", { name: /appointment texts/ }));
    await user.click(screen.getByRole("button", { name: "Book" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("That time is already booked.");
    const nearest = within(screen.getByRole("group", { name: "Nearest open times" })).getAllByRole("button");
    expect(nearest).toHaveLength(1);
    expect(onBooked).not.toHaveBeenCalled();

    await user.click(nearest[0]!);
    await vi.waitFor(() => expect(onBooked).toHaveBeenCalled());
    const inputs = createInputs(calls);
    expect(inputs).toHaveLength(2);
    expect(inputs[0]).toMatchObject({ startsAt: FIRST, smsConsent: true });
    expect(inputs[1]).toMatchObject({ startsAt: NEAREST, smsConsent: true, name: "Robin Booker" });
  });

  it("should start on the service a link names, with its open times, and book it", async () => {
    const { user, calls, onBooked } = renderForm(bookedAnswer, SERVICE_ID);
    expect((screen.getByRole("radio", { name: /Weekly Mowing/ }) as HTMLInputElement).checked).toBe(true);
    // The open times load on their own (no click to wrap them): wait inside act, with RTL's waitFor.
    const days = await screen.findByRole("group", { name: "Days" });
    const open = await waitFor(() => {
      const enabled = within(days)
        .getAllByRole("button")
        .filter((button) => !button.hasAttribute("disabled"));
      expect(enabled.length).toBeGreaterThan(0);
      return enabled[0]!;
    });
    expect(calls.find((call) => call.path === "booking.availability")?.input).toMatchObject({ serviceId: SERVICE_ID });
    await user.click(open);
    await user.click(within(await screen.findByRole("group", { name: "Open times" })).getAllByRole("button")[0]!);
    await fillDetails(user);
    await user.click(screen.getByRole("button", { name: "Book" }));
    await vi.waitFor(() => expect(onBooked).toHaveBeenCalled());
    expect(createInputs(calls)).toEqual([expect.objectContaining({ serviceId: SERVICE_ID, startsAt: FIRST })]);
  });

  it("should choose nothing for a service the page doesn't offer", () => {
    renderForm(bookedAnswer, "00000000-0000-4000-8000-000000000000");
    expect((screen.getByRole("radio", { name: /Weekly Mowing/ }) as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText("Choose a service to see open times.")).toBeTruthy();
  });
});
