import { usd, usdRange } from "../money.ts";
import type { IndustryPack } from "../schema.ts";

export const carpetCleaning: IndustryPack = {
  id: "carpet-cleaning",
  name: "Carpet Cleaning",
  version: "1.1.0",
  summary:
    "Truck-mounted hot-water extraction for carpets and rugs, upholstery cleaning and tile and grout restoration.",
  pricingFactors: [
    {
      id: "room-count",
      label: "Rooms (up to 250 sq ft each)",
      options: ["1–2 rooms", "3–4 rooms", "5–6 rooms", "7+ rooms or whole house"],
    },
    {
      id: "soil-level",
      label: "Soil level",
      options: ["Light traffic lanes", "Heavy traffic and some spots", "Pet accidents or years since last cleaning"],
    },
    {
      id: "furniture-pieces",
      label: "Upholstery",
      options: ["Chair or loveseat", "Sofa", "Sectional (up to 5 seats)", "Large sectional or a full living room set"],
    },
  ],
  services: [
    {
      id: "carpet-steam",
      name: "Carpet Cleaning (Hot-Water Extraction)",
      description:
        "Pre-vacuum, traffic-lane pre-spray, agitation with a rotary brush and a truck-mounted hot-water extraction rinse, then speed-drying with air movers.",
      durationMinutes: 120,
      priceCents: usdRange(140, 420),
      priceDependsOn: ["room-count", "soil-level"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "rooms-4", durationMinutes: 45, priceCents: usd(100) },
        { sizeClass: "rooms-6", durationMinutes: 90, priceCents: usd(190) },
        { sizeClass: "rooms-8", durationMinutes: 150, priceCents: usd(280) },
      ],
    },
    {
      id: "upholstery",
      name: "Upholstery Cleaning",
      description:
        "Fabric tested for colorfastness, then cleaned with the right chemistry for synthetic, cotton or microfiber, and groomed to dry evenly.",
      durationMinutes: 90,
      priceCents: usdRange(95, 325),
      priceDependsOn: ["furniture-pieces"],
      assetKind: "property",
    },
    {
      id: "tile-grout",
      name: "Tile and Grout Cleaning",
      description:
        "Alkaline pre-treat worked into grout lines with a brush, then a high-pressure spinner tool and wet vacuum pull out the dirt that mopping pushes in.",
      durationMinutes: 120,
      priceCents: usdRange(175, 450),
      priceDependsOn: ["room-count"],
      assetKind: "property",
    },
    {
      id: "area-rug",
      name: "Area Rug Cleaning",
      description:
        "Synthetic and wool area rugs dusted, washed and dried flat on site or picked up for in-plant cleaning, fringe cleaned by hand.",
      durationMinutes: 60,
      priceCents: usdRange(75, 300),
      priceDependsOn: ["soil-level"],
      assetKind: "property",
    },
    {
      id: "pet-urine",
      name: "Pet Urine Treatment",
      description:
        "UV light locates every urine spot, then an enzyme treatment and subsurface extraction flush the pad as well as the carpet fibers to remove the odor source.",
      durationMinutes: 90,
      priceCents: usdRange(125, 350),
      priceDependsOn: ["room-count", "soil-level"],
      assetKind: "property",
    },
  ],
  addOns: [
    {
      id: "carpet-protector",
      name: "Carpet Protector",
      description:
        "A fluorochemical-free fiber protector sprayed and groomed in after cleaning, so spills wick up instead of soaking in.",
      priceCents: usd(45),
      durationMinutes: 15,
      serviceIds: ["carpet-steam", "upholstery", "area-rug"],
      offerAt: "booking",
      offerWhen: "Homes with kids, pets, light-colored carpet, or carpet under three years old.",
    },
    {
      id: "deodorizer",
      name: "Deodorizing Treatment",
      description:
        "A bio-enzymatic deodorizer applied throughout the rooms after rinse, for homes with pet or cooking odors.",
      priceCents: usd(35),
      durationMinutes: 15,
      serviceIds: ["carpet-steam", "upholstery"],
      offerAt: "on-site",
      offerWhen: "The tech notices pet odors or the customer mentions a musty smell.",
    },
    {
      id: "stair-cleaning",
      name: "Stairs and Landing",
      description:
        "A full staircase of up to 14 steps with the landing, each tread and riser cleaned with a hand tool.",
      priceCents: usd(60),
      durationMinutes: 30,
      serviceIds: ["carpet-steam"],
      offerAt: "booking",
      offerWhen: "The home is two story and the customer listed only bedrooms and living areas.",
    },
    {
      id: "grout-sealing",
      name: "Grout Color Sealing",
      description: "Color-matched sealer applied line by line so grout stays uniform and resists stains for years.",
      priceCents: usd(150),
      durationMinutes: 90,
      serviceIds: ["tile-grout"],
      offerAt: "on-site",
      offerWhen: "Grout is clean but blotchy or mismatched after cleaning, common in kitchens.",
    },
  ],
  faqs: [
    {
      id: "faq-price",
      question: "How much does carpet cleaning cost?",
      answer:
        "We charge by room, up to 250 square feet each: three rooms and a hallway usually comes to about $180 to $240, and a whole house is $350 to $420. Pet urine treatment and protector are extra. There's a $140 minimum.",
    },
    {
      id: "faq-dry-time",
      question: "How long until the carpet is dry?",
      answer:
        "Usually 4 to 8 hours. We leave air movers running when needed; opening windows or running the AC speeds it up. Walk on it with clean socks and keep furniture blocks in place until it's dry.",
    },
    {
      id: "faq-move-furniture",
      question: "Do you move the furniture?",
      answer:
        "We move sofas, chairs and tables, and put protective tabs under the legs. Please clear small items, toys and anything breakable. We don't move beds, dressers, pianos or electronics.",
    },
    {
      id: "faq-stains",
      question: "Will all the stains come out?",
      answer:
        "Most food, dirt and traffic stains do. Bleach spots, coffee or red wine that sat for months, and pet urine that discolored the fibers may lighten but not disappear. We'll tell you before we start what to expect.",
    },
    {
      id: "faq-pets-kids",
      question: "Is it safe for kids and pets?",
      answer:
        "Yes. Our cleaning solutions are low-residue, and the hot-water rinse removes them. Keep kids and pets off damp carpet mostly so they don't track dirt back in.",
    },
    {
      id: "faq-parking",
      question: "What do you need from me on the day?",
      answer:
        "Please save a parking spot within 150 feet of your door for our van, since hoses run from the truck. We need access to a window or door for the hose but no water or power from you.",
    },
    {
      id: "faq-payment",
      question: "When and how do I pay?",
      answer:
        "After the job, once you've walked the rooms with the technician. We take cards and checks. Spots that return within 30 days are re-treated free.",
    },
  ],
  tone: {
    description:
      "Knowledgeable and reassuring, like a certified technician. Sets honest expectations on stains, explains dry time and furniture moving up front, and quotes by room count.",
    preferredWords: [
      "hot-water extraction",
      "truck-mounted",
      "pre-treat",
      "traffic lanes",
      "dry time",
      "protector",
      "IICRC",
    ],
    avoidWords: ["shampoo", "good as new", "guaranteed stain-free", "cheap"],
    sampleGreeting:
      "Thanks for calling {businessName}! How many rooms are we cleaning, and are there any pet spots I should know about?",
  },
  ivr: {
    mode: "ai-voice",
    greeting:
      "Thank you for calling {businessName}. Our assistant can price your rooms and book a truck-mounted cleaning right now.",
  },
  businessHours: {
    mon: [["08:00", "18:00"]],
    tue: [["08:00", "18:00"]],
    wed: [["08:00", "18:00"]],
    thu: [["08:00", "18:00"]],
    fri: [["08:00", "18:00"]],
    sat: [["08:00", "14:00"]],
  },
  reminders: { appointmentHoursBefore: [24, 1], reviewRequestHoursAfter: 24 },
  cadences: [
    {
      id: "annual-carpet",
      serviceIds: ["carpet-steam", "pet-urine"],
      mode: "reminder",
      intervalDays: 365,
      message:
        "Hi {firstName}, most carpet warranties ask for professional cleaning every 12 to 18 months. Book your annual cleaning with {businessName}: {bookingLink}",
    },
    {
      id: "pet-home-carpet",
      serviceIds: ["pet-urine"],
      mode: "reminder",
      intervalDays: 180,
      message:
        "Hi {firstName}, homes with pets stay fresher with a cleaning every six months. Want us back? {bookingLink}",
    },
  ],
  campaignTemplates: [
    {
      id: "winter-quiet-season",
      name: "January salt and spill cleanup",
      season: { fromMonth: 1, toMonth: 2 },
      body: "Hi {first_name}, holiday spills and salt stains on the carpet? January is our quietest month, so you get your pick of days. Book carpet or rug cleaning: {booking_link}",
    },
    {
      id: "spring-traffic-lanes",
      name: "Spring carpet refresh",
      season: { fromMonth: 3, toMonth: 5 },
      body: "Hi {first_name}, winter boots leave their mark on the traffic lanes. Book a spring carpet cleaning by May 31 and get protector on one room free: {booking_link}",
    },
    {
      id: "summer-pet-odor",
      name: "Summer pet odor treatment",
      season: { fromMonth: 6, toMonth: 8 },
      body: "Hi {first_name}, summer humidity brings out pet odors. Our pet urine treatment flushes the pad, not just the fibers. Book a visit: {booking_link}",
    },
    {
      id: "holiday-guest-prep",
      name: "Holiday guest prep",
      season: { fromMonth: 10, toMonth: 11 },
      body: "Hi {first_name}, guests coming for the holidays? Book carpet and upholstery cleaning before Thanksgiving; November dates go quickly: {booking_link}",
    },
  ],
  website: {
    headline: "Fresh, deep-clean carpets that dry the same day",
    subheadline: "Truck-mounted carpet, upholstery, rug and tile cleaning from IICRC-trained technicians.",
    about:
      "We are a family-owned carpet cleaning company using truck-mounted hot-water extraction, the method most carpet manufacturers recommend. Our technicians pre-treat traffic lanes, rinse out the residue that makes carpets re-soil, and set up air movers so you're back on your floors the same day. We treat pet accidents at the pad, not just the surface, and we tell you honestly which stains will come out before we start.",
    serviceBlurbs: {
      "carpet-steam": "Deep hot-water extraction that rinses out dirt and residue, dry in hours.",
      upholstery: "Sofas, sectionals and chairs cleaned with fabric-safe methods.",
      "tile-grout": "Grout lines returned to their original color with high-pressure extraction.",
      "area-rug": "Synthetic and wool rugs washed, dried flat and fringe-cleaned.",
      "pet-urine": "UV-located urine spots flushed from carpet and pad to remove odor at the source.",
    },
    seo: {
      title: "Carpet, Upholstery & Tile Cleaning",
      description:
        "Truck-mounted carpet cleaning, upholstery, area rugs, tile and grout, and pet urine treatment. Dry the same day, priced by room. Book online.",
    },
  },
  assets: [
    {
      kind: "property",
      fields: ["address", "squareFeet", "sizeClass", "gateNotes"],
      sizeClasses: [
        { id: "rooms-2", label: "Up to 2 rooms" },
        { id: "rooms-4", label: "3–4 rooms" },
        { id: "rooms-6", label: "5–6 rooms" },
        { id: "rooms-8", label: "7 or more rooms" },
      ],
    },
  ],
};
