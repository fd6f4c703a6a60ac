import { usd, usdRange } from "../money.ts";
import type { IndustryPack } from "../schema.ts";

export const gutterCleaning: IndustryPack = {
  id: "gutter-cleaning",
  name: "Gutter Cleaning",
  version: "1.1.0",
  summary:
    "Gutter and downspout cleaning, gutter guard installation and minor gutter repairs, priced by linear feet and stories.",
  pricingFactors: [
    {
      id: "linear-feet",
      label: "Gutter length",
      options: ["Under 120 linear ft", "120–200 linear ft", "200–300 linear ft", "Over 300 linear ft"],
    },
    { id: "home-stories", label: "Home height", options: ["Single story", "Two story", "Three story or steep roof"] },
  ],
  services: [
    {
      id: "gutter-clean",
      name: "Gutter and Downspout Cleaning",
      description:
        "Gutters hand-scooped and bagged, roof edges blown clear, every downspout flushed with a hose to confirm it flows, and before-and-after photos sent.",
      durationMinutes: 90,
      priceCents: usdRange(125, 325),
      priceDependsOn: ["linear-feet", "home-stories"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "story-2", durationMinutes: 30, priceCents: usd(75) },
        { sizeClass: "story-3", durationMinutes: 60, priceCents: usd(175) },
      ],
    },
    {
      id: "guard-install",
      name: "Gutter Guard Installation",
      description:
        "Stainless micro-mesh guards installed under the first shingle row and screwed to the gutter lip, keeping out leaves, pine needles and shingle grit.",
      durationMinutes: 300,
      priceCents: usdRange(900, 2400),
      priceDependsOn: ["linear-feet", "home-stories"],
      assetKind: "property",
    },
    {
      id: "gutter-repair",
      name: "Gutter Repair and Re-Pitch",
      description:
        "Sagging runs re-hung with hidden hangers, leaking seams and end caps resealed, and gutters re-pitched so water runs to the downspout instead of pooling.",
      durationMinutes: 120,
      priceCents: usdRange(150, 450),
      priceDependsOn: ["linear-feet"],
      assetKind: "property",
    },
    {
      id: "guard-cleaning",
      name: "Gutter Guard Cleaning",
      description:
        "Guards brushed off, debris that slipped under removed, and downspouts tested. Guards reduce clogs but still need a yearly check under trees.",
      durationMinutes: 90,
      priceCents: usdRange(150, 300),
      priceDependsOn: ["linear-feet", "home-stories"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "story-2", durationMinutes: 30, priceCents: usd(50) },
        { sizeClass: "story-3", durationMinutes: 60, priceCents: usd(125) },
      ],
    },
  ],
  addOns: [
    {
      id: "roof-debris",
      name: "Roof Valley Debris Removal",
      description:
        "Leaves and sticks cleared from roof valleys and behind chimneys, where they hold moisture and rot shingles.",
      priceCents: usd(65),
      durationMinutes: 30,
      serviceIds: ["gutter-clean", "guard-cleaning"],
      offerAt: "on-site",
      offerWhen: "Debris piles are visible in roof valleys or behind the chimney from the ladder.",
    },
    {
      id: "downspout-extensions",
      name: "Downspout Extensions",
      description:
        "Downspouts extended 4 to 10 feet away from the foundation, per downspout, to stop basement seepage.",
      priceCents: usd(45),
      durationMinutes: 15,
      serviceIds: ["gutter-clean", "gutter-repair"],
      offerAt: "on-site",
      offerWhen: "Downspouts dump right at the foundation, or there's erosion or a wet basement.",
    },
    {
      id: "underground-flush",
      name: "Underground Drain Flush",
      description: "Buried downspout drain lines jetted clear to the pop-up emitter or daylight outlet.",
      priceCents: usd(85),
      durationMinutes: 30,
      serviceIds: ["gutter-clean", "guard-cleaning"],
      offerAt: "on-site",
      offerWhen: "Water backs up out of a downspout that connects to an underground pipe.",
    },
  ],
  faqs: [
    {
      id: "faq-price",
      question: "How much does gutter cleaning cost?",
      answer:
        "A single-story home usually runs $125 to $175 and a two-story home $175 to $325, depending on the linear feet of gutter. We measure from satellite images, so you can get a price over the phone.",
    },
    {
      id: "faq-how-often",
      question: "How often should gutters be cleaned?",
      answer:
        "Twice a year for most homes: late spring after the seed pods and helicopters drop, and late fall after the leaves. Homes under pines or oaks may need it three or four times.",
    },
    {
      id: "faq-rain",
      question: "Do you work in the rain?",
      answer:
        "Light rain doesn't stop us, but we don't climb in thunderstorms, high winds or icy conditions. If weather moves your appointment, you'll get a text with the next available day.",
    },
    {
      id: "faq-home",
      question: "Do I need to be home?",
      answer:
        "No. We only need access to the outside of the house and a hose spigot. Leave side gates unlocked and we'll send photos of the cleaned gutters when we're done.",
    },
    {
      id: "faq-mess",
      question: "Will you leave a mess in my yard?",
      answer:
        "No. Debris is bagged as we go and hauled away or left in your yard waste bin, your choice. We blow off walkways and the driveway before we leave.",
    },
    {
      id: "faq-guards",
      question: "Are gutter guards worth it?",
      answer:
        "Micro-mesh guards stop nearly all clogs and cut cleanings to one quick check a year. Cheap foam or plastic screens tend to clog and trap debris, so we don't install them.",
    },
    {
      id: "faq-payment",
      question: "How do I pay?",
      answer:
        "Pay when the work is done by card, check or the link in your text. Gutter guard installs need a 30 percent deposit to order material.",
    },
  ],
  tone: {
    description:
      "Safety-minded, no-nonsense and seasonal. Emphasizes preventing water damage to fascia and foundations, asks stories and rough gutter length, and never pushes guards on a caller who only wants a cleaning.",
    preferredWords: [
      "linear feet",
      "downspouts",
      "flushed",
      "fascia",
      "micro-mesh",
      "before-and-after photos",
      "water damage",
    ],
    avoidWords: ["clog-free forever", "cheap guards", "quick scoop", "maintenance-free"],
    sampleGreeting:
      "Thanks for calling {businessName}! Is this for a cleaning, gutter guards, or a gutter that's leaking or sagging?",
  },
  ivr: {
    mode: "forward",
    greeting:
      "Thanks for calling {businessName}, gutter cleaning and guards. Please hold while we connect you, or leave your address after the tone and we'll text you a quote.",
  },
  businessHours: {
    mon: [["08:00", "17:00"]],
    tue: [["08:00", "17:00"]],
    wed: [["08:00", "17:00"]],
    thu: [["08:00", "17:00"]],
    fri: [["08:00", "17:00"]],
    sat: [["08:00", "12:00"]],
  },
  reminders: { appointmentHoursBefore: [24], reviewRequestHoursAfter: 3 },
  cadences: [
    {
      id: "spring-fall-clean",
      serviceIds: ["gutter-clean"],
      mode: "reminder",
      intervalDays: 182,
      message:
        "Hi {firstName}, it's been six months since {businessName} cleaned your gutters. Leaves are dropping, so grab a slot before the rush: {bookingLink}",
    },
    {
      id: "guard-annual",
      serviceIds: ["guard-install", "guard-cleaning"],
      mode: "reminder",
      intervalDays: 365,
      message:
        "Hi {firstName}, your gutter guards are due for their yearly check and brush-off. Book with {businessName}: {bookingLink}",
    },
  ],
  campaignTemplates: [
    {
      id: "spring-gutter-clean",
      name: "Spring gutter cleaning",
      season: { fromMonth: 3, toMonth: 5 },
      body: "Hi {first_name}, spring storms need clear gutters. Book a spring gutter and downspout cleaning, with before-and-after photos: {booking_link}",
    },
    {
      id: "summer-guard-install",
      name: "Summer gutter guards",
      season: { fromMonth: 6, toMonth: 8 },
      body: "Hi {first_name}, tired of gutter cleanings twice a year? Book micro-mesh gutter guard installation this summer and save $100: {booking_link}",
    },
    {
      id: "fall-gutter-clean",
      name: "Fall gutter cleaning",
      season: { fromMonth: 10, toMonth: 11 },
      body: "Hi {first_name}, once the leaves are down, clogged gutters overflow and freeze. Book your fall gutter cleaning before December: {booking_link}",
    },
  ],
  website: {
    headline: "Clean gutters, dry basement, no ladder for you",
    subheadline:
      "Gutter and downspout cleaning, micro-mesh gutter guards and repairs, with before-and-after photos of every job.",
    about:
      "Clogged gutters overflow behind the fascia, rot the trim and send water straight into your foundation. We're a fully insured gutter company that hand-cleans every run, flushes every downspout and proves it with photos. When you're tired of cleanings, we install stainless micro-mesh guards that actually work, and we'll tell you honestly if your gutters just need a tune-up instead.",
    serviceBlurbs: {
      "gutter-clean": "Hand-cleaned gutters and flushed downspouts, debris bagged and hauled away.",
      "guard-install": "Stainless micro-mesh guards that keep out leaves, needles and grit.",
      "gutter-repair": "Sagging, leaking or backward-pitched gutters fixed and resealed.",
      "guard-cleaning": "A yearly brush-off and downspout test for homes with guards.",
    },
    seo: {
      title: "Gutter Cleaning, Guards & Gutter Repair",
      description:
        "Gutter and downspout cleaning with photo proof, stainless micro-mesh gutter guard installation and gutter repair. Insured crews, prices by linear foot.",
    },
  },
  assets: [
    {
      kind: "property",
      fields: ["address", "sizeClass", "gateNotes"],
      sizeClasses: [
        { id: "story-1", label: "Single story" },
        { id: "story-2", label: "Two stories" },
        { id: "story-3", label: "Three stories" },
      ],
    },
  ],
};
