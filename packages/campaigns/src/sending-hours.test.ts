import { describe, expect, it } from "vitest";
import { sendingResumesAt } from "./sending-hours.ts";

const CHICAGO = "America/Chicago";
const LOS_ANGELES = "America/Los_Angeles";
const at = (iso: string) => new Date(iso);

describe("sendingResumesAt", () => {
  it("should allow 08:00–21:00 local and wait for 08:00 outside it, in each business's own zone", () => {
    // 15:00Z: 09:00 in Chicago (CST), 07:00 in Los Angeles (PST).
    expect(sendingResumesAt(at("2026-12-07T15:00:00Z"), CHICAGO, null)).toBeNull();
    expect(sendingResumesAt(at("2026-12-07T15:00:00Z"), LOS_ANGELES, null)).toEqual(at("2026-12-07T16:00:00Z"));
    // 20:59 Chicago still sends; 21:00 waits for 08:00 the next morning.
    expect(sendingResumesAt(at("2026-12-08T02:59:59Z"), CHICAGO, null)).toBeNull();
    expect(sendingResumesAt(at("2026-12-08T03:00:00Z"), CHICAGO, null)).toEqual(at("2026-12-08T14:00:00Z"));
    // 3 a.m. in Los Angeles: not until 08:00 PST.
    expect(sendingResumesAt(at("2026-12-08T11:00:00Z"), LOS_ANGELES, null)).toEqual(at("2026-12-08T16:00:00Z"));
  });

  it("should keep 08:00 at 08:00 local across a DST change", () => {
    // Spring forward in the US on 2026-03-08 (02:00 → 03:00). 21:00 CST on the 7th waits for 08:00 CDT.
    expect(sendingResumesAt(at("2026-03-08T03:00:00Z"), CHICAGO, null)).toEqual(at("2026-03-08T13:00:00Z"));
    expect(sendingResumesAt(at("2026-03-08T12:59:00Z"), CHICAGO, null)).toEqual(at("2026-03-08T13:00:00Z"));
    expect(sendingResumesAt(at("2026-03-08T13:00:00Z"), CHICAGO, null)).toBeNull();
    // Fall back on 2026-11-01 (02:00 → 01:00): 08:00 CST is 14:00Z; 13:30Z is 07:30 local.
    expect(sendingResumesAt(at("2026-11-01T13:30:00Z"), CHICAGO, null)).toEqual(at("2026-11-01T14:00:00Z"));
    expect(sendingResumesAt(at("2026-11-01T13:30:00Z"), LOS_ANGELES, null)).toEqual(at("2026-11-01T16:00:00Z"));
    // 21:30 PDT on the day before fall back waits for 08:00 PST; 20:30 PDT still sends.
    expect(sendingResumesAt(at("2026-11-01T04:30:00Z"), LOS_ANGELES, null)).toEqual(at("2026-11-01T16:00:00Z"));
    expect(sendingResumesAt(at("2026-11-01T03:30:00Z"), LOS_ANGELES, null)).toBeNull();
  });

  it("should also keep the business's own quiet hours, whichever ends later", () => {
    const quiet = { start: "20:00", end: "09:00" };
    // 08:30 Chicago: the campaign hours allow it, the business's quiet hours last until 09:00.
    expect(sendingResumesAt(at("2026-12-07T14:30:00Z"), CHICAGO, quiet)).toEqual(at("2026-12-07T15:00:00Z"));
    // 20:30 Chicago: quiet for the business until 09:00 tomorrow.
    expect(sendingResumesAt(at("2026-12-08T02:30:00Z"), CHICAGO, quiet)).toEqual(at("2026-12-08T15:00:00Z"));
    // 22:00: the campaign rule says 08:00, which is still the business's quiet time, so 09:00.
    expect(sendingResumesAt(at("2026-12-08T04:00:00Z"), CHICAGO, quiet)).toEqual(at("2026-12-08T15:00:00Z"));
    // Quiet hours in the middle of the day.
    const lunch = { start: "12:00", end: "13:00" };
    expect(sendingResumesAt(at("2026-12-07T18:30:00Z"), CHICAGO, lunch)).toEqual(at("2026-12-07T19:00:00Z"));
    expect(sendingResumesAt(at("2026-12-07T19:00:00Z"), CHICAGO, lunch)).toBeNull();
  });
});
