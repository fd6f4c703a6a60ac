import { usd, usdRange } from "../money.ts";
import type { IndustryPack } from "../schema.ts";

export const windowCleaning: IndustryPack = {
  id: "window-cleaning",
  name: "Window Cleaning",
  version: "1.1.0",
  summary: "Residential and storefront window cleaning, inside and out, with screens, tracks and pure-water pole work.",
  pricingFactors: [
    {
      id: "pane-count",
      label: "Number of windows",
      options: ["Up to 15 windows", "16–30 windows", "31–50 windows", "More than 50 windows"],
    },
    { id: "home-stories", label: "Home height", options: ["Single story", "Two story", "Three story or hillside"] },
    {
      id: "window-style",
      label: "Window style",
      options: [
        "Standard double-hung or sliders",
        "French panes or divided lites",
        "Skylights, sunrooms or lots of tall glass",
      ],
    },
  ],
  services: [
    {
      id: "exterior-windows",
      name: "Exterior Window Cleaning",
      description:
        "Outside glass, frames and sills cleaned with a water-fed pole and deionized water that dries spot-free, including second-story windows from the ground.",
      durationMinutes: 90,
      priceCents: usdRange(150, 350),
      priceDependsOn: ["pane-count", "home-stories"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "story-2", durationMinutes: 30, priceCents: usd(75) },
        { sizeClass: "story-3", durationMinutes: 60, priceCents: usd(150) },
      ],
    },
    {
      id: "inside-outside",
      name: "Inside and Out Window Cleaning",
      description:
        "Every pane cleaned inside and out by hand with a squeegee and detailed edges, screens brushed and rinsed, and sills wiped down.",
      durationMinutes: 180,
      priceCents: usdRange(275, 600),
      priceDependsOn: ["pane-count", "home-stories", "window-style"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "story-2", durationMinutes: 60, priceCents: usd(125) },
        { sizeClass: "story-3", durationMinutes: 120, priceCents: usd(250) },
      ],
    },
    {
      id: "storefront",
      name: "Storefront Route Service",
      description:
        "Street-level shop glass and entry doors cleaned inside and out before opening, on a weekly or biweekly route, with a finger-print touch-up on glass doors.",
      durationMinutes: 30,
      priceCents: usdRange(35, 90),
      priceDependsOn: ["pane-count"],
      assetKind: "property",
    },
    {
      id: "post-construction-windows",
      name: "Post-Construction Window Cleaning",
      description:
        "Stickers, paint overspray, stucco and mortar splatter removed from new windows with proper glass scrapers and a final squeegee and frame wipe.",
      durationMinutes: 240,
      priceCents: usdRange(400, 950),
      priceDependsOn: ["pane-count", "window-style"],
      assetKind: "property",
    },
  ],
  addOns: [
    {
      id: "screen-deep-clean",
      name: "Screen Washing",
      description:
        "Screens removed, washed with a soft brush and soapy water, rinsed and reinstalled, with torn screens noted for repair.",
      priceCents: usd(60),
      durationMinutes: 30,
      serviceIds: ["exterior-windows", "inside-outside"],
      offerAt: "booking",
      offerWhen: "Spring cleans, homes near trees or pollen season, or screens that haven't been cleaned in a year.",
    },
    {
      id: "track-cleaning",
      name: "Track and Sill Detailing",
      description:
        "Window and slider tracks vacuumed, scrubbed with a detail brush and wiped so they slide smoothly again.",
      priceCents: usd(75),
      durationMinutes: 45,
      serviceIds: ["inside-outside", "post-construction-windows"],
      offerAt: "on-site",
      offerWhen: "Tracks are full of dead bugs, grit or pet hair, or sliding doors stick.",
    },
    {
      id: "hard-water-removal",
      name: "Hard Water Stain Removal",
      description:
        "Mineral deposits from sprinklers polished off the glass with a cerium-oxide compound, priced per affected window group.",
      priceCents: usd(90),
      durationMinutes: 45,
      serviceIds: ["exterior-windows", "inside-outside"],
      offerAt: "on-site",
      offerWhen: "Cloudy white spots remain on lower windows after cleaning, usually near sprinkler heads.",
    },
    {
      id: "solar-panels",
      name: "Solar Panel Rinse",
      description:
        "Roof-mounted solar panels cleaned with pure water and a soft brush to recover lost output without voiding the panel warranty.",
      priceCents: usd(120),
      durationMinutes: 60,
      serviceIds: ["exterior-windows", "inside-outside"],
      offerAt: "booking",
      offerWhen: "The home has solar panels visible on satellite view, or the owner mentions a drop in production.",
    },
  ],
  faqs: [
    {
      id: "faq-price",
      question: "How much does window cleaning cost?",
      answer:
        "Most homes run $275 to $600 for inside and out, or $150 to $350 for outside only. The price depends on how many windows you have, how high they are and whether they have divided panes. Count your windows or send photos for an exact price.",
    },
    {
      id: "faq-rain",
      question: "Is there any point cleaning windows if it's going to rain?",
      answer:
        "Yes. Rain itself is clean; spots come from the dirt already on the glass. Our pure-water system leaves nothing for rain to stick to, so we work through light showers. We only reschedule for storms or high wind.",
    },
    {
      id: "faq-inside",
      question: "What do you need from me for inside cleaning?",
      answer:
        "Clear a path to each window and move anything delicate from the sills. We wear shoe covers, lay drop towels on carpet and put everything back where it was.",
    },
    {
      id: "faq-streaks",
      question: "What if I see streaks after you leave?",
      answer:
        "We'll come back within 7 days and fix it at no charge. Just text a photo showing which window so we can check it against our notes.",
    },
    {
      id: "faq-frequency",
      question: "How often should windows be cleaned?",
      answer:
        "For most homes twice a year, spring and fall. Storefronts look best weekly or biweekly, and homes near the coast or on a dirt road usually need quarterly service.",
    },
    {
      id: "faq-insured",
      question: "Are you insured for ladder work?",
      answer:
        "Yes, we carry general liability and workers' comp, and most second-story glass is cleaned from the ground with water-fed poles. Certificates of insurance are available for HOAs and property managers.",
    },
    {
      id: "faq-payment",
      question: "How do I pay?",
      answer:
        "Pay by card, Venmo or check when the job is finished. Storefront route accounts are billed monthly by card on file.",
    },
  ],
  tone: {
    description:
      "Cheerful and detail-proud. Likes to count windows with the caller, explains pure-water cleaning simply and promises a streak-free result backed by a free return visit.",
    preferredWords: ["streak-free", "pure water", "water-fed pole", "panes", "screens", "tracks", "spring clean"],
    avoidWords: ["wipe down", "Windex", "good enough", "dirty windows"],
    sampleGreeting:
      "Hi, thanks for calling {businessName}! Roughly how many windows are we cleaning, and is it one story or two?",
  },
  ivr: {
    mode: "forward",
    greeting:
      "You've reached {businessName}. Hang on while we connect you; if we're on a job, leave a message with your address and window count.",
  },
  businessHours: {
    mon: [["08:00", "17:00"]],
    tue: [["08:00", "17:00"]],
    wed: [["08:00", "17:00"]],
    thu: [["08:00", "17:00"]],
    fri: [["08:00", "17:00"]],
    sat: [["09:00", "13:00"]],
  },
  reminders: { appointmentHoursBefore: [48], reviewRequestHoursAfter: 4 },
  cadences: [
    {
      id: "spring-fall",
      serviceIds: ["inside-outside", "exterior-windows"],
      mode: "reminder",
      intervalDays: 182,
      message:
        "Hi {firstName}, six months already! Book your seasonal window cleaning with {businessName} and let the light back in: {bookingLink}",
    },
    {
      id: "storefront-route",
      serviceIds: ["storefront"],
      mode: "recurring",
      intervalDays: 7,
      message:
        "Hi {firstName}, {businessName} is on the route for your storefront glass this week before you open. Changes: {bookingLink}",
    },
  ],
  campaignTemplates: [
    {
      id: "spring-window-clean",
      name: "Spring window cleaning",
      season: { fromMonth: 3, toMonth: 5 },
      body: "Hi {first_name}, let the spring light in. Book inside and out window cleaning by May 31 and we'll wash your screens free: {booking_link}",
    },
    {
      id: "summer-solar-rinse",
      name: "Summer solar panel rinse",
      season: { fromMonth: 6, toMonth: 8 },
      body: "Hi {first_name}, dusty solar panels make less power in the long summer days. Add a pure-water solar panel rinse to your window cleaning: {booking_link}",
    },
    {
      id: "fall-window-clean",
      name: "Fall window cleaning",
      season: { fromMonth: 9, toMonth: 11 },
      body: "Hi {first_name}, clear windows make the short days brighter. Book a fall window cleaning before the holidays, and ask about track and sill detailing: {booking_link}",
    },
  ],
  website: {
    headline: "Crystal-clear windows, inside and out",
    subheadline:
      "Streak-free residential and storefront window cleaning with pure-water technology and a free re-clean promise.",
    about:
      "We are a local window cleaning company that takes glass personally. Outside, our water-fed poles and deionized water leave panes spot-free without ladders against your siding. Inside, we hand-squeegee every pane, detail the edges and wipe the sills, wearing shoe covers and putting every plant back. If you spot a streak within a week, we come back and fix it.",
    serviceBlurbs: {
      "exterior-windows": "Spot-free outside glass, frames and sills using pure water, no ladders on your siding.",
      "inside-outside": "Every pane hand-cleaned inside and out, screens brushed and sills wiped.",
      storefront: "Sparkling shop glass and doors every week before your customers arrive.",
      "post-construction-windows": "Stickers, paint and mortar removed safely from brand-new windows.",
    },
    seo: {
      title: "Window Cleaning: Homes & Storefronts",
      description:
        "Streak-free window cleaning inside and out, screens and tracks, storefront routes and post-construction glass. Insured, with a free re-clean promise.",
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
