// A valid input for every procedure that takes one, shared by the tests that walk the whole
// procedure inventory (access-matrix.test.ts, unstorable-text.test.ts): a new procedure gets its
// sample here once, and every inventory test covers it.

const CONCIERGE_SETUP = {
  businessName: "Access Matrix Lawns",
  slug: "access-matrix-lawns",
  timezone: "America/Chicago",
  owner: { name: "Ada Matrix", email: "ada@access-matrix.example", phone: "+15125550190" },
  packId: "lawn-care",
  planTier: "pro",
  phoneNumber: "+15555550178",
};

const NO_ID = "00000000-0000-4000-8000-000000000000";
const WEEK = { from: "2026-12-07T06:00:00Z", to: "2026-12-14T06:00:00Z" };

/** A valid input for each procedure that takes one, so only access decides the outcome. */
export const SAMPLE_INPUTS: Record<string, unknown> = {
  "auth.login": { email: "nobody@servicepro.test", password: "irrelevant-password" },
  "portal.business": { slug: "green-lawn" },
  // Telephony screens. assign → update → release run in this order (router order) on a number of their own.
  "admin.phoneNumbers.list": { tenantId: "green-lawn" },
  "admin.phoneNumbers.assign": { tenantId: "green-lawn", phoneNumber: "+15555550177" },
  "admin.phoneNumbers.update": { phoneNumber: "+15555550177", greeting: "Thanks for calling Green Lawn Co." },
  "admin.phoneNumbers.release": { phoneNumber: "+15555550177" },
  "admin.telephony.markReviewed": { id: "00000000-0000-4000-8000-000000000000" },
  "tenant.inbox.thread": { conversationId: "00000000-0000-4000-8000-000000000000" },
  "tenant.inbox.reply": {
    conversationId: "00000000-0000-4000-8000-000000000000",
    body: "Access matrix",
    idempotencyKey: "00000000-0000-4000-8000-000000000001",
  },
  "tenant.inbox.consentReviews": { limit: 10 },
  "tenant.inbox.resolveConsentReview": { messageId: "00000000-0000-4000-8000-000000000000", decision: "dismiss" },
  "admin.tenants.updatePlan": { tenantId: "green-lawn", planTier: "pro", status: "active" },
  "admin.impersonate.start": { tenantId: "green-lawn", reason: "Access matrix check" },
  // Integrations & keys: the readiness list of a business that exists.
  "admin.integrations.tenantReadiness": { tenantId: "green-lawn" },
  // What the business sells and its pack. Green Lawn Co was not set up from a pack, and the ids exist nowhere.
  "tenant.catalog.createService": {
    name: "Access matrix service",
    durationMinutes: 30,
    price: { type: "fixed", cents: 2500 },
  },
  "tenant.catalog.updateService": { id: "00000000-0000-4000-8000-000000000000", name: "Access matrix" },
  "tenant.catalog.archiveService": { id: "00000000-0000-4000-8000-000000000000" },
  "tenant.catalog.updateAddOn": { id: "00000000-0000-4000-8000-000000000000", priceCents: 1000 },
  "tenant.catalog.createFaq": { question: "Access matrix question?", answer: "Access matrix answer." },
  "tenant.catalog.updateFaq": { id: "00000000-0000-4000-8000-000000000000", answer: "Access matrix" },
  "tenant.pack.applyUpgrade": { fromVersion: "1.0.0", toVersion: "1.1.0" },
  // Customers: list and create really run (a number no demo customer has); the ids exist nowhere.
  "tenant.customers.list": { search: "access", tag: "vip", lastVisit: "90d", limit: 10 },
  "tenant.customers.get": { id: "00000000-0000-4000-8000-000000000000" },
  "tenant.customers.create": {
    name: "Access Matrix Customer",
    phone: "(512) 555-0177",
    altPhones: ["512 555 0178"],
    email: "matrix@example.test",
    address: "1 Matrix Way",
    notes: "Access matrix",
    tags: ["VIP"],
  },
  "tenant.customers.update": { id: "00000000-0000-4000-8000-000000000000", name: "Access matrix" },
  "tenant.customers.addAsset": {
    customerId: "00000000-0000-4000-8000-000000000000",
    kind: "vehicle",
    details: { year: 2021, make: "Toyota", model: "RAV4", colour: "Blue" },
    notes: "Access matrix",
  },
  "tenant.customers.updateAsset": {
    id: "00000000-0000-4000-8000-000000000000",
    kind: "pet",
    details: { name: "Biscuit", species: "Dog", breed: "Golden retriever", temperament: "Access matrix" },
  },
  "tenant.customers.archiveAsset": { id: "00000000-0000-4000-8000-000000000000" },
  // Duplicates and merges (issue 16): the ids are no customer's, no merge's.
  "tenant.customers.duplicates": { limit: 10 },
  "tenant.customers.mergePreview": { survivorId: NO_ID, mergedId: "00000000-0000-4000-8000-000000000001" },
  "tenant.customers.merge": { survivorId: NO_ID, mergedId: "00000000-0000-4000-8000-000000000001" },
  "tenant.customers.unmerge": { mergeId: NO_ID },
  "tenant.customers.dismissDuplicate": { customerId: NO_ID, otherId: "00000000-0000-4000-8000-000000000001" },
  "tenant.customers.merges": { customerId: NO_ID },
  "tenant.customers.setMarketingConsent": {
    customerId: "00000000-0000-4000-8000-000000000000",
    allow: true,
    note: "Access matrix: agreed at the counter",
  },
  // Booking settings and team. The settings are a whole, valid set; team ids exist nowhere.
  "tenant.booking.updateSettings": {
    hours: { mon: [["08:00", "17:00"]], tue: [["08:00", "17:00"]] },
    closedDates: [{ date: "2026-12-25", reason: "Christmas" }],
    slotIntervalMinutes: 30,
    leadTimeMinutes: 120,
    bookingWindowDays: 60,
    bufferMinutes: 15,
    maxConcurrent: null,
    onlineBookingEnabled: true,
    depositCents: 0,
    cancellationWindowHours: 24,
    cancellationFeeCents: 0,
    reminderOffsetsMinutes: [1440, 120],
    quietHoursStart: "21:00",
    quietHoursEnd: "08:00",
  },
  "tenant.team.create": { kind: "resource", name: "Access matrix bay" },
  "tenant.team.update": { id: "00000000-0000-4000-8000-000000000000", name: "Access matrix" },
  "tenant.team.addTimeOff": {
    bookableId: "00000000-0000-4000-8000-000000000000",
    startsAt: "2026-12-24T00:00:00-06:00",
    endsAt: "2026-12-26T00:00:00-06:00",
    reason: "Access matrix",
  },
  "tenant.team.removeTimeOff": { id: "00000000-0000-4000-8000-000000000000" },
  // Onboarding links: well-formed tokens no link carries.
  "onboarding.inspect": { token: "access-matrix-inspect-token-0000000000000" },
  "onboarding.complete": { token: "access-matrix-complete-token-000000000000", password: "access matrix password" },
  // Concierge set-up of a business of its own: only the owner's call gets past access, and it
  // really sets the business up (preview runs first, in router order, so it sees no clash).
  "admin.packs.get": { id: "lawn-care" },
  "admin.concierge.checkSlug": { slug: "access-matrix-slug" },
  "admin.concierge.searchNumbers": { areaCode: "512" },
  "admin.concierge.preview": CONCIERGE_SETUP,
  "admin.concierge.provision": { idempotencyKey: "00000000-0000-4000-8000-00000000c0c1", ...CONCIERGE_SETUP },
  // Appointments and the public booking page: the calendar of a week, and ids that exist nowhere.
  "tenant.appointments.availability": { serviceId: NO_ID, from: WEEK.from, to: WEEK.to },
  "tenant.appointments.list": { from: WEEK.from, to: WEEK.to },
  "tenant.appointments.get": { id: NO_ID },
  "tenant.appointments.create": {
    customerId: NO_ID,
    serviceId: NO_ID,
    startsAt: "2026-12-08T15:00:00Z",
    customerNotes: "Access matrix",
  },
  "tenant.appointments.reschedule": { id: NO_ID, startsAt: "2026-12-08T16:00:00Z" },
  "tenant.appointments.cancel": { id: NO_ID, reason: "Access matrix" },
  "tenant.appointments.complete": { id: NO_ID },
  "tenant.appointments.noShow": { id: NO_ID, note: "Access matrix" },
  "tenant.appointments.confirm": { id: NO_ID },
  "tenant.appointments.createSeries": {
    customerId: NO_ID,
    serviceId: NO_ID,
    firstStartsAt: "2026-12-08T15:00:00Z",
    intervalWeeks: 2,
    customerNotes: "Access matrix",
  },
  "tenant.appointments.cancelSeries": { seriesId: NO_ID, reason: "Access matrix" },
  "booking.page": { slug: "green-lawn" },
  "booking.availability": { slug: "green-lawn", serviceId: NO_ID, from: WEEK.from, to: WEEK.to },
  "booking.create": {
    slug: "green-lawn",
    serviceId: NO_ID,
    startsAt: "2026-12-08T15:00:00Z",
    name: "Access Matrix",
    phone: "(512) 555-0142",
    email: "matrix@example.test",
    assetDescription: "Access matrix asset",
    notes: "Access matrix",
  },
  // The SMS agent: Green Lawn Co's own settings (as seeded), test mode, and a conversation that exists nowhere.
  "tenant.agent.settings.update": { mode: "autopilot", pauseMinutes: 60, maxRepliesPerHour: 6 },
  "tenant.agent.sandbox": { history: [], inbound: "What are your hours?" },
  "tenant.agent.thread": { conversationId: NO_ID },
  "tenant.agent.sendDraft": { conversationId: NO_ID },
  "tenant.agent.dismissDraft": { conversationId: NO_ID },
  "tenant.agent.resume": { conversationId: NO_ID },
  "tenant.agent.resolveHandoff": { conversationId: NO_ID },
  "tenant.agent.runs": { limit: 10 },
  // The customer portal: a staff session is no customer session, so everything past sign-in answers
  // 401; sign-in itself answers every caller alike (portal-access.test.ts checks customers).
  "portal.auth.requestCode": { slug: "green-lawn", phone: "+15125550143" },
  "portal.auth.verifyCode": { slug: "green-lawn", phone: "+15125550144", code: "123456" },
  "portal.auth.requestLink": { slug: "green-lawn", phone: "+15125550145", channel: "sms" },
  "portal.auth.redeemLink": { slug: "green-lawn", token: "A".repeat(43) },
  "portal.auth.signOut": { slug: "green-lawn" },
  "portal.auth.signOutEverywhere": { slug: "green-lawn" },
  "portal.me": { slug: "green-lawn" },
  "portal.appointments.list": { slug: "green-lawn" },
  "portal.appointments.availability": { slug: "green-lawn", appointmentId: NO_ID, from: WEEK.from, to: WEEK.to },
  "portal.appointments.rebook": { slug: "green-lawn", fromAppointmentId: NO_ID, startsAt: "2026-12-08T15:00:00Z" },
  "portal.appointments.reschedule": { slug: "green-lawn", appointmentId: NO_ID, startsAt: "2026-12-08T15:00:00Z" },
  "portal.appointments.cancel": { slug: "green-lawn", appointmentId: NO_ID, reason: "Access matrix" },
  "portal.assets.list": { slug: "green-lawn" },
  "portal.assets.create": { slug: "green-lawn", kind: "property", details: { address: "1 Matrix Way" } },
  "portal.assets.update": { slug: "green-lawn", id: NO_ID, kind: "property", details: { address: "1 Matrix Way" } },
  "portal.profile.update": { slug: "green-lawn", name: "Access Matrix", email: "matrix@example.test" },
  "portal.profile.setTexts": { slug: "green-lawn", allow: true },
  // Off: always possible (on is refused while the customer's texts are off).
  "portal.profile.setOffers": { slug: "green-lawn", allow: false },
  "portal.loyalty.summary": { slug: "green-lawn" },
  "portal.loyalty.redeem": { slug: "green-lawn", rewardId: NO_ID },
  // Loyalty: settings and a new reward really save; the ids exist nowhere.
  "tenant.loyalty.updateSettings": {
    enabled: true,
    pointsPerDollar: 1,
    pointsPerVisit: 10,
    reviewBonus: 50,
    referralBonus: 100,
    expiryMonths: 12,
    tiers: [{ name: "Gold", minPoints: 1000 }],
  },
  "tenant.loyalty.createReward": {
    name: "Access matrix $5 off",
    kind: "money_off",
    pointsCost: 500,
    amountCents: 500,
    addOnId: null,
  },
  "tenant.loyalty.updateReward": {
    id: NO_ID,
    name: "Access matrix",
    kind: "money_off",
    pointsCost: 100,
    amountCents: 500,
    addOnId: null,
  },
  "tenant.loyalty.customer": { customerId: NO_ID },
  // Automations: the settings really save (review requests on, with a link).
  "tenant.automations.update": {
    reviewRequestsEnabled: true,
    reviewLink: "https://g.page/r/access-matrix/review",
    reviewDelayMinutes: 120,
    rebookRemindersEnabled: false,
  },
  "tenant.loyalty.adjust": { customerId: NO_ID, kind: "adjust", points: 10, reason: "Access matrix" },
  // Campaigns: a draft really saves; the others name a campaign that doesn't exist.
  // Retention (issue 16): windows set, a customer that exists nowhere, a hold lifted that is not on (no change).
  "tenant.retention.update": { messageMonths: 24, recordingMonths: null, cancelledDeletionDays: null },
  "tenant.customers.erase": { customerId: NO_ID, confirmation: "Nobody" },
  "admin.retention.get": { tenantId: "green-lawn" },
  "admin.retention.setLegalHold": { tenantId: "green-lawn", on: false },
  "tenant.campaigns.list": {},
  "tenant.campaigns.templates": undefined,
  "tenant.campaigns.get": { id: NO_ID },
  "tenant.campaigns.results": { id: NO_ID },
  "tenant.campaigns.audiencePreview": { audience: { lastVisitMoreThanDays: 60 }, body: "Hi {first_name}!" },
  "tenant.campaigns.create": { name: "Access matrix", body: "Hi {first_name}, 10% off this week.", audience: {} },
  "tenant.campaigns.update": { id: NO_ID, name: "Access matrix", body: "Hi {first_name}!", audience: {} },
  "tenant.campaigns.schedule": { id: NO_ID, sendAt: "now" },
  "tenant.campaigns.pause": { id: NO_ID },
  "tenant.campaigns.resume": { id: NO_ID },
  "tenant.campaigns.cancel": { id: NO_ID },
  "tenant.exports.create": undefined,
  "tenant.exports.status": { id: NO_ID },
  "tenant.exports.list": undefined,
  "admin.exports.create": { tenantId: "green-lawn" },
  "tenant.loyalty.redeem": { customerId: NO_ID, rewardId: NO_ID },
  "tenant.loyalty.cancelRedemption": { redemptionId: NO_ID },
  // Imports: create makes one (no file); the others name an import that exists nowhere.
  "tenant.imports.list": {},
  "tenant.imports.status": { id: NO_ID },
  "tenant.imports.create": { kind: "customers", preset: "jobber", fileName: "clients.csv" },
  "tenant.imports.preview": { id: NO_ID },
  "tenant.imports.run": { id: NO_ID },
  "tenant.imports.setMapping": { importId: NO_ID, mapping: { phone: ["Phone"] } },
};

/** Portal procedures that need a customer's session: every staff caller is signed out there. */
const PORTAL_SIGNED_IN_ONLY = [
  "portal.auth.signOutEverywhere",
  "portal.me",
  "portal.appointments.list",
  "portal.appointments.availability",
  "portal.appointments.rebook",
  "portal.appointments.reschedule",
  "portal.appointments.cancel",
  "portal.assets.list",
  "portal.assets.create",
  "portal.assets.update",
  "portal.profile.update",
  "portal.profile.setTexts",
  "portal.profile.setOffers",
  "portal.loyalty.summary",
  "portal.loyalty.redeem",
];

// Procedures whose success is not "200" for a caller who may call them (they are about credentials).
// Those given an id that exists nowhere answer "not found" once access is granted.
export const OUTCOME_OVERRIDES: Record<string, number> = {
  "auth.login": 401,
  "admin.telephony.markReviewed": 404,
  "tenant.inbox.thread": 404,
  "tenant.campaigns.get": 404,
  "tenant.campaigns.results": 404,
  "tenant.campaigns.update": 404,
  "tenant.campaigns.schedule": 404,
  "tenant.campaigns.pause": 404,
  "tenant.campaigns.resume": 404,
  "tenant.campaigns.cancel": 404,
  "tenant.exports.status": 404,
  "tenant.imports.status": 404,
  "tenant.imports.preview": 404,
  "tenant.imports.run": 404,
  "tenant.imports.setMapping": 404,
  "tenant.inbox.reply": 404,
  "tenant.inbox.resolveConsentReview": 404,
  "tenant.agent.thread": 404,
  "tenant.agent.sendDraft": 404,
  "tenant.agent.dismissDraft": 404,
  "tenant.agent.resume": 404,
  "tenant.agent.resolveHandoff": 404,
  "tenant.catalog.updateService": 404,
  "tenant.catalog.archiveService": 404,
  "tenant.catalog.updateAddOn": 404,
  "tenant.catalog.updateFaq": 404,
  // The demo businesses run the newest version of their pack, so an upgrade is refused as already done.
  "tenant.pack.applyUpgrade": 409,
  "tenant.customers.get": 404,
  "tenant.customers.update": 404,
  "tenant.customers.addAsset": 404,
  "tenant.customers.updateAsset": 404,
  "tenant.customers.archiveAsset": 404,
  "tenant.customers.setMarketingConsent": 404,
  "tenant.customers.mergePreview": 404,
  "tenant.customers.merge": 404,
  "tenant.customers.unmerge": 404,
  "tenant.customers.dismissDuplicate": 404,
  "tenant.customers.erase": 404,
  "tenant.team.update": 404,
  "tenant.team.addTimeOff": 404,
  "tenant.team.removeTimeOff": 404,
  "onboarding.inspect": 404,
  "onboarding.complete": 404,
  "tenant.appointments.availability": 404,
  "tenant.appointments.get": 404,
  "tenant.appointments.create": 404,
  "tenant.appointments.reschedule": 404,
  "tenant.appointments.cancel": 404,
  "tenant.appointments.complete": 404,
  "tenant.appointments.noShow": 404,
  "tenant.appointments.confirm": 404,
  "tenant.appointments.createSeries": 404,
  "tenant.appointments.cancelSeries": 404,
  "booking.availability": 404,
  "booking.create": 404,
  // No code or link was sent to these: "expired, ask for a new one".
  "portal.auth.verifyCode": 400,
  "portal.auth.redeemLink": 400,
  ...Object.fromEntries(PORTAL_SIGNED_IN_ONLY.map((path) => [path, 401])),
  "tenant.loyalty.updateReward": 404,
  "tenant.loyalty.customer": 404,
  "tenant.loyalty.adjust": 404,
  "tenant.loyalty.redeem": 404,
  "tenant.loyalty.cancelRedemption": 404,
};

/**
 * The answer to an allowed caller after an earlier allowed caller's call succeeded with the same
 * sample: the first staff member adds the customer, the next one is told the number is taken.
 */
export const REPEAT_OUTCOMES: Record<string, number> = {
  "tenant.customers.create": 409,
  // One code or link per number per 30 seconds, whoever asks.
  "portal.auth.requestCode": 429,
  "portal.auth.requestLink": 429,
};

/**
 * Inputs that ask for what a plan-gated procedure's meta declares (meta.feature, or every one of
 * meta.targetFeatures), for the plan-gate rows of the access matrix; a gated procedure not listed
 * here is called with its SAMPLE_INPUTS. A sample with a top-level `planTier` sets up a business
 * of its own, and the matrix gives it each tier in turn; otherwise the tier is Green Lawn Co's.
 */
export const GATE_SAMPLE_INPUTS: Record<string, unknown> = {
  // Green Lawn Co's own number (seeded), switched to the AI receptionist.
  "admin.phoneNumbers.update": { phoneNumber: "+15555550101", ivrMode: "ai-voice" },
  "admin.concierge.provision": {
    ...CONCIERGE_SETUP,
    idempotencyKey: "00000000-0000-4000-8000-00000000c0c2",
    businessName: "Plan Gate Lawns",
    slug: "plan-gate-lawns",
    owner: { name: "Gus Gate", email: "gus@plan-gate.example", phone: "+15125550191" },
    phoneNumber: "+15555550179",
    ivrMode: "ai-voice",
  },
};
