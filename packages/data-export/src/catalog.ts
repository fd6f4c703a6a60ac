// What an export holds: one entry per kind of record, each a table of the business's (or, for the
// audit log, the rows about it), its columns with the sentence the README gives each, and how the
// value is read. Every kind is read page by page, seeking on its primary key (export.ts), so no
// table is ever held in memory. Tenant-owned tables a kind does not cover are listed in
// NOT_EXPORTED with the reason, and a test fails when a table is in neither list.

/** How a column's value is read and written: the SQL that reads it and how each format shows it. */
export type ColumnType = "text" | "int" | "float" | "bool" | "timestamp" | "json" | "array";

export type ExportColumn = {
  /** The header in the CSV and the key in the JSON Lines (the database column's name). */
  name: string;
  /** The README's sentence for it. */
  description: string;
  type: ColumnType;
  /** The SQL expression that reads it (default: the column of the same name). */
  sql?: string;
};

/** A seek key column: the primary key after tenant_id, in order, with its SQL type for the cursor. */
export type KeyColumn = { column: string; type: "uuid" | "text" | "timestamptz" };

export type ExportKind = {
  /** File name without extension: `<key>.csv`, `<key>.jsonl`. */
  key: string;
  /** The Prisma model(s) whose rows it holds (the completeness test reads these). */
  models: readonly string[];
  table: string;
  title: string;
  description: string;
  columns: readonly ExportColumn[];
  /** The seek order: the table's primary key after tenant_id (audit log: its tenant index). */
  keys: readonly KeyColumn[];
  /**
   * `tenant`: read in a transaction with app.tenant_id set (row-level security applies) and
   * `tenant_id = $1`. `platform`: the audit log, which has no tenant policy (the app role may only
   * append to it): read as the platform role, restricted to the rows whose target is the business.
   */
  scope: "tenant" | "platform";
  /** The SQL condition that selects the business's rows ($1 is the tenant id). */
  where?: string;
};

const col = (name: string, type: ColumnType, description: string, sql?: string): ExportColumn =>
  sql ? { name, type, description, sql } : { name, type, description };

const id = (what: string) => col("id", "text", `The ${what}'s id (a UUID); other files refer to it.`);
const createdAt = col("created_at", "timestamp", "When the record was created (UTC, ISO 8601).");
const updatedAt = col("updated_at", "timestamp", "When the record was last changed (UTC, ISO 8601).");
const customerId = col("customer_id", "text", "The customer (customers.csv id).");
const byId: readonly KeyColumn[] = [{ column: "id", type: "uuid" }];

export const EXPORT_KINDS: readonly ExportKind[] = [
  {
    key: "customers",
    models: ["Customer"],
    table: "customers",
    title: "Customers",
    description: "Every customer record: contact details, notes, tags and lifetime figures.",
    keys: byId,
    scope: "tenant",
    columns: [
      id("customer"),
      col("phone", "text", "Primary phone number, E.164 (+15125550100)."),
      col("alt_phones", "array", "Other phone numbers, E.164."),
      col("name", "text", "The customer's name, as recorded."),
      col("email", "text", "Email address."),
      col("address", "text", "Where the work happens (one line)."),
      col("notes", "text", "Staff notes."),
      col("tags", "array", "Tags."),
      col("source", "text", "How the customer first reached the business (sms, call, booking_page, import, …)."),
      col("last_seen_at", "timestamp", "Last contact of any kind."),
      col("last_visit_at", "timestamp", "Last completed visit."),
      col("visit_count", "int", "Completed visits."),
      col("lifetime_spend_cents", "int", "Total spent on completed visits, in cents."),
      col("points_balance", "int", "Loyalty points available now."),
      col("points_earned", "int", "Loyalty points ever earned."),
      createdAt,
      updatedAt,
    ],
  },
  {
    key: "assets",
    models: ["Asset"],
    table: "assets",
    title: "Assets",
    description: "What the work is done on: vehicles, pets, properties.",
    keys: byId,
    scope: "tenant",
    columns: [
      id("asset"),
      customerId,
      col("kind", "text", "vehicle, pet or property."),
      col("label", "text", "How it is shown (“2021 Toyota RAV4 (blue)”)."),
      col("details", "json", "The kind's fields (make, model, breed, …) as JSON."),
      col("size_class", "text", "The size class prices and durations depend on."),
      col("notes", "text", "Staff notes."),
      col("archived_at", "timestamp", "When it was archived (empty: in use)."),
      createdAt,
      updatedAt,
    ],
  },
  {
    key: "appointments",
    models: ["Appointment"],
    table: "appointments",
    title: "Appointments",
    description: "Every appointment, past and future, with its price, status and notes.",
    keys: byId,
    scope: "tenant",
    columns: [
      id("appointment"),
      customerId,
      col("service_id", "text", "The service (services.csv id)."),
      col("asset_id", "text", "The asset worked on (assets.csv id), if any."),
      col("bookable_id", "text", "The staff member or resource it was booked with."),
      col("series_id", "text", "The repeating series it belongs to, if any."),
      col("add_on_ids", "array", "Add-ons booked with it (add-ons.csv ids)."),
      col("starts_at", "timestamp", "Start (UTC)."),
      col("ends_at", "timestamp", "End (UTC)."),
      col("status", "text", "booked, confirmed, completed, cancelled or no_show."),
      col("duration_minutes", "int", "Duration in minutes."),
      col("price_cents", "int", "Fixed price in cents (empty for a range or a quote)."),
      col("price_min_cents", "int", "Lowest price of a range, in cents."),
      col("price_max_cents", "int", "Highest price of a range, in cents."),
      col("deposit_cents", "int", "Deposit asked, in cents."),
      col("cancellation_fee_cents", "int", "Cancellation fee, in cents."),
      col("late_change_fee_cents", "int", "Fee for a late change, in cents."),
      col("customer_notes", "text", "What the customer said about the job."),
      col("staff_notes", "text", "Staff notes."),
      col("booked_by", "text", "Who booked it (staff, customer, ai_agent, …)."),
      col("confirmed_at", "timestamp", "When it was confirmed."),
      col("cancelled_at", "timestamp", "When it was cancelled."),
      col("cancel_reason", "text", "Why it was cancelled."),
      col("completed_at", "timestamp", "When it was completed."),
      createdAt,
      updatedAt,
    ],
  },
  {
    key: "services",
    models: ["Service"],
    table: "services",
    title: "Services",
    description: "The services the business sells, with durations and prices.",
    keys: byId,
    scope: "tenant",
    columns: [
      id("service"),
      col("name", "text", "Name."),
      col("description", "text", "Description."),
      col("duration_minutes", "int", "Duration in minutes."),
      col("price_cents", "int", "Fixed price in cents."),
      col("price_min_cents", "int", "Lowest price of a range, in cents."),
      col("price_max_cents", "int", "Highest price of a range, in cents."),
      col("price_depends_on", "text", "What the price depends on."),
      col("quote_only", "bool", "Priced on site, not bookable online."),
      col("asset_kind", "text", "The kind of asset the work is done on."),
      col("size_adjustments", "json", "What each size class adds, as JSON."),
      col("booking_rules", "json", "When it can be booked, as JSON."),
      col("position", "int", "Order in the list."),
      col("active", "bool", "Offered now."),
      createdAt,
      updatedAt,
    ],
  },
  {
    key: "add-ons",
    models: ["AddOn"],
    table: "add_ons",
    title: "Add-ons",
    description: "Add-ons and upsells offered with services.",
    keys: byId,
    scope: "tenant",
    columns: [
      id("add-on"),
      col("name", "text", "Name."),
      col("description", "text", "Description."),
      col("duration_minutes", "int", "Extra minutes."),
      col("price_cents", "int", "Price in cents."),
      col("service_ids", "array", "Services it is offered with (empty: any)."),
      col("offer_when", "text", "When to offer it."),
      col("position", "int", "Order in the list."),
      col("active", "bool", "Offered now."),
      createdAt,
      updatedAt,
    ],
  },
  {
    key: "campaigns",
    models: ["Campaign"],
    table: "campaigns",
    title: "Campaigns",
    description: "Marketing text campaigns: the text, the audience and what happened.",
    keys: byId,
    scope: "tenant",
    columns: [
      id("campaign"),
      col("name", "text", "Name."),
      col("body", "text", "The text sent."),
      col("audience", "json", "The audience filter, as JSON."),
      col("status", "text", "draft, scheduled, sending, paused, completed or cancelled."),
      col("scheduled_at", "timestamp", "When sending was to start."),
      col("started_at", "timestamp", "When sending started."),
      col("completed_at", "timestamp", "When the last text went."),
      col("cancelled_at", "timestamp", "When it was cancelled."),
      col("recipient_count", "int", "Recipients when it started."),
      createdAt,
      updatedAt,
    ],
  },
  {
    key: "campaign-sends",
    models: ["CampaignSend"],
    table: "campaign_sends",
    title: "Campaign sends",
    description: "One row per campaign recipient: whether the text went, and why not.",
    keys: [
      { column: "campaign_id", type: "uuid" },
      { column: "customer_id", type: "uuid" },
    ],
    scope: "tenant",
    columns: [
      col("campaign_id", "text", "The campaign (campaigns.csv id)."),
      customerId,
      col("phone", "text", "The number it went to, E.164."),
      col("from_number", "text", "The number it went from."),
      col("status", "text", "queued, sending, sent, skipped or failed."),
      col("status_reason", "text", "Why it was skipped or failed (opted_out, no_consent, …)."),
      col("message_id", "text", "The text sent (messages.csv id)."),
      col("sent_at", "timestamp", "When it was sent."),
    ],
  },
  {
    key: "loyalty-entries",
    models: ["LoyaltyEntry"],
    table: "loyalty_entries",
    title: "Loyalty ledger: points",
    description: "Every change to a customer's points, with the balance after it.",
    keys: byId,
    scope: "tenant",
    columns: [
      id("entry"),
      customerId,
      col("kind", "text", "earn_visit, redeem, refund, adjust, import, …"),
      col("points", "int", "Points added (negative: taken)."),
      col("balance_after", "int", "The customer's balance after this entry."),
      col("appointment_id", "text", "The visit that earned them, if any."),
      col("redemption_id", "text", "The redemption (loyalty-redemptions.csv id), if any."),
      col("reason", "text", "Why (for adjustments)."),
      col("actor_kind", "text", "Who made the change."),
      createdAt,
    ],
  },
  {
    key: "loyalty-redemptions",
    models: ["LoyaltyRedemption"],
    table: "loyalty_redemptions",
    title: "Loyalty ledger: redemptions",
    description: "Rewards customers redeemed for points.",
    keys: byId,
    scope: "tenant",
    columns: [
      id("redemption"),
      customerId,
      col("reward_id", "text", "The reward (loyalty-rewards.csv id)."),
      col("reward_name", "text", "The reward's name when redeemed."),
      col("kind", "text", "money_off, free_add_on, …"),
      col("amount_cents", "int", "Money off, in cents."),
      col("add_on_id", "text", "The free add-on, if any."),
      col("points_cost", "int", "Points it cost."),
      col("status", "text", "open, applied or cancelled."),
      col("appointment_id", "text", "The appointment it was applied to."),
      col("actor_kind", "text", "Who redeemed it."),
      createdAt,
      col("applied_at", "timestamp", "When it was applied."),
      col("cancelled_at", "timestamp", "When it was cancelled (points refunded)."),
    ],
  },
  {
    key: "loyalty-rewards",
    models: ["LoyaltyReward"],
    table: "loyalty_rewards",
    title: "Loyalty rewards",
    description: "The rewards on offer.",
    keys: byId,
    scope: "tenant",
    columns: [
      id("reward"),
      col("name", "text", "Name."),
      col("kind", "text", "money_off, free_add_on, …"),
      col("points_cost", "int", "Points it costs."),
      col("amount_cents", "int", "Money off, in cents."),
      col("add_on_id", "text", "The free add-on, if any."),
      col("active", "bool", "Offered now."),
      createdAt,
      updatedAt,
    ],
  },
  {
    key: "conversations",
    models: ["Conversation"],
    table: "conversations",
    title: "Conversations",
    description: "One text thread per customer; messages.csv holds its texts.",
    keys: byId,
    scope: "tenant",
    columns: [
      id("conversation"),
      customerId,
      col("tenant_number", "text", "The business's number the customer writes to."),
      col("last_message_at", "timestamp", "When the last text was."),
      createdAt,
    ],
  },
  {
    key: "messages",
    models: ["Message"],
    table: "messages",
    title: "Messages (SMS log)",
    description: "Every text in and out, with its delivery status.",
    keys: byId,
    scope: "tenant",
    columns: [
      id("message"),
      col("conversation_id", "text", "The thread (conversations.csv id)."),
      col("direction", "text", "inbound or outbound."),
      col("body", "text", "The text."),
      col("from_number", "text", "From, E.164."),
      col("to_number", "text", "To, E.164."),
      col("twilio_sid", "text", "The carrier's message id (Twilio SID)."),
      col("kind", "text", "What it was (inbound, staff_reply, reminder, campaign, ai_reply, …)."),
      col("status", "text", "Delivery status (queued, sent, delivered, failed, received, …)."),
      col("error_code", "int", "The carrier's error code when it failed."),
      col("error_message", "text", "The carrier's error message when it failed."),
      col("media", "json", "Pictures and files sent with it: [{ url, contentType }]."),
      createdAt,
      updatedAt,
    ],
  },
  {
    key: "calls",
    models: ["Call"],
    table: "calls",
    title: "Calls (voice log)",
    description: "Every phone call, what became of it, and its recording and voicemail transcription.",
    keys: byId,
    scope: "tenant",
    columns: [
      id("call"),
      col("call_sid", "text", "The carrier's call id (Twilio SID)."),
      customerId,
      col("from_number", "text", "Caller, E.164."),
      col("to_number", "text", "The business's number called."),
      col("direction", "text", "inbound, or outbound-dial for a forwarded leg."),
      col("ivr_mode", "text", "How it was answered (forward, menu, ai-voice, voicemail)."),
      col("outcome", "text", "What became of it (answered, missed, voicemail, …)."),
      col("twilio_status", "text", "The carrier's last call status."),
      col("menu_selection", "text", "What the caller chose at the menu."),
      col("forwarded_to", "text", "Where it was forwarded."),
      col("duration_seconds", "int", "Length in seconds."),
      col("recording_url", "text", "Link to the recording at the carrier (Twilio; add .mp3 to download)."),
      col("recording_sid", "text", "The carrier's recording id."),
      col("recording_duration_seconds", "int", "Recording length in seconds."),
      col("transcription", "text", "The voicemail's transcription."),
      col("caller_name", "text", "Caller name from the carrier lookup."),
      col("started_at", "timestamp", "When it started."),
      col("ended_at", "timestamp", "When it ended."),
    ],
  },
  {
    key: "sms-consent-events",
    models: ["SmsConsentEvent"],
    table: "sms_consent_events",
    title: "Consent ledger: every change",
    description: "Every opt-in and opt-out, with its evidence (the legal record of consent).",
    keys: byId,
    scope: "tenant",
    columns: [
      id("event"),
      col("phone", "text", "The number, E.164."),
      col("state", "text", "opted_in or opted_out."),
      col("source", "text", "How it was given (keyword, web form, staff, import, …)."),
      col("purpose", "text", "transactional or marketing texts."),
      col("evidence", "json", "The evidence: the text received, the wording shown, who recorded it."),
      createdAt,
    ],
  },
  {
    key: "sms-consents",
    models: ["SmsConsent"],
    table: "sms_consents",
    title: "Consent: texts, now",
    description: "The current text-message consent of each number that has one on record.",
    keys: [{ column: "phone", type: "text" }],
    scope: "tenant",
    columns: [
      col("phone", "text", "The number, E.164."),
      col("state", "text", "opted_in or opted_out."),
      col("source", "text", "How it was given."),
      updatedAt,
    ],
  },
  {
    key: "marketing-consents",
    models: ["MarketingConsent"],
    table: "marketing_consents",
    title: "Consent: marketing, now",
    description: "The current marketing consent of each number (no row: never asked).",
    keys: [{ column: "phone", type: "text" }],
    scope: "tenant",
    columns: [
      col("phone", "text", "The number, E.164."),
      col("state", "text", "opted_in or opted_out."),
      col("source", "text", "How it was given."),
      updatedAt,
    ],
  },
  {
    key: "audit-log",
    models: ["AuditLog"],
    table: "audit_logs",
    title: "Audit log",
    description: "Security-relevant events about the business: sign-ins, changes, exports, support access.",
    keys: [
      { column: "created_at", type: "timestamptz" },
      { column: "id", type: "uuid" },
    ],
    scope: "platform",
    where: "target_tenant_id = $1",
    columns: [
      id("event"),
      createdAt,
      col("action", "text", "What happened (login, impersonation_start, data_export_created, …)."),
      col("outcome", "text", "success or failure."),
      col("actor_user_id", "text", "The user who did it."),
      col(
        "by_platform",
        "bool",
        "Done by ServicePro's platform owner (support), not the business's own staff.",
        "(actor_tenant_id IS NULL)",
      ),
      col("object_type", "text", "What it was done to."),
      col("object_id", "text", "Its id."),
      // Addresses are the business's own staff's; the platform owner's are not the business's to keep.
      col(
        "ip",
        "text",
        "The address it came from (the business's own staff only).",
        "CASE WHEN actor_tenant_id = $1 THEN ip END",
      ),
      col("details", "json", "More about it, as JSON."),
    ],
  },
];

/**
 * Tenant-owned tables no file holds, and why. With EXPORT_KINDS this names every model in
 * TENANT_OWNED_MODELS (a test checks), so a new table is either exported or listed here.
 */
export const NOT_EXPORTED: Readonly<Record<string, string>> = {
  Membership: "Sign-in accounts and roles, not business records; they are listed in the dashboard's Team page.",
  TenantPhoneConfig: "Phone number and menu set-up (platform configuration, not data).",
  Faq: "Set-up content for the AI receptionist, edited in the dashboard.",
  PackInstall: "Which industry pack the business started from (platform configuration).",
  WebsiteDraft: "The booking website's draft (platform configuration).",
  BookingSettings: "Opening hours and booking rules (settings, not records).",
  Bookable: "Staff and resource calendars (settings); appointments.csv names them by id.",
  TimeOff: "Calendar blocks (settings).",
  AppointmentEvent: "The internal status history of appointments; appointments.csv holds each one's outcome.",
  AppointmentSeries: "Repeat rules; each appointment of a series is in appointments.csv.",
  AppointmentReminder: "Scheduled reminder jobs; the texts sent are in messages.csv.",
  TwilioEvent: "Raw carrier webhooks (an internal queue, deleted once applied); their effect is in messages and calls.",
  AgentSettings: "AI receptionist settings.",
  AgentThread: "The AI receptionist's working memory; the texts it sent are in messages.csv.",
  AgentRun: "The AI receptionist's internal run log.",
  CustomerSession: "Customer portal sign-in sessions (security tokens).",
  PortalChallenge: "Customer portal one-time codes (security tokens).",
  LoyaltySettings: "Loyalty programme settings.",
  AutomationSettings: "Automatic text settings.",
  ReviewRequest: "Scheduled review-request jobs; the texts sent are in messages.csv.",
  CampaignSenderPace: "The campaign sender's pacing clock (internal).",
  RebookReminder: "Scheduled rebook-reminder jobs; the texts sent are in messages.csv.",
  DataExport: "The exports themselves.",
  CustomerMerge:
    "Undo records of customer merges (snapshots taken for the undo); the merged records are in customers.csv and each merge is in audit-log.csv.",
  CustomerDuplicateDismissal: "Pairs marked 'not the same person' (a setting of the duplicate finder).",
  RetentionSettings: "Retention windows (settings).",
  DataDeletion: "The deletion log; every deletion, with its counts, is also in audit-log.csv.",
  DataImport: "Import runs (file names, counts, problems); every imported record is in its own file.",
  ImportKey: "Which source row made which record (the guard against importing a row twice; internal).",
};

/** Rows read per page: big enough to amortise a round trip, small enough to stay flat in memory. */
export const PAGE_SIZE = 1_000;

/** The select list of a kind: its columns, then its keys as k0, k1… (the cursor). */
function selectList(kind: ExportKind): string {
  const columns = kind.columns.map((column) => `${readSql(column)} AS "${column.name}"`);
  const keys = kind.keys.map((key, i) => `${keySql(key)} AS k${i}`);
  return [...columns, ...keys].join(", ");
}

/** Timestamps and arrays are read as text and JSON so both engines return them alike. */
function readSql(column: ExportColumn): string {
  const expr = column.sql ?? `"${column.name}"`;
  if (column.type === "timestamp") return `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  if (column.type === "array") return `to_jsonb(${expr})`;
  if (column.type === "text") return `${expr}::text`;
  return expr;
}

/** A key read back as text (timestamps with microseconds, so the seek loses nothing). */
const keySql = (key: KeyColumn) =>
  key.type === "timestamptz"
    ? `to_char("${key.column}" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`
    : `"${key.column}"::text`;

/**
 * One page of a kind: `$1` the tenant; with a cursor, `$2…` the last row's keys. Statement texts
 * come only from the catalog (never from input), so they can be kept prepared.
 */
export function pageSql(kind: ExportKind, withCursor: boolean): string {
  const where = [kind.where ?? "tenant_id = $1"];
  if (withCursor) {
    const keys = kind.keys.map((key) => `"${key.column}"`).join(", ");
    const values = kind.keys
      .map((key, i) =>
        key.type === "timestamptz" ? `($${i + 2}::timestamp AT TIME ZONE 'UTC')` : `$${i + 2}::${key.type}`,
      )
      .join(", ");
    where.push(`(${keys}) > (${values})`);
  }
  // Qualified: ORDER BY would otherwise take the select list's text-cast column of the same name
  // and sort the whole table instead of reading the primary key's index in order.
  const order = kind.keys.map((key) => `"${kind.table}"."${key.column}"`).join(", ");
  return `SELECT ${selectList(kind)} FROM "${kind.table}" WHERE ${where.join(" AND ")} ORDER BY ${order} LIMIT ${PAGE_SIZE}`;
}

/** How many rows a kind has for the business (the progress bar's total). */
export const countSql = (kind: ExportKind): string =>
  `SELECT count(*)::int AS n FROM "${kind.table}" WHERE ${kind.where ?? "tenant_id = $1"}`;
