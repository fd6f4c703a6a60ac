import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CANCELLED_GRACE_DAYS,
  cutoffFor,
  deletionRefusal,
  dueWarning,
  isPastCutoff,
  monthsBefore,
  purgeDueAt,
  purgeRefusal,
} from "./policy.ts";

const DAY = 24 * 60 * 60 * 1000;
const instant = fc.date({
  min: new Date("2000-01-01T00:00:00Z"),
  max: new Date("2090-01-01T00:00:00Z"),
  noInvalidDate: true,
});

describe("monthsBefore", () => {
  it("should go back calendar months in UTC and clamp to the month's last day", () => {
    expect(monthsBefore(new Date("2026-03-31T10:00:00.000Z"), 1).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(monthsBefore(new Date("2028-03-31T10:00:00.000Z"), 1).toISOString()).toBe("2028-02-29T10:00:00.000Z");
    expect(monthsBefore(new Date("2026-01-15T23:59:59.999Z"), 13).toISOString()).toBe("2024-12-15T23:59:59.999Z");
    expect(monthsBefore(new Date("2026-12-03T00:00:00.000Z"), 24).toISOString()).toBe("2024-12-03T00:00:00.000Z");
  });

  it("should always land before now, within the month count's days, at the same time of day", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 120 }), (now, months) => {
        const cutoff = monthsBefore(now, months);
        expect(cutoff.getTime()).toBeLessThan(now.getTime());
        expect(now.getTime() - cutoff.getTime()).toBeGreaterThanOrEqual(months * 28 * DAY);
        expect(now.getTime() - cutoff.getTime()).toBeLessThanOrEqual(months * 31 * DAY + 3 * DAY);
        expect(cutoff.getTime() % DAY).toBe(now.getTime() % DAY);
      }),
    );
  });
});

describe("isPastCutoff", () => {
  it("should keep a row exactly at the cut-off and delete one a millisecond older", () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 10 * DAY }),
        (now, months, d) => {
          const cutoff = cutoffFor(now, months);
          if (!cutoff) throw new Error("a window has a cut-off");
          expect(isPastCutoff(cutoff, cutoff)).toBe(false);
          expect(isPastCutoff(new Date(cutoff.getTime() - 1), cutoff)).toBe(true);
          expect(isPastCutoff(new Date(cutoff.getTime() - d), cutoff)).toBe(true);
          expect(isPastCutoff(new Date(cutoff.getTime() + d), cutoff)).toBe(false);
        },
      ),
    );
  });

  it("should delete nothing without a window (keep forever)", () => {
    fc.assert(
      fc.property(instant, (at) => {
        expect(isPastCutoff(at, cutoffFor(at, null))).toBe(false);
      }),
    );
  });
});

describe("legal hold and the cancelled-data grace", () => {
  const cancelled = (cancelledAt: Date, legalHoldAt: Date | null = null) => ({
    status: "cancelled",
    cancelledAt,
    legalHoldAt,
    dataPurgedAt: null,
  });

  it("should refuse every deletion under a legal hold", () => {
    expect(deletionRefusal({ legalHoldAt: new Date() })).toBe("legal_hold");
    expect(deletionRefusal({ legalHoldAt: null })).toBeNull();
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 1000 }), (cancelledAt, daysLater) => {
        const now = new Date(cancelledAt.getTime() + daysLater * DAY);
        expect(purgeRefusal(cancelled(cancelledAt, cancelledAt), null, now)).toBe("legal_hold");
      }),
    );
  });

  it("should purge from exactly the end of the grace, not a millisecond before", () => {
    fc.assert(
      fc.property(instant, fc.option(fc.integer({ min: 1, max: 365 })), (cancelledAt, days) => {
        const due = purgeDueAt({ status: "cancelled", cancelledAt }, days);
        if (!due) throw new Error("a cancelled business has a due date");
        expect(due.getTime() - cancelledAt.getTime()).toBe((days ?? CANCELLED_GRACE_DAYS) * DAY);
        expect(purgeRefusal(cancelled(cancelledAt), days, new Date(due.getTime() - 1))).toBe("grace_not_over");
        expect(purgeRefusal(cancelled(cancelledAt), days, due)).toBeNull();
      }),
    );
  });

  it("should never purge a business that is not cancelled, or one already purged", () => {
    const now = new Date("2027-01-01T00:00:00Z");
    const longAgo = new Date("2020-01-01T00:00:00Z");
    for (const status of ["trialing", "active", "past_due", "suspended"])
      expect(purgeRefusal({ status, cancelledAt: longAgo, legalHoldAt: null, dataPurgedAt: null }, 30, now)).toBe(
        "not_cancelled",
      );
    expect(purgeRefusal({ ...cancelled(longAgo), dataPurgedAt: longAgo }, 30, now)).toBe("already_purged");
  });
});

describe("dueWarning", () => {
  const due = new Date("2027-01-31T12:00:00.000Z");

  it("should warn 14, 7 and 1 days before, each once, from the exact instant", () => {
    expect(dueWarning(due, new Date(due.getTime() - 14 * DAY - 1), [])).toBeNull();
    expect(dueWarning(due, new Date(due.getTime() - 14 * DAY), [])).toEqual({ daysBefore: 14, covers: [14] });
    expect(dueWarning(due, new Date(due.getTime() - 8 * DAY), [14])).toBeNull();
    expect(dueWarning(due, new Date(due.getTime() - 7 * DAY), [14])).toEqual({ daysBefore: 7, covers: [14, 7] });
    expect(dueWarning(due, new Date(due.getTime() - 1 * DAY), [14, 7])).toEqual({
      daysBefore: 1,
      covers: [14, 7, 1],
    });
    expect(dueWarning(due, new Date(due.getTime() - 1), [14, 7, 1])).toBeNull();
    expect(dueWarning(due, due, [])).toBeNull();
  });

  it("should send only the nearest warning when earlier ones were missed", () => {
    expect(dueWarning(due, new Date(due.getTime() - 3 * DAY), [])).toEqual({ daysBefore: 7, covers: [14, 7] });
  });

  it("should send at most one warning per threshold over any sequence of runs", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 * DAY }), { maxLength: 40 }), (offsets) => {
        const runs = [...offsets].sort((a, b) => b - a).map((offset) => new Date(due.getTime() - offset));
        let sent: number[] = [];
        const warnings: number[] = [];
        for (const now of runs) {
          const warning = dueWarning(due, now, sent);
          if (!warning) continue;
          warnings.push(warning.daysBefore);
          sent = [...new Set([...sent, ...warning.covers])];
        }
        expect(new Set(warnings).size).toBe(warnings.length);
      }),
    );
  });
});
