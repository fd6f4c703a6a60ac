import { usd, usdRange } from "../money.ts";
import type { IndustryPack } from "../schema.ts";

export const photography: IndustryPack = {
  id: "photography",
  name: "Photography",
  version: "1.1.0",
  summary: "Portrait, family, headshot, event and real-estate photography sessions with edited digital galleries.",
  pricingFactors: [
    { id: "coverage-hours", label: "Coverage time", options: ["1 hour", "2–3 hours", "4–6 hours", "8 hours or more"] },
    {
      id: "group-size",
      label: "People in the session",
      options: ["1–2 people", "3–5 people", "6–10 people", "Extended family, 11+"],
    },
    {
      id: "property-size",
      label: "Property size",
      options: ["Condo or under 1,500 sq ft", "1,500–3,000 sq ft", "3,000–5,000 sq ft", "Over 5,000 sq ft"],
    },
  ],
  services: [
    {
      id: "family-session",
      name: "Family Portrait Session",
      description:
        "A relaxed outdoor session at a park or your home during golden hour, with 40 or more edited images delivered in an online gallery within two weeks.",
      durationMinutes: 60,
      priceCents: usdRange(350, 550),
      priceDependsOn: ["group-size"],
    },
    {
      id: "headshots",
      name: "Professional Headshots",
      description:
        "Studio or on-location headshots with two outfit changes, posing coaching and three retouched images of your choice; extra retouched images available.",
      durationMinutes: 45,
      priceCents: usd(225),
      priceDependsOn: [],
    },
    {
      id: "mini-session",
      name: "Seasonal Mini Session",
      description:
        "A 20-minute slot on a scheduled mini-session day at a styled location, with 10 edited images. Popular for fall foliage and holiday cards.",
      durationMinutes: 30,
      priceCents: usd(175),
      priceDependsOn: [],
    },
    {
      id: "event-coverage",
      name: "Event Coverage",
      description:
        "Candid and posed coverage of birthdays, corporate events, graduations and parties, billed by the hour, with a full edited gallery in three weeks.",
      durationMinutes: 180,
      priceCents: usdRange(450, 1800),
      priceDependsOn: ["coverage-hours"],
    },
    {
      id: "wedding-day",
      name: "Wedding Day Coverage",
      description:
        "Getting ready through the first dance with a second shooter, a timeline planning call and 500 or more edited images delivered within six weeks.",
      durationMinutes: 480,
      priceCents: usdRange(2800, 5500),
      priceDependsOn: ["coverage-hours"],
    },
    {
      id: "real-estate",
      name: "Real Estate Listing Photos",
      description:
        "HDR interior and exterior photos shot for MLS, with window pulls, vertical correction and next-day delivery, sized for listing sites.",
      durationMinutes: 90,
      priceCents: usdRange(175, 375),
      priceDependsOn: ["property-size"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "home-m", durationMinutes: 30, priceCents: usd(50) },
        { sizeClass: "home-l", durationMinutes: 45, priceCents: usd(100) },
        { sizeClass: "home-xl", durationMinutes: 60, priceCents: usd(175) },
      ],
    },
  ],
  addOns: [
    {
      id: "extra-retouch",
      name: "Additional Retouched Images",
      description: "Three more images with skin retouching, flyaway cleanup and background cleanup.",
      priceCents: usd(75),
      durationMinutes: 15,
      serviceIds: ["headshots", "family-session"],
      offerAt: "follow-up",
      offerWhen: "When the client views the proofing gallery and favorites more images than the package includes.",
    },
    {
      id: "print-credit",
      name: "Heirloom Print Package",
      description: "A lay-flat 10x10 album or a set of three framed gallery prints, ordered from a professional lab.",
      priceCents: usd(325),
      durationMinutes: 30,
      serviceIds: ["family-session", "wedding-day"],
      offerAt: "follow-up",
      offerWhen: "At the gallery reveal, especially ahead of the holidays.",
    },
    {
      id: "drone-aerials",
      name: "Drone Aerials",
      description: "Five FAA Part 107-licensed aerial shots of the property and neighborhood, weather permitting.",
      priceCents: usd(125),
      durationMinutes: 30,
      serviceIds: ["real-estate", "event-coverage"],
      offerAt: "booking",
      offerWhen: "Listings on large lots, waterfront or near parks, or outdoor events.",
    },
    {
      id: "twilight-shoot",
      name: "Twilight Exteriors",
      description:
        "A return visit at dusk for glowing exterior photos with interior lights on, the shot that leads most luxury listings.",
      priceCents: usd(150),
      durationMinutes: 60,
      serviceIds: ["real-estate"],
      offerAt: "booking",
      offerWhen: "Listings priced above the local median or homes with strong outdoor lighting and landscaping.",
    },
    {
      id: "rush-delivery",
      name: "48-Hour Rush Gallery",
      description: "Your edited gallery delivered within 48 hours instead of the standard turnaround.",
      priceCents: usd(100),
      durationMinutes: 15,
      serviceIds: ["family-session", "event-coverage", "headshots"],
      offerAt: "booking",
      offerWhen:
        "The client needs photos for a deadline such as a conference badge, a press release or a holiday card print cutoff.",
    },
  ],
  faqs: [
    {
      id: "faq-price",
      question: "How much does a family photo session cost?",
      answer:
        "Family sessions start at $350 for up to five people and go to $550 for extended families. That includes the session, editing and an online gallery with print rights. Prints and albums are optional extras.",
    },
    {
      id: "faq-weather",
      question: "What if it rains on the day of our outdoor shoot?",
      answer:
        "We watch the forecast together and decide the day before. If rain is likely, we reschedule to the next open date at no charge, or move indoors if you prefer.",
    },
    {
      id: "faq-wear",
      question: "What should we wear?",
      answer:
        "Coordinate rather than match: pick two or three colors and mix textures. Avoid big logos and neon. After booking we send a style guide with outfit ideas for the season and location.",
    },
    {
      id: "faq-delivery",
      question: "When will we get our photos?",
      answer:
        "Portrait and headshot galleries arrive within two weeks, events within three and weddings within six. You'll get a sneak peek within a few days of the shoot.",
    },
    {
      id: "faq-raw",
      question: "Do we get the RAW, unedited files?",
      answer:
        "No. Editing is part of the finished photograph, so we deliver fully edited high-resolution JPEGs with a personal print release. Everything you'd want is in the gallery.",
    },
    {
      id: "faq-deposit",
      question: "How do I reserve my date?",
      answer:
        "A signed agreement and a non-refundable retainer hold your date: $100 for portraits and 30 percent for weddings and events. The balance is due a week before the session.",
    },
    {
      id: "faq-reschedule",
      question: "Can I reschedule my session?",
      answer:
        "Yes, once without a fee with at least 72 hours' notice, and anytime for illness or weather. Your retainer carries over to the new date.",
    },
    {
      id: "faq-travel",
      question: "Do you travel for sessions?",
      answer:
        "Sessions within 30 miles are included. Beyond that we charge 70 cents per mile round trip, and destination weddings are quoted individually.",
    },
  ],
  tone: {
    description:
      "Creative, warm and calm. Asks about the occasion and the people before the package, paints a picture of the session experience, and is clear about deliverables, turnaround times and retainers.",
    preferredWords: [
      "session",
      "gallery",
      "golden hour",
      "edited images",
      "retainer",
      "print release",
      "sneak peek",
      "moments",
    ],
    avoidWords: ["photo shoot package deal", "cheap", "RAW files included", "snapshots"],
    sampleGreeting:
      "Hi, thanks for calling {businessName}! Are you planning a session or an event? I'd love to hear what you have in mind.",
  },
  ivr: {
    mode: "voicemail",
    greeting:
      "Thanks for calling {businessName}. I'm probably behind the camera right now. Leave your name, the date you're thinking of and the type of session, and I'll call you back today.",
  },
  businessHours: {
    tue: [["10:00", "18:00"]],
    wed: [["10:00", "18:00"]],
    thu: [["10:00", "18:00"]],
    fri: [["10:00", "18:00"]],
    sat: [["09:00", "19:00"]],
  },
  reminders: { appointmentHoursBefore: [72, 24], reviewRequestHoursAfter: 48 },
  cadences: [
    {
      id: "annual-family",
      serviceIds: ["family-session", "mini-session"],
      mode: "reminder",
      intervalDays: 365,
      message:
        "Hi {firstName}, it's been a year since your family session with {businessName}. The kids have grown! Reserve this year's session: {bookingLink}",
    },
    {
      id: "headshot-refresh",
      serviceIds: ["headshots"],
      mode: "reminder",
      intervalDays: 730,
      message:
        "Hi {firstName}, your headshot is two years old. A fresh one keeps your profile current; book with {businessName} here: {bookingLink}",
    },
  ],
  campaignTemplates: [
    {
      id: "new-year-headshots",
      name: "New year headshots",
      season: { fromMonth: 1, toMonth: 2 },
      body: "Hi {first_name}, new year, new headshot? Book a headshot session in January or February and get one extra retouched image free: {booking_link}",
    },
    {
      id: "spring-mini-sessions",
      name: "Spring mini sessions",
      season: { fromMonth: 3, toMonth: 5 },
      body: "Hi {first_name}, spring mini sessions are open: 20 minutes among the blossoms with 10 edited images, great for grads and growing kids. Spots are limited: {booking_link}",
    },
    {
      id: "fall-mini-sessions",
      name: "Fall mini sessions",
      season: { fromMonth: 8, toMonth: 10 },
      body: "Hi {first_name}, fall mini sessions are open: 20 minutes at golden hour with 10 edited images, just in time for holiday cards. Spots are limited: {booking_link}",
    },
    {
      id: "holiday-prints",
      name: "Holiday print gift",
      season: { fromMonth: 11, toMonth: 12 },
      body: "Hi {first_name}, your gallery makes a gift that lasts. Reply by Dec 10 to order an heirloom print package in time for the holidays, or book your next session: {booking_link}",
    },
  ],
  website: {
    headline: "Photos you'll frame, not just scroll past",
    subheadline:
      "Family portraits, headshots, events and weddings, with a relaxed session and beautifully edited galleries.",
    about:
      "I'm a local photographer who believes the best photos happen when people forget the camera is there. Sessions are relaxed and guided: I'll help with outfits, location and timing so the light does the heavy lifting. Every image is hand-edited, galleries arrive on a schedule you can count on, and you'll get a print release so your favorites end up on the wall, not lost in a phone.",
    serviceBlurbs: {
      "family-session": "Golden-hour portraits of your family at a park or at home, with 40+ edited images.",
      headshots: "Polished, approachable headshots for LinkedIn, your website and speaker bios.",
      "mini-session": "Quick 20-minute sessions on set dates, perfect for holiday cards.",
      "event-coverage": "Candid coverage of parties, graduations and corporate events, billed by the hour.",
      "wedding-day": "Full-day wedding coverage with a second shooter and a planning call.",
      "real-estate": "Bright, straight, MLS-ready listing photos delivered the next day.",
    },
    seo: {
      title: "Family, Headshot & Wedding Photographer",
      description:
        "Local photographer for family portraits, professional headshots, events, weddings and real estate. Relaxed sessions, edited online galleries. Book a date.",
    },
  },
  assets: [
    {
      kind: "property",
      fields: ["address", "squareFeet", "sizeClass"],
      sizeClasses: [
        { id: "home-s", label: "Up to 1,200 sq ft" },
        { id: "home-m", label: "1,200–2,000 sq ft" },
        { id: "home-l", label: "2,000–3,000 sq ft" },
        { id: "home-xl", label: "Over 3,000 sq ft" },
      ],
    },
  ],
};
