// A valid wizard request as a person types it (spacing, capitals, local phone formats). Tests only.
export const VALID_INPUT = {
  businessName: "Greenway Lawn & Garden",
  slug: "greenway-lawn",
  timezone: "America/Denver",
  owner: { name: "Rosa Martinez", email: "  Rosa@Greenway.Example ", phone: "(720) 555-0142" },
  packId: "lawn-care",
  planTier: "pro",
  phoneNumber: "+1 720 555 0199",
} as const;
