import { usd, usdRange } from "../money.ts";
import type { IndustryPack } from "../schema.ts";

export const mobileMechanic: IndustryPack = {
  id: "mobile-mechanic",
  name: "Mobile Mechanic",
  version: "1.1.0",
  summary:
    "Auto repair in the driveway or office lot: diagnostics, brakes, batteries, oil changes and pre-purchase inspections.",
  pricingFactors: [
    {
      id: "vehicle-type",
      label: "Vehicle",
      options: ["Compact or sedan", "SUV or minivan", "Light truck", "European or performance vehicle"],
    },
    { id: "parts-grade", label: "Parts", options: ["Quality aftermarket", "OEM (original equipment)"] },
    { id: "axle-count", label: "Brake work", options: ["Front axle", "Rear axle", "Both axles"] },
  ],
  services: [
    {
      id: "diagnostic",
      name: "Check Engine and Diagnostic Visit",
      description:
        "Scan-tool read of trouble codes and live data, a visual and hands-on inspection of the system involved, and a written repair estimate. Fee credited to the repair.",
      durationMinutes: 60,
      priceCents: usd(119),
      priceDependsOn: [],
      assetKind: "vehicle",
    },
    {
      id: "brake-job",
      name: "Brake Pads and Rotors",
      description:
        "Pads and rotors replaced per axle, slide pins cleaned and greased, caliper operation checked, brake fluid topped off and a test drive to bed in the pads.",
      durationMinutes: 120,
      priceCents: usdRange(285, 650),
      priceDependsOn: ["vehicle-type", "parts-grade", "axle-count"],
      assetKind: "vehicle",
      sizeAdjustments: [
        { sizeClass: "suv", durationMinutes: 15, priceCents: usd(40) },
        { sizeClass: "truck", durationMinutes: 30, priceCents: usd(80) },
      ],
    },
    {
      id: "oil-change",
      name: "Full Synthetic Oil Change",
      description:
        "Up to 6 quarts of full synthetic oil meeting your manufacturer's spec, a new filter, fluid top-off, tire pressure set and the maintenance light reset.",
      durationMinutes: 45,
      priceCents: usdRange(89, 139),
      priceDependsOn: ["vehicle-type"],
      assetKind: "vehicle",
      sizeAdjustments: [
        { sizeClass: "suv", durationMinutes: 0, priceCents: usd(15) },
        { sizeClass: "truck", durationMinutes: 15, priceCents: usd(30) },
      ],
    },
    {
      id: "battery-replace",
      name: "Battery Test and Replacement",
      description:
        "Battery load-tested and charging system checked; if it fails, a new battery with a 3-year warranty installed, terminals cleaned and the old one recycled.",
      durationMinutes: 45,
      priceCents: usdRange(189, 329),
      priceDependsOn: ["vehicle-type"],
      assetKind: "vehicle",
    },
    {
      id: "pre-purchase",
      name: "Pre-Purchase Inspection",
      description:
        "A 150-point inspection of a used car at the seller's location: scan, test drive, undercarriage, leaks, tires and brakes, with photos and a report before you buy.",
      durationMinutes: 90,
      priceCents: usdRange(149, 199),
      priceDependsOn: ["vehicle-type"],
      assetKind: "vehicle",
    },
    {
      id: "starter-alternator",
      name: "Starter or Alternator Replacement",
      description:
        "Failed starter or alternator confirmed by testing, then replaced with a remanufactured or new unit with a lifetime or 2-year warranty, and charging output verified.",
      durationMinutes: 150,
      priceCents: usdRange(350, 850),
      priceDependsOn: ["vehicle-type", "parts-grade"],
      assetKind: "vehicle",
    },
  ],
  addOns: [
    {
      id: "brake-flush",
      name: "Brake Fluid Flush",
      description:
        "Old, moisture-laden brake fluid flushed from every caliper and replaced with fresh DOT 3 or DOT 4 fluid.",
      priceCents: usd(99),
      durationMinutes: 30,
      serviceIds: ["brake-job"],
      offerAt: "on-site",
      offerWhen: "The fluid tests above 3 percent moisture or hasn't been changed in two to three years.",
    },
    {
      id: "cabin-filter",
      name: "Cabin Air Filter",
      description: "The cabin air filter behind the glovebox replaced to clear musty smells and improve AC airflow.",
      priceCents: usd(49),
      durationMinutes: 15,
      serviceIds: ["oil-change", "diagnostic"],
      offerAt: "on-site",
      offerWhen: "The old filter is dark with debris or leaves, or the customer mentions weak AC or a musty smell.",
    },
    {
      id: "wiper-blades",
      name: "Wiper Blades",
      description: "Front beam-style wiper blades installed, sized to your vehicle.",
      priceCents: usd(45),
      durationMinutes: 15,
      serviceIds: ["oil-change", "battery-replace", "brake-job"],
      offerAt: "on-site",
      offerWhen: "Blades streak or chatter, or before the rainy or snowy season.",
    },
    {
      id: "tire-rotation",
      name: "Tire Rotation",
      description: "Tires rotated in the pattern your manufacturer specifies and lug nuts torqued to spec.",
      priceCents: usd(35),
      durationMinutes: 30,
      serviceIds: ["oil-change", "brake-job"],
      offerAt: "booking",
      offerWhen: "It has been over 6,000 miles since the last rotation.",
    },
  ],
  faqs: [
    {
      id: "faq-price",
      question: "How much do you charge?",
      answer:
        "Diagnostic visits are $119 and credited toward the repair if you go ahead. Brakes run $285 to $650 per axle depending on the vehicle and parts, and a full synthetic oil change is $89 to $139. You approve a written estimate before any work starts.",
    },
    {
      id: "faq-where",
      question: "Can you really fix my car in my driveway?",
      answer:
        "Most maintenance and repairs, yes: brakes, batteries, starters, alternators, sensors and fluids. We need a flat, paved spot, and apartment lots need management's OK. Jobs that need a lift, like transmissions or clutches, get referred to a shop.",
    },
    {
      id: "faq-weather",
      question: "What if it's raining or snowing?",
      answer:
        "We carry a pop-up canopy for light rain. For heavy rain, lightning or snow we reschedule, or work in your garage if there's room. Your parts are held until the new date.",
    },
    {
      id: "faq-warranty",
      question: "Do you warranty your work?",
      answer:
        "Yes, 12 months or 12,000 miles on labor, and parts carry the manufacturer's warranty. If something we replaced fails, we come back to you.",
    },
    {
      id: "faq-parts",
      question: "Can I supply my own parts?",
      answer:
        "You can, but we can't warranty labor on customer-supplied parts and we charge our standard labor rate. Parts we source are inspected and carry our warranty.",
    },
    {
      id: "faq-prepare",
      question: "What do I need to do before you come?",
      answer:
        "Make sure we can reach the car with room to work on all sides, leave the keys accessible, and tell us about any warning lights or sounds. For no-starts, let us know if the car is in a garage.",
    },
    {
      id: "faq-payment",
      question: "How do I pay?",
      answer:
        "Card, Apple Pay or Google Pay after the work is done and the car is test-driven. Repairs over $500 need parts paid up front when we order them.",
    },
  ],
  tone: {
    description:
      "Plain-spoken, trustworthy mechanic. Gets the year, make, model and symptoms, explains what a diagnosis involves, never guesses a repair over the phone and always promises a written estimate before work.",
    preferredWords: [
      "diagnose",
      "written estimate",
      "OEM",
      "warranty",
      "year, make and model",
      "symptoms",
      "in your driveway",
    ],
    avoidWords: ["probably just", "cheap parts", "we'll figure it out", "junk car"],
    sampleGreeting:
      "Thanks for calling {businessName}! What's going on with the vehicle, and what's the year, make and model?",
  },
  ivr: {
    mode: "ai-voice",
    greeting:
      "Thanks for calling {businessName}, the mechanic who comes to you. Our assistant can take your vehicle details and symptoms and book a visit.",
  },
  businessHours: {
    mon: [["07:30", "18:00"]],
    tue: [["07:30", "18:00"]],
    wed: [["07:30", "18:00"]],
    thu: [["07:30", "18:00"]],
    fri: [["07:30", "18:00"]],
    sat: [["08:00", "14:00"]],
  },
  reminders: { appointmentHoursBefore: [24, 1], reviewRequestHoursAfter: 24 },
  cadences: [
    {
      id: "oil-interval",
      serviceIds: ["oil-change"],
      mode: "reminder",
      intervalDays: 150,
      message:
        "Hi {firstName}, you're likely due for an oil change soon. {businessName} can do it in your driveway while you work: {bookingLink}",
    },
    {
      id: "brake-check",
      serviceIds: ["brake-job"],
      mode: "reminder",
      intervalDays: 365,
      message:
        "Hi {firstName}, it's been a year since your brake job. Want a free brake inspection with your next service? {bookingLink}",
    },
  ],
  campaignTemplates: [
    {
      id: "spring-brake-check",
      name: "Spring brake check",
      season: { fromMonth: 3, toMonth: 4 },
      body: "Hi {first_name}, winter potholes and salt are hard on brakes. Hear squealing or grinding? Book a brake inspection in your driveway: {booking_link}",
    },
    {
      id: "summer-road-trip",
      name: "Road trip prep",
      season: { fromMonth: 5, toMonth: 7 },
      body: "Hi {first_name}, road trip coming up? Book an oil change and brake check in your driveway before you go, and we'll rotate the tires free: {booking_link}",
    },
    {
      id: "winter-battery-check",
      name: "Winter battery check",
      season: { fromMonth: 10, toMonth: 12 },
      body: "Hi {first_name}, cold mornings are hard on old batteries. We test and replace batteries in your driveway. Book before the first freeze: {booking_link}",
    },
  ],
  website: {
    headline: "Car repair that comes to your driveway",
    subheadline:
      "ASE-certified mobile mechanic for diagnostics, brakes, batteries, oil changes and pre-purchase inspections.",
    about:
      "Skip the waiting room and the ride back from the shop. We're an ASE-certified mobile mechanic with a fully equipped service van, handling most maintenance and repairs at your home or office. You get a clear diagnosis, a written estimate before any work and a 12-month, 12,000-mile warranty on labor. If a job truly needs a lift, we'll say so and point you to a shop we trust.",
    serviceBlurbs: {
      diagnostic: "Check engine light on? We scan, test and give you a written estimate.",
      "brake-job": "Pads and rotors replaced in your driveway, with a test drive to confirm.",
      "oil-change": "Full synthetic oil and filter changed wherever your car is parked.",
      "battery-replace": "Dead battery tested and replaced on the spot, with a 3-year warranty.",
      "pre-purchase": "A thorough inspection of a used car before you hand over the money.",
      "starter-alternator": "No-start or charging problems diagnosed and fixed without a tow.",
    },
    seo: {
      title: "Mobile Mechanic: Auto Repair at Your Home",
      description:
        "ASE-certified mobile mechanic: diagnostics, brakes, batteries, oil changes, starters and pre-purchase inspections at your home or office. 12-month warranty.",
    },
  },
  assets: [
    {
      kind: "vehicle",
      fields: ["year", "make", "model", "sizeClass", "colour"],
      sizeClasses: [
        { id: "car", label: "Car" },
        { id: "suv", label: "SUV or minivan" },
        { id: "truck", label: "Pickup truck" },
      ],
    },
  ],
};
