import { describe, expect, it } from "vitest";
import type { AgentAppointment } from "../types.ts";
import { context, FAQS } from "./fixtures.test-support.ts";
import { understand } from "./index.ts";

const ctx = context();

describe("services and add-ons", () => {
  it.each([
    ["can I get a complete detail sat", ["complete-detail"]],
    ["ceramic coating price?", ["ceramic-coating"]],
    ["how much for a ceramic", ["ceramic-coating"]],
    ["paint correction", ["one-step-correction"]],
    ["need a motorcycle detial", ["motorcycle-detail"]],
    ["quiero un lavado de mantenimiento", ["maintenance-wash"]],
    ["exterior only", ["exterior-detail"]],
    ["full interior detail for my suv", ["full-interior"]],
  ] as [string, string[]][])("%s → %j", (text, ids) => {
    expect(understand(text, ctx).serviceIds[0]).toBe(ids[0]);
  });

  it("names nothing when unsure or when nothing is named", () => {
    expect(understand("can you come saturday", ctx).serviceIds).toEqual([]);
    expect(understand("yes", ctx).serviceIds).toEqual([]);
    expect(understand("detail", ctx).serviceIds).toEqual([]);
  });

  it("names add-ons", () => {
    expect(understand("can you add pet hair removal", ctx).addOnIds).toEqual(["pet-hair"]);
    expect(understand("and the headlights restored too", ctx).addOnIds).toContain("headlights");
  });
});

describe("FAQs", () => {
  it.each([
    ["do you need my water or electricity?", "faq-water-power"],
    ["do you guys need an outlet or a hose", "faq-water-power"],
    ["what happens if it rains", "faq-rain"],
    ["what if it's raining that day", "faq-rain"],
    ["how long does it take", "faq-duration"],
    ["do i have to be home", "faq-home"],
    ["how can I pay? do you take cards", "faq-payment"],
    ["aceptan tarjeta?", "faq-payment"],
    ["qué pasa si llueve?", "faq-rain"],
    ["what's your cancellation policy", "faq-cancel"],
    ["can you get coffee stains out", "faq-stains"],
    ["do you need a deposit", "faq-payment"],
  ])("%s → %s", (text, id) => {
    expect(understand(text, ctx).faqIds[0]).toBe(id);
  });

  it("answers nothing it was not asked (prefers missing to a wrong FAQ)", () => {
    for (const text of ["are you open on easter", "do you detail boats", "can I bring my own soap", "yes", "sat at 10"])
      expect(understand(text, ctx).faqIds, text).toEqual([]);
    expect(understand("do you need my water", context({ faqs: [] })).faqIds).toEqual([]);
    expect(FAQS.length).toBeGreaterThan(5);
  });
});

describe("appointments", () => {
  const appointment = (id: string, serviceId: string, serviceName: string, start: string): AgentAppointment => ({
    id,
    serviceId,
    serviceName,
    start: new Date(start),
    end: new Date(new Date(start).getTime() + 7_200_000),
    status: "booked",
    addOnIds: [],
  });
  const appointments = [
    appointment("a1", "maintenance-wash", "Maintenance Wash", "2026-03-07T10:00:00-06:00"),
    appointment("a2", "ceramic-coating", "Ceramic Coating (3-Year)", "2026-03-12T08:00:00-05:00"),
  ];
  const withAppointments = context({ appointments });

  it("names them by day, time or service", () => {
    expect(understand("cancel saturday", withAppointments).appointmentIds[0]).toBe("a1");
    expect(understand("move my ceramic appointment", withAppointments).appointmentIds[0]).toBe("a2");
    expect(understand("can we push the 8am", withAppointments).appointmentIds[0]).toBe("a2");
    expect(understand("cancel my thursday appointment", withAppointments).appointmentIds[0]).toBe("a2");
  });

  it("names none when the text does not", () => {
    expect(understand("cancel my appointment", withAppointments).appointmentIds).toEqual([]);
  });
});
