/** A business for the understand tests: a mobile detailer in Chicago with its services, add-ons and FAQs. */
import type { FactAddOn, FactFaq, FactService } from "../types.ts";
import type { UnderstandContext } from "./index.ts";

const service = (id: string, name: string, durationMinutes = 120): FactService => ({
  id,
  name,
  durationMinutes,
  price: { type: "range", minCents: 10_000, maxCents: 20_000 },
  notes: null,
  quoteOnly: false,
  rule: { days: null, dateRange: null, startWindows: null },
});

export const SERVICES: FactService[] = [
  service("maintenance-wash", "Maintenance Wash", 75),
  service("interior-refresh", "Interior Refresh", 90),
  service("full-interior", "Full Interior Detail", 180),
  service("exterior-detail", "Exterior Detail", 150),
  service("complete-detail", "Complete Detail", 300),
  service("one-step-correction", "One-Step Paint Correction", 360),
  service("ceramic-coating", "Ceramic Coating (3-Year)", 480),
  service("motorcycle-detail", "Motorcycle Detail", 120),
];

export const ADD_ONS: FactAddOn[] = [
  { id: "pet-hair", name: "Pet Hair Removal", priceCents: 5000, durationMinutes: 30, serviceIds: [], offerWhen: null },
  { id: "ozone", name: "Ozone Odor Treatment", priceCents: 7500, durationMinutes: 60, serviceIds: [], offerWhen: null },
  {
    id: "headlights",
    name: "Headlight Restoration",
    priceCents: 8000,
    durationMinutes: 45,
    serviceIds: [],
    offerWhen: null,
  },
  {
    id: "engine-bay",
    name: "Engine Bay Detail",
    priceCents: 6000,
    durationMinutes: 45,
    serviceIds: [],
    offerWhen: null,
  },
];

export const FAQS: FactFaq[] = [
  {
    id: "faq-water-power",
    question: "Do you need my water or electricity?",
    answer: "No. Our van carries its own water tank, generator and pressure washer.",
  },
  {
    id: "faq-rain",
    question: "What happens if it rains on my appointment day?",
    answer:
      "Interior work goes ahead in light rain. For exterior work we text you the evening before to move it at no charge.",
  },
  {
    id: "faq-duration",
    question: "How long will the detail take?",
    answer: "A maintenance wash takes about an hour and a quarter, a complete detail four to six hours.",
  },
  {
    id: "faq-home",
    question: "Do I need to be home while you work?",
    answer: "No. Many customers leave the keys in a lockbox. We text photos when we finish.",
  },
  {
    id: "faq-payment",
    question: "How do I pay, and do you take a deposit?",
    answer:
      "We take all major cards, Apple Pay and Google Pay when the job is done. Ceramic coating needs a $100 deposit.",
  },
  {
    id: "faq-cancel",
    question: "What is your cancellation policy and where do you travel?",
    answer: "Reschedule or cancel free with 24 hours' notice. We cover about 20 miles from our base.",
  },
  {
    id: "faq-stains",
    question: "Can you get out stains and smells?",
    answer:
      "Most food, coffee and mud stains come out with hot-water extraction. Smoke and pet odors need the ozone treatment.",
  },
];

/** Thursday 5 March 2026, 10:00 in Chicago. */
export const NOW = new Date("2026-03-05T10:00:00-06:00");

export function context(overrides: Partial<UnderstandContext> = {}): UnderstandContext {
  return {
    now: NOW,
    timeZone: "America/Chicago",
    services: SERVICES,
    addOns: ADD_ONS,
    faqs: FAQS,
    appointments: [],
    proposal: null,
    ...overrides,
  };
}
