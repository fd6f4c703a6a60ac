// The signed-in customer's own portal (issue 14): who they are, their appointments (move, cancel,
// book again in one tap), their assets, and their profile and text preferences. Every procedure
// resolves the business from the slug and the customer from that business's portal cookie, then
// works in the business's RLS-scoped transaction on rows of that customer only: another customer's
// appointment or asset is "not found", exactly like one that does not exist.
import {
  type AppointmentChange,
  type BookingContext,
  cancelAppointment,
  createAppointment,
  getAvailability,
  loadBookingContext,
  rescheduleAppointment,
} from "@servicepro/booking";
import { type Appointment, type Prisma, type TenantTx, tenantDb } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import { tierFor, tiersOf } from "@servicepro/loyalty";
import { hasMarketingConsent, isOptedOut, recordConsentChange, recordMarketingConsent } from "@servicepro/sms";
import {
  assetLabel,
  assetSizeClass,
  customerSearchKeys,
  type PortalAppointment,
  portalAppointmentChangeOutput,
  portalAppointmentsOutput,
  portalAssetCreateInput,
  portalAssetSchema,
  portalAssetsOutput,
  portalAssetUpdateInput,
  portalAvailabilityInput,
  portalAvailabilityOutput,
  portalCancelInput,
  portalMeOutput,
  portalOffersConsentText,
  portalOffersInput,
  portalProfileInput,
  portalRebookInput,
  portalRescheduleInput,
  portalSlugInput,
  portalTextsConsentText,
  portalTextsInput,
} from "@servicepro/validators";
import { z } from "zod";
import type { Context } from "../../context.ts";
import { type PortalSession, requirePortalSession } from "../../portal/sessions.ts";
import { portalTenant } from "../../portal/tenant.ts";
import { createRouter, publicProcedure } from "../../trpc.ts";
import { afterCommit } from "../tenant/appointments-shared.ts";
import { priceLabel } from "../tenant/catalog-shared.ts";

const HOUR = 3_600_000;
const LIVE = new Set<Appointment["status"]>(["booked", "confirmed"]);

/** The business from the slug, and the customer signed in to it (401 otherwise). */
async function signedIn(ctx: Context, slug: string, purpose: string): Promise<PortalSession> {
  return requirePortalSession(ctx, await portalTenant(ctx, slug, purpose));
}

const inTenant = <T>(ctx: Context, session: PortalSession, fn: (tx: TenantTx) => Promise<T>) =>
  tenantDb(ctx.db, session.tenant.id).run(fn);

const appointmentNotFound = () =>
  new AppError("NOT_FOUND", "We couldn't find that appointment in your account. Reload to see your appointments.");

/** What moving or cancelling an appointment now costs under the business's policy. */
export function lateChangeTerms(
  settings: Pick<BookingContext["settings"], "cancellationWindowHours" | "cancellationFeeCents" | "lateChangesOnline">,
  startsAt: Date,
  now: Date,
): { late: boolean; feeCents: number; refused: boolean } {
  const late = startsAt.getTime() - now.getTime() < settings.cancellationWindowHours * HOUR;
  return {
    late,
    feeCents: late ? settings.cancellationFeeCents : 0,
    refused: late && !settings.lateChangesOnline,
  };
}

type AppointmentWithNames = Appointment & { service: { name: string }; asset: { label: string } | null };

/** The customer's appointments as the portal shows them (names of add-ons and rewards in two reads). */
async function appointmentViews(
  tx: TenantTx,
  rows: AppointmentWithNames[],
  booking: BookingContext,
  now: Date,
): Promise<PortalAppointment[]> {
  const addOnIds = [...new Set(rows.flatMap((row) => row.addOnIds))];
  const [addOns, rewards] = await Promise.all([
    addOnIds.length
      ? tx.addOn.findMany({ where: { id: { in: addOnIds } }, select: { id: true, name: true } })
      : Promise.resolve([]),
    rows.length
      ? tx.loyaltyRedemption.findMany({
          where: { appointmentId: { in: rows.map((row) => row.id) }, status: "applied" },
          select: { appointmentId: true, rewardName: true },
        })
      : Promise.resolve([]),
  ]);
  const addOnName = new Map(addOns.map((a) => [a.id, a.name]));
  return rows.map((row) => {
    const changeable = LIVE.has(row.status) && row.startsAt.getTime() > now.getTime();
    const terms = lateChangeTerms(booking.settings, row.startsAt, now);
    return {
      id: row.id,
      serviceId: row.serviceId,
      serviceName: row.service.name,
      assetId: row.assetId,
      assetLabel: row.asset?.label ?? null,
      addOnNames: row.addOnIds.flatMap((id) => addOnName.get(id) ?? []),
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      status: row.status,
      priceLabel: priceLabel(row),
      canReschedule: changeable && !terms.refused,
      canCancel: changeable && !terms.refused,
      lateChangeFeeCents: changeable ? terms.feeCents : 0,
      lateChangeRefused: changeable && terms.refused,
      rewards: rewards.filter((r) => r.appointmentId === row.id).map((r) => r.rewardName),
    };
  });
}

const withNames = { service: { select: { name: true } }, asset: { select: { label: true } } } as const;

/** One of the signed-in customer's appointments; another customer's is "not found". */
async function ownAppointment(tx: TenantTx, session: PortalSession, id: string): Promise<AppointmentWithNames> {
  const appointment = await tx.appointment.findFirst({
    where: { id, customerId: session.customerId },
    include: withNames,
  });
  if (!appointment) throw appointmentNotFound();
  return appointment;
}

/** The appointment "book again" copies: the last completed visit, else the latest booking. */
async function rebookBasis(tx: TenantTx, customerId: string): Promise<AppointmentWithNames | null> {
  const bookable = { customerId, service: { active: true, quoteOnly: false } } satisfies Prisma.AppointmentWhereInput;
  return (
    (await tx.appointment.findFirst({
      where: { ...bookable, status: "completed" },
      orderBy: { startsAt: "desc" },
      include: withNames,
    })) ??
    (await tx.appointment.findFirst({
      where: { ...bookable, status: { in: ["booked", "confirmed"] } },
      orderBy: { startsAt: "desc" },
      include: withNames,
    }))
  );
}

/** The late-change policy, checked before a move or a cancellation: refused, or the fee agreed. */
function checkLateChange(
  booking: BookingContext,
  appointment: Appointment,
  now: Date,
  acceptFeeCents: number | undefined,
  action: "move" | "cancel",
  businessName: string,
): number {
  if (!LIVE.has(appointment.status) || appointment.startsAt.getTime() <= now.getTime())
    throw new AppError(
      "BAD_REQUEST",
      appointment.startsAt.getTime() <= now.getTime()
        ? `This appointment has already started, so it can't be changed here. Call ${businessName}.`
        : `This appointment is ${appointment.status.replace("_", "-")}, so it can't be changed. Book a new one instead.`,
      { reason: { code: "APPOINTMENT_STATUS" } },
    );
  const terms = lateChangeTerms(booking.settings, appointment.startsAt, now);
  const hours = booking.settings.cancellationWindowHours;
  if (terms.refused)
    throw new AppError(
      "FORBIDDEN",
      `It's less than ${hours} hours before your appointment, so ${businessName} takes changes by phone only. Please call them.`,
      { reason: { code: "LATE_CHANGE_REFUSED" } },
    );
  if (terms.feeCents > 0 && acceptFeeCents !== terms.feeCents)
    throw new AppError(
      "CONFLICT",
      `It's less than ${hours} hours before your appointment, so ${action === "move" ? "moving" : "cancelling"} it now costs ` +
        `$${(terms.feeCents / 100).toFixed(2)}. Confirm to go ahead.`,
      { reason: { code: "FEE_CONFIRMATION_REQUIRED", feeCents: terms.feeCents } as { code: string } },
    );
  return terms.feeCents;
}

/** The business's number for customers to call or text: its first number. */
const businessPhone = async (tx: TenantTx) =>
  (await tx.tenantPhoneConfig.findFirst({ orderBy: { createdAt: "asc" }, select: { phoneNumber: true } }))
    ?.phoneNumber ?? null;

const appointmentsRouter = createRouter({
  list: publicProcedure
    .input(portalSlugInput)
    .output(portalAppointmentsOutput)
    .query(async ({ ctx, input }) => {
      const session = await signedIn(ctx, input.slug, "portal.appointments.list");
      const now = ctx.now();
      return inTenant(ctx, session, async (tx) => {
        const booking = await loadBookingContext(tx, now);
        const rows = await tx.appointment.findMany({
          where: { customerId: session.customerId },
          orderBy: [{ startsAt: "desc" }, { id: "desc" }],
          take: 200,
          include: withNames,
        });
        const views = await appointmentViews(tx, rows, booking, now);
        const upcoming = views
          .filter((a) => LIVE.has(a.status) && new Date(a.endsAt).getTime() > now.getTime())
          .reverse();
        const upcomingIds = new Set(upcoming.map((a) => a.id));
        return {
          timeZone: booking.tenant.timeZone,
          upcoming,
          past: views.filter((a) => !upcomingIds.has(a.id)),
        };
      });
    }),

  /** Open times for the appointment's service, add-ons and asset: to move it, or to book it again. */
  availability: publicProcedure
    .input(portalAvailabilityInput)
    .output(portalAvailabilityOutput)
    .query(async ({ ctx, input }) => {
      await ctx.bookingThrottle.read(ctx.request.ip);
      const session = await signedIn(ctx, input.slug, "portal.appointments.availability");
      const now = ctx.now();
      return inTenant(ctx, session, async (tx) => {
        const appointment = await ownAppointment(tx, session, input.appointmentId);
        const result = await getAvailability(tx, {
          serviceId: appointment.serviceId,
          addOnIds: appointment.addOnIds,
          assetId: appointment.assetId,
          customerId: session.customerId,
          from: input.from,
          to: input.to,
          actor: "customer",
          now,
          ...(input.purpose === "move" && LIVE.has(appointment.status) ? { exceptId: appointment.id } : {}),
        });
        return { timeZone: result.timeZone, starts: result.slots.map((slot) => slot.start.toISOString()) };
      });
    }),

  /** Books the same service, add-ons and asset again at a start the customer tapped. */
  rebook: publicProcedure
    .input(portalRebookInput)
    .output(portalAppointmentChangeOutput)
    .mutation(async ({ ctx, input }) => {
      const session = await signedIn(ctx, input.slug, "portal.appointments.rebook");
      await ctx.bookingThrottle.book(ctx.request.ip, `portal:${session.tenant.id}:${session.customerId}`);
      const now = ctx.now();
      const { view, change } = await inTenant(ctx, session, async (tx) => {
        const booking = await loadBookingContext(tx, now);
        if (!booking.settings.onlineBookingEnabled)
          throw new AppError(
            "FORBIDDEN",
            `${session.tenant.name} isn't taking bookings online right now. Call or text them to book.`,
          );
        const from = await ownAppointment(tx, session, input.fromAppointmentId);
        const asset = from.assetId
          ? await tx.asset.findFirst({ where: { id: from.assetId, archivedAt: null }, select: { id: true } })
          : null;
        const change = await createAppointment(
          tx,
          {
            customerId: session.customerId,
            serviceId: from.serviceId,
            addOnIds: from.addOnIds,
            assetId: asset?.id ?? null,
            startsAt: input.startsAt,
            actor: { kind: "customer" },
            now,
          },
          booking,
        );
        const created = await ownAppointment(tx, session, change.appointment.id);
        const [view] = await appointmentViews(tx, [created], booking, now);
        return { view: view!, change };
      });
      await afterCommit(ctx, session.tenant.id, [change]);
      return { appointment: view, feeCents: 0 };
    }),

  reschedule: publicProcedure
    .input(portalRescheduleInput)
    .output(portalAppointmentChangeOutput)
    .mutation(async ({ ctx, input }) => {
      const session = await signedIn(ctx, input.slug, "portal.appointments.reschedule");
      const now = ctx.now();
      const { view, change, feeCents } = await inTenant(ctx, session, async (tx) => {
        const booking = await loadBookingContext(tx, now);
        const current = await ownAppointment(tx, session, input.appointmentId);
        const feeCents = checkLateChange(booking, current, now, input.acceptFeeCents, "move", session.tenant.name);
        const change: AppointmentChange = await rescheduleAppointment(
          tx,
          { id: current.id, startsAt: input.startsAt, actor: { kind: "customer" }, now },
          booking,
        );
        if (feeCents > 0 && change.appointment.startsAt.getTime() !== current.startsAt.getTime()) {
          await tx.appointment.update({
            where: { tenantId_id: { tenantId: current.tenantId, id: current.id } },
            data: { lateChangeFeeCents: { increment: feeCents } },
          });
          await tx.appointmentEvent.create({
            data: {
              tenantId: current.tenantId,
              appointmentId: current.id,
              kind: "late_change_fee",
              actor: "customer",
              details: { feeCents, agreedInPortal: true, from: current.startsAt.toISOString() },
            },
          });
        }
        const [view] = await appointmentViews(tx, [await ownAppointment(tx, session, current.id)], booking, now);
        return { view: view!, change, feeCents };
      });
      await afterCommit(ctx, session.tenant.id, [change]);
      return { appointment: view, feeCents };
    }),

  cancel: publicProcedure
    .input(portalCancelInput)
    .output(portalAppointmentChangeOutput)
    .mutation(async ({ ctx, input }) => {
      const session = await signedIn(ctx, input.slug, "portal.appointments.cancel");
      const now = ctx.now();
      const { view, change } = await inTenant(ctx, session, async (tx) => {
        const booking = await loadBookingContext(tx, now);
        const current = await ownAppointment(tx, session, input.appointmentId);
        checkLateChange(booking, current, now, input.acceptFeeCents, "cancel", session.tenant.name);
        const change = await cancelAppointment(
          tx,
          {
            id: current.id,
            reason: input.reason ?? "Cancelled by the customer in the portal",
            actor: { kind: "customer" },
            now,
          },
          booking,
        );
        const [view] = await appointmentViews(tx, [await ownAppointment(tx, session, current.id)], booking, now);
        return { view: view!, change };
      });
      await afterCommit(ctx, session.tenant.id, [change]);
      return { appointment: view, feeCents: change.appointment.cancellationFeeCents };
    }),
});

type AssetRow = {
  id: string;
  kind: "vehicle" | "pet" | "property";
  label: string;
  details: unknown;
  notes: string | null;
};
const assetView = (row: AssetRow): z.infer<typeof portalAssetSchema> => ({
  id: row.id,
  kind: row.kind,
  label: row.label,
  details: row.details && typeof row.details === "object" ? (row.details as Record<string, unknown>) : {},
  notes: row.notes,
});

const assetsRouter = createRouter({
  list: publicProcedure
    .input(portalSlugInput)
    .output(portalAssetsOutput)
    .query(async ({ ctx, input }) => {
      const session = await signedIn(ctx, input.slug, "portal.assets.list");
      const rows = await inTenant(ctx, session, (tx) =>
        tx.asset.findMany({
          where: { customerId: session.customerId, archivedAt: null },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        }),
      );
      return { assets: rows.map(assetView) };
    }),

  create: publicProcedure
    .input(portalAssetCreateInput)
    .output(portalAssetSchema)
    .mutation(async ({ ctx, input }) => {
      const session = await signedIn(ctx, input.slug, "portal.assets.create");
      const row = await inTenant(ctx, session, async (tx) => {
        const count = await tx.asset.count({ where: { customerId: session.customerId, archivedAt: null } });
        if (count >= 50)
          throw new AppError(
            "BAD_REQUEST",
            "Your account has 50 saved items, the most it can hold. Ask the business to tidy up old ones.",
          );
        return tx.asset.create({
          data: {
            tenantId: session.tenant.id,
            customerId: session.customerId,
            kind: input.kind,
            label: assetLabel(input.kind, input.details),
            details: input.details as Prisma.InputJsonObject,
            sizeClass: assetSizeClass(input.kind, input.details),
            notes: input.notes ?? null,
          },
        });
      });
      return assetView(row);
    }),

  update: publicProcedure
    .input(portalAssetUpdateInput)
    .output(portalAssetSchema)
    .mutation(async ({ ctx, input }) => {
      const session = await signedIn(ctx, input.slug, "portal.assets.update");
      const row = await inTenant(ctx, session, async (tx) => {
        const current = await tx.asset.findFirst({
          where: { id: input.id, customerId: session.customerId, archivedAt: null },
        });
        if (!current)
          throw new AppError("NOT_FOUND", "We couldn't find that item in your account. Reload to see your list.");
        if (current.kind !== input.kind)
          throw new AppError(
            "BAD_REQUEST",
            `This is a ${current.kind}; it can't become a ${input.kind}. Add a new one instead.`,
          );
        return tx.asset.update({
          where: { tenantId_id: { tenantId: session.tenant.id, id: current.id } },
          data: {
            label: assetLabel(input.kind, input.details),
            details: input.details as Prisma.InputJsonObject,
            sizeClass: assetSizeClass(input.kind, input.details),
            ...(input.notes === undefined ? {} : { notes: input.notes }),
          },
        });
      });
      return assetView(row);
    }),
});

const profileRouter = createRouter({
  update: publicProcedure
    .input(portalProfileInput)
    .output(z.object({ name: z.string().nullable(), email: z.string().nullable() }))
    .mutation(async ({ ctx, input }) => {
      const session = await signedIn(ctx, input.slug, "portal.profile.update");
      return inTenant(ctx, session, async (tx) => {
        const current = await tx.customer.findFirstOrThrow({ where: { id: session.customerId } });
        const updated = await tx.customer.update({
          where: { tenantId_id: { tenantId: session.tenant.id, id: current.id } },
          data: {
            name: input.name,
            email: input.email,
            ...customerSearchKeys({
              name: input.name,
              email: input.email,
              phone: current.phone,
              altPhones: current.altPhones,
            }),
          },
          select: { name: true, email: true },
        });
        return updated;
      });
    }),

  /** Texts on or off: a consent change in the ledger, with the portal as its evidence. */
  setTexts: publicProcedure
    .input(portalTextsInput)
    .output(z.object({ textsAllowed: z.boolean(), note: z.string().nullable() }))
    .mutation(async ({ ctx, input }) => {
      const session = await signedIn(ctx, input.slug, "portal.profile.setTexts");
      return inTenant(ctx, session, async (tx) => {
        const customer = await tx.customer.findFirstOrThrow({
          where: { id: session.customerId },
          select: { phone: true },
        });
        const wasOut = await isOptedOut(tx, customer.phone);
        await recordConsentChange(tx, session.tenant.id, {
          phone: customer.phone,
          state: input.allow ? "opted_in" : "opted_out",
          source: "portal",
          evidence: {
            via: "portal",
            ...(input.allow ? { text: portalTextsConsentText(session.tenant.name) } : {}),
            ip: ctx.request.ip ?? null,
            userAgent: ctx.request.userAgent ?? null,
            requestId: ctx.request.requestId,
          },
        });
        const number = await businessPhone(tx);
        return {
          textsAllowed: input.allow,
          // Twilio keeps blocking a number that texted STOP until it texts START, whatever our ledger says.
          note:
            input.allow && wasOut && number
              ? `If you turned texts off by replying STOP, also text START to ${number} so your carrier lets them through.`
              : null,
        };
      });
    }),

  /**
   * Offers by text on or off: marketing consent only, in the ledger with purpose marketing and the
   * portal as evidence. Turning offers off keeps appointment texts; turning them on needs texts on.
   */
  setOffers: publicProcedure
    .input(portalOffersInput)
    .output(z.object({ offersAllowed: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const session = await signedIn(ctx, input.slug, "portal.profile.setOffers");
      return inTenant(ctx, session, async (tx) => {
        const customer = await tx.customer.findFirstOrThrow({
          where: { id: session.customerId },
          select: { phone: true },
        });
        if (input.allow && (await isOptedOut(tx, customer.phone)))
          throw new AppError("PRECONDITION_FAILED", "Offers come by text: turn texts on first, then offers.");
        await recordMarketingConsent(tx, session.tenant.id, {
          phone: customer.phone,
          state: input.allow ? "opted_in" : "opted_out",
          source: "portal",
          evidence: {
            via: "portal",
            customerId: session.customerId,
            ...(input.allow ? { text: portalOffersConsentText(session.tenant.name) } : {}),
            ip: ctx.request.ip ?? null,
            userAgent: ctx.request.userAgent ?? null,
            requestId: ctx.request.requestId,
          },
        });
        return { offersAllowed: await hasMarketingConsent(tx, customer.phone) };
      });
    }),
});

export const portalAccountRouters = {
  /** Everything the home page needs in one call. */
  me: publicProcedure
    .input(portalSlugInput)
    .output(portalMeOutput)
    .query(async ({ ctx, input }) => {
      const session = await signedIn(ctx, input.slug, "portal.me");
      const now = ctx.now();
      return inTenant(ctx, session, async (tx) => {
        const booking = await loadBookingContext(tx, now);
        const [customer, next, basis, phone, loyalty, serviceKind] = await Promise.all([
          tx.customer.findFirstOrThrow({ where: { id: session.customerId } }),
          tx.appointment.findFirst({
            where: { customerId: session.customerId, status: { in: ["booked", "confirmed"] }, endsAt: { gt: now } },
            orderBy: { startsAt: "asc" },
            include: withNames,
          }),
          rebookBasis(tx, session.customerId),
          businessPhone(tx),
          tx.loyaltySettings.findFirst(),
          tx.service.findFirst({
            where: { active: true, assetKind: { not: null } },
            orderBy: [{ position: "asc" }, { createdAt: "asc" }],
            select: { assetKind: true },
          }),
        ]);
        const [nextView] = next ? await appointmentViews(tx, [next], booking, now) : [];
        const [basisView] = basis ? await appointmentViews(tx, [basis], booking, now) : [];
        const { tier } = tierFor(customer.pointsEarned, tiersOf(loyalty?.tiers));
        return {
          business: {
            name: session.tenant.name,
            slug: session.tenant.slug,
            timeZone: booking.tenant.timeZone,
            assetKind: serviceKind?.assetKind ?? null,
            phone,
            cancellationWindowHours: booking.settings.cancellationWindowHours,
            cancellationFeeCents: booking.settings.cancellationFeeCents,
          },
          customer: {
            name: customer.name,
            phone: customer.phone,
            email: customer.email,
            textsAllowed: !(await isOptedOut(tx, customer.phone)),
            offersAllowed: await hasMarketingConsent(tx, customer.phone),
          },
          session: { remembered: session.remembered, expiresAt: session.expiresAt.toISOString() },
          nextAppointment: nextView ?? null,
          rebook:
            basis && basisView
              ? {
                  fromAppointmentId: basis.id,
                  serviceName: basisView.serviceName,
                  assetLabel: basisView.assetLabel,
                  addOnNames: basisView.addOnNames,
                  priceLabel: basisView.priceLabel,
                  durationMinutes: basis.durationMinutes,
                }
              : null,
          points: {
            enabled: loyalty?.enabled ?? false,
            balance: customer.pointsBalance,
            tier: loyalty?.enabled ? tier : null,
          },
        };
      });
    }),
  appointments: appointmentsRouter,
  assets: assetsRouter,
  profile: profileRouter,
};
