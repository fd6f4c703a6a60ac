import { usd, usdRange } from "../money.ts";
import type { IndustryPack } from "../schema.ts";

export const painting: IndustryPack = {
  id: "painting",
  name: "Painting",
  version: "1.1.0",
  summary: "Residential interior and exterior painting, cabinet refinishing, deck staining and drywall touch-ups.",
  pricingFactors: [
    {
      id: "room-size",
      label: "Room size",
      options: ["Small room or bathroom", "Standard bedroom (12x12)", "Large living area or vaulted ceiling"],
    },
    {
      id: "surface-prep",
      label: "Prep needed",
      options: [
        "Good shape, minor nail holes",
        "Cracks, patches or peeling",
        "Heavy prep: scraping, wallpaper removal, water damage",
      ],
    },
    {
      id: "house-size",
      label: "House size (exterior)",
      options: ["Under 1,500 sq ft", "1,500–2,500 sq ft", "2,500–3,500 sq ft", "Over 3,500 sq ft"],
    },
    {
      id: "color-change",
      label: "Color change",
      options: ["Same or similar color", "Light over dark or a dramatic change"],
    },
  ],
  services: [
    {
      id: "interior-room",
      name: "Interior Room Painting",
      description:
        "Furniture moved and covered, nail holes and cracks patched, walls cut in by hand and rolled with two coats of premium paint; ceilings and trim priced separately.",
      durationMinutes: 360,
      priceCents: usdRange(400, 950),
      priceDependsOn: ["room-size", "surface-prep", "color-change"],
      assetKind: "property",
    },
    {
      id: "exterior-house",
      name: "Exterior House Painting",
      description:
        "Power wash, scrape and sand loose paint, spot-prime bare wood, caulk gaps and paint siding and trim with two coats of 100% acrylic exterior paint. Three to five days.",
      durationMinutes: 720,
      priceCents: usdRange(4500, 12000),
      priceDependsOn: ["house-size", "surface-prep"],
      assetKind: "property",
    },
    {
      id: "cabinet-refinish",
      name: "Kitchen Cabinet Refinishing",
      description:
        "Doors and drawer fronts removed and sprayed in our shop, boxes degreased, sanded, primed with a bonding primer and finished in a hard-curing urethane enamel.",
      durationMinutes: 720,
      priceCents: usdRange(3500, 7500),
      priceDependsOn: ["surface-prep"],
      assetKind: "property",
    },
    {
      id: "deck-stain",
      name: "Deck and Fence Staining",
      description:
        "Wood cleaned and brightened, dried for 48 hours, and coated with a penetrating semi-transparent or solid stain by brush and pad for even coverage.",
      durationMinutes: 360,
      priceCents: usdRange(650, 2200),
      priceDependsOn: ["surface-prep"],
      assetKind: "property",
    },
    {
      id: "color-consult",
      name: "Color Consultation",
      description:
        "An hour with a color consultant in your home, testing large samples in your light, with a written color schedule for every wall, ceiling and trim.",
      durationMinutes: 60,
      priceCents: usd(125),
      priceDependsOn: [],
      assetKind: "property",
    },
  ],
  addOns: [
    {
      id: "ceiling-paint",
      name: "Ceiling Painting",
      description:
        "Flat ceiling paint rolled on in two coats, per room, hiding water stains after a stain-blocking primer.",
      priceCents: usd(175),
      durationMinutes: 120,
      serviceIds: ["interior-room"],
      offerAt: "booking",
      offerWhen: "Ceilings are yellowed, stained or the walls are changing color noticeably.",
    },
    {
      id: "trim-doors",
      name: "Trim and Door Package",
      description:
        "Baseboards, window and door casings and up to two doors per room sanded and painted in semi-gloss enamel.",
      priceCents: usd(225),
      durationMinutes: 180,
      serviceIds: ["interior-room"],
      offerAt: "booking",
      offerWhen: "Trim is scuffed, dated or a different white than the new wall color calls for.",
    },
    {
      id: "wood-repair",
      name: "Rotted Wood Repair",
      description:
        "Soft, rotted trim or fascia sections cut out and replaced with primed wood or PVC before painting, per section.",
      priceCents: usd(185),
      durationMinutes: 90,
      serviceIds: ["exterior-house", "deck-stain"],
      offerAt: "on-site",
      offerWhen: "The prep crew finds soft wood on sills, fascia or deck boards.",
    },
    {
      id: "hardware-upgrade",
      name: "Cabinet Hardware Install",
      description:
        "New pulls and knobs installed with a drilling jig so every handle lines up; hardware supplied by you.",
      priceCents: usd(250),
      durationMinutes: 120,
      serviceIds: ["cabinet-refinish"],
      offerAt: "booking",
      offerWhen: "The customer is changing cabinet color or has dated or mismatched hardware.",
    },
  ],
  faqs: [
    {
      id: "faq-price",
      question: "How much does it cost to paint a room?",
      answer:
        "A standard 12 by 12 bedroom runs about $450 to $650 for two coats on the walls, more for large rooms, lots of patching or a dramatic color change. Ceilings and trim are extra. We give free written estimates after a quick walk-through.",
    },
    {
      id: "faq-weather",
      question: "Can you paint the outside if it's cold or rainy?",
      answer:
        "Exterior paint needs dry surfaces and temperatures above 50°F for most products, and no rain for several hours after. We schedule exteriors from spring to fall and move days around the forecast without extra charge.",
    },
    {
      id: "faq-paint",
      question: "What paint do you use? Can I choose the brand?",
      answer:
        "We use Sherwin-Williams and Benjamin Moore premium lines, and you can pick any color from any brand; we'll color-match. Better paint covers in fewer coats and lasts longer, which saves labor.",
    },
    {
      id: "faq-prepare",
      question: "What do I need to do before the painters come?",
      answer:
        "Remove wall art, small items and anything fragile from the rooms. We'll move and cover the furniture, take down outlet covers and put everything back. Let us know about pets so we keep doors closed.",
    },
    {
      id: "faq-duration",
      question: "How long will the job take?",
      answer:
        "One to two rooms usually take a day. A full interior is three to five days, exteriors three to five days and cabinets about a week, because doors need cure time before they're rehung.",
    },
    {
      id: "faq-deposit",
      question: "Do you require a deposit?",
      answer:
        "Jobs over $1,000 need a 25 percent deposit to schedule and order paint. The balance is due after the final walk-through, by card, check or ACH.",
    },
    {
      id: "faq-warranty",
      question: "Do you warranty your work?",
      answer:
        "Yes: two years on interiors and three years on exteriors against peeling, blistering and flaking. We also leave labeled leftover paint for touch-ups.",
    },
  ],
  tone: {
    description:
      "Professional, tidy and detail-focused. Emphasizes prep and clean lines, respects the home with drop cloths and daily cleanup, and steers callers to a free walk-through estimate rather than guessing over the phone.",
    preferredWords: [
      "prep",
      "two coats",
      "cut in",
      "walk-through estimate",
      "premium paint",
      "clean lines",
      "touch-up",
    ],
    avoidWords: ["slap on a coat", "one coat covers", "cheap paint", "quick job"],
    sampleGreeting:
      "Thanks for calling {businessName}! Is this for interior or exterior painting, and roughly how many rooms or how big is the house?",
  },
  ivr: {
    mode: "forward",
    greeting:
      "Thank you for calling {businessName}, residential painting. We're connecting you to the office; if no one picks up, leave a message and we'll set up your free estimate.",
  },
  businessHours: {
    mon: [["07:00", "17:00"]],
    tue: [["07:00", "17:00"]],
    wed: [["07:00", "17:00"]],
    thu: [["07:00", "17:00"]],
    fri: [["07:00", "17:00"]],
  },
  reminders: { appointmentHoursBefore: [48, 24], reviewRequestHoursAfter: 24 },
  cadences: [
    {
      id: "touch-up-check",
      serviceIds: ["interior-room", "cabinet-refinish"],
      mode: "reminder",
      intervalDays: 30,
      message:
        "Hi {firstName}, it's been a month since {businessName} finished your project. Any scuffs or touch-ups? Reply and we'll swing by: {bookingLink}",
    },
    {
      id: "deck-restain",
      serviceIds: ["deck-stain"],
      mode: "reminder",
      intervalDays: 730,
      message:
        "Hi {firstName}, decks need fresh stain every two to three years. Want {businessName} to take a look before the summer schedule fills? {bookingLink}",
    },
  ],
  campaignTemplates: [
    {
      id: "winter-cabinet-refresh",
      name: "Winter cabinet refresh",
      season: { fromMonth: 1, toMonth: 3 },
      body: "Hi {first_name}, a new-looking kitchen without a remodel: book cabinet refinishing by March 31 and get $150 off new hardware install: {booking_link}",
    },
    {
      id: "spring-exterior-estimate",
      name: "Spring exterior estimates",
      season: { fromMonth: 3, toMonth: 5 },
      body: "Hi {first_name}, exterior painting season fills up fast. Book a walk-through estimate now for a spring or summer start: {booking_link}",
    },
    {
      id: "summer-deck-stain",
      name: "Summer deck staining",
      season: { fromMonth: 6, toMonth: 8 },
      body: "Hi {first_name}, dry summer weather is ideal for deck and fence staining. Book by July 31 and save $100: {booking_link}",
    },
    {
      id: "winter-interior-rooms",
      name: "Winter interior painting",
      season: { fromMonth: 11, toMonth: 2 },
      body: "Hi {first_name}, winter is a great time for interior painting: shorter waits and crews working indoors. Book a room before March and save 10%: {booking_link}",
    },
  ],
  website: {
    headline: "Flawless paint, careful crews, clean homes",
    subheadline:
      "Interior and exterior painting, cabinet refinishing and deck staining with premium paint and a written warranty.",
    about:
      "We are a residential painting company that believes a great paint job is 80 percent prep. Our crews patch, sand, caulk and prime before a drop of color goes on, then cut crisp lines by hand. We protect floors and furniture, clean up every evening and walk the job with you before we call it done. Free written estimates, premium Sherwin-Williams and Benjamin Moore paints, and a warranty in writing.",
    serviceBlurbs: {
      "interior-room": "Walls patched, sanded and finished in two coats with crisp hand-cut lines.",
      "exterior-house": "Scrape, prime, caulk and two coats of exterior acrylic that lasts.",
      "cabinet-refinish": "A factory-smooth sprayed finish that makes your kitchen feel new.",
      "deck-stain": "Cleaned, brightened and stained decks and fences that repel water.",
      "color-consult": "Pick colors with confidence, tested in your own light.",
    },
    seo: {
      title: "Interior & Exterior House Painters",
      description:
        "Residential painting contractor: interior rooms, exterior house painting, kitchen cabinet refinishing and deck staining. Free written estimates, warranty.",
    },
  },
  assets: [
    {
      kind: "property",
      fields: ["address", "squareFeet", "gateNotes"],
      sizeClasses: [],
    },
  ],
};
