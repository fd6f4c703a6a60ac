import { usd, usdRange } from "../money.ts";
import type { IndustryPack } from "../schema.ts";

export const lawnCare: IndustryPack = {
  id: "lawn-care",
  name: "Lawn Care",
  version: "1.1.0",
  summary: "Residential mowing routes, fertilization programs, aeration and seasonal cleanups.",
  pricingFactors: [
    {
      id: "yard-size",
      label: "Lawn size",
      options: [
        "Small: under 5,000 sq ft",
        "Medium: 5,000–10,000 sq ft",
        "Large: 10,000 sq ft to half an acre",
        "Half an acre to 1 acre",
      ],
    },
    {
      id: "yard-access",
      label: "Access and obstacles",
      options: ["Open lawn, wide gate", "Some beds, trees or slopes", "Narrow gate, steep hills or lots of obstacles"],
    },
  ],
  services: [
    {
      id: "weekly-mowing",
      name: "Weekly Mowing",
      description:
        "Mow at the right height for the season, string-trim around beds, fences and trees, edge driveways and walks, and blow clippings off hard surfaces.",
      durationMinutes: 45,
      priceCents: usdRange(45, 85),
      priceDependsOn: ["yard-size", "yard-access"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "lot-m", durationMinutes: 15, priceCents: usd(15) },
        { sizeClass: "lot-l", durationMinutes: 30, priceCents: usd(30) },
        { sizeClass: "lot-xl", durationMinutes: 60, priceCents: usd(60) },
      ],
    },
    {
      id: "biweekly-mowing",
      name: "Every-Other-Week Mowing",
      description:
        "The same mow, trim, edge and blow as weekly service on a two-week rotation, priced a little higher because the grass is taller at each visit.",
      durationMinutes: 60,
      priceCents: usdRange(55, 100),
      priceDependsOn: ["yard-size", "yard-access"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "lot-m", durationMinutes: 15, priceCents: usd(15) },
        { sizeClass: "lot-l", durationMinutes: 30, priceCents: usd(35) },
        { sizeClass: "lot-xl", durationMinutes: 60, priceCents: usd(70) },
      ],
    },
    {
      id: "fertilization",
      name: "Fertilization and Weed Control",
      description:
        "Granular slow-release fertilizer with pre-emergent crabgrass control in spring and spot-sprayed broadleaf weed control, applied as one step of a five-round program.",
      durationMinutes: 30,
      priceCents: usdRange(55, 95),
      priceDependsOn: ["yard-size"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "lot-m", durationMinutes: 0, priceCents: usd(15) },
        { sizeClass: "lot-l", durationMinutes: 15, priceCents: usd(30) },
        { sizeClass: "lot-xl", durationMinutes: 30, priceCents: usd(60) },
      ],
    },
    {
      id: "aeration",
      name: "Core Aeration",
      description:
        "Pulls thousands of soil plugs to relieve compaction so water, air and fertilizer reach the roots. Best in early fall for cool-season grass.",
      durationMinutes: 60,
      priceCents: usdRange(90, 180),
      priceDependsOn: ["yard-size"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "lot-m", durationMinutes: 15, priceCents: usd(30) },
        { sizeClass: "lot-l", durationMinutes: 30, priceCents: usd(60) },
        { sizeClass: "lot-xl", durationMinutes: 60, priceCents: usd(120) },
      ],
    },
    {
      id: "overseeding",
      name: "Aeration and Overseeding",
      description:
        "Core aeration followed by a premium turf-type tall fescue and bluegrass seed blend and a starter fertilizer to thicken thin lawns.",
      durationMinutes: 90,
      priceCents: usdRange(180, 350),
      priceDependsOn: ["yard-size"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "lot-m", durationMinutes: 30, priceCents: usd(60) },
        { sizeClass: "lot-l", durationMinutes: 60, priceCents: usd(120) },
        { sizeClass: "lot-xl", durationMinutes: 120, priceCents: usd(240) },
      ],
    },
    {
      id: "leaf-cleanup",
      name: "Fall Leaf Cleanup",
      description:
        "Leaves blown and mulched or bagged from the lawn, beds and hard surfaces, with a final mow and haul-away of bagged debris.",
      durationMinutes: 150,
      priceCents: usdRange(175, 450),
      priceDependsOn: ["yard-size", "yard-access"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "lot-m", durationMinutes: 30, priceCents: usd(75) },
        { sizeClass: "lot-l", durationMinutes: 90, priceCents: usd(150) },
        { sizeClass: "lot-xl", durationMinutes: 180, priceCents: usd(300) },
      ],
    },
  ],
  addOns: [
    {
      id: "bagging-clippings",
      name: "Bag and Haul Clippings",
      description: "Clippings collected in the mower bag and hauled off instead of mulched back into the lawn.",
      priceCents: usd(15),
      durationMinutes: 15,
      serviceIds: ["weekly-mowing", "biweekly-mowing"],
      offerAt: "booking",
      offerWhen:
        "The customer asks for a striped, clean look or has a party coming up, or the grass was overgrown at the first visit.",
    },
    {
      id: "hedge-trimming",
      name: "Shrub and Hedge Trimming",
      description:
        "Hand and power shears shape foundation shrubs and hedges up to 8 feet, with trimmings raked out and removed.",
      priceCents: usd(75),
      durationMinutes: 60,
      serviceIds: ["weekly-mowing", "biweekly-mowing", "leaf-cleanup"],
      offerAt: "on-site",
      offerWhen: "The crew sees shrubs touching siding or windows, or overgrowth blocking walkways.",
    },
    {
      id: "grub-preventive",
      name: "Grub Preventive",
      description:
        "Season-long grub preventive applied in late spring to stop beetle larvae from eating roots in summer.",
      priceCents: usd(70),
      durationMinutes: 15,
      serviceIds: ["fertilization"],
      offerAt: "booking",
      offerWhen: "Booking the late-spring round, or the lawn had brown patches that peeled back like carpet last year.",
    },
    {
      id: "gutter-leaf-clearing",
      name: "Gutter Leaf Clearing (single story)",
      description: "Leaves scooped from single-story gutters while the crew is already on site for cleanup.",
      priceCents: usd(95),
      durationMinutes: 45,
      serviceIds: ["leaf-cleanup"],
      offerAt: "booking",
      offerWhen: "The home has mature oaks or maples near the roofline and is single story.",
    },
  ],
  faqs: [
    {
      id: "faq-price",
      question: "How much do you charge to mow my lawn?",
      answer:
        "Weekly mowing starts at $45 for a small city lot and runs up to $85 for a half-acre with slopes and lots of beds. Give us your address and we'll measure the lawn from satellite maps and text you a firm price.",
    },
    {
      id: "faq-rain",
      question: "What happens if it rains on my mowing day?",
      answer:
        "Mowing wet grass tears the blades and ruts the lawn, so after heavy rain we push the whole route back a day. You'll get a text if your visit moves, and we never skip a week just because of weather.",
    },
    {
      id: "faq-home",
      question: "Do I need to be home, and what about gates?",
      answer:
        "You don't need to be home. Leave side gates unlocked or tell us the code, and we'll latch them behind us. If a gate is locked when we arrive, we mow the front and text you a photo.",
    },
    {
      id: "faq-pets",
      question: "Is fertilizer safe for my kids and pets?",
      answer:
        "Our granular products are safe once watered in. We ask that kids and pets stay off treated areas until the lawn has been watered or it has rained, usually the same day, and we leave a small flag as a reminder.",
    },
    {
      id: "faq-season",
      question: "When does mowing season start and end?",
      answer:
        "Weekly mowing typically runs from early April through late October, depending on the weather. We start when the grass is actively growing and finish with the fall leaf cleanup.",
    },
    {
      id: "faq-contract",
      question: "Do I have to sign a contract?",
      answer:
        "No annual contract. Mowing is month to month and you can pause or cancel with a week's notice. The fertilization program is billed per round, so you only pay for the visits we make.",
    },
    {
      id: "faq-payment",
      question: "How do I pay?",
      answer:
        "We keep a card on file and charge it after each visit, with an emailed receipt. Prefer monthly invoicing? We can bill at the end of the month instead.",
    },
    {
      id: "faq-area",
      question: "Do you service my neighborhood?",
      answer:
        "We run set routes so our crews spend their time mowing, not driving. Tell us your street address and we'll confirm which route day your neighborhood is on.",
    },
  ],
  tone: {
    description:
      "Friendly, down-to-earth neighborhood lawn pro. Talks in terms of route days and seasons, explains why timing matters (aerate in fall, pre-emergent in spring) and always asks for the service address first.",
    preferredWords: [
      "route day",
      "mow, trim and edge",
      "pre-emergent",
      "core aeration",
      "overseeding",
      "in season",
      "curb appeal",
    ],
    avoidWords: ["chemicals", "guaranteed weed-free", "yard guy", "whenever we get to it"],
    sampleGreeting:
      "Hey there, thanks for calling {businessName}! What's the address of the lawn we'd be taking care of?",
  },
  ivr: {
    mode: "ai-voice",
    greeting:
      "Thanks for calling {businessName}. Our assistant can quote your lawn, tell you your route day and get you on the schedule.",
  },
  businessHours: {
    mon: [["07:00", "18:00"]],
    tue: [["07:00", "18:00"]],
    wed: [["07:00", "18:00"]],
    thu: [["07:00", "18:00"]],
    fri: [["07:00", "18:00"]],
    sat: [["08:00", "12:00"]],
  },
  reminders: { appointmentHoursBefore: [24], reviewRequestHoursAfter: 4 },
  cadences: [
    {
      id: "mowing-weekly",
      serviceIds: ["weekly-mowing"],
      mode: "recurring",
      intervalDays: 7,
      season: { fromMonth: 4, toMonth: 10 },
      message:
        "Hi {firstName}, {businessName} will be by for your weekly mow on your route day. Please unlock the gate and pick up toys. Changes: {bookingLink}",
    },
    {
      id: "mowing-biweekly",
      serviceIds: ["biweekly-mowing"],
      mode: "recurring",
      intervalDays: 14,
      season: { fromMonth: 4, toMonth: 10 },
      message:
        "Hi {firstName}, your every-other-week mow is coming up. Gate open and dog inside, please. Need to skip? {bookingLink}",
    },
    {
      id: "fert-rounds",
      serviceIds: ["fertilization"],
      mode: "recurring",
      intervalDays: 42,
      season: { fromMonth: 3, toMonth: 10 },
      message:
        "Hi {firstName}, your next fertilization round from {businessName} is scheduled. Water it in within a day if we don't get rain. Details: {bookingLink}",
    },
    {
      id: "fall-aeration",
      serviceIds: ["aeration", "overseeding"],
      mode: "reminder",
      intervalDays: 365,
      message:
        "Hi {firstName}, fall is the best time to aerate and overseed. Want {businessName} to reserve your spot? {bookingLink}",
    },
  ],
  campaignTemplates: [
    {
      id: "spring-route-signup",
      name: "Spring mowing route sign-up",
      season: { fromMonth: 2, toMonth: 4 },
      body: "Hi {first_name}, mowing starts in April and our route days are filling up. Reserve your weekly spot now and your first pre-emergent round is $10 off: {booking_link}",
    },
    {
      id: "summer-grub-prevention",
      name: "Summer grub prevention",
      season: { fromMonth: 5, toMonth: 7 },
      body: "Hi {first_name}, early summer is the window for grub prevention, before the larvae hatch and chew the roots. Add a grub preventive to your next fertilization round: {booking_link}",
    },
    {
      id: "fall-aeration-overseeding",
      name: "Fall aeration and overseeding",
      season: { fromMonth: 8, toMonth: 9 },
      body: "Hi {first_name}, early fall is the best time to aerate and overseed: warm soil, cool nights. Book by Sept 30 and save $25 on aeration and overseeding: {booking_link}",
    },
    {
      id: "fall-leaf-cleanup-offer",
      name: "Fall leaf cleanup",
      season: { fromMonth: 10, toMonth: 11 },
      body: "Hi {first_name}, the leaves are coming down. Book a fall leaf cleanup before the first snow, and add gutter leaf clearing while we're there: {booking_link}",
    },
  ],
  website: {
    headline: "A greener lawn without giving up your weekends",
    subheadline:
      "Weekly mowing, fertilization and aeration from a local crew that shows up on the same day every week.",
    about:
      "We're a local lawn care company running tight neighborhood routes, so your lawn gets mowed on the same day every week by a crew that knows it. We mow at the right height for the season, keep edges crisp and blow every clipping off your drive. Add a five-round fertilization program and fall aeration and you'll have the thickest lawn on the street, with a text before every visit and no annual contract.",
    serviceBlurbs: {
      "weekly-mowing": "Mow, trim, edge and blow on your route day, every week from spring to fall.",
      "biweekly-mowing": "A budget-friendly mow every two weeks for slower-growing or smaller lawns.",
      fertilization: "A five-round program that feeds the turf and keeps crabgrass and dandelions out.",
      aeration: "Relieve compacted soil so roots grow deeper and the lawn handles summer heat.",
      overseeding: "Fill thin and bare spots with premium seed right after aeration.",
      "leaf-cleanup": "Leaves cleared from lawn and beds before they smother the grass over winter.",
    },
    seo: {
      title: "Lawn Mowing, Fertilization & Aeration",
      description:
        "Reliable weekly lawn mowing, fertilization and core aeration from a local crew. Same route day every week, no contracts. Get a quote from your address.",
    },
  },
  assets: [
    {
      kind: "property",
      fields: ["address", "lotSize", "sizeClass", "gateNotes"],
      sizeClasses: [
        { id: "lot-s", label: "Up to 1/4 acre" },
        { id: "lot-m", label: "1/4 to 1/2 acre" },
        { id: "lot-l", label: "1/2 to 1 acre" },
        { id: "lot-xl", label: "Over 1 acre" },
      ],
    },
  ],
};
