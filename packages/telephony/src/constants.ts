// Constants only (no zod), cheap to import in the browser.

export const IVR_MODES = ["forward", "menu", "ai-voice", "voicemail"] as const;
export type IvrMode = (typeof IVR_MODES)[number];

export const IVR_MODE_LABELS: Record<IvrMode, string> = {
  forward: "Forward to the business, then voicemail",
  menu: "Menu (1 booking link, 2 the business, 3 hours and address, 0 voicemail)",
  "ai-voice": "AI receptionist",
  voicemail: "Straight to voicemail",
};

export const AFTER_HOURS_MODES = ["voicemail", "forward", "menu"] as const;
export type AfterHoursMode = (typeof AFTER_HOURS_MODES)[number];

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Weekdays as people read (and the IVR says) them. */
export const WEEKDAY_NAMES: Readonly<Record<Weekday, string>> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

/** Opening hours per weekday, as ["HH:MM", "HH:MM"] ranges in the tenant's time zone. A missing day is closed. */
export type BusinessHours = Partial<Record<Weekday, [string, string][]>>;

export const CALL_OUTCOME_LABELS = {
  in_progress: "In progress",
  answered: "Answered",
  forwarded: "Forwarded",
  voicemail: "Voicemail",
  missed: "Missed",
  "ai-handled": "AI receptionist",
} as const;
export type CallOutcome = keyof typeof CALL_OUTCOME_LABELS;
