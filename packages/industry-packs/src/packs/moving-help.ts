import { usd, usdRange } from "../money.ts";
import type { IndustryPack } from "../schema.ts";

export const movingHelp: IndustryPack = {
  id: "moving-help",
  name: "Moving Help",
  version: "1.1.0",
  summary:
    "Local movers and labor-only moving help: loading rental trucks and PODS, local moves, packing and heavy-item moves.",
  pricingFactors: [
    {
      id: "home-size",
      label: "Amount of stuff",
      options: ["Studio or 1-bedroom", "2-bedroom apartment", "3-bedroom house", "4+ bedroom house"],
    },
    { id: "crew-size", label: "Crew", options: ["2 movers", "3 movers", "4 movers"] },
    {
      id: "stairs-access",
      label: "Stairs and access",
      options: [
        "Ground floor or elevator, truck at the door",
        "One or two flights of stairs",
        "Three+ flights or a long walk from the truck",
      ],
    },
  ],
  services: [
    {
      id: "labor-only",
      name: "Loading or Unloading Help",
      description:
        "Two or more movers load or unload your rental truck, PODS or container, with furniture pads and straps, tight tetris-style stacking and a two-hour minimum.",
      durationMinutes: 120,
      priceCents: usdRange(190, 420),
      priceDependsOn: ["home-size", "crew-size"],
      assetKind: "property",
    },
    {
      id: "local-move",
      name: "Local Move with Truck",
      description:
        "A crew and a 26-foot box truck move you within 50 miles: furniture blanket-wrapped, beds and tables taken apart and rebuilt, and everything placed room by room.",
      durationMinutes: 360,
      priceCents: usdRange(650, 2200),
      priceDependsOn: ["home-size", "crew-size", "stairs-access"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "home-2", durationMinutes: 60, priceCents: usd(250) },
        { sizeClass: "home-3", durationMinutes: 120, priceCents: usd(600) },
        { sizeClass: "home-4", durationMinutes: 240, priceCents: usd(1200) },
      ],
    },
    {
      id: "packing",
      name: "Packing Service",
      description:
        "Kitchens, closets and fragile items packed the day before the move, with dish packs, wardrobe boxes and every box labeled by room.",
      durationMinutes: 300,
      priceCents: usdRange(350, 1100),
      priceDependsOn: ["home-size", "crew-size"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "home-2", durationMinutes: 60, priceCents: usd(150) },
        { sizeClass: "home-3", durationMinutes: 120, priceCents: usd(350) },
        { sizeClass: "home-4", durationMinutes: 180, priceCents: usd(600) },
      ],
    },
    {
      id: "heavy-item",
      name: "Single Heavy Item Move",
      description:
        "One bulky piece moved across town or up the stairs: a sectional, gun safe up to 500 lb, treadmill or appliance from the store to your home.",
      durationMinutes: 90,
      priceCents: usdRange(135, 275),
      priceDependsOn: ["stairs-access"],
      assetKind: "property",
    },
    {
      id: "in-home-move",
      name: "In-Home Furniture Rearranging",
      description:
        "Two movers shift furniture between rooms or floors for a remodel, new flooring or staging a home for sale, with floors protected the whole way.",
      durationMinutes: 120,
      priceCents: usdRange(170, 280),
      priceDependsOn: ["crew-size"],
      assetKind: "property",
    },
  ],
  addOns: [
    {
      id: "piano-handling",
      name: "Piano Handling",
      description:
        "Upright piano moved on a piano board with extra straps and a third mover. Grand pianos are quoted separately.",
      priceCents: usd(175),
      durationMinutes: 60,
      serviceIds: ["local-move", "labor-only", "heavy-item"],
      offerAt: "booking",
      offerWhen: "The inventory includes a piano, organ or anything over 300 lb.",
    },
    {
      id: "packing-materials",
      name: "Packing Supplies Kit",
      description:
        "25 mixed boxes, two wardrobe boxes, packing paper, bubble wrap and tape, delivered before moving day.",
      priceCents: usd(110),
      durationMinutes: 15,
      serviceIds: ["local-move", "packing"],
      offerAt: "booking",
      offerWhen: "The customer hasn't started packing or asks where to get boxes.",
    },
    {
      id: "tv-mount",
      name: "TV Unmount and Remount",
      description:
        "A wall-mounted TV taken down, padded in a TV box and remounted at the new place on the existing bracket.",
      priceCents: usd(85),
      durationMinutes: 45,
      serviceIds: ["local-move", "in-home-move"],
      offerAt: "booking",
      offerWhen: "The customer mentions a wall-mounted TV or asks about electronics.",
    },
    {
      id: "haul-away",
      name: "Leftover Haul-Away",
      description:
        "Items you decide not to take are loaded last and dropped at donation or the transfer station, up to a quarter truckload.",
      priceCents: usd(125),
      durationMinutes: 30,
      serviceIds: ["local-move", "labor-only"],
      offerAt: "on-site",
      offerWhen: "The crew sees a pile of furniture or boxes marked as not coming along.",
    },
  ],
  faqs: [
    {
      id: "faq-price",
      question: "How much will my move cost?",
      answer:
        "Labor-only help is $95 an hour for two movers with a two-hour minimum. A local move with our truck usually lands between $650 for a one-bedroom and $2,200 for a 4-bedroom house. Stairs, long walks and big items add time, so we quote from your inventory.",
    },
    {
      id: "faq-rain",
      question: "Do you still move if it's raining?",
      answer:
        "Yes. Moves go ahead in rain: we lay floor runners, wrap furniture in pads and plastic, and put mattresses in bags. Only lightning or ice on stairs pauses the work until it's safe.",
    },
    {
      id: "faq-prepare",
      question: "What should I have ready before the movers arrive?",
      answer:
        "Have everything boxed and taped unless you booked packing, empty dresser drawers of anything fragile, and reserve a parking spot or loading dock for the truck. Keep valuables, medication and documents with you.",
    },
    {
      id: "faq-insurance",
      question: "Are my things insured?",
      answer:
        "We're licensed and insured, and every move includes basic valuation coverage at 60 cents per pound per item as required. Full-value protection can be added for higher-value furniture; ask when booking.",
    },
    {
      id: "faq-deposit",
      question: "Do I need a deposit, and how do I pay?",
      answer:
        "A $100 deposit holds your date and is deducted from the final bill. The balance is paid by card when the job is done, based on actual time on the clock.",
    },
    {
      id: "faq-cancel",
      question: "Can I change or cancel my moving date?",
      answer:
        "Moving dates book up fast, especially at month's end. Reschedule free with 7 days' notice and your deposit moves with you. Cancellations within 72 hours forfeit the deposit.",
    },
    {
      id: "faq-items",
      question: "Is there anything you won't move?",
      answer:
        "We can't move propane tanks, gasoline, paint, ammunition, plants across state lines or live animals. Gun safes over 500 pounds and pool tables need a separate quote.",
    },
    {
      id: "faq-tips",
      question: "Should I tip the movers?",
      answer:
        "Tipping is optional. Many customers tip $20 to $40 per mover for a half-day move, and cold water on a hot day is always appreciated.",
    },
  ],
  tone: {
    description:
      "Steady, can-do and practical. Calms a stressed mover by breaking the job into an inventory, a date and access details; explains hourly billing plainly and never promises an exact final total.",
    preferredWords: [
      "crew",
      "inventory",
      "moving day",
      "padded and wrapped",
      "on the clock",
      "loading dock",
      "we've got it",
    ],
    avoidWords: ["flat rate guaranteed", "no problem at all", "junk", "quick and easy"],
    sampleGreeting: "Hi, thanks for calling {businessName}! When's moving day, and where are you moving from and to?",
  },
  ivr: {
    mode: "ai-voice",
    greeting:
      "Thanks for calling {businessName}. Our assistant can estimate your move from a quick inventory and hold your moving date.",
  },
  businessHours: {
    mon: [["07:00", "19:00"]],
    tue: [["07:00", "19:00"]],
    wed: [["07:00", "19:00"]],
    thu: [["07:00", "19:00"]],
    fri: [["07:00", "19:00"]],
    sat: [["07:00", "19:00"]],
    sun: [["09:00", "15:00"]],
  },
  reminders: { appointmentHoursBefore: [72, 24], reviewRequestHoursAfter: 6 },
  cadences: [
    {
      id: "post-move-checkin",
      serviceIds: ["local-move", "labor-only"],
      mode: "reminder",
      intervalDays: 14,
      message:
        "Hi {firstName}, hope you're settling in! If you need pictures hung or furniture moved around, {businessName} can help: {bookingLink}",
    },
    {
      id: "annual-move-reminder",
      serviceIds: ["local-move", "labor-only", "packing"],
      mode: "reminder",
      intervalDays: 330,
      message:
        "Hi {firstName}, lease renewal season is here. If another move is coming up, lock in your date with {businessName} early: {bookingLink}",
    },
  ],
  campaignTemplates: [
    {
      id: "spring-rearrange",
      name: "Spring furniture rearrange",
      season: { fromMonth: 3, toMonth: 4 },
      body: "Hi {first_name}, spring refresh? Our crew can rearrange rooms or move that one heavy piece to the garage or basement. Book a time: {booking_link}",
    },
    {
      id: "summer-peak-moves",
      name: "Summer moving day",
      season: { fromMonth: 4, toMonth: 6 },
      body: "Hi {first_name}, summer is peak moving season and weekend crews book up weeks ahead. Lock in your moving day now: {booking_link}",
    },
    {
      id: "college-move-in",
      name: "College move-in help",
      season: { fromMonth: 8, toMonth: 9 },
      body: "Hi {first_name}, dorm and apartment move-ins are coming. Book a loading or unloading crew for the rental truck and skip the heavy lifting: {booking_link}",
    },
    {
      id: "winter-weekday-move",
      name: "Winter weekday move",
      season: { fromMonth: 11, toMonth: 2 },
      body: "Hi {first_name}, moving this winter? Weekday local moves booked November through February are $50 off, and crews have more open dates: {booking_link}",
    },
  ],
  website: {
    headline: "Strong, careful movers who show up on time",
    subheadline: "Local moves, loading and unloading help, packing and heavy items, billed honestly by the hour.",
    about:
      "We're a local moving crew that does one thing well: getting your stuff from here to there without drama. Every move comes with furniture pads, shrink wrap, tools for taking beds apart and a crew lead who walks the job with you before the clock starts. Need just the muscle for a rental truck or a PODS? We do that too. Honest hourly billing, no surprise fuel fees and a text when the crew is on the way.",
    serviceBlurbs: {
      "labor-only": "Muscle for your rental truck, PODS or container, loaded tight and secured.",
      "local-move": "Crew plus 26-foot truck for moves across town, furniture wrapped and reassembled.",
      packing: "We pack kitchens, closets and fragile things so you can focus on the rest.",
      "heavy-item": "Couches, safes, treadmills and appliances moved safely, stairs included.",
      "in-home-move": "Furniture moved between rooms for remodels, new floors or staging.",
    },
    seo: {
      title: "Local Movers & Moving Help by the Hour",
      description:
        "Local moving company and labor-only moving help: truck loading, packing, heavy items and apartment moves. Honest hourly rates, licensed and insured.",
    },
  },
  assets: [
    {
      kind: "property",
      fields: ["address", "squareFeet", "sizeClass", "gateNotes"],
      sizeClasses: [
        { id: "home-1", label: "Studio or 1 bedroom" },
        { id: "home-2", label: "2 bedrooms" },
        { id: "home-3", label: "3 bedrooms" },
        { id: "home-4", label: "4 or more bedrooms" },
      ],
    },
  ],
};
