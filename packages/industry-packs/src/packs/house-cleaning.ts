import { usd, usdRange } from "../money.ts";
import type { IndustryPack } from "../schema.ts";

export const houseCleaning: IndustryPack = {
  id: "house-cleaning",
  name: "House Cleaning",
  version: "1.1.0",
  summary: "Recurring home cleaning, deep cleans and move-in/move-out cleaning, priced by home size.",
  pricingFactors: [
    {
      id: "square-footage",
      label: "Home size",
      options: ["Under 1,000 sq ft", "1,000–1,800 sq ft", "1,800–2,600 sq ft", "2,600–3,500 sq ft", "Over 3,500 sq ft"],
    },
    {
      id: "bedrooms-bathrooms",
      label: "Bedrooms and bathrooms",
      options: ["1 bed / 1 bath", "2 bed / 2 bath", "3 bed / 2 bath", "4 bed / 3 bath", "5+ bed / 4+ bath"],
    },
    {
      id: "home-condition",
      label: "Condition since last professional clean",
      options: ["Cleaned professionally in the last month", "1–3 months", "Over 3 months or never"],
    },
  ],
  services: [
    {
      id: "standard-clean",
      name: "Standard Clean",
      description:
        "Kitchen counters, stovetop, sink and appliance fronts; bathrooms scrubbed and disinfected; dusting of reachable surfaces; floors vacuumed and mopped; beds made and trash taken out.",
      durationMinutes: 150,
      priceCents: usdRange(130, 260),
      priceDependsOn: ["square-footage", "bedrooms-bathrooms"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "home-m", durationMinutes: 30, priceCents: usd(35) },
        { sizeClass: "home-l", durationMinutes: 60, priceCents: usd(70) },
        { sizeClass: "home-xl", durationMinutes: 120, priceCents: usd(130) },
      ],
    },
    {
      id: "deep-clean",
      name: "Deep Clean",
      description:
        "A standard clean plus baseboards, door frames, light switches, cabinet fronts, window sills, detailed grout scrubbing and hand-wiped blinds. Recommended for a first visit.",
      durationMinutes: 240,
      priceCents: usdRange(250, 480),
      priceDependsOn: ["square-footage", "home-condition"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "home-m", durationMinutes: 60, priceCents: usd(60) },
        { sizeClass: "home-l", durationMinutes: 120, priceCents: usd(130) },
        { sizeClass: "home-xl", durationMinutes: 180, priceCents: usd(230) },
      ],
    },
    {
      id: "move-out-clean",
      name: "Move-In / Move-Out Clean",
      description:
        "An empty-home deep clean aimed at getting the deposit back: inside every cabinet and drawer, inside the oven and fridge, closets, baseboards and all floors.",
      durationMinutes: 300,
      priceCents: usdRange(300, 600),
      priceDependsOn: ["square-footage", "bedrooms-bathrooms"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "home-m", durationMinutes: 60, priceCents: usd(75) },
        { sizeClass: "home-l", durationMinutes: 120, priceCents: usd(150) },
        { sizeClass: "home-xl", durationMinutes: 180, priceCents: usd(300) },
      ],
    },
    {
      id: "post-construction",
      name: "Post-Renovation Clean",
      description:
        "Fine drywall and sawdust removed from every surface, vents, sills and light fixtures, with HEPA vacuuming and a final wet wipe once the contractors are done.",
      durationMinutes: 360,
      priceCents: usdRange(400, 900),
      priceDependsOn: ["square-footage"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "home-m", durationMinutes: 60, priceCents: usd(150) },
        { sizeClass: "home-l", durationMinutes: 120, priceCents: usd(300) },
        { sizeClass: "home-xl", durationMinutes: 240, priceCents: usd(500) },
      ],
    },
    {
      id: "airbnb-turnover",
      name: "Vacation Rental Turnover",
      description:
        "Same-day turnover between guests: linens changed and laundered, kitchen and baths reset, restock of toiletries from your supply closet, and a photo report for the host.",
      durationMinutes: 120,
      priceCents: usdRange(95, 180),
      priceDependsOn: ["bedrooms-bathrooms"],
      assetKind: "property",
      sizeAdjustments: [
        { sizeClass: "home-m", durationMinutes: 30, priceCents: usd(25) },
        { sizeClass: "home-l", durationMinutes: 60, priceCents: usd(50) },
        { sizeClass: "home-xl", durationMinutes: 90, priceCents: usd(85) },
      ],
    },
  ],
  addOns: [
    {
      id: "inside-oven",
      name: "Inside the Oven",
      description: "Racks soaked and scrubbed, baked-on grease removed from the oven walls and door glass.",
      priceCents: usd(35),
      durationMinutes: 30,
      serviceIds: ["standard-clean", "deep-clean"],
      offerAt: "booking",
      offerWhen: "Before holidays, or the customer mentions hosting a dinner or a smoky oven.",
    },
    {
      id: "inside-fridge",
      name: "Inside the Fridge",
      description:
        "Fridge emptied shelf by shelf, drawers and shelves washed, food returned and expired items set aside for you.",
      priceCents: usd(35),
      durationMinutes: 30,
      serviceIds: ["standard-clean", "deep-clean"],
      offerAt: "booking",
      offerWhen: "On the first visit or a deep clean, or the customer mentions a spill or smell in the fridge.",
    },
    {
      id: "interior-windows",
      name: "Interior Windows",
      description: "Inside glass, tracks and sills of every reachable window cleaned streak-free.",
      priceCents: usd(60),
      durationMinutes: 45,
      serviceIds: ["deep-clean", "move-out-clean"],
      offerAt: "booking",
      offerWhen: "In spring, or for move-outs where the landlord inspects window tracks.",
    },
    {
      id: "laundry-fold",
      name: "Laundry Wash and Fold",
      description: "One load washed, dried and folded during the visit, and left on the bed or in the basket.",
      priceCents: usd(25),
      durationMinutes: 15,
      serviceIds: ["standard-clean"],
      offerAt: "follow-up",
      offerWhen: "Busy families on a recurring plan, especially with young kids.",
    },
  ],
  faqs: [
    {
      id: "faq-price",
      question: "How much does a house cleaning cost?",
      answer:
        "A standard clean runs $130 for a one-bedroom apartment up to about $260 for a 4-bedroom house. First visits are usually a deep clean, $250 to $480, because it brings the home to a level we can keep up with on regular visits.",
    },
    {
      id: "faq-supplies",
      question: "Do you bring your own supplies?",
      answer:
        "Yes, we bring everything, including a HEPA vacuum, microfiber cloths and EPA-registered disinfectants. If you prefer your own products or have a special floor cleaner, leave it out and we'll use it.",
    },
    {
      id: "faq-same-cleaner",
      question: "Will I get the same cleaner every time?",
      answer:
        "On a weekly or biweekly plan you get the same cleaner or team whenever possible. If they're out sick, we'll text you before sending a trusted teammate.",
    },
    {
      id: "faq-home",
      question: "Do I need to be home during the cleaning?",
      answer:
        "No. Most clients give us a door code or a lockbox key. Every cleaner is background checked, insured and bonded, and we lock up and text you when we leave.",
    },
    {
      id: "faq-prepare",
      question: "How should I get ready for the cleaners?",
      answer:
        "Pick up clothes, toys and clutter from floors and counters so we can spend the time cleaning rather than tidying. Secure pets you don't want loose and let us know about any surfaces that need special care, like marble or unsealed wood.",
    },
    {
      id: "faq-cancel",
      question: "What if I need to cancel or reschedule?",
      answer:
        "Give us 48 hours' notice and there's no charge. Cancellations inside 48 hours, or if we can't get in, are billed at half the visit price because your slot can't be refilled that late.",
    },
    {
      id: "faq-guarantee",
      question: "What if something was missed?",
      answer:
        "Tell us within 24 hours and we'll come back and re-clean that area for free. Photos help us coach the team.",
    },
    {
      id: "faq-payment",
      question: "How and when do I pay?",
      answer:
        "We charge the card on file after each cleaning and email a receipt. Recurring clients get 15 percent off weekly service and 10 percent off biweekly. Tips for your cleaner can be added in the receipt link.",
    },
  ],
  tone: {
    description:
      "Warm, reassuring and organized. Acknowledges that letting someone into your home takes trust; mentions background checks and insurance when it fits, and clearly separates what a standard clean includes from a deep clean.",
    preferredWords: [
      "deep clean",
      "recurring plan",
      "background-checked",
      "insured and bonded",
      "your home",
      "re-clean guarantee",
      "walk-through",
    ],
    avoidWords: ["maid", "dirty house", "messy", "spotless guaranteed", "cheap"],
    sampleGreeting:
      "Hi, thank you for calling {businessName}! I'd be glad to help you get a cleaning on the calendar. How many bedrooms and bathrooms is your home?",
  },
  ivr: {
    mode: "ai-voice",
    greeting:
      "Thank you for calling {businessName}. Our assistant can give you a quote by home size and book your first clean.",
  },
  businessHours: {
    mon: [["08:00", "17:00"]],
    tue: [["08:00", "17:00"]],
    wed: [["08:00", "17:00"]],
    thu: [["08:00", "17:00"]],
    fri: [["08:00", "17:00"]],
  },
  reminders: { appointmentHoursBefore: [48, 2], reviewRequestHoursAfter: 3 },
  cadences: [
    {
      id: "biweekly-clean",
      serviceIds: ["standard-clean"],
      mode: "recurring",
      intervalDays: 14,
      message:
        "Hi {firstName}, your next cleaning with {businessName} is set for two weeks from today, same time. Need to change it? {bookingLink}",
    },
    {
      id: "deep-clean-nudge",
      serviceIds: ["deep-clean", "move-out-clean"],
      mode: "reminder",
      intervalDays: 90,
      message:
        "Hi {firstName}, it's been three months since your deep clean. Want us to keep it that way with a recurring plan? {bookingLink}",
    },
  ],
  campaignTemplates: [
    {
      id: "spring-deep-clean",
      name: "Spring deep clean",
      season: { fromMonth: 3, toMonth: 5 },
      body: "Hi {first_name}, spring cleaning season is here. Book a deep clean by May 31 and we'll clean inside the fridge for free: {booking_link}",
    },
    {
      id: "summer-move-out",
      name: "Summer move-out clean",
      season: { fromMonth: 5, toMonth: 8 },
      body: "Hi {first_name}, moving this summer? Our move-out clean covers inside cabinets, appliances and baseboards to help you get your deposit back. Weekends go fast: {booking_link}",
    },
    {
      id: "back-to-school-plan",
      name: "Back-to-school cleaning plan",
      season: { fromMonth: 8, toMonth: 9 },
      body: "Hi {first_name}, kids back in school? Get your weekends back too. Start an every-other-week cleaning plan in September and your first clean is $25 off: {booking_link}",
    },
    {
      id: "holiday-hosting-clean",
      name: "Holiday hosting clean",
      season: { fromMonth: 11, toMonth: 12 },
      body: "Hi {first_name}, hosting for the holidays? Book a deep clean before your guests arrive. December dates fill up by mid-November: {booking_link}",
    },
  ],
  website: {
    headline: "Come home to a clean house",
    subheadline: "Recurring house cleaning, deep cleans and move-out cleans by background-checked, insured pros.",
    about:
      "We are a locally owned cleaning company with a simple promise: the same trusted cleaner, the same checklist and a home that feels calm when you walk in. Every team member is background checked, insured and trained on our room-by-room list. We bring our own supplies, follow your notes about pets and delicate surfaces, and if anything is missed we come back within 24 hours to make it right.",
    serviceBlurbs: {
      "standard-clean": "Kitchens, baths, dusting and floors on a weekly, biweekly or monthly plan.",
      "deep-clean": "Baseboards, cabinet fronts, grout and every detail a regular clean skips.",
      "move-out-clean": "Inside cabinets, oven and fridge so you hand back the keys with confidence.",
      "post-construction": "Fine dust removed from every surface once the renovation crew has left.",
      "airbnb-turnover": "Fast, photo-documented turnovers between guests, linens included.",
    },
    seo: {
      title: "House Cleaning & Deep Cleaning Services",
      description:
        "Trusted house cleaning: weekly and biweekly plans, deep cleans and move-out cleaning by insured, background-checked cleaners. Instant quotes by home size.",
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
