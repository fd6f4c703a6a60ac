// Scenarios the database replay is compared on with the in-memory one: a detailer in Chicago and a
// cleaner in New York, over booking, offers, cancel and reschedule flows, opt-outs, quotes, FAQs,
// busy and closed days, prices of every shape, Spanish. "now" is Wednesday 2026-12-02, 10:00 local;
// Saturday is Dec 5. Multi-turn flows take the agent's earlier reply from the in-memory replay.

const weekdays = { mon: [["08:00", "17:00"]], tue: [["08:00", "17:00"]], wed: [["08:00", "17:00"]] };
const hours = { ...weekdays, thu: [["08:00", "17:00"]], fri: [["08:00", "17:00"]], sat: [["09:00", "14:00"]] };

export const detailer = {
  name: "Clean Machine",
  industry: "auto-detailing",
  timezone: "America/Chicago",
  hours,
  closedDates: ["2026-12-25", "2026-12-07"],
  services: [
    { id: "full-detail", name: "Full Detail", durationMinutes: 180, price: { type: "fixed", amount: 199 } },
    { id: "express-wash", name: "Express Wash", durationMinutes: 60, price: { type: "fixed", amount: 49 } },
    { id: "paint-correction", name: "Paint Correction", durationMinutes: 480, price: { type: "quote" } },
    {
      id: "interior",
      name: "Interior Shampoo",
      durationMinutes: 120,
      price: {
        type: "tiered",
        tiers: [
          { label: "Sedan", amount: 120 },
          { label: "SUV", amount: 150 },
        ],
      },
    },
    { id: "ceramic", name: "Ceramic Coating", durationMinutes: 240, price: { type: "range", min: 500, max: 900 } },
    {
      id: "fleet",
      name: "Fleet Wash",
      durationMinutes: 120,
      price: { type: "hourly", rate: 85, minimumHours: 2 },
      notes: "For business fleets",
    },
  ],
  addOns: [
    {
      id: "pet-hair",
      name: "Pet Hair Removal",
      price: 40,
      durationMinutes: 30,
      appliesTo: ["full-detail"],
      offerWhen: "customer mentions a dog or pet hair",
    },
  ],
  faqs: [
    {
      id: "water",
      question: "Do you need water or power at my place?",
      answer: "No, our van carries its own water and power.",
    },
    { id: "rain", question: "What happens if it rains?", answer: "We reschedule for free." },
  ],
  bookingPolicy: {
    leadTimeHours: 2,
    maxDaysAhead: 30,
    slotIntervalMinutes: 60,
    concurrentJobs: 1,
    cancellation: { windowHours: 24, fee: 25 },
    quoteRequired: ["paint-correction"],
    serviceRules: [{ serviceId: "full-detail", startWindows: [["08:00", "11:00"]] }],
    handoffNumbers: ["+13125550100"],
    bookingUrl: "https://app.example.com/book/clean-machine",
  },
};

export const cleaner = {
  name: "Sparkle & Co",
  industry: "house-cleaning",
  timezone: "America/New_York",
  hours: weekdays,
  services: [
    { id: "standard", name: "Standard Clean", durationMinutes: 120, price: 140 },
    { id: "deep", name: "Deep Clean", durationMinutes: 240, price: { type: "range", from: 250, to: 400 } },
  ],
  faqs: [{ id: "supplies", question: "Do you bring supplies?", answer: "Yes, all supplies are included." }],
  bookingPolicy: {
    leadTimeHours: 12,
    maxDaysAhead: 14,
    slotIntervalMinutes: 30,
    concurrentJobs: 2,
    cancellation: { windowHours: 48, fee: 40 },
    handoffNumbers: ["+12125550100", "+12125550101"],
  },
};

const now = "2026-12-02T10:00:00-06:00";
const dana = { known: true, name: "Dana", phone: "+13125550123" };
const withSaturdayDetail = {
  ...dana,
  upcomingAppointments: [
    {
      id: "appt-1",
      serviceId: "full-detail",
      start: "2026-12-05T09:00:00-06:00",
      end: "2026-12-05T12:00:00-06:00",
      status: "booked",
    },
    {
      id: "appt-2",
      serviceId: "express-wash",
      start: "2026-12-10T13:00:00-06:00",
      end: "2026-12-10T14:00:00-06:00",
      status: "confirmed",
    },
  ],
};

export type Case = {
  name: string;
  scenario: Record<string, unknown>;
  /** A follow-up text: the scenario again with the first turn's reply as the agent's last text. */
  then?: string[];
};

const at = (tenant: unknown, inbound: string, extra: Record<string, unknown> = {}) => ({
  tenant,
  now,
  customer: dana,
  inbound,
  ...extra,
});

export const CASES: Case[] = [
  { name: "offer Saturday", scenario: at(detailer, "can I get a full detail saturday morning?"), then: ["9 works"] },
  { name: "book tomorrow after 3", scenario: at(detailer, "express wash tmrw after 3?"), then: ["the first one"] },
  { name: "book an exact time", scenario: at(detailer, "Book me an express wash Friday at 1pm please") },
  { name: "price fixed", scenario: at(detailer, "how much is a full detail?") },
  { name: "price tiered", scenario: at(detailer, "how much is interior shampoo for an SUV?") },
  { name: "price range", scenario: at(detailer, "what does ceramic coating cost") },
  { name: "price hourly", scenario: at(detailer, "price for a fleet wash?") },
  { name: "quote only", scenario: at(detailer, "can you do paint correction next week?") },
  { name: "faq", scenario: at(detailer, "do you need water or power at my house?") },
  { name: "opt-out", scenario: at(detailer, "STOP texting me") },
  {
    name: "cancel flow",
    scenario: at(detailer, "I need to cancel my saturday appointment", { customer: withSaturdayDetail }),
    then: ["yes", "no thanks"],
  },
  {
    name: "reschedule flow",
    scenario: at(detailer, "can I move my saturday detail to tuesday?", { customer: withSaturdayDetail }),
    then: ["the first one works", "yes"],
  },
  {
    name: "busy day",
    scenario: at(detailer, "any time for an express wash saturday?", {
      busy: [{ start: "2026-12-05T09:00:00-06:00", end: "2026-12-05T14:00:00-06:00" }],
    }),
  },
  {
    name: "busy with two crews",
    scenario: at(cleaner, "standard clean thursday morning?", {
      now: "2026-12-02T10:00:00-05:00",
      customer: { known: false, phone: "+12125550199" },
      busy: [
        { start: "2026-12-03T08:00:00-05:00", end: "2026-12-03T10:00:00-05:00" },
        { start: "2026-12-03T09:00:00-05:00", end: "2026-12-03T12:00:00-05:00" },
      ],
    }),
    then: ["8:00 please"],
  },
  { name: "closed day", scenario: at(detailer, "can you do an express wash on monday the 7th?") },
  { name: "christmas", scenario: at(detailer, "express wash on christmas day?") },
  { name: "spanish price", scenario: at(detailer, "¿cuánto cuesta el lavado express?") },
  { name: "spanish booking", scenario: at(detailer, "quiero agendar un express wash el viernes en la mañana") },
  { name: "a person", scenario: at(detailer, "can I talk to a real person") },
  { name: "complaint", scenario: at(detailer, "you guys scratched my car and I'm furious") },
  { name: "greeting", scenario: at(detailer, "hi there") },
  { name: "add-on cue", scenario: at(detailer, "full detail saturday at 9, my dog sheds a lot") },
  {
    name: "unknown sender",
    scenario: at(detailer, "what times do you have tomorrow", { customer: { phone: "+13125550999" } }),
  },
  {
    name: "confirm appointment",
    scenario: at(detailer, "yes I'll be there saturday", { customer: withSaturdayDetail }),
  },
  {
    name: "cleaner deep clean range",
    scenario: at(cleaner, "how much is a deep clean and when can you come?", { now: "2026-12-02T10:00:00-05:00" }),
  },
  { name: "empty text", scenario: at(detailer, "") },
  { name: "nonsense", scenario: at(detailer, "asdf qwerty zxcv") },
];

/** A scenario that does not match the format: a price without its amount, an hour out of range. */
export const malformed = {
  tenant: {
    ...detailer,
    services: [{ id: "x", name: "X", durationMinutes: 60, price: { type: "fixed" } }],
    hours: { mon: [["08:00", "25:00"]] },
  },
  now,
  inbound: "hi",
};
