/**
 * Phone numbers as Twilio speaks them: E.164 ("+15555550100"). Customers are keyed by the
 * normalized number, so "(555) 555-0100", "555.555.0100" and "+1 555 555 0100" are one person.
 * North American numbers without a country code are assumed (the platform's market today).
 */
export function normalizePhone(input: string): string | null {
  const trimmed = input.trim();
  // Only digits and the usual separators: letters or other marks mean it is not a plain number
  // ("555a555b0100", "whatsapp:+15555550100", "1-800-FLOWERS" are not silently reduced to digits).
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/[^\d]/g, "");
  // +1 / 1 / no country code: a North American number, whose area code and exchange start with 2–9.
  const nanp = (ten: string) => (/^[2-9]\d{2}[2-9]\d{6}$/.test(ten) ? `+1${ten}` : null);
  if (trimmed.startsWith("+")) {
    if (digits.startsWith("1")) return digits.length === 11 ? nanp(digits.slice(1)) : null;
    return /^[1-9]\d{7,14}$/.test(digits) ? `+${digits}` : null;
  }
  if (digits.length === 10) return nanp(digits);
  if (digits.length === 11 && digits.startsWith("1")) return nanp(digits.slice(1));
  return null;
}

export const E164_PATTERN = /^\+[1-9]\d{7,14}$/;

export const isE164 = (value: string): boolean => E164_PATTERN.test(value);

/** "+15555550100" → "(555) 555-0100" for North American numbers; others unchanged. */
export function formatPhone(e164: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : e164;
}
