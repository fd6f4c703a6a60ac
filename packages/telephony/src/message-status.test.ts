import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  advanceStatus,
  isFinalStatus,
  isMessageStatus,
  MESSAGE_STATUSES,
  type MessageStatus,
  OPTED_OUT_ERROR_CODE,
  statusRank,
} from "./message-status.ts";

/** All orderings of a list (small lists only). */
const permutations = <T>(items: readonly T[]): T[][] =>
  items.length <= 1
    ? [[...items]]
    : items.flatMap((item, i) =>
        permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
      );

/** Folds callbacks onto a start status, checking at every step that the status never ranks lower than before. */
function fold(start: MessageStatus, callbacks: readonly MessageStatus[]): MessageStatus {
  let status = start;
  for (const incoming of callbacks) {
    const next = advanceStatus(status, incoming);
    expect(statusRank(next), `${status} + ${incoming} → ${next}`).toBeGreaterThanOrEqual(statusRank(status));
    // The result is always one of the two inputs.
    expect([status, incoming]).toContain(next);
    status = next;
  }
  return status;
}

/** W6: each delivery story and the status it must end on, whatever order its callbacks arrive in. */
const STORIES: { callbacks: MessageStatus[]; final: MessageStatus }[] = [
  { callbacks: ["sending", "sent", "delivered"], final: "delivered" },
  { callbacks: ["sent", "undelivered"], final: "undelivered" },
  { callbacks: ["sent", "failed"], final: "failed" },
  { callbacks: ["queued", "sending", "sent", "delivered", "read"], final: "read" },
];
const STARTS: MessageStatus[] = ["pending", "submitting", "unknown"];

describe("advanceStatus: status callbacks in every order (W6)", () => {
  for (const { callbacks, final } of STORIES) {
    for (const start of STARTS) {
      it(`every permutation of [${callbacks.join(", ")}] from ${start} ends at ${final}`, () => {
        const orders = permutations(callbacks);
        expect(orders.length).toBe([...Array(callbacks.length).keys()].reduce((n, i) => n * (i + 1), 1));
        for (const order of orders) expect(fold(start, order), order.join(" → ")).toBe(final);
      });
    }

    it(`[${callbacks.join(", ")}] with duplicates and in any order never regresses and ends at ${final}`, () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...STARTS),
          // every callback at least once, some repeated, shuffled
          fc
            .array(fc.constantFrom(...callbacks), { maxLength: 8 })
            .chain((extra) =>
              fc.shuffledSubarray([...callbacks, ...extra], { minLength: callbacks.length + extra.length }),
            ),
          (start, order) => {
            expect(fold(start, order)).toBe(final);
          },
        ),
        { numRuns: 300 },
      );
    });

    it(`any subset of [${callbacks.join(", ")}] ends at its highest-ranked member`, () => {
      fc.assert(
        fc.property(fc.shuffledSubarray(callbacks, { minLength: 1 }), (order) => {
          const highest = [...order].sort((a, b) => statusRank(b) - statusRank(a))[0]!;
          expect(fold("pending", order)).toBe(highest);
        }),
        { numRuns: 200 },
      );
    });
  }

  it("suppressed never changes, whatever arrives", () => {
    for (const incoming of MESSAGE_STATUSES) expect(advanceStatus("suppressed", incoming)).toBe("suppressed");
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MESSAGE_STATUSES), { maxLength: 20 }), (order) => {
        expect(fold("suppressed", order)).toBe("suppressed");
      }),
    );
  });

  it("not_sent (no provider configured) never changes, whatever arrives", () => {
    for (const incoming of MESSAGE_STATUSES) expect(advanceStatus("not_sent", incoming)).toBe("not_sent");
  });

  it("read beats delivered in either order", () => {
    expect(advanceStatus("delivered", "read")).toBe("read");
    expect(advanceStatus("read", "delivered")).toBe("read");
    expect(fold("pending", ["read", "sent", "delivered", "sending"])).toBe("read");
  });

  it("a late lower callback never overwrites: sent after delivered, sending after failed", () => {
    expect(advanceStatus("delivered", "sent")).toBe("delivered");
    expect(advanceStatus("delivered", "sending")).toBe("delivered");
    expect(advanceStatus("failed", "sent")).toBe("failed");
    expect(advanceStatus("undelivered", "queued")).toBe("undelivered");
    expect(advanceStatus("sent", "sent")).toBe("sent");
  });

  it("moves forward through Twilio's lifecycle", () => {
    expect(advanceStatus("pending", "submitting")).toBe("submitting");
    expect(advanceStatus("submitting", "accepted")).toBe("accepted");
    expect(advanceStatus("unknown", "queued")).toBe("queued");
    expect(advanceStatus("queued", "sending")).toBe("sending");
    expect(advanceStatus("sending", "sent")).toBe("sent");
    expect(advanceStatus("sent", "delivered")).toBe("delivered");
    expect(advanceStatus("sent", "undelivered")).toBe("undelivered");
    expect(advanceStatus("sent", "failed")).toBe("failed");
  });

  it("for any two statuses the result ranks as high as both, and the fold is order-independent in rank", () => {
    fc.assert(
      fc.property(fc.constantFrom(...MESSAGE_STATUSES), fc.constantFrom(...MESSAGE_STATUSES), (a, b) => {
        const next = advanceStatus(a, b);
        expect(statusRank(next)).toBe(Math.max(statusRank(a), statusRank(b)));
        expect(statusRank(advanceStatus(b, a))).toBe(statusRank(next));
      }),
    );
  });
});

describe("status helpers", () => {
  it("recognises exactly the listed statuses", () => {
    for (const status of MESSAGE_STATUSES) expect(isMessageStatus(status)).toBe(true);
    expect(isMessageStatus("DELIVERED")).toBe(false);
    expect(isMessageStatus("")).toBe(false);
    expect(isMessageStatus("bogus")).toBe(false);
  });

  it("final statuses are the delivery outcomes", () => {
    const finals = MESSAGE_STATUSES.filter(isFinalStatus);
    expect(finals.sort()).toEqual(["delivered", "failed", "not_sent", "read", "suppressed", "undelivered"]);
  });

  it("21610 is the opted-out error", () => {
    expect(OPTED_OUT_ERROR_CODE).toBe(21610);
  });
});
