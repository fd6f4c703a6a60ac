import { describe, expect, it } from "vitest";
import { provisioningInputSchema, provisionRequestSchema } from "./input.ts";
import { VALID_INPUT } from "./test-fixtures.ts";

const issuesOf = (value: unknown) => {
  const result = provisioningInputSchema.safeParse(value);
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
};

describe("provisioningInputSchema", () => {
  it("should normalise what people type: email, phones, slug case, time zone spelling", () => {
    const input = provisioningInputSchema.parse({ ...VALID_INPUT, slug: "Greenway-Lawn", timezone: "america/denver" });
    expect(input).toMatchObject({
      slug: "greenway-lawn",
      timezone: "America/Denver",
      owner: { email: "rosa@greenway.example", phone: "+17205550142" },
      phoneNumber: "+17205550199",
      internalNote: null,
      websiteStarter: true,
      sendOnboarding: true,
    });
  });

  it("should read a phone in any form a person types, as the Phone numbers page does", () => {
    for (const typed of ["(720) 555-0199", "720.555.0199", "+1 720 555 0199", "1 720 555 0199"]) {
      expect(provisioningInputSchema.parse({ ...VALID_INPUT, phoneNumber: typed }).phoneNumber, typed).toBe(
        "+17205550199",
      );
    }
  });

  it("should treat an empty or missing business number as none", () => {
    expect(provisioningInputSchema.parse({ ...VALID_INPUT, phoneNumber: "" }).phoneNumber).toBeNull();
    expect(provisioningInputSchema.parse({ ...VALID_INPUT, phoneNumber: null }).phoneNumber).toBeNull();
    const { phoneNumber: _omitted, ...withoutNumber } = VALID_INPUT;
    expect(provisioningInputSchema.parse(withoutNumber).phoneNumber).toBeNull();
  });

  it.each([
    ["slug", { slug: "-bad-" }, "slug", "lowercase letters"],
    ["slug with a space", { slug: "green lawn" }, "slug", "lowercase letters"],
    ["time zone", { timezone: "Mars/Olympus_Mons" }, "timezone", "not a time zone we know"],
    ["UTC offset", { timezone: "+02:00" }, "timezone", "not a time zone we know"],
    ["email", { owner: { ...VALID_INPUT.owner, email: "rosa@" } }, "owner.email", "valid email"],
    // Phones are read in any form a person types (issue 9), so the message no longer asks for E.164.
    ["owner phone", { owner: { ...VALID_INPUT.owner, phone: "555-01" } }, "owner.phone", "not a phone number"],
    ["business number", { phoneNumber: "1-800-FLOWERS" }, "phoneNumber", "not a phone number"],
    ["reserved slug", { slug: "admin" }, "slug", "uses for its own pages"],
    ["NUL in a name", { businessName: "Green\u0000Lawn" }, "businessName", "cannot be stored"],
    ["lone surrogate", { owner: { ...VALID_INPUT.owner, name: "Rosa \uD83D" } }, "owner.name", "cannot be stored"],
    ["pack", { packId: "underwater-basket-weaving" }, "packId", "no industry pack"],
    ["plan", { planTier: "platinum" }, "planTier", '"starter", "pro", "elite", "internal"'],
    ["ivr mode", { ivrMode: "robot" }, "ivrMode", "forward"],
    ["long note", { planTier: "internal", internalNote: "x".repeat(501) }, "internalNote", "at most 500"],
  ])("should answer a bad %s with a field message", (_name, patch, path, message) => {
    const issues = issuesOf({ ...VALID_INPUT, ...patch });
    expect(issues).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it("should keep an internal note only for internal businesses", () => {
    expect(issuesOf({ ...VALID_INPUT, internalNote: "Family friend, at cost" })).toContainEqual({
      path: "internalNote",
      message: expect.stringContaining("Internal (at-cost)"),
    });
    expect(
      provisioningInputSchema.parse({ ...VALID_INPUT, planTier: "internal", internalNote: " Family friend " })
        .internalNote,
    ).toBe("Family friend");
    expect(provisioningInputSchema.parse({ ...VALID_INPUT, internalNote: "" }).internalNote).toBeNull();
  });

  it("should refuse an IVR mode without a number to apply it to", () => {
    expect(issuesOf({ ...VALID_INPUT, phoneNumber: "", ivrMode: "menu" })).toContainEqual({
      path: "ivrMode",
      message: expect.stringContaining("choose a number"),
    });
  });

  it("should name unknown fields, at the top and in the owner", () => {
    expect(issuesOf({ ...VALID_INPUT, tenantId: "root" })[0]!.message).toContain('Unknown field "tenantId"');
    expect(issuesOf({ ...VALID_INPUT, owner: { ...VALID_INPUT.owner, isPlatformOwner: true } })[0]!.message).toContain(
      'Unknown owner field "isPlatformOwner"',
    );
  });

  it("should require a UUID idempotency key in the provision request", () => {
    expect(
      provisionRequestSchema.safeParse({ ...VALID_INPUT, idempotencyKey: "twice" }).error?.issues[0]?.path,
    ).toEqual(["idempotencyKey"]);
    expect(
      provisionRequestSchema.parse({ ...VALID_INPUT, idempotencyKey: "6f1c1d6e-6a43-4d3c-9a77-3f4e8b0c2a11" })
        .idempotencyKey,
    ).toBeTruthy();
  });
});
