// When two customer records are the same person (issue 16, section 2). Pure: plain data in, plain
// data out. The duplicate finder (duplicates.ts) finds same-name candidates in SQL with the same
// name key (customer_name_key() in the customer_master_merges migration; test/keys.test.ts checks
// the two agree), then judges each pair here.
//
// Two levels:
// - certain: the same phone (primary or other, normalised to E.164) or the same email (case-folded).
//   A phone or an email reaches one person's texts or inbox, so sharing one is the same record.
// - likely: the same name and the same street, or the same name and an email one typo away. Offered
//   to staff for review, never merged without a person saying so.
//
// Gmail-style addresses ("j.o.h.n+shop@gmail.com" = "john@gmail.com") are NOT certain: Gmail
// delivers them to one mailbox, but one mailbox is often shared (a couple, a family using +tags),
// and other providers treat dots and "+" as different addresses. So equal Gmail mailboxes with
// different spellings count only as a likely signal, and only with the same name.
import { normalizePhone } from "@servicepro/validators";

export type MatchFields = {
  phone: string;
  altPhones?: readonly string[] | null;
  email?: string | null;
  name?: string | null;
  address?: string | null;
};

export type MatchReason =
  /** A phone of one is a phone of the other. */
  | "phone"
  /** The same email, letter case aside. */
  | "email"
  /** The same name key and the same street key. */
  | "name_street"
  /** The same name key and emails one typo apart (or one Gmail mailbox spelled two ways). */
  | "name_email_typo";

export type MatchLevel = "certain" | "likely";

export type Match = { level: MatchLevel; reasons: MatchReason[] };

const CERTAIN: ReadonlySet<MatchReason> = new Set(["phone", "email"]);

export const levelOf = (reasons: readonly MatchReason[]): MatchLevel =>
  reasons.some((r) => CERTAIN.has(r)) ? "certain" : "likely";

/**
 * Every phone of a customer in E.164. A number libphonenumber cannot read (an imported test number,
 * a short code) is kept as written, so two records holding the very same string still match.
 */
export function phoneKeys(fields: Pick<MatchFields, "phone" | "altPhones">): Set<string> {
  const keys = new Set<string>();
  for (const raw of [fields.phone, ...(fields.altPhones ?? [])]) {
    const key = normalizePhone(raw) ?? raw.trim();
    if (key) keys.add(key);
  }
  return keys;
}

/** The email as compared for a certain match: trimmed and case-folded; null when empty. */
export function emailKey(email: string | null | undefined): string | null {
  const key = email?.trim().toLowerCase();
  return key ? key : null;
}

// Words and letters only: ASCII so that PostgreSQL (whatever its locale) computes the same key.
const words = (text: string | null | undefined): string[] =>
  (text ?? "")
    // ASCII only (not toLowerCase, which turns the Kelvin sign into "k"): as the SQL's translate().
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((w) => w !== "");

/** The name as compared: lower case, punctuation dropped, words sorted ("Smith, John" = "john smith"). */
export function nameKey(name: string | null | undefined): string | null {
  const list = words(name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return list.length ? list.join(" ") : null;
}

/** Street words written out and abbreviated alike (USPS style). */
export const STREET_WORDS: Readonly<Record<string, string>> = {
  street: "st",
  avenue: "ave",
  av: "ave",
  road: "rd",
  drive: "dr",
  lane: "ln",
  boulevard: "blvd",
  court: "ct",
  place: "pl",
  terrace: "ter",
  highway: "hwy",
  parkway: "pkwy",
  circle: "cir",
  square: "sq",
  apartment: "apt",
  suite: "ste",
  north: "n",
  south: "s",
  east: "e",
  west: "w",
};

/** The street as compared: lower case, punctuation dropped, street words abbreviated ("12 Oak Street." = "12 oak st"). */
export function streetKey(address: string | null | undefined): string | null {
  const list = words(address).map((w) => STREET_WORDS[w] ?? w);
  return list.length ? list.join(" ") : null;
}

/** Levenshtein distance, stopping early once it is over `max` (then returns max + 1). */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Mailbox providers whose misspellings are common enough to know. */
export const KNOWN_DOMAINS = [
  "gmail.com",
  "yahoo.com",
  "hotmail.com",
  "outlook.com",
  "icloud.com",
  "aol.com",
  "comcast.net",
  "live.com",
  "msn.com",
] as const;

/** Misspellings more than one edit away from their provider. */
const DOMAIN_TYPOS: Readonly<Record<string, string>> = {
  "gmial.com": "gmail.com",
  "gamil.com": "gmail.com",
  "gmaill.com": "gmail.com",
  "gnail.com": "gmail.com",
  "gmail.co": "gmail.com",
  "gmail.con": "gmail.com",
  "googlemail.com": "gmail.com",
  "yahooo.com": "yahoo.com",
  "yaho.com": "yahoo.com",
  "hotmial.com": "hotmail.com",
  "hotmal.com": "hotmail.com",
  "outlok.com": "outlook.com",
  "iclod.com": "icloud.com",
};

/** The provider a domain was meant to be: a known misspelling or one edit from a known provider. */
export function intendedDomain(domain: string): string {
  const known = DOMAIN_TYPOS[domain];
  if (known) return known;
  if ((KNOWN_DOMAINS as readonly string[]).includes(domain)) return domain;
  return KNOWN_DOMAINS.find((d) => editDistance(d, domain, 1) === 1) ?? domain;
}

const splitEmail = (key: string): [string, string] | null => {
  const at = key.lastIndexOf("@");
  return at > 0 && at < key.length - 1 ? [key.slice(0, at), key.slice(at + 1)] : null;
};

/** A Gmail mailbox as Gmail delivers it: dots and a "+tag" ignored, googlemail.com = gmail.com. */
export function gmailMailbox(key: string): string | null {
  const parts = splitEmail(key);
  if (!parts) return null;
  const domain = intendedDomain(parts[1]);
  if (domain !== "gmail.com") return null;
  const local = parts[0].split("+")[0]!.replaceAll(".", "");
  return local ? `${local}@gmail.com` : null;
}

/**
 * Two different emails that look like one person's address mistyped: the same domain and local parts
 * one edit apart, the same local part and a misspelt provider, or one Gmail mailbox spelled two ways.
 */
export function emailsOneTypoApart(a: string | null | undefined, b: string | null | undefined): boolean {
  const ka = emailKey(a);
  const kb = emailKey(b);
  if (!ka || !kb || ka === kb) return false;
  const pa = splitEmail(ka);
  const pb = splitEmail(kb);
  if (!pa || !pb) return false;
  if (pa[1] === pb[1] && editDistance(pa[0], pb[0], 1) === 1) return true;
  if (pa[0] === pb[0] && pa[1] !== pb[1] && intendedDomain(pa[1]) === intendedDomain(pb[1])) return true;
  const ga = gmailMailbox(ka);
  return ga !== null && ga === gmailMailbox(kb);
}

/** Whether, and why, two customer records look like one person; null when they do not. */
export function matchCustomers(a: MatchFields, b: MatchFields): Match | null {
  const reasons: MatchReason[] = [];
  const phonesA = phoneKeys(a);
  if ([...phoneKeys(b)].some((p) => phonesA.has(p))) reasons.push("phone");
  const emailA = emailKey(a.email);
  if (emailA && emailA === emailKey(b.email)) reasons.push("email");
  const nameA = nameKey(a.name);
  if (nameA && nameA === nameKey(b.name)) {
    const streetA = streetKey(a.address);
    if (streetA && streetA === streetKey(b.address)) reasons.push("name_street");
    if (emailsOneTypoApart(a.email, b.email)) reasons.push("name_email_typo");
  }
  return reasons.length ? { level: levelOf(reasons), reasons } : null;
}
