// The public booking page (`/book/<slug>`): what a business offers, its open times, and booking one.
// No sign-in. The business is found by its slug through the platform's audited lookup (routing
// crosses tenants by nature, as `portal.business` does); everything after that runs in the
// business's own RLS-scoped transaction. Rate-limited per client address and per phone number.
import {
  createAppointment,
  getAvailability,
  loadBookingContext,
  type SizeAdjustment,
  sizeAdjustmentsOf,
} from "@servicepro/booking";
import { type Prisma, platformDb, tenantDb } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import { hasOptedIn, isOptedOut, recordConsentChange, recordMarketingConsent } from "@servicepro/sms";
import {
  bookingAvailabilityInput,
  bookingAvailabilityOutput,
  bookingConsentText,
  bookingCreateInput,
  bookingCreateOutput,
  bookingMarketingConsentText,
  bookingPageInput,
  bookingPageOutput,
  customerSearchKeys,
} from "@servicepro/validators";
import type { Context } from "../context.ts";
import { createRouter, publicProcedure } from "../trpc.ts";
import { afterCommit } from "./tenant/appointments-shared.ts";
import { priceLabel } from "./tenant/catalog-shared.ts";

type PublicTenant = { id: string; name: string; slug: string; onlineBookingEnabled: boolean };

const notFound = () =>
  new AppError("NOT_FOUND", "We couldn't find that business. Check the booking link the business gave you.");

/** The business behind a booking link, while it operates; 404 otherwise. */
async function publicTenant(ctx: Context, slug: string, purpose: string): Promise<PublicTenant> {
  const tenant = await platformDb(ctx.db, { actorUserId: null, purpose, requestId: ctx.request.requestId }).run((tx) =>
    tx.tenant.findUnique({
      where: { slug },
      select: {
        id: true,
        name: true,
        slug: true,
        status: true,
        bookingSettings: { select: { onlineBookingEnabled: true } },
      },
    }),
  );
  if (!tenant || tenant.status === "cancelled" || tenant.status === "suspended") throw notFound();
  return {
    id: tenant.id,
    name: tenant.name,
    slug: tenant.slug,
    onlineBookingEnabled: tenant.bookingSettings?.onlineBookingEnabled ?? true,
  };
}

const bookingClosed = (tenant: PublicTenant) =>
  new AppError(
    "FORBIDDEN",
    `${tenant.name} isn't taking bookings online right now. Call or text the business to book.`,
  );

export const bookingRouter = createRouter({
  /** The business's name and zone, its services with prices and sizes, add-ons and policies. */
  page: publicProcedure
    .input(bookingPageInput)
    .output(bookingPageOutput)
    .query(async ({ ctx, input }) => {
      await ctx.bookingThrottle.read(ctx.request.ip);
      const tenant = await publicTenant(ctx, input.slug, "booking.page");
      return tenantDb(ctx.db, tenant.id).run(async (tx) => {
        const booking = await loadBookingContext(tx, ctx.now());
        const order = [{ position: "asc" as const }, { createdAt: "asc" as const }];
        const [services, addOns] = await Promise.all([
          tx.service.findMany({ where: { active: true }, orderBy: order }),
          tx.addOn.findMany({ where: { active: true }, orderBy: order }),
        ]);
        const { settings } = booking;
        return {
          business: { name: tenant.name, slug: tenant.slug, timeZone: booking.tenant.timeZone },
          onlineBookingEnabled: settings.onlineBookingEnabled,
          services: services.map((service) => ({
            id: service.id,
            name: service.name,
            description: service.description,
            durationMinutes: service.durationMinutes,
            priceCents: service.priceCents,
            priceMinCents: service.priceMinCents,
            priceMaxCents: service.priceMaxCents,
            priceLabel: priceLabel(service),
            quoteOnly: service.quoteOnly,
            assetKind: service.assetKind,
            sizeClasses: sizeAdjustmentsOf(service).map((a: SizeAdjustment) => ({ ...a })),
            addOns: addOns
              .filter((a) => a.serviceIds.length === 0 || a.serviceIds.includes(service.id))
              .map((a) => ({
                id: a.id,
                name: a.name,
                description: a.description,
                durationMinutes: a.durationMinutes,
                priceCents: a.priceCents,
                priceLabel: priceLabel({ priceCents: a.priceCents, priceMinCents: null, priceMaxCents: null }),
              })),
          })),
          policies: {
            depositCents: settings.depositCents,
            cancellationWindowHours: settings.cancellationWindowHours,
            cancellationFeeCents: settings.cancellationFeeCents,
            leadTimeMinutes: settings.leadTimeMinutes,
            bookingWindowDays: settings.bookingWindowDays,
          },
          smsConsentText: bookingConsentText(tenant.name),
          marketingConsentText: bookingMarketingConsentText(tenant.name),
        };
      });
    }),

  /** Open start times for a service (with add-ons and size) in [from, to), as the public may book them. */
  availability: publicProcedure
    .input(bookingAvailabilityInput)
    .output(bookingAvailabilityOutput)
    .query(async ({ ctx, input }) => {
      await ctx.bookingThrottle.read(ctx.request.ip);
      const tenant = await publicTenant(ctx, input.slug, "booking.availability");
      if (!tenant.onlineBookingEnabled) throw bookingClosed(tenant);
      const now = ctx.now();
      const result = await tenantDb(ctx.db, tenant.id).run((tx) =>
        getAvailability(tx, {
          serviceId: input.serviceId,
          addOnIds: input.addOnIds,
          sizeClass: input.sizeClass ?? null,
          from: input.from,
          to: input.to,
          actor: "customer",
          now,
        }),
      );
      return {
        timeZone: result.timeZone,
        durationMinutes: result.durationMinutes,
        starts: result.slots.map((slot) => slot.start.toISOString()),
      };
    }),

  /**
   * Books a start for the customer: finds them by phone (or adds them, source booking_page), adds the
   * asset they described, records an SMS opt-in only when the box was ticked, and books as the
   * customer, all in one transaction. A start someone else took first: 409 with the nearest times.
   */
  create: publicProcedure
    .input(bookingCreateInput)
    .output(bookingCreateOutput)
    .mutation(async ({ ctx, input }) => {
      const tenant = await publicTenant(ctx, input.slug, "booking.create");
      if (!tenant.onlineBookingEnabled) throw bookingClosed(tenant);
      await ctx.bookingThrottle.book(ctx.request.ip, input.phone);
      const now = ctx.now();
      const { result, change } = await tenantDb(ctx.db, tenant.id).run(async (tx) => {
        const booking = await loadBookingContext(tx, now);
        // The setting may have changed since the lookup above; this read is the one inside the booking's transaction.
        if (!booking.settings.onlineBookingEnabled) throw bookingClosed(tenant);
        const service = await tx.service.findFirst({
          where: { id: input.serviceId, active: true },
          select: { name: true, assetKind: true },
        });

        const existing = await tx.customer.findFirst({ where: { phone: input.phone } });
        // A name or email the business already has is kept: staff may have corrected it.
        const name = existing?.name ?? input.name;
        const email = existing?.email ?? input.email;
        const keys = customerSearchKeys({ name, email, phone: input.phone, altPhones: existing?.altPhones ?? [] });
        const customer = existing
          ? await tx.customer.update({
              where: { tenantId_id: { tenantId: tenant.id, id: existing.id } },
              data: { name, email, lastSeenAt: now, ...keys },
            })
          : await tx.customer.create({
              data: {
                tenantId: tenant.id,
                phone: input.phone,
                name,
                email,
                source: "booking_page",
                lastSeenAt: now,
                ...keys,
              },
            });

        // The asset is created only for a service that works on one; otherwise the description stays in the notes.
        const asset =
          input.assetDescription && service?.assetKind
            ? await tx.asset.create({
                data: {
                  tenantId: tenant.id,
                  customerId: customer.id,
                  kind: service.assetKind,
                  label: input.assetDescription,
                  details: { description: input.assetDescription } satisfies Prisma.InputJsonObject,
                  sizeClass: input.sizeClass ?? null,
                },
              })
            : null;
        const notes =
          input.assetDescription && !asset
            ? [input.assetDescription, input.notes].filter(Boolean).join("\n")
            : input.notes;

        if (input.smsConsent) {
          await recordConsentChange(tx, tenant.id, {
            phone: input.phone,
            state: "opted_in",
            source: "booking_page",
            evidence: {
              via: "booking_page",
              text: bookingConsentText(tenant.name),
              ip: ctx.request.ip ?? null,
              userAgent: ctx.request.userAgent ?? null,
              requestId: ctx.request.requestId,
            },
          });
        }
        // The offers box is its own consent. A number that texted STOP and ticks only this box
        // stays opted out: it has to opt back in to texts first (the appointment box, or START).
        if (input.marketingConsent && !(await isOptedOut(tx, input.phone))) {
          await recordMarketingConsent(tx, tenant.id, {
            phone: input.phone,
            state: "opted_in",
            source: "booking_page",
            evidence: {
              via: "booking_page",
              text: bookingMarketingConsentText(tenant.name),
              ip: ctx.request.ip ?? null,
              userAgent: ctx.request.userAgent ?? null,
              requestId: ctx.request.requestId,
            },
          });
        }

        const change = await createAppointment(
          tx,
          {
            customerId: customer.id,
            serviceId: input.serviceId,
            addOnIds: input.addOnIds,
            assetId: asset?.id ?? null,
            sizeClass: asset ? null : (input.sizeClass ?? null),
            startsAt: input.startsAt,
            customerNotes: notes,
            actor: { kind: "customer" },
            now,
          },
          booking,
        );
        const { appointment } = change;
        const result = {
          appointmentId: appointment.id,
          status: appointment.status,
          startsAt: appointment.startsAt.toISOString(),
          endsAt: appointment.endsAt.toISOString(),
          timeZone: booking.tenant.timeZone,
          businessName: tenant.name,
          serviceName: service?.name ?? "",
          priceCents: appointment.priceCents,
          priceMinCents: appointment.priceMinCents,
          priceMaxCents: appointment.priceMaxCents,
          priceLabel: priceLabel(appointment),
          depositCents: appointment.depositCents,
          // Texts about an online booking go out only with express consent on record (the ticked box now, or earlier).
          textsEnabled: await hasOptedIn(tx, input.phone),
        };
        return { result, change };
      });
      await afterCommit(ctx, tenant.id, [change]);
      return result;
    }),
});
