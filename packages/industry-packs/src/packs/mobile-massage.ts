import { usd, usdRange } from "../money.ts";
import type { IndustryPack } from "../schema.ts";

export const mobileMassage: IndustryPack = {
  id: "mobile-massage",
  name: "Mobile Massage",
  version: "1.1.0",
  summary:
    "Licensed massage therapists who bring the table to homes, hotels and offices: Swedish, deep tissue, prenatal, couples and chair massage.",
  pricingFactors: [
    { id: "session-length", label: "Session length", options: ["60 minutes", "90 minutes", "120 minutes"] },
    { id: "therapist-count", label: "Therapists", options: ["One therapist", "Two therapists side by side"] },
    { id: "chair-hours", label: "Chair massage hours", options: ["2 hours", "3 hours", "4 hours or more"] },
  ],
  services: [
    {
      id: "swedish",
      name: "Swedish Relaxation Massage",
      description:
        "Long, flowing strokes with light to medium pressure to calm the nervous system, ease everyday tension and improve circulation, on our table in your space.",
      durationMinutes: 60,
      priceCents: usdRange(120, 210),
      priceDependsOn: ["session-length"],
    },
    {
      id: "deep-tissue",
      name: "Deep Tissue Massage",
      description:
        "Slow, firm work into deeper muscle layers and trigger points for chronic neck, shoulder and lower-back tension, with pressure checked throughout.",
      durationMinutes: 90,
      priceCents: usdRange(140, 230),
      priceDependsOn: ["session-length"],
    },
    {
      id: "prenatal",
      name: "Prenatal Massage",
      description:
        "Side-lying massage with pregnancy bolsters for the second and third trimester, focused on lower back, hips and swollen legs, by a prenatal-certified therapist.",
      durationMinutes: 60,
      priceCents: usdRange(130, 195),
      priceDependsOn: ["session-length"],
    },
    {
      id: "couples",
      name: "Couples Massage",
      description:
        "Two therapists and two tables set up side by side at home or in your hotel suite, each person choosing their own pressure and focus areas.",
      durationMinutes: 90,
      priceCents: usdRange(250, 440),
      priceDependsOn: ["session-length", "therapist-count"],
    },
    {
      id: "chair-event",
      name: "Corporate Chair Massage",
      description:
        "Seated massage in 10 to 15 minute slots for office wellness days and events, with an online sign-up sheet for employees and clothes staying on.",
      durationMinutes: 180,
      priceCents: usdRange(240, 520),
      priceDependsOn: ["chair-hours", "therapist-count"],
    },
  ],
  addOns: [
    {
      id: "hot-stones",
      name: "Hot Stones",
      description: "Heated basalt stones used along the back and shoulders to melt tension before deeper work.",
      priceCents: usd(25),
      durationMinutes: 15,
      serviceIds: ["swedish", "deep-tissue", "couples"],
      offerAt: "booking",
      offerWhen: "Cold months, or clients who say they run cold or want the most relaxing option.",
    },
    {
      id: "cbd-balm",
      name: "CBD Muscle Balm",
      description:
        "A hemp-derived CBD balm worked into sore areas for targeted relief, with a travel tin to take home.",
      priceCents: usd(20),
      durationMinutes: 15,
      serviceIds: ["deep-tissue", "swedish"],
      offerAt: "booking",
      offerWhen: "Clients with chronic soreness, athletes or anyone booking deep tissue.",
    },
    {
      id: "aromatherapy",
      name: "Aromatherapy",
      description:
        "A choice of lavender, eucalyptus or citrus essential oil blend added to the massage oil and a diffuser for the room.",
      priceCents: usd(15),
      durationMinutes: 15,
      serviceIds: ["swedish", "prenatal", "couples"],
      offerAt: "booking",
      offerWhen: "Relaxation-focused bookings, anniversaries and gifts; skip eucalyptus for prenatal clients.",
    },
    {
      id: "scalp-foot",
      name: "Scalp and Foot Focus",
      description:
        "An extra quarter hour of slow scalp massage and reflexology-style foot work at the end of the session.",
      priceCents: usd(30),
      durationMinutes: 15,
      serviceIds: ["swedish", "deep-tissue", "prenatal"],
      offerAt: "on-site",
      offerWhen: "The client mentions headaches, long days on their feet or screen fatigue during intake.",
    },
  ],
  faqs: [
    {
      id: "faq-price",
      question: "How much does an in-home massage cost?",
      answer:
        "A 60-minute Swedish massage is $120, 90 minutes is $165 and 120 minutes is $210; deep tissue is $20 more per session. Travel within 15 miles is included, and we suggest a 20 percent gratuity for your therapist.",
    },
    {
      id: "faq-setup",
      question: "What do I need to have ready?",
      answer:
        "Just an open space about 6 by 10 feet near an outlet, ideally a quiet room. Your therapist brings the table, fresh linens, oils and music, and needs about 15 minutes to set up before your session starts.",
    },
    {
      id: "faq-licensed",
      question: "Are your therapists licensed?",
      answer:
        "Yes. Every therapist is state-licensed, insured and background checked, with at least two years of practice. Licenses are verified each year and we're happy to share a license number before the visit.",
    },
    {
      id: "faq-undress",
      question: "Do I have to undress completely?",
      answer:
        "Undress to your level of comfort. You'll be draped with a sheet the whole time and only the area being worked on is uncovered. Many clients keep underwear on; chair massage is fully clothed.",
    },
    {
      id: "faq-health",
      question: "Can I get a massage if I'm pregnant or have a health condition?",
      answer:
        "Prenatal massage is available after the first trimester with a certified therapist. For blood clots, recent surgery, uncontrolled high blood pressure or cancer treatment, we ask for your doctor's OK first.",
    },
    {
      id: "faq-cancel",
      question: "What's your cancellation policy?",
      answer:
        "Cancel or reschedule at least 24 hours in advance at no charge. Cancellations within 24 hours are charged 50 percent, and no-shows the full rate, because your therapist has already traveled or turned away other clients.",
    },
    {
      id: "faq-hotel",
      question: "Can you come to my hotel or Airbnb?",
      answer:
        "Yes, as long as there's room for the table. Share the hotel name and room number at booking and let the front desk know to expect us. Lobby or common-area massage isn't possible except for chair massage.",
    },
  ],
  tone: {
    description:
      "Calm, warm and professional. Speaks softly and clearly, asks about pressure preference, focus areas and health conditions, keeps all language strictly therapeutic and explains setup and draping so first-timers feel at ease.",
    preferredWords: ["licensed therapist", "session", "pressure", "focus areas", "draping", "relax", "in your space"],
    avoidWords: ["sensual", "full body rub", "happy", "erotic", "private show"],
    sampleGreeting:
      "Hello, thank you for calling {businessName}. Are you looking to relax or to work out some specific tension? I can help you choose a session.",
  },
  ivr: {
    mode: "voicemail",
    greeting:
      "Thank you for calling {businessName}. Our therapists are in sessions right now. Please leave your name, preferred date and time, and the address area, and we'll return your call within two hours.",
  },
  businessHours: {
    mon: [["09:00", "21:00"]],
    tue: [["09:00", "21:00"]],
    wed: [["09:00", "21:00"]],
    thu: [["09:00", "21:00"]],
    fri: [["09:00", "21:00"]],
    sat: [["09:00", "21:00"]],
    sun: [["10:00", "18:00"]],
  },
  reminders: { appointmentHoursBefore: [24, 2], reviewRequestHoursAfter: 20 },
  cadences: [
    {
      id: "monthly-massage",
      serviceIds: ["swedish", "deep-tissue"],
      mode: "reminder",
      intervalDays: 28,
      message:
        "Hi {firstName}, it's been about four weeks since your massage with {businessName}. Regular sessions keep tension from building back up: {bookingLink}",
    },
    {
      id: "prenatal-followup",
      serviceIds: ["prenatal"],
      mode: "reminder",
      intervalDays: 14,
      message:
        "Hi {firstName}, many moms-to-be book every two weeks in the third trimester. Want to schedule your next prenatal massage? {bookingLink}",
    },
    {
      id: "corporate-quarterly",
      serviceIds: ["chair-event"],
      mode: "reminder",
      intervalDays: 90,
      message:
        "Hi {firstName}, your team loved the last chair massage day. Shall {businessName} book the next wellness day for this quarter? {bookingLink}",
    },
  ],
  campaignTemplates: [
    {
      id: "valentines-couples",
      name: "Valentine's couples massage",
      season: { fromMonth: 1, toMonth: 2 },
      body: "Hi {first_name}, Valentine's plans? Book a couples massage in your own living room. February evenings go first: {booking_link}",
    },
    {
      id: "mothers-day-massage",
      name: "Mother's Day massage",
      season: { fromMonth: 4, toMonth: 5 },
      body: "Hi {first_name}, Mother's Day is coming. Treat her to a massage at home: reply for a gift card in any amount, or book her session here: {booking_link}",
    },
    {
      id: "team-chair-massage",
      name: "Team chair massage",
      season: { fromMonth: 9, toMonth: 11 },
      body: "Hi {first_name}, thank your team with chair massage at the office. Book a chair massage event for the fall or the holiday season: {booking_link}",
    },
    {
      id: "holiday-gift-massage",
      name: "Holiday massage gift",
      season: { fromMonth: 11, toMonth: 12 },
      body: "Hi {first_name}, a massage is a gift nobody returns. Reply for a holiday gift card in any amount, or book a session to unwind yourself: {booking_link}",
    },
  ],
  website: {
    headline: "Spa-quality massage, delivered to your door",
    subheadline: "Licensed therapists bring the table, linens and calm to your home, hotel or office.",
    about:
      "We're a team of licensed massage therapists who bring a full spa experience to you. No driving, no waiting room, no rushing back into traffic afterwards: we set up a heated table with fresh linens in your living room, hotel suite or office and take care of everything. Whether you need deep tissue for a stubborn back, a prenatal session or a couples massage for an anniversary, we match you with the right therapist.",
    serviceBlurbs: {
      swedish: "Gentle, flowing massage to unwind and reset, in the comfort of home.",
      "deep-tissue": "Focused, firm work to release chronic knots and tight shoulders.",
      prenatal: "Safe, supported side-lying massage for expecting moms.",
      couples: "Two therapists, two tables, side by side at home or in your suite.",
      "chair-event": "Seated massage days that your team will actually look forward to.",
    },
    seo: {
      title: "Mobile Massage Therapists: In-Home & Hotel",
      description:
        "Licensed mobile massage therapists for in-home, hotel and office visits: Swedish, deep tissue, prenatal, couples and corporate chair massage. Book online.",
    },
  },
  assets: [],
};
