import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  advanceCallStatus,
  CALL_STATUSES,
  type CallStatus,
  type CallStatusReport,
  callStatusRank,
  callStatusReportOf,
  isTerminalCallStatus,
  type StoredCallStatus,
} from "./call-status.ts";

const NOTHING: StoredCallStatus = { status: null, sequence: null };
const TERMINAL = CALL_STATUSES.filter(isTerminalCallStatus);

function fold(reports: readonly CallStatusReport[], start: StoredCallStatus = NOTHING): StoredCallStatus {
  let stored = start;
  for (const report of reports) {
    const next = advanceCallStatus(stored, report);
    // Once over, a call stays over with the same status.
    if (stored.status && isTerminalCallStatus(stored.status)) expect(next.status).toBe(stored.status);
    // The sequence never goes down.
    if (stored.sequence !== null) expect(next.sequence).toBeGreaterThanOrEqual(stored.sequence);
    stored = { status: next.status, sequence: next.sequence };
  }
  return stored;
}

const statusArb = fc.constantFrom(...CALL_STATUSES);
const reportArb = fc.record({ status: statusArb, sequence: fc.option(fc.nat({ max: 20 }), { nil: null }) });

describe("advanceCallStatus", () => {
  it("takes the first report as it is", () => {
    expect(advanceCallStatus(NOTHING, { status: "ringing", sequence: null })).toEqual({
      status: "ringing",
      sequence: null,
      changed: true,
    });
  });

  it("never lets a late ringing or in-progress reopen a completed call, with or without sequence numbers", () => {
    for (const late of ["queued", "initiated", "ringing", "in-progress"] as const) {
      expect(
        advanceCallStatus({ status: "completed", sequence: null }, { status: late, sequence: null }),
      ).toMatchObject({ status: "completed", changed: false });
      expect(advanceCallStatus({ status: "completed", sequence: 3 }, { status: late, sequence: 1 })).toMatchObject({
        status: "completed",
        changed: false,
      });
      // Even a (bogus) higher sequence number does not reopen it; only the sequence is remembered.
      expect(advanceCallStatus({ status: "completed", sequence: 3 }, { status: late, sequence: 9 }).status).toBe(
        "completed",
      );
    }
  });

  it("ignores a report whose SequenceNumber is at or below the stored one", () => {
    expect(advanceCallStatus({ status: "ringing", sequence: 2 }, { status: "in-progress", sequence: 2 })).toEqual({
      status: "ringing",
      sequence: 2,
      changed: false,
    });
    expect(advanceCallStatus({ status: "ringing", sequence: 2 }, { status: "completed", sequence: 1 }).changed).toBe(
      false,
    );
  });

  it("follows the sequence when both sides have one, else the order of states", () => {
    expect(advanceCallStatus({ status: "in-progress", sequence: 1 }, { status: "ringing", sequence: 2 }).status).toBe(
      "ringing",
    );
    expect(advanceCallStatus({ status: "in-progress", sequence: null }, { status: "ringing", sequence: 2 })).toEqual({
      status: "in-progress",
      sequence: 2,
      changed: true,
    });
    expect(
      advanceCallStatus({ status: "ringing", sequence: null }, { status: "in-progress", sequence: null }).status,
    ).toBe("in-progress");
  });

  it("changes nothing on an exact duplicate", () => {
    fc.assert(
      fc.property(reportArb, reportArb, (first, second) => {
        const once = advanceCallStatus(advanceCallStatus(NOTHING, first), second);
        const stored = { status: once.status, sequence: once.sequence };
        expect(advanceCallStatus(stored, second).changed).toBe(false);
        expect(advanceCallStatus(stored, first).changed).toBe(false);
      }),
    );
  });

  it("ends on the terminal status whatever order a call's numbered callbacks arrive in", () => {
    const stories: CallStatus[][] = [
      ["initiated", "ringing", "in-progress", "completed"],
      ["ringing", "no-answer"],
      ["initiated", "ringing", "busy"],
      ["queued", "initiated", "canceled"],
      ["ringing", "in-progress", "failed"],
    ];
    for (const story of stories) {
      const numbered = story.map((status, i) => ({ status, sequence: i }));
      fc.assert(
        fc.property(fc.shuffledSubarray(numbered, { minLength: numbered.length }), (order) => {
          expect(fold(order).status).toBe(story.at(-1));
          expect(fold(order).sequence).toBe(story.length - 1);
        }),
      );
      // Without sequence numbers the order of states decides, with the same end.
      const unnumbered = story.map((status) => ({ status, sequence: null }));
      fc.assert(
        fc.property(fc.shuffledSubarray(unnumbered, { minLength: unnumbered.length }), (order) => {
          expect(fold(order).status).toBe(story.at(-1));
        }),
      );
    }
  });

  it("without sequence numbers never moves to a lower-ranked state (any reports, any order)", () => {
    fc.assert(
      fc.property(fc.array(statusArb, { maxLength: 12 }), (statuses) => {
        let stored = NOTHING;
        for (const status of statuses) {
          const next = advanceCallStatus(stored, { status, sequence: null });
          if (stored.status) expect(callStatusRank(next.status!)).toBeGreaterThanOrEqual(callStatusRank(stored.status));
          stored = next;
        }
      }),
    );
  });

  it("keeps the first terminal status of a call (any reports, any order)", () => {
    fc.assert(
      fc.property(fc.array(reportArb, { maxLength: 12 }), (reports) => {
        let stored = NOTHING;
        let ended: CallStatus | null = null;
        for (const report of reports) {
          stored = fold([report], stored);
          if (!ended && stored.status && isTerminalCallStatus(stored.status)) ended = stored.status;
          if (ended) expect(stored.status).toBe(ended);
        }
      }),
    );
    expect(TERMINAL).toEqual(["completed", "busy", "no-answer", "canceled", "failed"]);
  });
});

describe("callStatusReportOf", () => {
  it("reads Twilio's CallStatus and SequenceNumber as sent", () => {
    expect(callStatusReportOf("completed", "3")).toEqual({ status: "completed", sequence: 3 });
    expect(callStatusReportOf(" In-Progress ", undefined)).toEqual({ status: "in-progress", sequence: null });
    expect(callStatusReportOf("ringing", "x1")).toEqual({ status: "ringing", sequence: null });
  });

  it("refuses what is not a call status", () => {
    expect(callStatusReportOf("answered", "1")).toBeNull();
    expect(callStatusReportOf(undefined, undefined)).toBeNull();
    expect(callStatusReportOf("", "0")).toBeNull();
  });
});
