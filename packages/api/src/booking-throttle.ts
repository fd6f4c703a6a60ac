// Rate limits of the public booking page (`booking.*`): per client address for everything, and per
// phone number for bookings, so neither a script nor one person can fill a business's calendar.
// Kept in this process's memory, unlike the sign-in throttle (shared-limits.ts): a restart forgets,
// and several server processes each count their own share. Refusals carry Retry-After all the same.
import { rateLimited } from "@servicepro/errors";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export type BookingLimits = {
  /** Page and availability reads per address per minute. */
  readsPerAddressPerMinute: number;
  /** Booking attempts per address per hour (shared connections: a shop's wifi, a carrier NAT). */
  bookingsPerAddressPerHour: number;
  /** Booking attempts per phone number per hour. */
  bookingsPerPhonePerHour: number;
};

export const BOOKING_LIMITS: BookingLimits = {
  readsPerAddressPerMinute: 120,
  bookingsPerAddressPerHour: 20,
  bookingsPerPhonePerHour: 10,
};

const tooMany = (res: RateLimiterRes, what: string) => {
  const minutes = Math.max(1, Math.ceil(res.msBeforeNext / 60_000));
  return rateLimited(
    `Too many ${what} in a short time. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or call the business.`,
    res.msBeforeNext / 1000,
  );
};

export function createBookingThrottle(limits: BookingLimits = BOOKING_LIMITS) {
  const reads = new RateLimiterMemory({
    keyPrefix: "booking-read",
    points: limits.readsPerAddressPerMinute,
    duration: 60,
  });
  const perAddress = new RateLimiterMemory({
    keyPrefix: "booking-address",
    points: limits.bookingsPerAddressPerHour,
    duration: 3600,
  });
  const perPhone = new RateLimiterMemory({
    keyPrefix: "booking-phone",
    points: limits.bookingsPerPhonePerHour,
    duration: 3600,
  });
  // consume() rejects with a RateLimiterRes once the limit is passed: that is the refusal, not an error.
  const consume = async (limiter: RateLimiterMemory, key: string, what: string) => {
    try {
      await limiter.consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw tooMany(error, what);
      throw error;
    }
  };
  return {
    /** A page or availability read from `ip`; refused with 429 past the limit. */
    async read(ip: string | undefined): Promise<void> {
      if (ip) await consume(reads, ip, "requests");
    },
    /** A booking attempt from `ip` for `phone` (E.164); refused with 429 past either limit. */
    async book(ip: string | undefined, phone: string): Promise<void> {
      if (ip) await consume(perAddress, ip, "bookings from this connection");
      await consume(perPhone, phone, "bookings for this phone number");
    },
  };
}

export type BookingThrottle = ReturnType<typeof createBookingThrottle>;
