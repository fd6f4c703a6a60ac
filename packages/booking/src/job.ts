// What is being booked: the service, its add-ons and the asset (whose size class adjusts the price and
// the time), turned into the figures kept on the appointment and the rule the schedule checks.
import type { Asset, Service, TenantTx } from "@servicepro/db";
import { AppError, fieldErrors } from "@servicepro/errors";
import { type PricedService, priceAndDuration, type ServiceRule, serviceRuleSchema } from "@servicepro/scheduling";

export type SizeAdjustment = { sizeClass: string; durationMinutes: number; priceCents: number };

export type JobRequest = {
  serviceId: string;
  addOnIds: readonly string[];
  assetId?: string | null | undefined;
  sizeClass?: string | null | undefined;
  /** When set, the asset must be this customer's. */
  customerId?: string | null | undefined;
};

export type Job = {
  service: Service;
  addOns: { id: string; name: string; durationMinutes: number; priceCents: number }[];
  asset: Pick<Asset, "id" | "label" | "sizeClass" | "customerId"> | null;
  sizeClass: string | null;
  priced: PricedService;
  /** The scheduling rule (days, dates, start windows) with the job's full duration. */
  rule: ServiceRule;
};

/** The service's size adjustments as stored (JSON); malformed entries are ignored rather than crash a booking. */
export function sizeAdjustmentsOf(service: Pick<Service, "sizeAdjustments">): SizeAdjustment[] {
  const value = service.sizeAdjustments;
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const e = entry as Partial<SizeAdjustment> | null;
    return e &&
      typeof e.sizeClass === "string" &&
      Number.isSafeInteger(e.durationMinutes) &&
      Number.isSafeInteger(e.priceCents) &&
      (e.durationMinutes ?? -1) >= 0 &&
      (e.priceCents ?? -1) >= 0
      ? [{ sizeClass: e.sizeClass, durationMinutes: e.durationMinutes!, priceCents: e.priceCents! }]
      : [];
  });
}

/** The service's booking rules (days, dates, start windows) as stored; anything unreadable counts as "no rule". */
export function serviceRuleOf(
  service: Pick<Service, "bookingRules" | "quoteOnly">,
  durationMinutes: number,
  online: boolean,
): ServiceRule {
  const stored = (service.bookingRules ?? {}) as Record<string, unknown>;
  const parsed = serviceRuleSchema.safeParse({
    durationMinutes,
    quoteOnly: false,
    days: stored.days ?? null,
    dateRange: stored.dateRange ?? null,
    startWindows: stored.startWindows ?? null,
  });
  const base = parsed.success ? parsed.data : { durationMinutes, quoteOnly: false };
  // Quote-only work is never bookable online; the business books the on-site visit itself.
  return { ...base, durationMinutes, quoteOnly: online && service.quoteOnly };
}

export const serviceNotFound = () =>
  new AppError("NOT_FOUND", "We couldn't find that service. It may have been removed; choose one from the list.");

/** Loads and checks everything a booking of `request` is priced and timed from. */
export async function loadJob(
  tx: TenantTx,
  request: JobRequest,
  options: { online: boolean; includeArchived?: boolean },
): Promise<Job> {
  const service = await tx.service.findFirst({
    where: { id: request.serviceId, ...(options.includeArchived ? {} : { active: true }) },
  });
  if (!service) throw serviceNotFound();

  const wanted = [...new Set(request.addOnIds)];
  const addOns =
    wanted.length === 0
      ? []
      : await tx.addOn.findMany({
          where: { id: { in: wanted }, ...(options.includeArchived ? {} : { active: true }) },
          select: { id: true, name: true, durationMinutes: true, priceCents: true, serviceIds: true },
        });
  const offered = addOns.filter((a) => a.serviceIds.length === 0 || a.serviceIds.includes(service.id));
  if (offered.length !== wanted.length)
    throw fieldErrors([
      {
        path: ["addOnIds"],
        message: "One of the chosen add-ons isn't offered with this service. Choose the add-ons again.",
      },
    ]);

  let asset: Job["asset"] = null;
  if (request.assetId) {
    asset = await tx.asset.findFirst({
      where: { id: request.assetId, archivedAt: null },
      select: { id: true, label: true, sizeClass: true, customerId: true },
    });
    if (!asset || (request.customerId && asset.customerId !== request.customerId))
      throw new AppError("NOT_FOUND", "We couldn't find that vehicle, pet or property on this customer's record.");
  }

  const adjustments = sizeAdjustmentsOf(service);
  const sizeClass = asset?.sizeClass ?? request.sizeClass ?? null;
  const adjustment = sizeClass ? adjustments.find((a) => a.sizeClass === sizeClass) : undefined;
  if (request.sizeClass && !asset && adjustments.length > 0 && !adjustment)
    throw fieldErrors([
      {
        path: ["sizeClass"],
        message: `Choose one of the sizes offered: ${adjustments.map((a) => a.sizeClass).join(", ")}.`,
      },
    ]);

  const priced = priceAndDuration({
    service: {
      durationMinutes: service.durationMinutes,
      priceCents: service.priceCents,
      priceMinCents: service.priceMinCents,
      priceMaxCents: service.priceMaxCents,
    },
    addOns: offered,
    adjustments: adjustment ? [adjustment] : [],
  });
  return {
    service,
    addOns: offered.map(({ id, name, durationMinutes, priceCents }) => ({ id, name, durationMinutes, priceCents })),
    asset,
    sizeClass,
    priced,
    rule: serviceRuleOf(service, priced.durationMinutes, options.online),
  };
}
