// What a drafted or tested reply would change, in the sentence staff read, on the business's clock.
import { describe, expect, it } from "vitest";
import { describeWrite, prettyJson, wallTime, writesNeedNames } from "../src/agent/agent-format.ts";

const names = {
  services: new Map([["svc-detail", "Full Detail"]]),
  addOns: new Map([["add-pet", "Pet hair removal"]]),
};

describe("wallTime", () => {
  it("should read the business's wall clock from the time's own offset, whatever the browser's zone", () => {
    expect(wallTime("2026-12-05T09:00:00-06:00")).toMatch(/^Sat, Dec 5, 9:00\sAM$/);
    expect(wallTime("2026-12-05T23:30:00+05:30")).toMatch(/^Sat, Dec 5, 11:30\sPM$/);
    // Across midnight UTC: 19:00 in Chicago is 01:00 the next day in UTC.
    expect(wallTime("2026-12-05T19:00:00-0600")).toMatch(/^Sat, Dec 5, 7:00\sPM$/);
  });

  it("should leave text that is not a time as it is", () => {
    expect(wallTime("soon")).toBe("soon");
  });
});

describe("describeWrite", () => {
  it("should name the service and add-ons booked, and when", () => {
    const book = {
      kind: "appointment.book",
      serviceId: "svc-detail",
      start: "2026-12-05T09:00:00-06:00",
      addOnIds: [],
    };
    expect(describeWrite(book, names)).toMatch(/^Books Full Detail, Sat, Dec 5, 9:00\sAM$/);
    expect(describeWrite({ ...book, addOnIds: ["add-pet"] }, names)).toMatch(
      /^Books Full Detail with Pet hair removal, Sat, Dec 5, 9:00\sAM$/,
    );
    // Names not loaded (yet): still a true sentence.
    expect(describeWrite({ ...book, addOnIds: ["add-pet"] })).toMatch(/^Books a job with 1 add-on, Sat, Dec 5/);
  });

  it("should say what a move, a cancel (with its fee), a confirmation, an opt-out and a hand-off do", () => {
    expect(
      describeWrite({
        kind: "appointment.reschedule",
        from: "2026-12-05T09:00:00-06:00",
        start: "2026-12-07T13:00:00-06:00",
      }),
    ).toMatch(/^Moves the appointment from Sat, Dec 5, 9:00\sAM to Mon, Dec 7, 1:00\sPM$/);
    expect(describeWrite({ kind: "appointment.cancel", feeCents: 2500 })).toBe(
      "Cancels the appointment, with the late-cancellation fee of $25",
    );
    expect(describeWrite({ kind: "appointment.cancel", feeCents: 0 })).toBe("Cancels the appointment");
    expect(describeWrite({ kind: "appointment.confirm" })).toBe("Confirms the appointment");
    expect(describeWrite({ kind: "optout" })).toBe("Records that the customer wants no more texts");
    expect(describeWrite({ kind: "handoff", reason: "Asked for the owner" })).toBe(
      "Hands the conversation to your team: Asked for the owner",
    );
    expect(describeWrite({ kind: "something.new" })).toBe("something.new");
  });

  it("should load catalog names only when a write names something by id", () => {
    expect(writesNeedNames([{ kind: "appointment.cancel", feeCents: 0 }])).toBe(false);
    expect(writesNeedNames([{ kind: "appointment.book", serviceId: "svc-detail" }])).toBe(true);
    expect(writesNeedNames([{ kind: "appointment.add_on", addOnId: "add-pet" }])).toBe(true);
  });
});

describe("prettyJson", () => {
  it("should indent, and cut a long result with how much was left out", () => {
    expect(prettyJson({ a: 1 })).toBe('{\n  "a": 1\n}');
    const long = prettyJson({ starts: Array.from({ length: 500 }, (_, i) => `2026-12-05T${i}`) }, 100);
    expect(long).toMatch(/^\{\n {2}"starts": \[/);
    expect(long).toMatch(/… \([\d,]+ more characters\)$/);
  });
});
