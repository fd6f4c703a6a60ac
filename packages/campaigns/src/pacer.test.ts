import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isMessagingService,
  isTollFree,
  maxInWindow,
  nextSlotAfter,
  type SenderNumber,
  senderRate,
  slotDue,
  spacingMs,
} from "./pacer.ts";

const SERVICE = `MG${"a".repeat(32)}`;

/** What the drain does with one sender: at each wake-up, send if the slot is due, then move the slot. */
function simulate(rate: number, ticks: readonly number[]): number[] {
  const sent: number[] = [];
  let nextAt: number | null = null;
  for (const now of ticks) {
    if (!slotDue(nextAt, now)) continue;
    sent.push(now);
    nextAt = nextSlotAfter(now, rate);
  }
  return sent;
}

/** Every window [t, t + windowMs) starting at a send (the fullest window always starts at one). */
function windowCounts(times: readonly number[], windowMs: number): number[] {
  return times.map((start) => times.filter((t) => t >= start && t < start + windowMs).length);
}

/** Rates as the database holds them (numeric(6,2), 0.01–1000), in hundredths, with small integers most likely. */
const hundredths = fc.oneof(
  fc.integer({ min: 1, max: 20 }).map((r) => r * 100),
  fc.integer({ min: 1, max: 100_000 }),
);
const ticks = fc
  .array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 300 })
  .map((list) => [...new Set(list)].sort((a, b) => a - b));

describe("pacer", () => {
  it("should never send more than ceil(W × rate) in any window of W ms, whenever the drain wakes", () => {
    fc.assert(
      fc.property(hundredths, ticks, fc.integer({ min: 1, max: 5_000 }), (rateHundredths, times, windowMs) => {
        const rate = rateHundredths / 100;
        const sent = simulate(rate, times);
        // Integer arithmetic: ceil(W · R / 100 000) with R the rate in hundredths.
        const bound = Math.ceil((windowMs * rateHundredths) / 100_000);
        for (const count of windowCounts(sent, windowMs)) expect(count).toBeLessThanOrEqual(Math.max(bound, 1));
        // In any one second: at most the rate (its ceiling for a fractional rate).
        for (const count of windowCounts(sent, 1000))
          expect(count).toBeLessThanOrEqual(Math.ceil(rateHundredths / 100));
      }),
      { numRuns: 500 },
    );
  });

  it("should send no more than an integer rate in any one-second window, and keep up with it when woken on time", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 10_000 }), (rate, start) => {
        // A drain that wakes exactly at each slot for 60 s.
        const spacing = spacingMs(rate);
        const onTime = Array.from({ length: Math.floor(60_000 / spacing) }, (_, i) => start + i * spacing);
        const sent = simulate(rate, onTime);
        expect(maxInWindow(sent, 1000)).toBeLessThanOrEqual(rate);
        // Rounding the spacing up to whole milliseconds costs at most 1 ms per send: under 5% below 50/s.
        expect(sent.length / 60).toBeGreaterThanOrEqual(rate * 0.95);
      }),
    );
  });

  it("should measure the fullest window as a brute-force count does", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000 }), { maxLength: 100 }),
        fc.integer({ min: 1, max: 2_000 }),
        (times, w) => {
          expect(maxInWindow(times, w)).toBe(Math.max(0, ...windowCounts(times, w)));
        },
      ),
    );
  });

  it("should space sends by whole milliseconds, rounded up", () => {
    expect(spacingMs(1)).toBe(1000);
    expect(spacingMs(3)).toBe(334);
    expect(spacingMs(2)).toBe(500);
    expect(spacingMs(0.5)).toBe(2000);
    expect(spacingMs(1000)).toBe(1);
    expect(() => spacingMs(0)).toThrow(RangeError);
  });

  it("should take a number's configured rate, else 1/s for a long code and 3/s for a US/CA toll-free number", () => {
    const numbers: SenderNumber[] = [
      { phoneNumber: "+15125550100", messagingServiceSid: null, smsRatePerSecond: null },
      { phoneNumber: "+18885550100", messagingServiceSid: null, smsRatePerSecond: null },
      { phoneNumber: "+15125550101", messagingServiceSid: null, smsRatePerSecond: 4.5 },
      { phoneNumber: "+15125550102", messagingServiceSid: SERVICE, smsRatePerSecond: null },
      { phoneNumber: "+18335550103", messagingServiceSid: SERVICE, smsRatePerSecond: null },
      { phoneNumber: "+15125550104", messagingServiceSid: SERVICE, smsRatePerSecond: 2 },
    ];
    expect(senderRate("+15125550100", numbers)).toBe(1);
    expect(senderRate("+18885550100", numbers)).toBe(3);
    expect(senderRate("+15125550101", numbers)).toBe(4.5);
    // The pool adds up: 1 (long code) + 3 (toll-free) + 2 (configured).
    expect(senderRate(SERVICE, numbers)).toBe(6);
    // Gone from the business's numbers: the carrier default for its kind; an empty pool the slowest rate.
    expect(senderRate("+18005550199", numbers)).toBe(3);
    expect(senderRate("+15125550199", numbers)).toBe(1);
    expect(senderRate(`MG${"b".repeat(32)}`, numbers)).toBe(1);
  });

  it("should tell toll-free numbers and Messaging Services from long codes", () => {
    for (const code of ["800", "833", "844", "855", "866", "877", "888"])
      expect(isTollFree(`+1${code}5550100`)).toBe(true);
    expect(isTollFree("+15125550100")).toBe(false);
    expect(isTollFree("+18005550")).toBe(false);
    expect(isTollFree("+448005550100")).toBe(false);
    expect(isMessagingService(SERVICE)).toBe(true);
    expect(isMessagingService("+15125550100")).toBe(false);
  });
});
