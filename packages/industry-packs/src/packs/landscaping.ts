import { usd, usdRange } from "../money.ts";
import type { IndustryPack } from "../schema.ts";

export const landscaping: IndustryPack = {
  id: "landscaping",
  name: "Landscaping",
  version: "1.1.0",
  summary:
    "Landscape design and installation: mulch and bed maintenance, planting, sod, paver patios and spring and fall cleanups.",
  pricingFactors: [
    {
      id: "bed-area",
      label: "Bed area",
      options: ["Under 200 sq ft", "200–500 sq ft", "500–1,000 sq ft", "Over 1,000 sq ft"],
    },
    {
      id: "project-scope",
      label: "Project scope",
      options: ["Refresh of existing beds", "New beds and plantings", "Hardscape (patio, walls, walkways)"],
    },
    {
      id: "site-access",
      label: "Site access",
      options: ["Machine access to the back yard", "Wheelbarrow only", "Steep slope or no gate access"],
    },
  ],
  services: [
    {
      id: "mulch-install",
      name: "Mulch and Bed Refresh",
      description:
        "Beds weeded, edges re-cut with a bed edger, pre-emergent applied and fresh double-shredded hardwood mulch spread two to three inches deep.",
      durationMinutes: 240,
      priceCents: usdRange(350, 1100),
      priceDependsOn: ["bed-area", "site-access"],
      assetKind: "property",
    },
    {
      id: "spring-cleanup",
      name: "Spring Cleanup",
      description:
        "Winter debris cleared from beds and lawn, perennials and ornamental grasses cut back, shrubs shaped and the property tidied for the growing season.",
      durationMinutes: 240,
      priceCents: usdRange(300, 850),
      priceDependsOn: ["bed-area"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "lot-m", durationMinutes: 60, priceCents: usd(100) },
        { sizeClass: "lot-l", durationMinutes: 120, priceCents: usd(250) },
        { sizeClass: "lot-xl", durationMinutes: 240, priceCents: usd(450) },
      ],
    },
    {
      id: "planting",
      name: "Shrub and Perennial Planting",
      description:
        "Plants chosen for your sun, soil and hardiness zone, installed with amended soil and starter fertilizer, watered in, and covered by a one-year plant warranty.",
      durationMinutes: 300,
      priceCents: usdRange(600, 3500),
      priceDependsOn: ["bed-area", "project-scope"],
      assetKind: "property",
    },
    {
      id: "sod-install",
      name: "Sod Installation",
      description:
        "Old turf removed with a sod cutter, soil graded and amended, and fresh-cut sod rolled in tight seams with watering instructions for the first three weeks.",
      durationMinutes: 480,
      priceCents: usdRange(1500, 6000),
      priceDependsOn: ["bed-area", "site-access"],
      assetKind: "property",
    },
    {
      id: "paver-patio",
      name: "Paver Patio Installation",
      description:
        "Excavation, compacted gravel base, screeded sand bed, interlocking pavers with edge restraint and polymeric sand joints. Typical 12 by 16 foot patio over three days.",
      durationMinutes: 720,
      priceCents: usdRange(5500, 18000),
      priceDependsOn: ["project-scope", "site-access"],
      assetKind: "property",
    },
    {
      id: "design-consult",
      name: "Landscape Design Consultation",
      description:
        "A designer walks the property with you, talks budget, style and maintenance, and follows up with a scaled plan and a phased estimate. Fee credited to installation.",
      durationMinutes: 90,
      priceCents: usd(150),
      priceDependsOn: [],
      assetKind: "property",
    },
  ],
  addOns: [
    {
      id: "landscape-lighting",
      name: "Low-Voltage Path Lighting",
      description:
        "Six LED path or up-lights on a low-voltage transformer with a photocell timer, wires buried along the beds.",
      priceCents: usd(1200),
      durationMinutes: 240,
      serviceIds: ["paver-patio", "planting"],
      offerAt: "booking",
      offerWhen:
        "New patio or entry plantings, or the customer mentions dark walkways or wanting to use the yard at night.",
    },
    {
      id: "drip-irrigation",
      name: "Drip Irrigation Zone",
      description:
        "A drip zone with emitters at each plant, connected to the existing controller, so new plantings get deep water without wetting the foliage.",
      priceCents: usd(650),
      durationMinutes: 180,
      serviceIds: ["planting", "mulch-install"],
      offerAt: "booking",
      offerWhen: "New plantings in beds not covered by sprinklers, or the customer travels in summer.",
    },
    {
      id: "edging-steel",
      name: "Steel Bed Edging",
      description:
        "Powder-coated steel edging installed along beds, per 20 feet, for a crisp line that keeps grass and mulch apart for good.",
      priceCents: usd(240),
      durationMinutes: 60,
      serviceIds: ["mulch-install", "planting", "sod-install"],
      offerAt: "on-site",
      offerWhen: "Grass keeps creeping into the beds or mulch washes onto the lawn.",
    },
    {
      id: "patio-sealing",
      name: "Paver Sealer",
      description:
        "Paver sealer applied after the sand has set, enhancing color and resisting stains from grills and leaves.",
      priceCents: usd(450),
      durationMinutes: 120,
      serviceIds: ["paver-patio"],
      offerAt: "follow-up",
      offerWhen: "About 60 days after a patio installation, once efflorescence has had time to appear.",
    },
  ],
  faqs: [
    {
      id: "faq-price",
      question: "How much does a landscaping project cost?",
      answer:
        "Mulch refreshes start around $350 and most bed renovations with new plants run $1,500 to $5,000. Paver patios typically cost $22 to $35 per square foot installed. We start with a design consultation so the estimate fits your budget.",
    },
    {
      id: "faq-timeline",
      question: "How far out are you booking?",
      answer:
        "Cleanups and mulch usually book two to three weeks out in spring. Design and hardscape projects book four to eight weeks out, so planning in late winter gets you a spring install.",
    },
    {
      id: "faq-weather",
      question: "What happens when it rains during my project?",
      answer:
        "Planting can go ahead in light rain, but we stop excavation and paver work on saturated soil so the base compacts properly. Delays are added to the end of the schedule and your project manager keeps you posted by text.",
    },
    {
      id: "faq-warranty",
      question: "Do you guarantee the plants?",
      answer:
        "Trees and shrubs we install carry a one-year warranty as long as they're watered as instructed. Hardscapes carry a three-year workmanship warranty against settling.",
    },
    {
      id: "faq-permits",
      question: "Do I need a permit or HOA approval?",
      answer:
        "Most planting and patios don't need permits, but retaining walls over three feet and anything near easements might. We'll prepare drawings for your HOA and call 811 to mark utilities before we dig.",
    },
    {
      id: "faq-deposit",
      question: "How does payment work for a bigger project?",
      answer:
        "Projects over $2,500 take a one-third deposit to schedule and order materials, one-third on material delivery and the balance on completion. Smaller jobs are paid when they're done.",
    },
    {
      id: "faq-watering",
      question: "How should I water new plants and sod?",
      answer:
        "Water new sod every day for the first two weeks, then taper off. New shrubs need a deep soak two or three times a week through the first summer. We leave a written watering schedule with every install.",
    },
  ],
  tone: {
    description:
      "Thoughtful, design-minded and outdoorsy. Asks how the customer uses their yard, talks in terms of sun, soil and seasons, and is clear about timelines, deposits and what maintenance a design will need.",
    preferredWords: [
      "beds",
      "hardscape",
      "plantings",
      "curb appeal",
      "hardiness zone",
      "design consultation",
      "outdoor living",
    ],
    avoidWords: ["yard work", "cheap mulch job", "maintenance-free", "whatever's in stock"],
    sampleGreeting:
      "Hello, thanks for calling {businessName}! Are you thinking about a refresh of your beds or a bigger project like a new patio?",
  },
  ivr: {
    mode: "menu",
    greeting:
      "Thank you for calling {businessName}, landscape design and installation. Press 1 for our booking link, 2 to speak with the office, 3 for hours and our address.",
  },
  businessHours: {
    mon: [["07:00", "17:00"]],
    tue: [["07:00", "17:00"]],
    wed: [["07:00", "17:00"]],
    thu: [["07:00", "17:00"]],
    fri: [["07:00", "17:00"]],
  },
  reminders: { appointmentHoursBefore: [48], reviewRequestHoursAfter: 48 },
  cadences: [
    {
      id: "mulch-annual",
      serviceIds: ["mulch-install", "spring-cleanup"],
      mode: "reminder",
      intervalDays: 365,
      season: { fromMonth: 2, toMonth: 5 },
      message:
        "Hi {firstName}, spring cleanup and mulch season is filling up. Want {businessName} to hold your spot again this year? {bookingLink}",
    },
    {
      id: "plant-warranty-check",
      serviceIds: ["planting", "sod-install"],
      mode: "reminder",
      intervalDays: 30,
      message:
        "Hi {firstName}, how are the new plants settling in? Reply with a photo if anything looks stressed; it's covered by your {businessName} warranty.",
    },
  ],
  campaignTemplates: [
    {
      id: "winter-design-planning",
      name: "Winter design planning",
      season: { fromMonth: 12, toMonth: 2 },
      body: "Hi {first_name}, plan next year's patio or beds now. Winter design consultations have open dates, and spring installs book first: {booking_link}",
    },
    {
      id: "spring-cleanup-mulch",
      name: "Spring cleanup and mulch",
      season: { fromMonth: 2, toMonth: 4 },
      body: "Hi {first_name}, a spring cleanup and fresh mulch make the beds look new. Book by March 31 and get first pick of April dates: {booking_link}",
    },
    {
      id: "summer-path-lighting",
      name: "Summer path lighting",
      season: { fromMonth: 6, toMonth: 8 },
      body: "Hi {first_name}, spending long evenings outside? Low-voltage path lighting makes the beds and patio glow after dark. Book a visit: {booking_link}",
    },
    {
      id: "fall-planting-season",
      name: "Fall planting season",
      season: { fromMonth: 9, toMonth: 10 },
      body: "Hi {first_name}, fall is the best time to plant shrubs and perennials: cooler air and warm soil mean stronger roots. Book a planting visit: {booking_link}",
    },
  ],
  website: {
    headline: "Outdoor spaces designed for the way you live",
    subheadline: "Landscape design, planting, sod, paver patios and seasonal bed care from one local team.",
    about:
      "We design and build landscapes that look good in every season and fit how you actually use your yard. Our designers start with your sun, soil and budget, then our crews install plantings, sod, lighting and paver patios with the details that make them last: proper bases, amended soil and clean edges. Every planting comes with a one-year warranty and a written watering plan.",
    serviceBlurbs: {
      "mulch-install": "Weeded, crisply edged beds with a fresh layer of hardwood mulch.",
      "spring-cleanup": "Winter debris gone, perennials cut back and shrubs shaped for spring.",
      planting: "Plants matched to your sun and soil, installed right and warrantied for a year.",
      "sod-install": "An instant lawn on properly graded, amended soil.",
      "paver-patio": "Interlocking paver patios built on a compacted base that won't settle.",
      "design-consult": "Walk the yard with a designer and leave with a plan and a phased estimate.",
    },
    seo: {
      title: "Landscape Design, Planting & Paver Patios",
      description:
        "Local landscaping company for landscape design, mulch and bed care, planting, sod installation and paver patios. One-year plant warranty. Book a consultation.",
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
