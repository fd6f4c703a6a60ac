import { usd, usdRange } from "../money.ts";
import type { IndustryPack } from "../schema.ts";

export const handyman: IndustryPack = {
  id: "handyman",
  name: "Handyman",
  version: "1.1.0",
  summary:
    "Small home repairs and installs: honey-do lists, TV mounting, drywall patches, fixtures and furniture assembly.",
  pricingFactors: [
    {
      id: "job-size",
      label: "Size of the job",
      options: ["One small task", "A short list (2–4 tasks)", "Half-day list", "Full-day list"],
    },
    {
      id: "wall-type",
      label: "Wall type",
      options: ["Drywall over wood studs", "Drywall over metal studs", "Plaster, brick or stone"],
    },
    {
      id: "materials",
      label: "Materials",
      options: ["Customer supplies materials", "We pick up materials (billed at cost plus 15%)"],
    },
  ],
  services: [
    {
      id: "hourly-visit",
      name: "Handyman Visit (2-Hour Block)",
      description:
        "A handyman with a stocked van works through your list for two hours: door adjustments, caulking, shelf hanging, minor plumbing like faucet cartridges and running toilets.",
      durationMinutes: 120,
      priceCents: usd(190),
      priceDependsOn: [],
      assetKind: "property",
    },
    {
      id: "half-day",
      name: "Half-Day Honey-Do List",
      description:
        "Four hours on a longer list, planned with you by text beforehand so we bring the right parts. Great for move-in punch lists and getting a home ready to list.",
      durationMinutes: 240,
      priceCents: usdRange(340, 420),
      priceDependsOn: ["job-size", "materials"],
      assetKind: "property",
    },
    {
      id: "tv-mounting",
      name: "TV Mounting",
      description:
        "TV up to 85 inches mounted on your bracket or ours into studs, leveled, cables tidied in a paintable raceway, and the mount load-checked before we leave.",
      durationMinutes: 90,
      priceCents: usdRange(139, 249),
      priceDependsOn: ["wall-type"],
      assetKind: "property",
    },
    {
      id: "drywall-repair",
      name: "Drywall Patch and Paint",
      description:
        "Holes from doorknobs, anchors or plumbing repairs patched, taped, mudded and sanded over two visits, textured to match, and primed and painted if you have the paint.",
      durationMinutes: 120,
      priceCents: usdRange(175, 375),
      priceDependsOn: ["job-size"],
      assetKind: "property",
    },
    {
      id: "furniture-assembly",
      name: "Furniture Assembly",
      description:
        "Flat-pack furniture from IKEA, Wayfair or Amazon assembled, anchored to the wall where required for tip-over safety, and boxes broken down.",
      durationMinutes: 90,
      priceCents: usdRange(95, 260),
      priceDependsOn: ["job-size"],
      assetKind: "property",
    },
    {
      id: "fixture-swap",
      name: "Light Fixture and Fan Install",
      description:
        "Like-for-like replacement of a light fixture or ceiling fan on an existing box, with the breaker off, connections tested and the old fixture hauled away.",
      durationMinutes: 75,
      priceCents: usdRange(125, 225),
      priceDependsOn: ["job-size"],
      assetKind: "property",
    },
  ],
  addOns: [
    {
      id: "in-wall-cables",
      name: "In-Wall Cable Concealment",
      description: "A recessed power and cable kit installed behind the TV so no cords show, rated for in-wall use.",
      priceCents: usd(149),
      durationMinutes: 60,
      serviceIds: ["tv-mounting"],
      offerAt: "booking",
      offerWhen: "The TV goes over a fireplace or on a main living room wall where cords would hang visibly.",
    },
    {
      id: "smoke-detectors",
      name: "Smoke and CO Detector Check",
      description:
        "Every smoke and carbon monoxide detector tested, batteries replaced and expired units flagged for replacement.",
      priceCents: usd(45),
      durationMinutes: 30,
      serviceIds: ["hourly-visit", "half-day"],
      offerAt: "on-site",
      offerWhen: "A detector is chirping, or the home has detectors more than ten years old.",
    },
    {
      id: "caulk-refresh",
      name: "Tub and Shower Recaulk",
      description:
        "Old, moldy silicone cut out, the joint cleaned and dried, and fresh mildew-resistant silicone laid in a clean bead.",
      priceCents: usd(95),
      durationMinutes: 60,
      serviceIds: ["hourly-visit", "half-day"],
      offerAt: "on-site",
      offerWhen: "The handyman sees black mold or gaps in the caulk while in the bathroom.",
    },
    {
      id: "materials-run",
      name: "Materials Pickup",
      description: "We buy and bring the parts on your list so the visit starts working the minute we arrive.",
      priceCents: usd(35),
      durationMinutes: 30,
      serviceIds: ["hourly-visit", "half-day", "fixture-swap", "drywall-repair"],
      offerAt: "booking",
      offerWhen: "The customer doesn't have the parts yet or isn't sure which ones to buy.",
    },
  ],
  faqs: [
    {
      id: "faq-price",
      question: "What do you charge?",
      answer:
        "Our rate is $95 an hour with a two-hour minimum visit of $190. Common jobs have set prices: TV mounting from $139, light fixture swaps from $125. Text us photos of your list and we'll tell you how long it should take.",
    },
    {
      id: "faq-list",
      question: "Can you do several small jobs in one visit?",
      answer:
        "Yes, that's what we do best. Send the whole list with photos before the visit and we'll plan the order and bring the right parts so nothing waits on a hardware store run.",
    },
    {
      id: "faq-license",
      question: "Are you licensed and insured? Do you do electrical or plumbing?",
      answer:
        "We're fully insured. We handle like-for-like swaps of fixtures, faucets and toilets. New circuits, panel work, gas lines and moving plumbing need a licensed electrician or plumber, and we're happy to refer one.",
    },
    {
      id: "faq-materials",
      question: "Do I need to buy the materials?",
      answer:
        "Either way works. You can have them ready, or we pick them up and bill them at cost plus 15 percent with receipts. Common items like screws, anchors and caulk are included.",
    },
    {
      id: "faq-drywall",
      question: "Why does drywall repair take two visits?",
      answer:
        "Joint compound needs to dry between coats or the patch cracks and shows through paint. We tape and first-coat on day one and sand, texture and paint on day two.",
    },
    {
      id: "faq-cancel",
      question: "What's your cancellation policy?",
      answer:
        "Cancel or reschedule with 24 hours' notice at no charge. If we arrive and can't get in, there's a $75 trip charge.",
    },
    {
      id: "faq-payment",
      question: "How do I pay?",
      answer:
        "We bill for actual time in 15-minute increments after the two-hour minimum, paid by card or Zelle when the work is done. A written invoice with every task listed comes by email.",
    },
  ],
  tone: {
    description:
      "Practical, friendly fixer who asks for photos, clarifies scope and is upfront about what needs a licensed trade. Plans visits around a list, never over-promises, and quotes in time blocks.",
    preferredWords: [
      "honey-do list",
      "two-hour minimum",
      "send photos",
      "punch list",
      "like-for-like",
      "stocked van",
      "we'll take a look",
    ],
    avoidWords: ["no job too big", "cheap fix", "rewire", "license not needed"],
    sampleGreeting:
      "Hi, this is {businessName}. What's on your to-do list? If you can text photos, I can tell you how long it should take.",
  },
  ivr: {
    mode: "forward",
    greeting:
      "Thanks for calling {businessName}. Transferring you now; if we're mid-job, leave a message with your list and we'll call back today.",
  },
  businessHours: {
    mon: [["08:00", "17:00"]],
    tue: [["08:00", "17:00"]],
    wed: [["08:00", "17:00"]],
    thu: [["08:00", "17:00"]],
    fri: [["08:00", "17:00"]],
    sat: [["09:00", "13:00"]],
  },
  reminders: { appointmentHoursBefore: [24], reviewRequestHoursAfter: 4 },
  cadences: [
    {
      id: "seasonal-checkup",
      serviceIds: ["hourly-visit", "half-day"],
      mode: "reminder",
      intervalDays: 120,
      message:
        "Hi {firstName}, has the to-do list grown again? {businessName} has openings for a seasonal fix-it visit: {bookingLink}",
    },
    {
      id: "annual-tune-up",
      serviceIds: ["half-day", "hourly-visit"],
      mode: "reminder",
      intervalDays: 365,
      message:
        "Hi {firstName}, time for your yearly home tune-up: recaulking, detector batteries, sticky doors and loose railings. Book {businessName}: {bookingLink}",
    },
  ],
  campaignTemplates: [
    {
      id: "spring-honey-do",
      name: "Spring honey-do list",
      season: { fromMonth: 3, toMonth: 5 },
      body: "Hi {first_name}, spring honey-do list getting long? Book a half-day visit and we'll work through it in one trip. Send photos when you book: {booking_link}",
    },
    {
      id: "fall-winter-prep",
      name: "Fall winter-prep visit",
      season: { fromMonth: 9, toMonth: 11 },
      body: "Hi {first_name}, get the house ready for winter: recaulk the tub, test smoke and CO detectors, fix that drafty door. Book a 2-hour visit: {booking_link}",
    },
    {
      id: "holiday-hosting-ready",
      name: "Holiday hosting prep",
      season: { fromMonth: 11, toMonth: 12 },
      body: "Hi {first_name}, hosting this year? We mount TVs, hang shelves and assemble furniture before the guests arrive. Book a time: {booking_link}",
    },
  ],
  website: {
    headline: "Your to-do list, done right the first time",
    subheadline:
      "Reliable handyman service for repairs, installs, TV mounting and honey-do lists, with a stocked van and clear pricing.",
    about:
      "We are a local, insured handyman service for the jobs that pile up: sticking doors, running toilets, holes in the drywall, the new light fixture still in its box. Send us photos of your list, and we'll plan the visit, bring the parts and work through it efficiently. We're honest about what needs a licensed electrician or plumber and happy to point you to good ones.",
    serviceBlurbs: {
      "hourly-visit": "Two focused hours on your list with a van full of tools and common parts.",
      "half-day": "A longer list tackled in one visit, planned in advance so nothing waits on parts.",
      "tv-mounting": "Securely mounted into studs, leveled, with cables hidden in a tidy raceway.",
      "drywall-repair": "Holes and cracks patched, textured and painted so you can't find them.",
      "furniture-assembly": "Flat-pack furniture built and anchored safely, boxes broken down.",
      "fixture-swap": "Light fixtures and ceiling fans replaced on existing boxes, old ones hauled off.",
    },
    seo: {
      title: "Handyman Services: Repairs, TV Mounting & More",
      description:
        "Insured local handyman for home repairs, TV mounting, drywall patching, furniture assembly and fixture installs. Clear hourly rates and set job prices.",
    },
  },
  assets: [
    {
      kind: "property",
      fields: ["address", "gateNotes"],
      sizeClasses: [],
    },
  ],
};
