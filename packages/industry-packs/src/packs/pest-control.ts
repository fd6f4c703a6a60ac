import { usd, usdRange } from "../money.ts";
import type { IndustryPack } from "../schema.ts";

export const pestControl: IndustryPack = {
  id: "pest-control",
  name: "Pest Control",
  version: "1.1.0",
  summary:
    "Quarterly home pest protection, rodent exclusion, termite inspections, mosquito treatments and bed bug service.",
  pricingFactors: [
    { id: "home-size", label: "Home size", options: ["Under 2,000 sq ft", "2,000–3,500 sq ft", "Over 3,500 sq ft"] },
    {
      id: "infestation-level",
      label: "Activity level",
      options: ["Prevention, no current activity", "Occasional sightings", "Daily sightings or visible nesting"],
    },
    {
      id: "lot-size",
      label: "Lot size (outdoor treatments)",
      options: ["Under 1/4 acre", "1/4 to 1/2 acre", "1/2 to 1 acre"],
    },
  ],
  services: [
    {
      id: "initial-service",
      name: "Initial Pest Service",
      description:
        "Full inspection and interior and exterior treatment for ants, roaches, spiders and silverfish: crack-and-crevice applications, a perimeter band, eaves de-webbed and bait placed.",
      durationMinutes: 90,
      priceCents: usdRange(150, 250),
      priceDependsOn: ["home-size", "infestation-level"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "home-m", durationMinutes: 15, priceCents: usd(25) },
        { sizeClass: "home-l", durationMinutes: 30, priceCents: usd(50) },
        { sizeClass: "home-xl", durationMinutes: 45, priceCents: usd(100) },
      ],
    },
    {
      id: "quarterly-service",
      name: "Quarterly Pest Protection",
      description:
        "An exterior perimeter treatment every three months with web sweeping and granular bait, plus free interior re-treatments between visits if pests come back.",
      durationMinutes: 45,
      priceCents: usdRange(110, 165),
      priceDependsOn: ["home-size"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "home-m", durationMinutes: 0, priceCents: usd(15) },
        { sizeClass: "home-l", durationMinutes: 15, priceCents: usd(30) },
        { sizeClass: "home-xl", durationMinutes: 15, priceCents: usd(55) },
      ],
    },
    {
      id: "rodent-exclusion",
      name: "Rodent Exclusion",
      description:
        "Every gap larger than a quarter inch sealed with copper mesh, sealant and hardware cloth, tamper-resistant bait stations set outside, and snap traps checked over two follow-up visits.",
      durationMinutes: 180,
      priceCents: usdRange(450, 1400),
      priceDependsOn: ["home-size", "infestation-level"],
      assetKind: "property",
    },
    {
      id: "termite-inspection",
      name: "Termite Inspection (WDI Report)",
      description:
        "A licensed inspector checks foundation, crawlspace, garage and attic for termites and other wood-destroying insects and issues the WDI report lenders require.",
      durationMinutes: 60,
      priceCents: usd(95),
      priceDependsOn: [],
      assetKind: "property",
    },
    {
      id: "mosquito-treatment",
      name: "Mosquito and Tick Yard Treatment",
      description:
        "Barrier spray on the undersides of leaves, shrubs and shady resting spots, with standing water dumped or treated with larvicide. Repeated every three weeks in season.",
      durationMinutes: 45,
      priceCents: usdRange(79, 129),
      priceDependsOn: ["lot-size"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "home-m", durationMinutes: 0, priceCents: usd(10) },
        { sizeClass: "home-l", durationMinutes: 15, priceCents: usd(25) },
        { sizeClass: "home-xl", durationMinutes: 15, priceCents: usd(50) },
      ],
    },
    {
      id: "bed-bug",
      name: "Bed Bug Heat Treatment",
      description:
        "Rooms heated to a lethal 135°F and held for hours with monitored sensors, killing all life stages in one day, followed by a two-week inspection.",
      durationMinutes: 480,
      priceCents: usdRange(1200, 3000),
      priceDependsOn: ["home-size", "infestation-level"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "home-m", durationMinutes: 60, priceCents: usd(400) },
        { sizeClass: "home-l", durationMinutes: 120, priceCents: usd(900) },
        { sizeClass: "home-xl", durationMinutes: 240, priceCents: usd(1500) },
      ],
    },
  ],
  addOns: [
    {
      id: "wasp-nest",
      name: "Wasp and Hornet Nest Removal",
      description:
        "Active paper wasp, yellowjacket or hornet nests treated and removed from eaves, decks or ground holes.",
      priceCents: usd(95),
      durationMinutes: 30,
      serviceIds: ["initial-service", "quarterly-service"],
      offerAt: "on-site",
      offerWhen: "The tech finds active nests under eaves, in the deck or in the ground during the exterior treatment.",
    },
    {
      id: "garage-treatment",
      name: "Garage and Crawlspace Treatment",
      description:
        "Crawlspace or detached garage treated and dusted for spiders, crickets and roaches, with glue monitors placed.",
      priceCents: usd(65),
      durationMinutes: 30,
      serviceIds: ["initial-service", "quarterly-service"],
      offerAt: "booking",
      offerWhen:
        "The home has a crawlspace or detached garage, or the caller reports spiders or crickets in the garage.",
    },
    {
      id: "attic-sanitize",
      name: "Attic Sanitizing",
      description:
        "Rodent droppings vacuumed with a HEPA vacuum and the area treated with an enzyme disinfectant to remove odors and pathogens.",
      priceCents: usd(350),
      durationMinutes: 120,
      serviceIds: ["rodent-exclusion"],
      offerAt: "on-site",
      offerWhen: "The inspection finds droppings or nesting material in the attic insulation.",
    },
  ],
  faqs: [
    {
      id: "faq-price",
      question: "How much does pest control cost?",
      answer:
        "The initial service is $150 to $250 depending on home size and how active the pests are. After that, quarterly protection runs $110 to $165 per visit, and any re-treatments between visits are free.",
    },
    {
      id: "faq-safe",
      question: "Are the treatments safe for kids and pets?",
      answer:
        "We use EPA-registered products applied by licensed technicians, mostly as targeted baits and crack-and-crevice treatments. Keep kids and pets away from treated areas until they dry, usually 30 minutes to an hour.",
    },
    {
      id: "faq-rain",
      question: "What if it rains after my outdoor treatment?",
      answer:
        "Our exterior products bind to surfaces once dry, usually within an hour, so later rain doesn't wash them away. If heavy rain is forecast during your visit, we'll treat the interior and come back for the outside at no charge.",
    },
    {
      id: "faq-prepare",
      question: "How do I prepare for the first treatment?",
      answer:
        "Clear under kitchen and bathroom sinks, pull furniture a foot from the walls where you've seen pests, and put away pet bowls and kids' toys. For bed bug treatment we send a separate prep checklist.",
    },
    {
      id: "faq-still-seeing",
      question: "I'm still seeing bugs after the treatment. Is that normal?",
      answer:
        "Some activity for one to two weeks is normal, because pests come out of hiding as the treatment works. If you're still seeing them after two weeks, call and we'll re-treat for free.",
    },
    {
      id: "faq-contract",
      question: "Do I have to sign a yearly contract?",
      answer:
        "Quarterly service is a 12-month plan because pest pressure changes with the seasons, but you can cancel anytime after the initial service with 30 days' notice.",
    },
    {
      id: "faq-home",
      question: "Do I need to be home?",
      answer:
        "For the first service and any interior treatment, an adult needs to be home. Quarterly exterior visits can happen while you're out; we'll text you when we've finished.",
    },
    {
      id: "faq-termites",
      question: "How do I know if I have termites?",
      answer:
        "Look for mud tubes on the foundation, discarded wings near windowsills in spring, or wood that sounds hollow. If you spot any of these, book an inspection; termites are slow but steady, so don't panic, just act.",
    },
  ],
  tone: {
    description:
      "Calm, knowledgeable and reassuring. Takes the caller's worry seriously without alarming them, identifies the pest by asking what, where and how often, and explains safety and the free re-treatment guarantee.",
    preferredWords: [
      "licensed technician",
      "treatment",
      "perimeter",
      "exclusion",
      "re-treat",
      "EPA-registered",
      "prevention",
    ],
    avoidWords: ["infested", "poison", "exterminate everything", "100% bug-free", "gross"],
    sampleGreeting:
      "Thanks for calling {businessName}. I'm sorry you're dealing with pests. What have you been seeing, and where in the house?",
  },
  ivr: {
    mode: "ai-voice",
    greeting:
      "Thank you for calling {businessName}. Our assistant can help identify the pest and schedule a licensed technician.",
  },
  businessHours: {
    mon: [["07:00", "18:00"]],
    tue: [["07:00", "18:00"]],
    wed: [["07:00", "18:00"]],
    thu: [["07:00", "18:00"]],
    fri: [["07:00", "18:00"]],
    sat: [["08:00", "12:00"]],
  },
  reminders: { appointmentHoursBefore: [24, 1], reviewRequestHoursAfter: 24 },
  cadences: [
    {
      id: "quarterly",
      serviceIds: ["quarterly-service", "initial-service"],
      mode: "recurring",
      intervalDays: 91,
      message:
        "Hi {firstName}, your quarterly pest protection visit from {businessName} is coming up. No need to be home for the outside. Details: {bookingLink}",
    },
    {
      id: "mosquito-season",
      serviceIds: ["mosquito-treatment"],
      mode: "recurring",
      intervalDays: 21,
      season: { fromMonth: 5, toMonth: 9 },
      message:
        "Hi {firstName}, {businessName} will treat the yard for mosquitoes and ticks this week. Please keep pets inside until it dries. {bookingLink}",
    },
    {
      id: "termite-annual",
      serviceIds: ["termite-inspection"],
      mode: "reminder",
      intervalDays: 365,
      message:
        "Hi {firstName}, termite swarm season is near. An annual inspection from {businessName} catches trouble early: {bookingLink}",
    },
  ],
  campaignTemplates: [
    {
      id: "spring-ant-perimeter",
      name: "Spring ant and spider treatment",
      season: { fromMonth: 3, toMonth: 5 },
      body: "Hi {first_name}, ants and spiders wake up in spring. Book a perimeter treatment now to keep them outside where they belong: {booking_link}",
    },
    {
      id: "mosquito-season-start",
      name: "Mosquito season",
      season: { fromMonth: 4, toMonth: 6 },
      body: "Hi {first_name}, mosquito season starts in May. Book yard treatments every 3 weeks through September and your first one is $20 off: {booking_link}",
    },
    {
      id: "late-summer-wasps",
      name: "Late summer wasp nests",
      season: { fromMonth: 7, toMonth: 9 },
      body: "Hi {first_name}, late summer is peak wasp season. Spot a nest near a door or under the deck? Add nest removal to your next service: {booking_link}",
    },
    {
      id: "fall-rodent-exclusion",
      name: "Fall rodent exclusion",
      season: { fromMonth: 9, toMonth: 11 },
      body: "Hi {first_name}, mice move indoors when the nights get cold. Book a rodent exclusion visit and we'll seal the entry points before they do: {booking_link}",
    },
  ],
  website: {
    headline: "Pest-free living, season after season",
    subheadline: "Licensed, family-safe pest control for ants, spiders, rodents, termites, mosquitoes and bed bugs.",
    about:
      "We're a locally owned pest control company with state-licensed technicians who explain what they find and what they're doing about it. We focus on prevention: sealing entry points, targeted baits and a perimeter barrier, so fewer products go inside your home. Quarterly plans include free re-treatments between visits, and we text you before we arrive and after we finish.",
    serviceBlurbs: {
      "initial-service": "A full inspection and inside-and-out treatment to knock pests down fast.",
      "quarterly-service": "Year-round perimeter protection with free re-treatments between visits.",
      "rodent-exclusion": "Mice and rats kept out for good by sealing every entry point.",
      "termite-inspection": "Licensed WDI inspections for home sales and peace of mind.",
      "mosquito-treatment": "Take back the back yard with a barrier treatment every three weeks.",
      "bed-bug": "One-day heat treatment that kills bed bugs at every life stage.",
    },
    seo: {
      title: "Pest Control: Ants, Rodents, Termites & More",
      description:
        "Licensed pest control for ants, spiders, roaches, mice, termites, mosquitoes and bed bugs. Quarterly plans with free re-treatments. Same-week service.",
    },
  },
  assets: [
    {
      kind: "property",
      fields: ["address", "squareFeet", "sizeClass", "gateNotes"],
      sizeClasses: [
        { id: "home-s", label: "Up to 1,200 sq ft" },
        { id: "home-m", label: "1,200–2,000 sq ft" },
        { id: "home-l", label: "2,000–3,000 sq ft" },
        { id: "home-xl", label: "Over 3,000 sq ft" },
      ],
    },
  ],
};
