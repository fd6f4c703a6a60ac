import { usd, usdRange } from "../money.ts";
import type { IndustryPack } from "../schema.ts";

export const junkRemoval: IndustryPack = {
  id: "junk-removal",
  name: "Junk Removal",
  version: "1.1.0",
  summary:
    "Full-service junk hauling priced by truck volume: single items, garage and estate cleanouts, yard debris and light demolition.",
  pricingFactors: [
    {
      id: "truck-volume",
      label: "How much of the truck",
      options: [
        "Single item or minimum load",
        "1/4 truck (about a pickup bed)",
        "1/2 truck",
        "3/4 truck",
        "Full truck (about 15 cubic yards)",
      ],
    },
    {
      id: "item-type",
      label: "What's going",
      options: [
        "Household junk and furniture",
        "Appliances or mattresses (disposal fees)",
        "Construction debris, concrete or roofing (heavy)",
      ],
    },
  ],
  services: [
    {
      id: "single-item",
      name: "Single Item Pickup",
      description:
        "One bulky item like a couch, recliner, mattress or washer picked up from anywhere on the property, stairs included, and donated or recycled where possible.",
      durationMinutes: 30,
      priceCents: usdRange(89, 175),
      priceDependsOn: ["item-type"],
      assetKind: "property",
    },
    {
      id: "load-junk",
      name: "Junk Removal by the Load",
      description:
        "Two-person crew loads whatever you point to into our 15-cubic-yard truck; you pay only for the space it takes, with the final price confirmed before we lift anything.",
      durationMinutes: 60,
      priceCents: usdRange(175, 650),
      priceDependsOn: ["truck-volume", "item-type"],
      assetKind: "property",
    },
    {
      id: "garage-cleanout",
      name: "Garage or Basement Cleanout",
      description:
        "A crew sorts keep, donate and trash piles with you, hauls everything else, and sweeps out the garage or basement when the floor is clear.",
      durationMinutes: 180,
      priceCents: usdRange(450, 1300),
      priceDependsOn: ["truck-volume"],
      assetKind: "property",
    },
    {
      id: "estate-cleanout",
      name: "Estate Cleanout",
      description:
        "Whole-home cleanouts for estates, hoarding situations and foreclosures, handled discreetly, with valuables and paperwork set aside for the family.",
      durationMinutes: 480,
      priceCents: usdRange(1200, 4500),
      priceDependsOn: ["truck-volume", "item-type"],
      assetKind: "property",
    },
    {
      id: "hot-tub-removal",
      name: "Hot Tub Removal",
      description:
        "Hot tub disconnected (after an electrician kills the circuit), cut into sections on site and hauled away, with the pad swept clean.",
      durationMinutes: 180,
      priceCents: usdRange(450, 700),
      priceDependsOn: ["item-type"],
      assetKind: "property",
    },
  ],
  addOns: [
    {
      id: "appliance-fee",
      name: "Refrigerant Appliance Disposal",
      description: "Freon recovery and certified recycling for refrigerators, freezers, AC units and dehumidifiers.",
      priceCents: usd(45),
      durationMinutes: 15,
      serviceIds: ["single-item", "load-junk", "garage-cleanout", "estate-cleanout"],
      offerAt: "on-site",
      offerWhen: "The load includes a refrigerator, freezer, window AC or dehumidifier.",
    },
    {
      id: "mattress-fee",
      name: "Mattress Recycling",
      description: "Mattresses and box springs taken to a mattress recycler instead of the landfill, per piece.",
      priceCents: usd(30),
      durationMinutes: 15,
      serviceIds: ["load-junk", "garage-cleanout", "estate-cleanout"],
      offerAt: "on-site",
      offerWhen: "Mattresses or box springs are in the pile.",
    },
    {
      id: "broom-sweep",
      name: "Deep Sweep and Wipe-Down",
      description:
        "After the haul, floors swept and mopped, shelves wiped and cobwebs knocked down so the space is ready to use or list.",
      priceCents: usd(95),
      durationMinutes: 60,
      serviceIds: ["garage-cleanout", "estate-cleanout"],
      offerAt: "booking",
      offerWhen: "The home is being sold, rented or handed back to a landlord.",
    },
  ],
  faqs: [
    {
      id: "faq-price",
      question: "How much does junk removal cost?",
      answer:
        "We price by how much room your stuff takes in our truck. A single item starts at $89, a quarter truck is about $175 and a full 15-yard truck is about $650. Heavy materials like concrete or shingles cost more. You get a firm price on site before we start.",
    },
    {
      id: "faq-what",
      question: "What won't you take?",
      answer:
        "We can't take paint cans with liquid paint, motor oil, gasoline, propane tanks, asbestos, chemicals or medical waste. We'll point you to the county hazardous waste drop-off for those.",
    },
    {
      id: "faq-outside",
      question: "Do I need to bring everything out to the curb?",
      answer:
        "No, that's our job. We pick up from basements, attics, back yards and upstairs bedrooms. You just point.",
    },
    {
      id: "faq-donate",
      question: "Where does my stuff go?",
      answer:
        "Usable furniture and housewares go to local charities, metal and electronics go to recyclers, and only what's left goes to the transfer station. We can send you donation receipts for your taxes.",
    },
    {
      id: "faq-same-day",
      question: "Can you come today?",
      answer:
        "Often, yes. Call before noon and we can usually fit you in the same day or next morning, with a two-hour arrival window and a call when the crew is 20 minutes away.",
    },
    {
      id: "faq-home",
      question: "Do I have to be there?",
      answer:
        "Not if everything is outside or easy to reach. Mark the items, send photos and we'll text a price for approval, then send photos when the space is clear.",
    },
    {
      id: "faq-payment",
      question: "When do I pay?",
      answer:
        "Once the truck is loaded and you're happy, pay by card or check. No deposits for residential jobs; estate cleanouts over $1,500 need a 25 percent deposit.",
    },
  ],
  tone: {
    description:
      "Upbeat, no-judgment and quick. Makes it easy: you point, we haul. Explains volume pricing with everyday comparisons and is tactful with estate and hoarding calls.",
    preferredWords: ["haul away", "truckload", "you point, we lift", "donate", "recycle", "same-day", "cleanout"],
    avoidWords: ["trash heap", "hoarder", "garbage people", "dump it all"],
    sampleGreeting: "Hey, thanks for calling {businessName}! What are we hauling away for you today?",
  },
  ivr: {
    mode: "ai-voice",
    greeting:
      "Thanks for calling {businessName}. Our assistant can estimate your load and book a same-day or next-day pickup.",
  },
  businessHours: {
    mon: [["07:00", "19:00"]],
    tue: [["07:00", "19:00"]],
    wed: [["07:00", "19:00"]],
    thu: [["07:00", "19:00"]],
    fri: [["07:00", "19:00"]],
    sat: [["08:00", "17:00"]],
  },
  reminders: { appointmentHoursBefore: [24, 1], reviewRequestHoursAfter: 2 },
  cadences: [
    {
      id: "spring-cleanout",
      serviceIds: ["load-junk", "garage-cleanout"],
      mode: "reminder",
      intervalDays: 365,
      message:
        "Hi {firstName}, spring cleaning season! If the garage is filling up again, {businessName} can haul it away this week: {bookingLink}",
    },
    {
      id: "property-manager",
      serviceIds: ["estate-cleanout", "load-junk"],
      mode: "reminder",
      intervalDays: 90,
      message:
        "Hi {firstName}, any move-outs or cleanouts coming up at your properties? {businessName} can hold a truck for you: {bookingLink}",
    },
  ],
  campaignTemplates: [
    {
      id: "spring-garage-cleanout",
      name: "Spring garage cleanout",
      season: { fromMonth: 3, toMonth: 5 },
      body: "Hi {first_name}, spring cleaning the garage or basement? You point, we lift, and we donate or recycle what we can. Book a cleanout: {booking_link}",
    },
    {
      id: "summer-move-haul",
      name: "Summer moving haul-away",
      season: { fromMonth: 6, toMonth: 8 },
      body: "Hi {first_name}, moving this summer? Book a pickup for everything that isn't making the trip, from old dressers to a truckload of boxes: {booking_link}",
    },
    {
      id: "fall-hot-tub-removal",
      name: "Fall hot tub removal",
      season: { fromMonth: 9, toMonth: 10 },
      body: "Hi {first_name}, done with that old hot tub? Fall is a good time to take it out, before the ground freezes. Book a hot tub removal: {booking_link}",
    },
    {
      id: "after-holiday-pickup",
      name: "After-holiday pickup",
      season: { fromMonth: 12, toMonth: 1 },
      body: "Hi {first_name}, new furniture for the holidays? We'll haul away the old couch, mattress or pile of boxes. Book a single-item pickup: {booking_link}",
    },
  ],
  website: {
    headline: "You point, we haul it away today",
    subheadline:
      "Junk removal priced by the truckload, from one couch to a full estate cleanout. We donate and recycle first.",
    about:
      "We're a locally owned junk removal crew that does the heavy lifting so you don't have to. Point to what's going and our uniformed team loads it from wherever it sits, then sweeps up behind. You see the price before we lift a thing, and it's based on how much space your stuff takes in the truck. Usable items go to local charities and recyclers first, so far less ends up in the landfill.",
    serviceBlurbs: {
      "single-item": "One couch, mattress or appliance picked up from anywhere in the home.",
      "load-junk": "Pay only for the truck space you use, with an upfront price before we load.",
      "garage-cleanout": "Sort, haul and sweep: get your garage or basement back in an afternoon.",
      "estate-cleanout": "Compassionate, thorough whole-home cleanouts with valuables set aside.",
      "hot-tub-removal": "Old hot tubs cut up and hauled off, pad left clean.",
    },
    seo: {
      title: "Junk Removal & Cleanouts: Same-Day Hauling",
      description:
        "Same-day junk removal priced by truck volume: furniture, appliances, garage and estate cleanouts, hot tubs. We donate and recycle first. Upfront pricing.",
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
