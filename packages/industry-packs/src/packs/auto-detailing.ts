import { usd, usdRange } from "../money.ts";
import type { IndustryPack } from "../schema.ts";

// The root tenant's own trade (Clean Machine): mobile detailing, from maintenance washes to ceramic coatings.
export const autoDetailing: IndustryPack = {
  id: "auto-detailing",
  name: "Auto Detailing",
  version: "1.1.0",
  summary:
    "Mobile and shop-based detailing: washes, interior and exterior details, paint correction and ceramic coatings.",
  pricingFactors: [
    {
      id: "vehicle-size",
      label: "Vehicle size",
      options: [
        "Coupe or sedan",
        "Small SUV or crossover",
        "Pickup truck or mid-size SUV",
        "3-row SUV, minivan or full-size van",
      ],
    },
    {
      id: "vehicle-condition",
      label: "Interior condition",
      options: [
        "Light: regular upkeep",
        "Moderate: crumbs, light stains, some sand",
        "Heavy: pet hair, heavy stains, spills or smoke",
      ],
    },
    {
      id: "paint-condition",
      label: "Paint condition",
      options: [
        "Newer car, light swirls",
        "Visible swirls and light scratches",
        "Heavy swirling, oxidation or water-spot etching",
      ],
    },
  ],
  services: [
    {
      id: "maintenance-wash",
      name: "Maintenance Wash",
      description:
        "Two-bucket hand wash with pH-neutral soap, wheel faces and barrels cleaned, tires dressed, glass inside and out, quick vacuum and wipe-down of dash and door panels.",
      durationMinutes: 75,
      priceCents: usdRange(65, 95),
      priceDependsOn: ["vehicle-size"],
      assetKind: "vehicle",
      sizeAdjustments: [
        { sizeClass: "suv", durationMinutes: 15, priceCents: usd(10) },
        { sizeClass: "truck", durationMinutes: 15, priceCents: usd(20) },
        { sizeClass: "van", durationMinutes: 30, priceCents: usd(30) },
      ],
    },
    {
      id: "interior-refresh",
      name: "Interior Refresh",
      description:
        "Thorough vacuum of carpets, seats and trunk, mats cleaned, all hard surfaces wiped and UV-protected, cupholders and door jambs detailed, streak-free glass.",
      durationMinutes: 90,
      priceCents: usdRange(95, 145),
      priceDependsOn: ["vehicle-size"],
      assetKind: "vehicle",
      sizeAdjustments: [
        { sizeClass: "suv", durationMinutes: 15, priceCents: usd(15) },
        { sizeClass: "truck", durationMinutes: 30, priceCents: usd(25) },
        { sizeClass: "van", durationMinutes: 45, priceCents: usd(40) },
      ],
    },
    {
      id: "full-interior",
      name: "Full Interior Detail",
      description:
        "Everything in the refresh plus hot-water extraction of carpets and cloth seats, leather cleaned and conditioned, steam on vents and seams, headliner spot-cleaned.",
      durationMinutes: 180,
      priceCents: usdRange(175, 275),
      priceDependsOn: ["vehicle-size", "vehicle-condition"],
      assetKind: "vehicle",
      sizeAdjustments: [
        { sizeClass: "suv", durationMinutes: 30, priceCents: usd(25) },
        { sizeClass: "truck", durationMinutes: 45, priceCents: usd(50) },
        { sizeClass: "van", durationMinutes: 60, priceCents: usd(75) },
      ],
    },
    {
      id: "exterior-detail",
      name: "Exterior Detail",
      description:
        "Foam pre-wash, hand wash, iron fallout remover, clay bar decontamination, wheels and wells degreased, trim dressed and a spray sealant that lasts 3 to 6 months.",
      durationMinutes: 150,
      priceCents: usdRange(150, 225),
      priceDependsOn: ["vehicle-size"],
      assetKind: "vehicle",
      sizeAdjustments: [
        { sizeClass: "suv", durationMinutes: 15, priceCents: usd(25) },
        { sizeClass: "truck", durationMinutes: 30, priceCents: usd(40) },
        { sizeClass: "van", durationMinutes: 45, priceCents: usd(60) },
      ],
    },
    {
      id: "complete-detail",
      name: "Complete Detail",
      description:
        "Our full interior and exterior details in one visit: extraction, leather care, clay bar, sealant, tires and glass. The one to book before selling or after a long winter.",
      durationMinutes: 300,
      priceCents: usdRange(275, 425),
      priceDependsOn: ["vehicle-size", "vehicle-condition"],
      assetKind: "vehicle",
      sizeAdjustments: [
        { sizeClass: "suv", durationMinutes: 30, priceCents: usd(40) },
        { sizeClass: "truck", durationMinutes: 60, priceCents: usd(75) },
        { sizeClass: "van", durationMinutes: 90, priceCents: usd(100) },
      ],
    },
    {
      id: "one-step-correction",
      name: "One-Step Paint Correction",
      description:
        "Machine polish with a cutting-finishing compound that removes roughly 60 to 70 percent of swirls and light scratches, followed by a panel wipe and sealant.",
      durationMinutes: 360,
      priceCents: usdRange(400, 650),
      priceDependsOn: ["vehicle-size", "paint-condition"],
      assetKind: "vehicle",
      sizeAdjustments: [
        { sizeClass: "suv", durationMinutes: 60, priceCents: usd(75) },
        { sizeClass: "truck", durationMinutes: 90, priceCents: usd(125) },
        { sizeClass: "van", durationMinutes: 120, priceCents: usd(175) },
      ],
    },
    {
      id: "two-step-correction",
      name: "Two-Step Paint Correction",
      description:
        "A compounding stage to level deeper defects and a refining polish for gloss, with paint-depth readings taken first. Removes 85 percent or more of visible swirls.",
      durationMinutes: 600,
      priceCents: usdRange(750, 1200),
      priceDependsOn: ["vehicle-size", "paint-condition"],
      assetKind: "vehicle",
      sizeAdjustments: [
        { sizeClass: "suv", durationMinutes: 30, priceCents: usd(150) },
        { sizeClass: "truck", durationMinutes: 60, priceCents: usd(250) },
        { sizeClass: "van", durationMinutes: 90, priceCents: usd(350) },
      ],
    },
    {
      id: "ceramic-coating",
      name: "Ceramic Coating (3-Year)",
      description:
        "Decontamination wash, one-step polish and a professional-grade 3-year ceramic coating on paint, with wheel faces and glass coated too. Needs a covered space and a dry day.",
      durationMinutes: 480,
      priceCents: usdRange(900, 1500),
      priceDependsOn: ["vehicle-size", "paint-condition"],
      assetKind: "vehicle",
      sizeAdjustments: [
        { sizeClass: "suv", durationMinutes: 60, priceCents: usd(150) },
        { sizeClass: "truck", durationMinutes: 120, priceCents: usd(250) },
        { sizeClass: "van", durationMinutes: 150, priceCents: usd(350) },
      ],
    },
    {
      id: "coating-maintenance",
      name: "Ceramic Maintenance Wash",
      description:
        "Coating-safe hand wash with a silica topper to restore water beading, plus a coating health check. For cars we (or another detailer) have ceramic coated.",
      durationMinutes: 90,
      priceCents: usdRange(85, 120),
      priceDependsOn: ["vehicle-size"],
      assetKind: "vehicle",
      sizeAdjustments: [
        { sizeClass: "suv", durationMinutes: 15, priceCents: usd(15) },
        { sizeClass: "truck", durationMinutes: 30, priceCents: usd(25) },
        { sizeClass: "van", durationMinutes: 30, priceCents: usd(35) },
      ],
    },
    {
      id: "motorcycle-detail",
      name: "Motorcycle Detail",
      description:
        "Hand wash and dry with filtered air, chrome and aluminum polished, chain area degreased, plastics and leather treated, and a sealant on paint and tank.",
      durationMinutes: 120,
      priceCents: usd(140),
      priceDependsOn: [],
      assetKind: "vehicle",
    },
  ],
  addOns: [
    {
      id: "pet-hair-removal",
      name: "Pet Hair Removal",
      description:
        "Rubber-blade and air-tool removal of embedded dog and cat hair from carpets, cloth seats and cargo areas.",
      priceCents: usd(50),
      durationMinutes: 45,
      serviceIds: ["interior-refresh", "full-interior", "complete-detail"],
      offerAt: "booking",
      offerWhen: "The caller mentions a dog or cat riding in the car, or photos show hair woven into the carpet.",
    },
    {
      id: "odor-treatment",
      name: "Ozone Odor Treatment",
      description:
        "An ozone generator runs in the sealed cabin to break down smoke, mildew and pet odors at the source instead of masking them.",
      priceCents: usd(85),
      durationMinutes: 60,
      serviceIds: ["full-interior", "complete-detail"],
      offerAt: "booking",
      offerWhen:
        "Smoke, mildew, spilled milk or wet-dog smell is mentioned, or the car was bought used with a lingering odor.",
    },
    {
      id: "headlight-restoration",
      name: "Headlight Restoration",
      description:
        "Wet-sanding and polishing of yellowed, hazy headlight lenses, sealed with a UV coating so they stay clear.",
      priceCents: usd(90),
      durationMinutes: 45,
      serviceIds: ["maintenance-wash", "exterior-detail", "complete-detail", "one-step-correction"],
      offerAt: "on-site",
      offerWhen: "Headlights look cloudy or yellow, typically on cars five years or older parked outside.",
    },
    {
      id: "engine-bay",
      name: "Engine Bay Detail",
      description:
        "Electronics covered, engine bay degreased and gently rinsed, plastics and hoses dressed with a non-greasy protectant.",
      priceCents: usd(60),
      durationMinutes: 30,
      serviceIds: ["exterior-detail", "complete-detail"],
      offerAt: "booking",
      offerWhen: "The customer is selling the car, or is a car-show or enthusiast customer.",
    },
    {
      id: "sealant-upgrade",
      name: "Paint Sealant Upgrade",
      description: "A polymer paint sealant applied after the wash for about six months of gloss and water beading.",
      priceCents: usd(45),
      durationMinutes: 30,
      serviceIds: ["maintenance-wash"],
      offerAt: "booking",
      offerWhen: "The car has no coating and it has been more than three months since its last wax or sealant.",
    },
    {
      id: "glass-coating",
      name: "Windshield Glass Coating",
      description:
        "A hydrophobic coating on the windshield and front side windows so rain sheets off at highway speed.",
      priceCents: usd(55),
      durationMinutes: 30,
      serviceIds: ["exterior-detail", "complete-detail", "ceramic-coating"],
      offerAt: "booking",
      offerWhen: "Heading into the rainy season, or the customer commutes on the highway a lot.",
    },
    {
      id: "trim-restoration",
      name: "Trim Restoration",
      description:
        "Faded black plastic bumpers, cowls and mirror housings restored with a dye-based trim coating that lasts well beyond a dressing.",
      priceCents: usd(65),
      durationMinutes: 45,
      serviceIds: ["exterior-detail", "complete-detail", "one-step-correction", "two-step-correction"],
      offerAt: "on-site",
      offerWhen: "Exterior plastics look grey or chalky, common on trucks and older SUVs.",
    },
    {
      id: "water-spot-removal",
      name: "Water Spot Removal",
      description:
        "Mineral spots from sprinklers or hard water dissolved with an acidic spot remover and, where etched, machine polished.",
      priceCents: usd(75),
      durationMinutes: 60,
      serviceIds: ["exterior-detail", "complete-detail", "coating-maintenance"],
      offerAt: "on-site",
      offerWhen: "White spots remain on glass or paint after the wash, usually from lawn sprinklers.",
    },
    {
      id: "fabric-protection",
      name: "Fabric and Carpet Protectant",
      description:
        "A fabric guard sprayed on freshly extracted seats and carpets so coffee and juice bead up instead of soaking in.",
      priceCents: usd(40),
      durationMinutes: 15,
      serviceIds: ["full-interior", "complete-detail"],
      offerAt: "booking",
      offerWhen: "The car carries kids, car seats or daily coffee, or the seats are light-colored cloth.",
    },
  ],
  faqs: [
    {
      id: "faq-price",
      question: "How much does a full detail cost for my car?",
      answer:
        "It depends on size and condition. A Complete Detail runs $275 for a sedan in average shape up to $425 for a 3-row SUV or minivan with pet hair or heavy stains. Tell us the year, make and model and we'll give you an exact quote before booking.",
    },
    {
      id: "faq-water-power",
      question: "Do you need my water or electricity?",
      answer:
        "No. Our van carries its own water tank, generator and pressure washer, so we only need enough space to walk around the vehicle. Apartment lots and office garages are fine as long as the property allows it.",
    },
    {
      id: "faq-rain",
      question: "What happens if it rains on my appointment day?",
      answer:
        "Interior work goes ahead in light rain. For exterior details, paint correction and ceramic coatings we need a dry day or a garage, so we'll text you the evening before to move the appointment at no charge.",
    },
    {
      id: "faq-duration",
      question: "How long will the detail take?",
      answer:
        "A maintenance wash takes about an hour and a quarter, a full interior around three hours and a complete detail four to six hours. Paint correction and ceramic coating are all-day jobs, and coatings sometimes need a second morning.",
    },
    {
      id: "faq-prepare",
      question: "What should I do before you arrive?",
      answer:
        "Please take out personal items, loose change, garage openers and child car seats, and leave the car unlocked or the keys where we agreed. Anything left in the car gets bagged and set on the passenger seat.",
    },
    {
      id: "faq-home",
      question: "Do I need to be home while you work?",
      answer:
        "No. Many customers leave the keys in a lockbox or with a front desk. We text photos when we finish and you pay from the link in that text.",
    },
    {
      id: "faq-ceramic-care",
      question: "How do I care for a ceramic coating?",
      answer:
        "Keep it dry for 24 hours and don't wash it with soap for 7 days while the coating cures. After that, hand wash every two to four weeks, skip automatic brush washes, and book a maintenance wash every couple of months to keep it beading.",
    },
    {
      id: "faq-stains",
      question: "Can you get out stains and smells?",
      answer:
        "Most food, coffee and mud stains come out with hot-water extraction. Dye transfer, bleach spots and burns may only lighten. Smoke and pet odors need the ozone treatment on top of the interior detail.",
    },
    {
      id: "faq-payment",
      question: "How do I pay, and do you take a deposit?",
      answer:
        "We take all major cards, Apple Pay and Google Pay when the job is done. Ceramic coating and paint correction need a $100 deposit to hold the day, which goes toward the final price.",
    },
    {
      id: "faq-cancel",
      question: "What is your cancellation policy and where do you travel?",
      answer:
        "Reschedule or cancel free with 24 hours' notice; later cancellations or no access to the car carry a $40 fee. We cover about 20 miles from our base at no charge and add a small travel fee beyond that.",
    },
  ],
  tone: {
    description:
      "Enthusiastic car person who is precise about what each package includes. Quotes price ranges honestly and asks for year, make, model and condition before giving a number. Never promises a stain or scratch will come out completely.",
    preferredWords: [
      "detail",
      "decontamination",
      "paint correction",
      "ceramic coating",
      "swirls",
      "sealant",
      "extraction",
      "vehicle size",
      "we come to you",
    ],
    avoidWords: ["car wash", "cheap", "guaranteed flawless", "brand new", "wax job"],
    sampleGreeting:
      "Hi, thanks for calling {businessName}! Are you looking to book a detail? What's the year, make and model of the vehicle?",
  },
  ivr: {
    mode: "ai-voice",
    greeting:
      "Thanks for calling {businessName}, mobile detailing that comes to you. Our assistant can quote your vehicle and book a time right now.",
  },
  businessHours: {
    mon: [["08:00", "18:00"]],
    tue: [["08:00", "18:00"]],
    wed: [["08:00", "18:00"]],
    thu: [["08:00", "18:00"]],
    fri: [["08:00", "18:00"]],
    sat: [["08:00", "16:00"]],
  },
  reminders: { appointmentHoursBefore: [24, 2], reviewRequestHoursAfter: 2 },
  cadences: [
    {
      id: "rebook-detail",
      serviceIds: ["complete-detail", "full-interior", "exterior-detail"],
      mode: "reminder",
      intervalDays: 56,
      message:
        "Hi {firstName}, it's been about 8 weeks since your detail with {businessName}. Ready to get it looking fresh again? Book here: {bookingLink}",
    },
    {
      id: "biweekly-wash",
      serviceIds: ["maintenance-wash"],
      mode: "recurring",
      intervalDays: 14,
      message:
        "Hi {firstName}, your next maintenance wash with {businessName} is on the calendar two weeks out. Need a different day? {bookingLink}",
    },
    {
      id: "coating-upkeep",
      serviceIds: ["ceramic-coating", "coating-maintenance"],
      mode: "reminder",
      intervalDays: 60,
      message:
        "Hi {firstName}, time for a ceramic maintenance wash to keep your coating beading. Pick a time: {bookingLink}",
    },
    {
      id: "coating-inspection",
      serviceIds: ["ceramic-coating"],
      mode: "reminder",
      intervalDays: 365,
      message:
        "Hi {firstName}, your ceramic coating turns one this month. {businessName} includes a free annual inspection; book yours here: {bookingLink}",
    },
  ],
  campaignTemplates: [
    {
      id: "spring-pollen-wash",
      name: "Spring pollen wash",
      season: { fromMonth: 3, toMonth: 5 },
      body: "Hi {first_name}, pollen and spring rain leave a yellow film that etches paint. Book a maintenance wash with a sealant upgrade by May 31 and take $15 off. We come to you: {booking_link}",
    },
    {
      id: "summer-road-trip-interior",
      name: "Summer road trip interior",
      season: { fromMonth: 6, toMonth: 8 },
      body: "Hi {first_name}, summer road trips leave sand, crumbs and sticky cupholders behind. Get $20 off an interior refresh or full interior detail booked by Aug 31: {booking_link}",
    },
    {
      id: "winter-salt-wash",
      name: "Winter salt wash",
      season: { fromMonth: 12, toMonth: 3 },
      body: "Hi {first_name}, road salt eats at wheels, brakes and the underside of your car. Book a maintenance wash this week and we'll rinse the wheel wells and lower panels free: {booking_link}",
    },
    {
      id: "holiday-gift-card",
      name: "Holiday detail gift card",
      season: { fromMonth: 11, toMonth: 12 },
      body: "Hi {first_name}, a detail makes an easy gift for the car lover in your life. Reply with an amount for a gift card, or book your own pre-holiday detail: {booking_link}",
    },
  ],
  website: {
    headline: "Showroom shine, right in your driveway",
    subheadline:
      "Mobile auto detailing, paint correction and ceramic coatings. Fully self-contained: we bring the water and power.",
    about:
      "We are a mobile detailing team that treats every vehicle like it's going to a show. Our vans carry filtered water, a generator and professional extractors, so a complete detail happens at your home or office while you get on with your day. From a quick maintenance wash to multi-stage paint correction and ceramic coatings, we explain what your car needs, quote it up front and send photos when it's done.",
    serviceBlurbs: {
      "maintenance-wash":
        "A careful two-bucket hand wash with wheels, tires, glass and a quick interior tidy. Perfect every two weeks.",
      "interior-refresh": "Vacuum, wipe-down, UV protection and clear glass for a cabin that feels new again.",
      "full-interior":
        "Hot-water extraction, leather care and steam-cleaned vents for stains, spills and everyday grime.",
      "exterior-detail": "Clay bar, iron decontamination and a sealant that keeps the shine and beading for months.",
      "complete-detail": "Inside and out in one visit: our most popular package before a sale, a trip or after winter.",
      "one-step-correction": "Single-stage machine polish that removes most swirls and brings back deep gloss.",
      "two-step-correction": "Compound and polish for darker, heavily swirled paint that needs real correction.",
      "ceramic-coating": "Years of protection, easier washes and a candy-like gloss, applied after a paint polish.",
      "coating-maintenance": "A coating-safe wash and topper that keeps your ceramic coating performing.",
      "motorcycle-detail": "Hand wash, chrome polish and sealant for bikes, done with filtered air drying.",
    },
    seo: {
      title: "Mobile Auto Detailing & Ceramic Coating",
      description:
        "Mobile car detailing at your home or office: interior and exterior details, paint correction and ceramic coatings. Quotes by vehicle size. Book online.",
    },
  },
  assets: [
    {
      kind: "vehicle",
      fields: ["year", "make", "model", "sizeClass", "colour"],
      sizeClasses: [
        { id: "sedan", label: "Coupe or sedan" },
        { id: "suv", label: "Small SUV or crossover" },
        { id: "truck", label: "Pickup truck or mid-size SUV" },
        { id: "van", label: "3-row SUV, minivan or van" },
      ],
    },
  ],
};
