// The first-run checklist on the overview page (`tenant.onboarding.checklist`): what a new business
// still has to do, worked out from its data every time (nothing to keep in sync, nothing stored).
import { UNUSABLE_PASSWORD_HASH } from "@servicepro/concierge";
import { z } from "zod";
import { createRouter, staffProcedure } from "../../trpc.ts";
import { websiteState } from "../website-state.ts";

export const CHECKLIST_ITEM_IDS = ["password", "services", "phone", "hours", "website", "team"] as const;

const itemSchema = z.object({
  id: z.enum(CHECKLIST_ITEM_IDS),
  label: z.string(),
  /** What to do, or who does it when the business cannot do it in the app. */
  description: z.string(),
  done: z.boolean(),
  /** The page that does it; null when ServicePro support does it for now. */
  href: z.string().nullable(),
});

const checklistSchema = z.object({ items: z.array(itemSchema), completed: z.number().int(), total: z.number().int() });

/** A weekly-hours JSON value ({ mon: [["08:00","17:00"]], … }) with at least one open range. */
const hasOpeningHours = (hours: unknown): boolean =>
  typeof hours === "object" &&
  hours !== null &&
  Object.values(hours).some((ranges) => Array.isArray(ranges) && ranges.length > 0);

export const tenantOnboardingRouter = createRouter({
  checklist: staffProcedure.output(checklistSchema).query(async ({ ctx }) => {
    const facts = await ctx.tenant.run(async (tx) => ({
      // Reviewing means changing or adding something: an untouched pack catalog has not been looked at.
      servicesReviewed:
        (await tx.service.count({ where: { OR: [{ editedAt: { not: null } }, { packItemId: null }] } })) +
          (await tx.addOn.count({ where: { editedAt: { not: null } } })) +
          (await tx.faq.count({ where: { editedAt: { not: null } } })) >
        0,
      phoneConfigs: await tx.tenantPhoneConfig.findMany({ select: { phoneNumber: true } }),
      bookingSettings: await tx.bookingSettings.findFirst({ select: { hours: true } }),
      website: websiteState(
        await tx.websiteDraft.findFirst({ select: { content: true, packId: true, publishedAt: true } }),
      ),
      members: await tx.membership.count(),
      // The hash itself never leaves the database: only whether it is still set-up's placeholder.
      admins: await tx.membership.findMany({
        where: { role: "tenant_admin" },
        orderBy: { createdAt: "asc" },
        select: { user: { select: { name: true } } },
      }),
      adminsWaiting: await tx.membership.findMany({
        where: { role: "tenant_admin", user: { passwordHash: UNUSABLE_PASSWORD_HASH } },
        orderBy: { createdAt: "asc" },
        select: { user: { select: { name: true } } },
      }),
    }));
    // Done once an admin of the business has a password of their own (used their onboarding
    // link): the viewer may be staff, or the platform owner signed in as the business.
    const passwordSet = facts.admins.length > facts.adminsWaiting.length;
    const waitingNames = facts.adminsWaiting.map((m) => m.user.name).join(", ");
    const items: z.infer<typeof itemSchema>[] = [
      {
        id: "password",
        label: "Set your password",
        description: passwordSet
          ? "You can sign in with your email and password from now on."
          : waitingNames
            ? `${waitingNames} has not used the one-time onboarding link yet; it sets the password. ServicePro support can send a new link.`
            : "The business has no admin account yet. ServicePro support adds one.",
        done: passwordSet,
        href: null,
      },
      {
        id: "services",
        label: "Review your services and prices",
        description:
          "Check what you sell, how long it takes and what it costs; change anything that isn't right for your business.",
        done: facts.servicesReviewed,
        href: "/app/services",
      },
      {
        id: "phone",
        label: "Get your business phone number",
        description: "Calls and texts to it reach your inbox. ServicePro assigns it; contact support if it's missing.",
        done: facts.phoneConfigs.length > 0,
        href: facts.phoneConfigs.length > 0 ? "/app/calls" : null,
      },
      {
        id: "hours",
        label: "Set your business hours",
        description: "They decide when customers can book online and when calls ring through or go to voicemail.",
        done: hasOpeningHours(facts.bookingSettings?.hours ?? null),
        href: "/app/booking-settings",
      },
      {
        id: "website",
        label: "Prepare your website",
        description:
          facts.website.kind === "published"
            ? "Your website is published."
            : facts.website.kind === "draft"
              ? "A starter site is saved from your industry pack but not published: customers can't see it yet. ServicePro support publishes it with you."
              : "A starter site written from your industry pack, ready for your photos and details. Ask ServicePro support to set it up.",
        done: facts.website.kind === "published",
        href: null,
      },
      {
        id: "team",
        label: "Invite your team",
        description: "Give your crew their own sign-in. Ask ServicePro support to add them for now.",
        done: facts.members > 1,
        href: null,
      },
    ];
    return { items, completed: items.filter((item) => item.done).length, total: items.length };
  }),
});
