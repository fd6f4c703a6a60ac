import { usd, usdRange } from "../money.ts";
import type { IndustryPack } from "../schema.ts";

export const pressureWashing: IndustryPack = {
  id: "pressure-washing",
  name: "Pressure Washing",
  version: "1.1.0",
  summary: "Soft washing of house siding and roofs, and surface cleaning of driveways, patios, decks and fences.",
  pricingFactors: [
    { id: "home-stories", label: "Home height", options: ["Single story", "Two story", "Three story or steep grade"] },
    {
      id: "surface-area",
      label: "Flat surface area",
      options: ["Under 500 sq ft", "500–1,000 sq ft (2-car driveway)", "1,000–2,000 sq ft", "Over 2,000 sq ft"],
    },
    {
      id: "siding-type",
      label: "Siding",
      options: ["Vinyl", "Hardie or fiber cement", "Brick or stone", "Stucco or painted wood"],
    },
  ],
  services: [
    {
      id: "house-soft-wash",
      name: "House Soft Wash",
      description:
        "Low-pressure soft wash with a sodium hypochlorite and surfactant mix that kills green algae and black mildew on siding, eaves and soffits, then a gentle rinse.",
      durationMinutes: 150,
      priceCents: usdRange(300, 650),
      priceDependsOn: ["home-stories", "siding-type"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "home-m", durationMinutes: 30, priceCents: usd(75) },
        { sizeClass: "home-l", durationMinutes: 60, priceCents: usd(150) },
        { sizeClass: "home-xl", durationMinutes: 120, priceCents: usd(300) },
      ],
    },
    {
      id: "driveway-cleaning",
      name: "Driveway and Walkway Cleaning",
      description:
        "Concrete surface-cleaned with a 20-inch rotary surface cleaner for even, stripe-free results, pre-treated for oil and post-treated to slow regrowth.",
      durationMinutes: 90,
      priceCents: usdRange(150, 325),
      priceDependsOn: ["surface-area"],
      assetKind: "property",
    },
    {
      id: "roof-soft-wash",
      name: "Roof Soft Wash",
      description:
        "Black streaks (Gloeocapsa magma algae) and moss treated from the ground or roof with a no-pressure application that is safe for asphalt shingle warranties.",
      durationMinutes: 180,
      priceCents: usdRange(450, 900),
      priceDependsOn: ["home-stories"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "home-m", durationMinutes: 30, priceCents: usd(100) },
        { sizeClass: "home-l", durationMinutes: 60, priceCents: usd(200) },
        { sizeClass: "home-xl", durationMinutes: 120, priceCents: usd(400) },
      ],
    },
    {
      id: "deck-cleaning",
      name: "Deck and Fence Cleaning",
      description:
        "Wood or composite decks and fences cleaned at low pressure with a wood cleaner and brightener to restore the color before staining.",
      durationMinutes: 120,
      priceCents: usdRange(200, 450),
      priceDependsOn: ["surface-area"],
      assetKind: "property",
    },
    {
      id: "patio-pavers",
      name: "Patio and Paver Cleaning",
      description:
        "Pavers, flagstone and pool decks cleaned of algae, dirt and rust stains, with joints rinsed out so they can be re-sanded.",
      durationMinutes: 120,
      priceCents: usdRange(175, 400),
      priceDependsOn: ["surface-area"],
      assetKind: "property",
    },
  ],
  addOns: [
    {
      id: "paver-sealing",
      name: "Polymeric Sand and Paver Sealing",
      description:
        "Joints refilled with polymeric sand and a wet-look or matte sealer applied to lock color and keep weeds out.",
      priceCents: usd(350),
      durationMinutes: 180,
      serviceIds: ["patio-pavers"],
      offerAt: "on-site",
      offerWhen: "Joint sand washed out or weeds growing between the pavers after cleaning.",
    },
    {
      id: "gutter-brightening",
      name: "Gutter Face Brightening",
      description: "Hand-scrubbed gutter faces to remove the grey tiger stripes that a wash alone leaves behind.",
      priceCents: usd(95),
      durationMinutes: 45,
      serviceIds: ["house-soft-wash"],
      offerAt: "booking",
      offerWhen: "White or light gutters with visible black streaks running down the face.",
    },
    {
      id: "rust-removal",
      name: "Rust and Fertilizer Stain Removal",
      description:
        "Orange rust from irrigation water and fertilizer spills dissolved with an oxalic-based rust remover.",
      priceCents: usd(75),
      durationMinutes: 30,
      serviceIds: ["driveway-cleaning", "patio-pavers"],
      offerAt: "on-site",
      offerWhen: "Orange staining near sprinkler heads or where bags of fertilizer sat on the concrete.",
    },
    {
      id: "concrete-sealer",
      name: "Concrete Sealer",
      description:
        "A penetrating silane-siloxane sealer that repels water and oil and keeps the driveway cleaner for years.",
      priceCents: usd(225),
      durationMinutes: 60,
      serviceIds: ["driveway-cleaning"],
      offerAt: "follow-up",
      offerWhen: "Right after a driveway cleaning, once it has dried, especially in freeze-thaw climates.",
    },
  ],
  faqs: [
    {
      id: "faq-price",
      question: "How much does it cost to pressure wash a house?",
      answer:
        "A soft wash runs about $300 for a single-story ranch up to $650 for a large two-story home with stucco or wood. A two-car driveway is usually $150 to $200. Send photos or your address and we'll quote from satellite measurements.",
    },
    {
      id: "faq-soft-vs-pressure",
      question: "Will pressure washing damage my siding?",
      answer:
        "We don't blast siding. Houses and roofs get a low-pressure soft wash, where the cleaning solution does the work; high pressure is only used on concrete, which can take it.",
    },
    {
      id: "faq-plants",
      question: "Is the cleaning solution safe for my plants and pets?",
      answer:
        "We pre-wet and rinse plants before and after, and we neutralize runoff. Keep pets inside while we work and until surfaces are dry, typically an hour or two.",
    },
    {
      id: "faq-water",
      question: "Do you use my water and do I need to be home?",
      answer:
        "We connect to an outdoor spigot and use roughly the water of a long shower per side of the house. You don't need to be home; just leave the spigot on and windows closed.",
    },
    {
      id: "faq-weather",
      question: "Can you wash in the rain or cold?",
      answer:
        "Light rain is fine for concrete work, but soft washing needs dry weather so the solution isn't diluted. We don't wash below about 40 degrees because water freezes on surfaces. Weather reschedules cost nothing.",
    },
    {
      id: "faq-how-long",
      question: "How long do the results last?",
      answer:
        "Siding usually stays clean for one to two years, roofs three to five years after a soft wash. Shaded north sides and homes near trees regrow faster, which is why many customers book a yearly wash.",
    },
    {
      id: "faq-payment",
      question: "When do I pay?",
      answer:
        "No deposit for residential jobs. We walk the property with you or send photos when we finish, then you pay by card or check. Commercial accounts can be invoiced net 15.",
    },
  ],
  tone: {
    description:
      "Confident, straight-talking exterior cleaning pro. Explains soft wash versus pressure washing in plain words, asks for the address or photos to quote, and mentions plant protection before anyone worries about it.",
    preferredWords: ["soft wash", "surface cleaner", "algae", "mildew", "curb appeal", "before and after", "pre-treat"],
    avoidWords: ["blast", "power wash everything", "bleach bath", "permanent"],
    sampleGreeting: "Thanks for calling {businessName}! Are we cleaning the house, the driveway, or both today?",
  },
  ivr: {
    mode: "forward",
    greeting:
      "Thanks for calling {businessName}. Connecting you now; if we're up on a ladder, leave a message and we'll call you back within the hour.",
  },
  businessHours: {
    mon: [["08:00", "18:00"]],
    tue: [["08:00", "18:00"]],
    wed: [["08:00", "18:00"]],
    thu: [["08:00", "18:00"]],
    fri: [["08:00", "18:00"]],
    sat: [["09:00", "15:00"]],
  },
  reminders: { appointmentHoursBefore: [24], reviewRequestHoursAfter: 3 },
  cadences: [
    {
      id: "annual-wash",
      serviceIds: ["house-soft-wash", "driveway-cleaning", "patio-pavers"],
      mode: "reminder",
      intervalDays: 365,
      message:
        "Hi {firstName}, it's been a year since {businessName} washed your home. Spring is the perfect time to clear the mildew again: {bookingLink}",
    },
    {
      id: "roof-recheck",
      serviceIds: ["roof-soft-wash"],
      mode: "reminder",
      intervalDays: 1095,
      message:
        "Hi {firstName}, your roof was soft washed about three years ago. Want a free check for returning streaks? {bookingLink}",
    },
  ],
  campaignTemplates: [
    {
      id: "spring-house-wash",
      name: "Spring house wash",
      season: { fromMonth: 3, toMonth: 5 },
      body: "Hi {first_name}, time to wash off winter grime and the green algae on the north side. Book a house soft wash by May 31 and we'll brighten the gutter faces free: {booking_link}",
    },
    {
      id: "summer-deck-patio",
      name: "Summer deck and patio",
      season: { fromMonth: 5, toMonth: 7 },
      body: "Hi {first_name}, get the deck and patio ready for summer cookouts. Book deck or patio cleaning this month and save $25: {booking_link}",
    },
    {
      id: "fall-driveway-seal",
      name: "Fall driveway clean and seal",
      season: { fromMonth: 9, toMonth: 11 },
      body: "Hi {first_name}, clean and seal your driveway before winter so salt and freeze-thaw do less damage. Book a driveway cleaning with sealer: {booking_link}",
    },
  ],
  website: {
    headline: "Your home, washed clean of years of grime",
    subheadline: "Soft washing for siding and roofs, surface cleaning for driveways, patios and decks.",
    about:
      "We're a local exterior cleaning company that uses the right method for every surface: gentle soft washing for siding and roofs, and professional surface cleaners for concrete. That means no etched wood, no stripes on the driveway and no damaged shingles. We protect your plants, leave the property cleaner than we found it, and send before-and-after photos of every job.",
    serviceBlurbs: {
      "house-soft-wash": "Green algae and black mildew gone from siding, eaves and soffits without high pressure.",
      "driveway-cleaning": "Even, stripe-free concrete with oil pre-treatment and a post-treatment.",
      "roof-soft-wash": "Black streaks and moss removed safely, without voiding shingle warranties.",
      "deck-cleaning": "Decks and fences brightened and ready for fresh stain.",
      "patio-pavers": "Patios, pavers and pool decks cleaned and ready for re-sanding.",
    },
    seo: {
      title: "House Soft Washing & Driveway Pressure Washing",
      description:
        "Professional soft washing for siding and roofs plus driveway, patio and deck pressure washing. Plant-safe, insured, before-and-after photos. Free quotes.",
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
