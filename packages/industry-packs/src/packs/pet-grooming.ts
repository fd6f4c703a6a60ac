import { usd, usdRange } from "../money.ts";
import type { IndustryPack } from "../schema.ts";

export const petGrooming: IndustryPack = {
  id: "pet-grooming",
  name: "Pet Grooming",
  version: "1.1.0",
  summary:
    "Salon or mobile grooming for dogs and cats: baths, full haircuts, deshedding and nail care, priced by size and coat.",
  pricingFactors: [
    {
      id: "pet-size",
      label: "Pet size",
      options: ["Toy: under 15 lb", "Small: 15–30 lb", "Medium: 30–60 lb", "Large: 60–90 lb", "Giant: over 90 lb"],
    },
    {
      id: "coat-type",
      label: "Coat type",
      options: [
        "Short or smooth (Lab, Beagle)",
        "Double coat (Husky, Golden)",
        "Curly or continuously growing (Poodle, Doodle, Shih Tzu)",
        "Wire coat (Schnauzer, terriers)",
      ],
    },
    {
      id: "coat-condition",
      label: "Coat condition",
      options: ["Brushed regularly", "Some tangles", "Matted close to the skin"],
    },
  ],
  services: [
    {
      id: "bath-brush",
      name: "Bath and Brush",
      description:
        "Hypoallergenic shampoo and conditioner, hand-dried and brushed out, nails trimmed, ears cleaned and a sanitary trim. No haircut.",
      durationMinutes: 60,
      priceCents: usdRange(45, 95),
      priceDependsOn: ["pet-size", "coat-type"],
      assetKind: "pet",
      sizeAdjustments: [
        { sizeClass: "medium", durationMinutes: 15, priceCents: usd(15) },
        { sizeClass: "large", durationMinutes: 30, priceCents: usd(30) },
        { sizeClass: "giant", durationMinutes: 45, priceCents: usd(50) },
      ],
    },
    {
      id: "full-groom",
      name: "Full Groom",
      description:
        "Everything in the bath plus a full breed-standard or custom haircut, face, feet and tail tidied, paw pads shaved and a finishing spritz.",
      durationMinutes: 120,
      priceCents: usdRange(70, 160),
      priceDependsOn: ["pet-size", "coat-type", "coat-condition"],
      assetKind: "pet",
      sizeAdjustments: [
        { sizeClass: "medium", durationMinutes: 15, priceCents: usd(20) },
        { sizeClass: "large", durationMinutes: 30, priceCents: usd(40) },
        { sizeClass: "giant", durationMinutes: 60, priceCents: usd(75) },
      ],
    },
    {
      id: "deshed-treatment",
      name: "Deshedding Treatment",
      description:
        "For double-coated breeds: deshedding shampoo and conditioner mask, high-velocity blow-out and undercoat raking that removes most loose fur before it lands on your couch.",
      durationMinutes: 105,
      priceCents: usdRange(75, 140),
      priceDependsOn: ["pet-size"],
      assetKind: "pet",
      sizeAdjustments: [
        { sizeClass: "medium", durationMinutes: 15, priceCents: usd(15) },
        { sizeClass: "large", durationMinutes: 30, priceCents: usd(30) },
        { sizeClass: "giant", durationMinutes: 45, priceCents: usd(50) },
      ],
    },
    {
      id: "puppy-intro",
      name: "Puppy Intro Groom",
      description:
        "A short, gentle first visit for puppies under 6 months: bath, blow-dry at low speed, nail trim and a face-feet-tail tidy to build a good grooming habit.",
      durationMinutes: 45,
      priceCents: usd(50),
      priceDependsOn: [],
      assetKind: "pet",
    },
    {
      id: "cat-groom",
      name: "Cat Groom",
      description:
        "Bath and blow-dry with a low-noise dryer, comb-out, nail trim and an optional lion cut or sanitary shave, done by a cat-trained groomer.",
      durationMinutes: 90,
      priceCents: usdRange(85, 130),
      priceDependsOn: ["coat-condition"],
      assetKind: "pet",
    },
    {
      id: "nail-trim",
      name: "Walk-In Nail Trim",
      description:
        "Nails clipped and filed smooth, no appointment needed during open hours. About ten minutes on the table.",
      durationMinutes: 15,
      priceCents: usd(18),
      priceDependsOn: [],
      assetKind: "pet",
    },
  ],
  addOns: [
    {
      id: "teeth-brushing",
      name: "Teeth Brushing",
      description: "Enzymatic toothpaste and a finger brush for fresher breath between veterinary dental cleanings.",
      priceCents: usd(12),
      durationMinutes: 15,
      serviceIds: ["bath-brush", "full-groom", "deshed-treatment"],
      offerAt: "booking",
      offerWhen: "Small breeds, senior dogs, or the owner mentions bad breath.",
    },
    {
      id: "dematting",
      name: "Dematting",
      description:
        "Billed in 15-minute blocks, mats are worked out with detangler where it's comfortable; tight pelting is shaved instead to protect the skin.",
      priceCents: usd(20),
      durationMinutes: 15,
      serviceIds: ["full-groom", "bath-brush", "cat-groom"],
      offerAt: "on-site",
      offerWhen: "Mats are found behind the ears, in the armpits or on the back legs at check-in.",
    },
    {
      id: "flea-bath",
      name: "Flea and Tick Bath",
      description:
        "A medicated bath that kills live fleas, plus a flea comb-out and the table and tub sanitized afterwards.",
      priceCents: usd(20),
      durationMinutes: 15,
      serviceIds: ["bath-brush", "full-groom", "deshed-treatment"],
      offerAt: "on-site",
      offerWhen: "Fleas or flea dirt are spotted at check-in; tell the owner before treating.",
    },
    {
      id: "blueberry-facial",
      name: "Blueberry Facial",
      description:
        "A tearless blueberry facial scrub that brightens the face and helps lift tear stains on light coats.",
      priceCents: usd(10),
      durationMinutes: 15,
      serviceIds: ["bath-brush", "full-groom", "puppy-intro"],
      offerAt: "booking",
      offerWhen: "White or light-coated dogs with tear stains, such as Maltese, Bichons and Westies.",
    },
  ],
  faqs: [
    {
      id: "faq-price",
      question: "How much is a full groom for my dog?",
      answer:
        "A full groom ranges from $70 for a toy breed to $160 for a large Doodle or a giant breed. Coat condition matters too: heavily matted coats take longer. Tell us the breed and weight and we'll give you a price range before you book.",
    },
    {
      id: "faq-duration",
      question: "How long will my dog be there?",
      answer:
        "Plan on two to three hours for a full groom and about an hour and a half for a bath. We text you when your pet is ready, and we never leave dogs in a kennel under a heated dryer.",
    },
    {
      id: "faq-vaccines",
      question: "What vaccinations are required?",
      answer:
        "We need current rabies, distemper/parvo (DHPP) and Bordetella records for dogs, and rabies and FVRCP for cats. Email or text a photo of the records before the first visit.",
    },
    {
      id: "faq-matting",
      question: "My dog is matted. Can you brush it all out?",
      answer:
        "If the mats are loose we can work them out for a dematting fee. When the coat is pelted close to the skin, brushing hurts and can bruise, so we'll shave short and let it grow back healthy. We always call before shaving.",
    },
    {
      id: "faq-frequency",
      question: "How often should my dog be groomed?",
      answer:
        "Curly and long coats like Doodles, Poodles and Shih Tzus do best every four to six weeks. Double-coated breeds need a deshed every eight to ten weeks, and short coats every couple of months.",
    },
    {
      id: "faq-anxious",
      question: "My dog is nervous or reactive. Can you still groom them?",
      answer:
        "Yes, tell us when booking. We schedule anxious dogs first thing when the salon is quiet, take breaks and use a muzzle only if needed for safety. Dogs who need sedation have to be groomed at a vet.",
    },
    {
      id: "faq-cancel",
      question: "What if I'm late or need to cancel?",
      answer:
        "Please give 24 hours' notice to cancel. No-shows are charged $25 before the next booking. Pick-ups more than 30 minutes after the ready text carry a $10-per-half-hour late fee.",
    },
    {
      id: "faq-payment",
      question: "How do I pay and should I tip?",
      answer:
        "We take cards, Apple Pay and cash at pick-up. Tips are appreciated but never expected; 15 to 20 percent is customary and goes straight to your groomer.",
    },
  ],
  tone: {
    description:
      "Gentle, patient and pet-first. Uses the pet's name once it's given, asks breed, weight and when they were last groomed, and is honest that matted coats may need a shave-down for comfort.",
    preferredWords: ["pup", "coat", "breed", "deshed", "dematting", "sanitary trim", "comfortable", "blow-out"],
    avoidWords: ["animal", "it (for the pet)", "cage", "sedate", "ugly"],
    sampleGreeting: "Hi, thanks for calling {businessName}! Who are we pampering? Tell me your pet's name and breed.",
  },
  ivr: {
    mode: "menu",
    greeting:
      "Thanks for calling {businessName}. Our groomers are busy with pets right now. Press 1 for our online booking link, 2 to reach the salon, or 3 for hours and address.",
  },
  businessHours: {
    tue: [["08:00", "17:00"]],
    wed: [["08:00", "17:00"]],
    thu: [["08:00", "17:00"]],
    fri: [["08:00", "17:00"]],
    sat: [["08:00", "15:00"]],
  },
  reminders: { appointmentHoursBefore: [48, 3], reviewRequestHoursAfter: 2 },
  cadences: [
    {
      id: "rebook-groom",
      serviceIds: ["full-groom", "bath-brush", "cat-groom"],
      mode: "reminder",
      intervalDays: 42,
      message:
        "Hi {firstName}, it's been 6 weeks since your pet's last groom at {businessName}. Grab a spot before the coat gets tangly: {bookingLink}",
    },
    {
      id: "rebook-deshed",
      serviceIds: ["deshed-treatment"],
      mode: "reminder",
      intervalDays: 70,
      message:
        "Hi {firstName}, shedding season is coming. Book a deshed at {businessName} and keep the fur off the couch: {bookingLink}",
    },
    {
      id: "puppy-next",
      serviceIds: ["puppy-intro"],
      mode: "reminder",
      intervalDays: 28,
      message:
        "Hi {firstName}, your puppy did great! A second visit in about 4 weeks keeps grooming fun. Book here: {bookingLink}",
    },
  ],
  campaignTemplates: [
    {
      id: "spring-shedding",
      name: "Spring shedding season",
      season: { fromMonth: 3, toMonth: 5 },
      body: "Hi {first_name}, shedding season is here. Our deshedding treatment pulls out the loose undercoat so less of it ends up on your couch. Book by April 30 for $10 off: {booking_link}",
    },
    {
      id: "summer-cool-down",
      name: "Summer cool-down groom",
      season: { fromMonth: 6, toMonth: 8 },
      body: "Hi {first_name}, hot days ahead. A summer trim keeps short-coated pups comfortable, and double coats get a deshed instead of a shave. Book here: {booking_link}",
    },
    {
      id: "flea-tick-bath",
      name: "Flea and tick season bath",
      season: { fromMonth: 6, toMonth: 9 },
      body: "Hi {first_name}, flea and tick season is in full swing. Add a flea and tick bath to your pup's next groom for just $20: {booking_link}",
    },
    {
      id: "holiday-grooming-slots",
      name: "Holiday grooming slots",
      season: { fromMonth: 10, toMonth: 12 },
      body: "Hi {first_name}, holiday grooming slots fill fast. Book your pup's groom now for the weeks before Thanksgiving and Christmas: {booking_link}",
    },
  ],
  website: {
    headline: "Happy pets, fresh coats, zero stress",
    subheadline:
      "Full grooms, baths and deshedding for dogs and cats, with calm handling and a text when your pet is ready.",
    about:
      "Our grooming salon was built around one idea: pets should leave happier than they arrived. Every groomer is trained in breed cuts and low-stress handling, we hand-dry instead of kennel-drying, and we keep the schedule light so no pet waits for hours. From a first puppy bath to a full Doodle groom or a senior cat comb-out, we'll talk through the cut you want and send a photo when they're ready to go home.",
    serviceBlurbs: {
      "bath-brush": "A fresh bath, blow-out, nails and ears, without the haircut.",
      "full-groom": "Bath plus a breed or custom haircut, with face, feet and tail finished by hand.",
      "deshed-treatment": "Undercoat blow-out and rake for Huskies, Goldens, Shepherds and other shedders.",
      "puppy-intro": "A gentle, short first groom so your puppy learns the salon is a happy place.",
      "cat-groom": "Quiet, patient grooming by a cat-trained groomer, lion cuts included.",
      "nail-trim": "Quick walk-in nail trims during open hours, no appointment needed.",
    },
    seo: {
      title: "Dog & Cat Grooming Salon: Baths, Cuts, Deshed",
      description:
        "Professional dog and cat grooming: full grooms, baths, deshedding and nail trims with gentle, low-stress handling. Book your pet's appointment online.",
    },
  },
  assets: [
    {
      kind: "pet",
      fields: ["name", "species", "breed", "size", "temperament"],
      sizeClasses: [
        { id: "small", label: "Small dog (under 20 lb)" },
        { id: "medium", label: "Medium dog (20–50 lb)" },
        { id: "large", label: "Large dog (50–90 lb)" },
        { id: "giant", label: "Giant dog (over 90 lb)" },
      ],
    },
  ],
};
