import { usd, usdRange } from "../money.ts";
import type { IndustryPack } from "../schema.ts";

export const personalTraining: IndustryPack = {
  id: "personal-training",
  name: "Personal Training",
  version: "1.1.0",
  summary:
    "One-on-one and small-group personal training in a studio, at home or online, with assessments and nutrition coaching.",
  pricingFactors: [
    {
      id: "session-location",
      label: "Where you train",
      options: ["Our studio", "In your home or building gym", "Online by video"],
    },
    { id: "package-size", label: "Package", options: ["Single session", "Pack of 10", "Pack of 20"] },
  ],
  services: [
    {
      id: "assessment",
      name: "Fitness Assessment and Goal Session",
      description:
        "Movement screen, posture and mobility checks, a strength and conditioning baseline and a conversation about goals, injuries and schedule, ending with a written training plan.",
      durationMinutes: 75,
      priceCents: usd(75),
      priceDependsOn: [],
    },
    {
      id: "one-on-one",
      name: "One-on-One Training Session",
      description:
        "A 60-minute coached session built on your plan: warm-up, strength work with progressive overload, conditioning and a cool-down, logged so every week builds on the last.",
      durationMinutes: 60,
      priceCents: usdRange(75, 110),
      priceDependsOn: ["session-location", "package-size"],
    },
    {
      id: "partner-session",
      name: "Partner Training (2 People)",
      description:
        "Train with a spouse or friend on a shared program scaled to each person's level, for the cost of a little more than one session.",
      durationMinutes: 60,
      priceCents: usdRange(110, 150),
      priceDependsOn: ["session-location", "package-size"],
    },
    {
      id: "small-group",
      name: "Small-Group Strength Class",
      description:
        "Up to six people, barbells and kettlebells, coached technique and a 12-week progression, for people who want coaching with the energy of a group.",
      durationMinutes: 45,
      priceCents: usd(30),
      priceDependsOn: [],
    },
    {
      id: "virtual-session",
      name: "Virtual Coaching Session",
      description:
        "Live video session with your coach using the equipment you have at home, with form checks by camera and a program in the training app between calls.",
      durationMinutes: 45,
      priceCents: usd(60),
      priceDependsOn: [],
    },
  ],
  addOns: [
    {
      id: "nutrition-plan",
      name: "Nutrition Coaching (Monthly)",
      description:
        "Macro targets, a simple meal framework and weekly check-ins in the app, with adjustments based on progress photos and measurements.",
      priceCents: usd(149),
      durationMinutes: 30,
      serviceIds: ["one-on-one", "partner-session", "virtual-session"],
      offerAt: "follow-up",
      offerWhen: "The client's goal is fat loss or muscle gain and they're training at least twice a week.",
    },
    {
      id: "inbody-scan",
      name: "Body Composition Scan",
      description:
        "A bioimpedance body-composition scan for muscle mass, body fat and water, repeated monthly to track progress beyond the scale.",
      priceCents: usd(35),
      durationMinutes: 15,
      serviceIds: ["assessment", "one-on-one"],
      offerAt: "booking",
      offerWhen: "At the first assessment, or when a client is frustrated that the scale isn't moving.",
    },
    {
      id: "stretch-session",
      name: "Assisted Stretch Add-On",
      description:
        "Fifteen minutes of coach-assisted stretching for hips, hamstrings and shoulders at the end of the session.",
      priceCents: usd(25),
      durationMinutes: 15,
      serviceIds: ["one-on-one", "partner-session"],
      offerAt: "on-site",
      offerWhen: "The client sits all day, has tight hips or lower back, or is over 50.",
    },
  ],
  faqs: [
    {
      id: "faq-price",
      question: "How much does personal training cost?",
      answer:
        "Single studio sessions are $95 and packs bring it down to $75 to $85 a session. In-home training adds a travel premium, and virtual sessions are $60. The first assessment is $75 and goes toward your first pack.",
    },
    {
      id: "faq-beginner",
      question: "I'm completely out of shape. Is this for me?",
      answer:
        "Absolutely. Most of our clients start as beginners. Your first session is an assessment, not a workout test, and every program starts where you are and builds up gradually.",
    },
    {
      id: "faq-bring",
      question: "What should I bring and wear?",
      answer:
        "Comfortable clothes you can move in, supportive sneakers, a water bottle and a small towel. Eat a light snack an hour or two before and let your coach know about any injuries or medications.",
    },
    {
      id: "faq-frequency",
      question: "How often should I train?",
      answer:
        "Two to three sessions a week gives most people steady progress. If budget is tight, one coached session plus one or two workouts on your own from the app works well.",
    },
    {
      id: "faq-cancel",
      question: "What if I need to cancel a session?",
      answer:
        "Cancel at least 12 hours ahead and the session stays in your pack. Late cancellations and no-shows use up the session, since your coach held that hour for you.",
    },
    {
      id: "faq-expire",
      question: "Do session packs expire?",
      answer:
        "Packs of 10 are valid for four months and packs of 20 for eight months. We can pause a pack for medical reasons or travel; just ask.",
    },
    {
      id: "faq-injury",
      question: "Can you train me around an injury?",
      answer:
        "Yes. Our coaches are certified and experienced with common issues like knee, shoulder and lower-back pain. For recent surgery or an acute injury, we'll ask for clearance from your doctor or physical therapist first.",
    },
  ],
  tone: {
    description:
      "Encouraging, energetic and non-judgmental coach. Focuses on the person's goals and schedule, never body-shames, and makes the first step (an assessment) feel easy and low pressure.",
    preferredWords: ["goals", "coach", "progress", "strength", "assessment", "program", "consistency"],
    avoidWords: ["no pain no gain", "fat", "bikini body", "punishment", "quick fix"],
    sampleGreeting:
      "Hey, thanks for calling {businessName}! What are you hoping to work toward? I'd love to hear about your goals.",
  },
  ivr: {
    mode: "voicemail",
    greeting:
      "You've reached {businessName}. I'm coaching a client right now. Leave your name, number and your goals, and I'll call you back between sessions.",
  },
  businessHours: {
    mon: [
      ["05:30", "12:00"],
      ["15:00", "20:00"],
    ],
    tue: [
      ["05:30", "12:00"],
      ["15:00", "20:00"],
    ],
    wed: [
      ["05:30", "12:00"],
      ["15:00", "20:00"],
    ],
    thu: [
      ["05:30", "12:00"],
      ["15:00", "20:00"],
    ],
    fri: [["05:30", "12:00"]],
    sat: [["07:00", "11:00"]],
  },
  reminders: { appointmentHoursBefore: [24], reviewRequestHoursAfter: 168 },
  cadences: [
    {
      id: "weekly-sessions",
      serviceIds: ["one-on-one", "partner-session", "virtual-session"],
      mode: "recurring",
      intervalDays: 7,
      message:
        "Hi {firstName}, you're booked for the same time next week with {businessName}. Keep that streak going! Need to move it? {bookingLink}",
    },
    {
      id: "reassess",
      serviceIds: ["assessment"],
      mode: "reminder",
      intervalDays: 84,
      message:
        "Hi {firstName}, it's been 12 weeks since your assessment. Let's retest and see how far you've come: {bookingLink}",
    },
    {
      id: "lapsed-client",
      serviceIds: ["one-on-one", "small-group"],
      mode: "reminder",
      intervalDays: 30,
      message:
        "Hi {firstName}, we miss you at {businessName}! Ready to get back into a routine? Grab a session this week: {bookingLink}",
    },
  ],
  campaignTemplates: [
    {
      id: "new-year-assessment",
      name: "New year fitness assessment",
      season: { fromMonth: 12, toMonth: 1 },
      body: "Hi {first_name}, start the new year with a plan. Book a fitness assessment and goal session in January and your first training session is $20 off: {booking_link}",
    },
    {
      id: "spring-partner-training",
      name: "Spring partner training",
      season: { fromMonth: 3, toMonth: 5 },
      body: "Hi {first_name}, spring is a great time to restart. Bring a friend: partner training splits the cost and keeps you both consistent. Book a session: {booking_link}",
    },
    {
      id: "summer-small-group",
      name: "Summer small-group classes",
      season: { fromMonth: 6, toMonth: 8 },
      body: "Hi {first_name}, busy summer schedule? Drop into a 45-minute small-group strength class for $30. Book your spot: {booking_link}",
    },
    {
      id: "fall-progress-check",
      name: "Fall progress check",
      season: { fromMonth: 9, toMonth: 10 },
      body: "Hi {first_name}, back-to-routine season. Book a progress check with a body composition scan and we'll update your program for fall: {booking_link}",
    },
  ],
  website: {
    headline: "Get stronger with a coach in your corner",
    subheadline: "One-on-one, partner and small-group personal training in our studio, your home or online.",
    about:
      "We're certified personal trainers who help busy adults build strength, lose fat and move without pain. Every client starts with an assessment and a written plan, then trains with a coach who tracks every set and adjusts as you progress. No intimidation, no gimmicks: just smart programming, accountability and a coach who notices when you've had a rough week.",
    serviceBlurbs: {
      assessment: "A movement screen, baseline and plan built around your goals.",
      "one-on-one": "Fully coached sessions that build on each other week by week.",
      "partner-session": "Train with a friend or partner and split the cost.",
      "small-group": "Coached barbell and kettlebell classes capped at six people.",
      "virtual-session": "Live video coaching with the equipment you have at home.",
    },
    seo: {
      title: "Personal Trainer: 1-on-1, Small Group & Online",
      description:
        "Certified personal trainers for one-on-one, partner, small-group and online coaching. Start with a fitness assessment and a plan built around your goals.",
    },
  },
  assets: [],
};
