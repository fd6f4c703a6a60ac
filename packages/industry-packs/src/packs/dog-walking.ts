import { usd, usdRange } from "../money.ts";
import type { IndustryPack } from "../schema.ts";

export const dogWalking: IndustryPack = {
  id: "dog-walking",
  name: "Dog Walking and Pet Sitting",
  version: "1.1.0",
  summary: "Midday dog walks, puppy visits, drop-in cat care and overnight pet sitting with GPS-tracked visit reports.",
  pricingFactors: [
    { id: "pet-count", label: "Pets in the household", options: ["1 pet", "2 pets", "3 or more pets"] },
    { id: "walk-type", label: "Walk type", options: ["Group walk (up to 4 dogs)", "Solo walk"] },
  ],
  services: [
    {
      id: "walk-30",
      name: "30-Minute Walk",
      description:
        "A half-hour neighborhood walk with fresh water, paw wipe and a GPS-tracked report with photos, pee and poop notes, sent when the walk ends.",
      durationMinutes: 30,
      priceCents: usdRange(22, 30),
      priceDependsOn: ["walk-type"],
      assetKind: "pet",
    },
    {
      id: "walk-60",
      name: "60-Minute Adventure Walk",
      description:
        "An hour-long sniff-and-explore walk or trail outing for high-energy breeds, solo or with a compatible buddy dog, with photos along the route.",
      durationMinutes: 60,
      priceCents: usdRange(38, 50),
      priceDependsOn: ["walk-type"],
      assetKind: "pet",
    },
    {
      id: "puppy-visit",
      name: "Puppy Potty Visit",
      description:
        "A 20-minute midday visit for puppies under six months: potty break, lunch if you leave it out, short play session and basic leash and crate manners practice.",
      durationMinutes: 30,
      priceCents: usd(22),
      priceDependsOn: [],
      assetKind: "pet",
    },
    {
      id: "drop-in",
      name: "Drop-In Pet Visit",
      description:
        "A 30-minute home visit for cats and small animals: feeding, fresh water, litter scooped, medications given and plenty of attention, plus a photo update.",
      durationMinutes: 30,
      priceCents: usdRange(25, 32),
      priceDependsOn: ["pet-count"],
      assetKind: "pet",
    },
    {
      id: "overnight",
      name: "Overnight Pet Sitting",
      description:
        "A sitter stays in your home from 8 pm to 7 am with an evening walk, morning walk and breakfast, bringing in mail and rotating lights while you travel.",
      durationMinutes: 660,
      priceCents: usdRange(85, 115),
      priceDependsOn: ["pet-count"],
      assetKind: "pet",
    },
  ],
  addOns: [
    {
      id: "extra-dog",
      name: "Additional Dog",
      description: "A second or third dog from the same household joins the walk or visit.",
      priceCents: usd(8),
      durationMinutes: 15,
      serviceIds: ["walk-30", "walk-60"],
      offerAt: "booking",
      offerWhen: "The household has more than one dog that gets along on leash.",
    },
    {
      id: "medication",
      name: "Medication Administration",
      description: "Pills, liquid medicine or insulin injections given on schedule and logged in the visit report.",
      priceCents: usd(5),
      durationMinutes: 15,
      serviceIds: ["drop-in", "overnight", "walk-30"],
      offerAt: "booking",
      offerWhen: "The owner mentions a senior pet, diabetes or any daily medication.",
    },
    {
      id: "pet-taxi",
      name: "Pet Taxi",
      description:
        "A ride to the vet, groomer or daycare in a walker's car with a crash-tested crate, waiting included up to 15 minutes.",
      priceCents: usd(35),
      durationMinutes: 45,
      serviceIds: ["walk-30", "walk-60", "drop-in", "overnight"],
      offerAt: "booking",
      offerWhen: "The owner mentions a vet or grooming appointment during work hours or while they're traveling.",
    },
  ],
  faqs: [
    {
      id: "faq-price",
      question: "How much is a dog walk?",
      answer:
        "A 30-minute group walk is $22 and a solo walk is $30. Hour-long adventure walks run $38 to $50. Regular weekday walkers get a weekly package rate, and a second dog is $8.",
    },
    {
      id: "faq-meet",
      question: "Do we meet before the first walk?",
      answer:
        "Yes. Every new client gets a free 20-minute meet-and-greet at home, so we can meet your dog, learn the routine, test the key or lockbox and go over vet and emergency contacts.",
    },
    {
      id: "faq-weather",
      question: "Do you still walk in bad weather?",
      answer:
        "Rain or shine, we walk. In extreme heat, storms or icy sidewalks we shorten the walk and swap in indoor play and a potty break, and the report tells you what we did.",
    },
    {
      id: "faq-trust",
      question: "Are your walkers insured and background checked?",
      answer:
        "Every walker passes a background check and pet first-aid training, and we're bonded and insured through Pet Care Insurance. Keys are coded, never labeled with your address.",
    },
    {
      id: "faq-cancel",
      question: "What if I need to cancel a walk?",
      answer:
        "Cancel by 8 pm the night before for no charge. Same-day cancellations are billed at the full rate since your walker has already planned the route.",
    },
    {
      id: "faq-reactive",
      question: "My dog pulls or is reactive to other dogs. Can you walk them?",
      answer:
        "Yes, with solo walks only and routes chosen to avoid busy dog areas. Let us know the triggers and the gear you use, and we'll match you with one of our experienced walkers.",
    },
    {
      id: "faq-payment",
      question: "How does billing work?",
      answer:
        "We bill weekly on Sunday for the coming week's visits, charged to the card on file. Pet sitting for trips longer than three nights requires 50 percent up front.",
    },
  ],
  tone: {
    description:
      "Bubbly, caring and dependable. Always asks the pet's name and routine, mentions the meet-and-greet and visit reports, and talks about safety, keys and insurance without sounding corporate.",
    preferredWords: ["pup", "meet-and-greet", "walk report", "midday walk", "routine", "solo walk", "pet parent"],
    avoidWords: ["owner's property", "kennel", "cheap", "quick potty only"],
    sampleGreeting:
      "Hi, thanks for calling {businessName}! Who's the lucky pup, and what kind of walk schedule are you looking for?",
  },
  ivr: {
    mode: "menu",
    greeting:
      "Hi, you've reached {businessName}. We're probably out on a walk! Press 1 for our booking link, 2 to reach us, 3 for service hours, or 0 to leave a message.",
  },
  businessHours: {
    mon: [["07:00", "19:00"]],
    tue: [["07:00", "19:00"]],
    wed: [["07:00", "19:00"]],
    thu: [["07:00", "19:00"]],
    fri: [["07:00", "19:00"]],
    sat: [["08:00", "18:00"]],
    sun: [["08:00", "18:00"]],
  },
  reminders: { appointmentHoursBefore: [12], reviewRequestHoursAfter: 72 },
  cadences: [
    {
      id: "weekday-walks",
      serviceIds: ["walk-30", "walk-60"],
      mode: "recurring",
      intervalDays: 1,
      message:
        "Hi {firstName}, your walker from {businessName} has your pup's walks on the schedule again. Skip a day or add one here: {bookingLink}",
    },
    {
      id: "travel-check",
      serviceIds: ["overnight", "drop-in"],
      mode: "reminder",
      intervalDays: 120,
      message:
        "Hi {firstName}, planning a trip? Holiday sitting books up fast at {businessName}. Reserve your dates: {bookingLink}",
    },
  ],
  campaignTemplates: [
    {
      id: "summer-travel-sitting",
      name: "Summer travel pet sitting",
      season: { fromMonth: 5, toMonth: 8 },
      body: "Hi {first_name}, summer trips coming up? Overnight and drop-in dates go fast, so book your pet sitting now: {booking_link}",
    },
    {
      id: "fall-routine-walks",
      name: "Back-to-routine midday walks",
      season: { fromMonth: 8, toMonth: 9 },
      body: "Hi {first_name}, back to the office or the school run? Keep your pup's day on track with a midday walk and a walk report. Book a meet-and-greet: {booking_link}",
    },
    {
      id: "holiday-overnights",
      name: "Holiday overnight sitting",
      season: { fromMonth: 10, toMonth: 12 },
      body: "Hi {first_name}, traveling for the holidays? Book overnight pet sitting early; Thanksgiving and Christmas weeks fill first: {booking_link}",
    },
    {
      id: "new-puppy-visits",
      name: "New puppy potty visits",
      season: { fromMonth: 12, toMonth: 2 },
      body: "Hi {first_name}, new puppy in the house? Midday potty visits keep house training on schedule while you're at work. Book a visit: {booking_link}",
    },
  ],
  website: {
    headline: "Happy, tired dogs while you're at work",
    subheadline:
      "Midday dog walks, puppy visits and in-home pet sitting with GPS-tracked reports and photos after every visit.",
    about:
      "We're a small team of dog lovers who treat your pets like our own. Every walker is background checked, pet first-aid trained and matched to your dog's energy and personality. Walks are GPS tracked and end with a report, photos and a note about anything we noticed. Whether it's a daily midday walk, puppy potty breaks or overnights while you travel, you'll always know how your pet's day went.",
    serviceBlurbs: {
      "walk-30": "A half-hour walk with fresh water, a paw wipe and a photo report.",
      "walk-60": "Long sniff-and-explore walks for high-energy dogs.",
      "puppy-visit": "Midday potty breaks, lunch and play for young puppies.",
      "drop-in": "Feeding, litter and cuddles for cats and small pets while you're away.",
      overnight: "A sitter in your home overnight so your pets keep their routine.",
    },
    seo: {
      title: "Dog Walking & Pet Sitting with GPS Reports",
      description:
        "Insured, background-checked dog walkers and pet sitters: midday walks, puppy visits, cat drop-ins and overnight pet sitting with GPS-tracked photo reports.",
    },
  },
  assets: [
    {
      kind: "pet",
      fields: ["name", "breed", "size", "temperament"],
      sizeClasses: [
        { id: "small", label: "Small dog (under 20 lb)" },
        { id: "medium", label: "Medium dog (20–50 lb)" },
        { id: "large", label: "Large dog (over 50 lb)" },
      ],
    },
  ],
};
