import { usd, usdRange } from "../money.ts";
import type { IndustryPack } from "../schema.ts";

export const poolService: IndustryPack = {
  id: "pool-service",
  name: "Pool Service",
  version: "1.1.0",
  summary:
    "Weekly pool cleaning and chemical service, green-to-clean recoveries, openings, closings and filter cleans.",
  pricingFactors: [
    {
      id: "pool-size",
      label: "Pool size",
      options: ["Small or plunge pool, under 15,000 gal", "Average, 15,000–25,000 gal", "Large, over 25,000 gal"],
    },
    {
      id: "pool-type",
      label: "Pool type",
      options: ["Chlorine, in-ground", "Saltwater, in-ground", "Above-ground", "Pool with attached spa"],
    },
    {
      id: "water-condition",
      label: "Water condition",
      options: ["Cloudy", "Light green, floor visible", "Dark green or black, can't see the floor"],
    },
  ],
  services: [
    {
      id: "weekly-service",
      name: "Weekly Pool Service",
      description:
        "Skim the surface, brush walls and steps, vacuum as needed, empty skimmer and pump baskets, test and balance chlorine, pH and alkalinity, chemicals included.",
      durationMinutes: 30,
      priceCents: usdRange(40, 65),
      priceDependsOn: ["pool-size", "pool-type"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "pool-m", durationMinutes: 15, priceCents: usd(10) },
        { sizeClass: "pool-l", durationMinutes: 15, priceCents: usd(20) },
      ],
    },
    {
      id: "green-to-clean",
      name: "Green-to-Clean Recovery",
      description:
        "Debris removed, shock dosed to breakpoint, algaecide and flocculant added, filter cleaned between stages and return visits until the water is clear and balanced.",
      durationMinutes: 120,
      priceCents: usdRange(250, 650),
      priceDependsOn: ["pool-size", "water-condition"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "pool-m", durationMinutes: 30, priceCents: usd(100) },
        { sizeClass: "pool-l", durationMinutes: 60, priceCents: usd(250) },
      ],
    },
    {
      id: "pool-opening",
      name: "Spring Pool Opening",
      description:
        "Cover removed, cleaned and folded, winter plugs and gizmos pulled, pump and filter reconnected and primed, water topped up and a start-up shock added.",
      durationMinutes: 120,
      priceCents: usdRange(250, 400),
      priceDependsOn: ["pool-size", "pool-type"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "pool-m", durationMinutes: 15, priceCents: usd(50) },
        { sizeClass: "pool-l", durationMinutes: 30, priceCents: usd(100) },
      ],
    },
    {
      id: "pool-closing",
      name: "Fall Pool Closing",
      description:
        "Water lowered below the skimmer, lines blown out and plugged, winterizing chemicals added, equipment drained and the safety cover installed.",
      durationMinutes: 120,
      priceCents: usdRange(275, 425),
      priceDependsOn: ["pool-size", "pool-type"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "pool-m", durationMinutes: 15, priceCents: usd(50) },
        { sizeClass: "pool-l", durationMinutes: 30, priceCents: usd(100) },
      ],
    },
    {
      id: "filter-clean",
      name: "Filter Cleaning",
      description:
        "Cartridge filters pulled and hosed element by element, or DE filter grids broken down, cleaned and recharged with fresh DE powder.",
      durationMinutes: 60,
      priceCents: usdRange(95, 175),
      priceDependsOn: ["pool-type"],
      assetKind: "property",
    },
  ],
  addOns: [
    {
      id: "salt-cell-clean",
      name: "Salt Cell Descale",
      description:
        "The chlorine generator's salt cell removed and soaked in a mild acid bath to dissolve scale so it produces chlorine efficiently.",
      priceCents: usd(65),
      durationMinutes: 30,
      serviceIds: ["weekly-service", "filter-clean", "pool-opening"],
      offerAt: "on-site",
      offerWhen: "Saltwater pools where the cell shows white scale or the controller reports low output.",
    },
    {
      id: "phosphate-treatment",
      name: "Phosphate Remover",
      description: "A phosphate remover treatment that starves algae of its food source after a bloom or heavy rain.",
      priceCents: usd(45),
      durationMinutes: 15,
      serviceIds: ["weekly-service", "green-to-clean"],
      offerAt: "on-site",
      offerWhen: "Phosphate test reads above 500 ppb, or algae keeps returning despite good chlorine.",
    },
    {
      id: "tile-cleaning",
      name: "Waterline Tile Cleaning",
      description:
        "The calcium and scum ring at the waterline scrubbed off the tile with a pumice stone and tile cleaner.",
      priceCents: usd(85),
      durationMinutes: 45,
      serviceIds: ["weekly-service", "pool-opening"],
      offerAt: "booking",
      offerWhen: "Visible white scale or a dark band at the waterline, typical in hard-water areas.",
    },
    {
      id: "equipment-check",
      name: "Equipment Inspection",
      description:
        "Pump, motor, filter pressure, heater and automation checked with a written report of leaks, noises and parts nearing end of life.",
      priceCents: usd(75),
      durationMinutes: 30,
      serviceIds: ["pool-opening", "weekly-service"],
      offerAt: "booking",
      offerWhen: "A new customer's first visit, or the pump is loud or equipment is over eight years old.",
    },
  ],
  faqs: [
    {
      id: "faq-price",
      question: "How much is weekly pool service?",
      answer:
        "Weekly service runs $40 to $65 a visit depending on pool size and whether there's a spa, with standard chemicals included. Most customers pay $175 to $280 a month. Filter cleans and repairs are quoted separately.",
    },
    {
      id: "faq-chemicals",
      question: "Are chemicals included?",
      answer:
        "Chlorine, acid and routine balancing chemicals are included in weekly service. Specialty treatments like phosphate remover, algaecide for blooms or salt for saltwater pools are billed at cost when needed.",
    },
    {
      id: "faq-storm",
      question: "What happens after a big storm?",
      answer:
        "Storms blow in debris and dilute the chemistry. We'll come on our normal day and rebalance; if the pool is full of leaves or turning green, we'll text you a quote for an extra cleanup visit.",
    },
    {
      id: "faq-home",
      question: "Do I need to be home on service day?",
      answer:
        "No. Leave the gate unlocked or give us the code, and keep dogs inside. After every visit you get a text with chemical readings and a photo of the pool.",
    },
    {
      id: "faq-green",
      question: "My pool is green. How fast can you fix it?",
      answer:
        "Most green pools are swimmable in three to five days with our green-to-clean service. Dark green or black water may need a partial drain and a few more days. We'll quote from a photo.",
    },
    {
      id: "faq-contract",
      question: "Is there a contract?",
      answer:
        "Service is month to month with 30 days' notice to cancel. Billing is monthly to your card on file, and skipped visits due to our scheduling are credited.",
    },
    {
      id: "faq-swim",
      question: "How soon can we swim after you treat the pool?",
      answer:
        "After routine service, right away once chemicals have circulated for 30 minutes. After a shock treatment, wait until free chlorine drops below 5 ppm, usually the next morning.",
    },
  ],
  tone: {
    description:
      "Easygoing but technically exact pool tech. Talks chemistry in plain words (chlorine, pH, phosphates), asks pool size and type first, and encourages weekly service over one-off fixes.",
    preferredWords: ["balanced water", "free chlorine", "pH", "service day", "skimmer", "salt cell", "crystal clear"],
    avoidWords: ["pool boy", "dirty pool", "dangerous chemicals", "guaranteed no algae"],
    sampleGreeting:
      "Hi, thanks for calling {businessName}! Is this for weekly service or is the pool giving you trouble today?",
  },
  ivr: {
    mode: "menu",
    greeting:
      "Thanks for calling {businessName}. Press 1 for our booking link, 2 to reach the office, 3 for hours and address, or 0 to leave a message.",
  },
  businessHours: {
    mon: [["08:00", "17:00"]],
    tue: [["08:00", "17:00"]],
    wed: [["08:00", "17:00"]],
    thu: [["08:00", "17:00"]],
    fri: [["08:00", "17:00"]],
  },
  reminders: { appointmentHoursBefore: [24], reviewRequestHoursAfter: 24 },
  cadences: [
    {
      id: "weekly-route",
      serviceIds: ["weekly-service"],
      mode: "recurring",
      intervalDays: 7,
      message:
        "Hi {firstName}, {businessName} services your pool this week on your regular day. Please keep the gate unlocked and dogs inside. Details: {bookingLink}",
    },
    {
      id: "filter-quarterly",
      serviceIds: ["filter-clean"],
      mode: "reminder",
      intervalDays: 90,
      message:
        "Hi {firstName}, filters need a deep clean every few months to keep the water clear. Schedule yours with {businessName}: {bookingLink}",
    },
    {
      id: "opening-reminder",
      serviceIds: ["pool-closing", "pool-opening"],
      mode: "reminder",
      intervalDays: 180,
      message:
        "Hi {firstName}, pool season is around the corner. Reserve your opening with {businessName} before the spring rush: {bookingLink}",
    },
  ],
  campaignTemplates: [
    {
      id: "spring-opening",
      name: "Spring pool opening",
      season: { fromMonth: 3, toMonth: 5 },
      body: "Hi {first_name}, opening dates are filling up. Book your spring pool opening now and be swimming by Memorial Day: {booking_link}",
    },
    {
      id: "summer-weekly-route",
      name: "Summer weekly service",
      season: { fromMonth: 5, toMonth: 7 },
      body: "Hi {first_name}, skip the weekend water chemistry. Join our weekly route this summer for balanced water and a clean pool every service day: {booking_link}",
    },
    {
      id: "fall-closing",
      name: "Fall pool closing",
      season: { fromMonth: 8, toMonth: 10 },
      body: "Hi {first_name}, time to plan your fall pool closing. Book by Sept 15 and we'll clean the filter at no charge while we're there: {booking_link}",
    },
  ],
  website: {
    headline: "Swim-ready water every single week",
    subheadline:
      "Weekly pool cleaning with chemicals included, green pool recoveries, openings, closings and filter cleans.",
    about:
      "We're a local pool service that keeps your water clear so you can just swim. Every week your tech skims, brushes, empties baskets, tests the water and balances the chemistry, then texts you the readings and a photo. When storms hit or algae shows up, we're already on it. Certified pool operators, honest monthly pricing and no long-term contracts.",
    serviceBlurbs: {
      "weekly-service": "Skim, brush, vacuum and balance every week, chemicals and a photo report included.",
      "green-to-clean": "Green water back to clear in days with shock, floc and filter cleaning.",
      "pool-opening": "Cover off, equipment started and water balanced for the first swim of the season.",
      "pool-closing": "Lines blown out and winterized so nothing freezes or cracks.",
      "filter-clean": "Cartridge and DE filters cleaned so your pump isn't working overtime.",
    },
    seo: {
      title: "Weekly Pool Cleaning & Pool Service",
      description:
        "Weekly pool cleaning with chemicals included, green pool cleanup, pool openings and closings, filter and salt cell cleaning. Month to month, no contracts.",
    },
  },
  assets: [
    {
      kind: "property",
      fields: ["address", "sizeClass", "gateNotes"],
      sizeClasses: [
        { id: "pool-s", label: "Up to 15,000 gallons" },
        { id: "pool-m", label: "15,000–25,000 gallons" },
        { id: "pool-l", label: "Over 25,000 gallons" },
      ],
    },
  ],
};
