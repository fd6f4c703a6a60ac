// Loyalty over a tenant transaction (row-level security scopes every statement). The ledger
// (loyalty_entries) is append-only and customers.points_balance is its running sum: every change
// writes one entry whose balance_after is the balance the same statement left on the customer row.
// Concurrency rests on the customer row: points are taken by one guarded UPDATE (balance >= cost)
// and added under the row's lock, so two requests can never both spend the same points, and the
// CHECK (points_balance >= 0) is the last word. Refusals are AppErrors with messages a person can act on.
import { randomUUID } from "node:crypto";
import type { AppointmentStatus, LoyaltyEntryKind, LoyaltyRedemption, TenantTx } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import type {
  ActorKind,
  loyaltyRedeemOutput,
  loyaltyRedemptionSchema,
  loyaltyRewardSchema,
  loyaltySummaryOutput,
} from "@servicepro/validators";
import type { z } from "zod";
import {
  ACTIVITY_KINDS,
  describeEntry,
  hasLapsed,
  lapseDate,
  shortDate,
  shortOfPointsMessage,
  type Tier,
  tierFor,
  tiersOf,
  visitPoints,
} from "./rules.ts";

export type LoyaltyActor = { kind: ActorKind; userId?: string | null };

export type LoyaltySettingsView = {
  enabled: boolean;
  pointsPerDollar: number;
  pointsPerVisit: number;
  reviewBonus: number;
  referralBonus: number;
  expiryMonths: number | null;
  tiers: Tier[];
};

/** A business that never saved its programme: off, with the table's defaults. */
export const DEFAULT_LOYALTY_SETTINGS: LoyaltySettingsView = {
  enabled: false,
  pointsPerDollar: 1,
  pointsPerVisit: 0,
  reviewBonus: 0,
  referralBonus: 0,
  expiryMonths: null,
  tiers: [],
};

export type LoyaltySummary = z.infer<typeof loyaltySummaryOutput>;
export type LoyaltyRedeemResult = z.infer<typeof loyaltyRedeemOutput>;
export type LoyaltyRewardView = z.infer<typeof loyaltyRewardSchema>;
export type LoyaltyRedemptionView = z.infer<typeof loyaltyRedemptionSchema>;

const LIVE: readonly AppointmentStatus[] = ["booked", "confirmed"];

export const customerNotFound = () =>
  new AppError("NOT_FOUND", "We couldn't find that customer. Reload and choose them again.");
export const rewardNotFound = () =>
  new AppError("NOT_FOUND", "That reward isn't offered any more. Reload to see the current rewards.");
const redemptionNotFound = () =>
  new AppError("NOT_FOUND", "We couldn't find that redeemed reward. Reload to see the customer's current points.");
const loyaltyOff = () =>
  new AppError(
    "BAD_REQUEST",
    "This business's loyalty programme is turned off, so rewards can't be redeemed. Turn it on in Loyalty settings.",
  );

export async function loadLoyaltySettings(tx: TenantTx): Promise<LoyaltySettingsView> {
  const row = await tx.loyaltySettings.findFirst();
  if (!row) return DEFAULT_LOYALTY_SETTINGS;
  return {
    enabled: row.enabled,
    pointsPerDollar: row.pointsPerDollar,
    pointsPerVisit: row.pointsPerVisit,
    reviewBonus: row.reviewBonus,
    referralBonus: row.referralBonus,
    expiryMonths: row.expiryMonths,
    tiers: tiersOf(row.tiers),
  };
}

type CustomerPoints = { tenantId: string; id: string; balance: number; earned: number };
type CustomerRow = { tenant_id: string; id: string; points_balance: number; points_earned: number };

const toPoints = (row: CustomerRow): CustomerPoints => ({
  tenantId: row.tenant_id,
  id: row.id,
  balance: row.points_balance,
  earned: row.points_earned,
});

/** The customer's points; `lock` takes the row (FOR UPDATE) so the caller's read-then-write is exact. */
async function readCustomer(tx: TenantTx, customerId: string, lock: boolean): Promise<CustomerPoints> {
  const rows = lock
    ? await tx.$queryRaw<CustomerRow[]>`
        SELECT tenant_id, id, points_balance, points_earned FROM customers WHERE id = ${customerId}::uuid FOR UPDATE`
    : await tx.$queryRaw<CustomerRow[]>`
        SELECT tenant_id, id, points_balance, points_earned FROM customers WHERE id = ${customerId}::uuid`;
  const row = rows[0];
  if (!row) throw customerNotFound();
  return toPoints(row);
}

type NewEntry = {
  tenantId: string;
  customerId: string;
  kind: LoyaltyEntryKind;
  points: number;
  balanceAfter: number;
  appointmentId?: string | null;
  redemptionId?: string | null;
  reason?: string | null;
  actor: LoyaltyActor;
  idempotencyKey: string;
  now: Date;
};

/** Appends one ledger entry; false when its idempotency key is already there (nothing written). */
async function appendEntry(tx: TenantTx, entry: NewEntry): Promise<string | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO loyalty_entries (tenant_id, id, customer_id, kind, points, balance_after, appointment_id,
      redemption_id, reason, actor_kind, actor_user_id, idempotency_key, created_at)
    VALUES (${entry.tenantId}, ${randomUUID()}::uuid, ${entry.customerId}::uuid,
      ${entry.kind}::loyalty_entry_kind, ${entry.points}, ${entry.balanceAfter},
      ${entry.appointmentId ?? null}::uuid, ${entry.redemptionId ?? null}::uuid, ${entry.reason ?? null},
      ${entry.actor.kind}::actor_kind, ${entry.actor.userId ?? null}::uuid, ${entry.idempotencyKey}, ${entry.now})
    ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
    RETURNING id`;
  return rows[0]?.id ?? null;
}

/** Adds (or, negative, removes) points on the customer row; the new balance, or null when it would go below zero. */
async function moveBalance(
  tx: TenantTx,
  customer: { tenantId: string; id: string },
  points: number,
  earned: "earned" | "not_earned",
): Promise<{ balance: number; earned: number } | null> {
  // Earning raises points ever earned; a staff correction downwards lowers it (never below zero), so
  // a mistaken award does not leave a tier behind. Redemptions, refunds and lapses leave it alone.
  const earnedDelta = earned === "earned" ? points : 0;
  const rows = await tx.$queryRaw<{ points_balance: number; points_earned: number }[]>`
    UPDATE customers
    SET points_balance = points_balance + ${points}, points_earned = GREATEST(points_earned + ${earnedDelta}, 0)
    WHERE tenant_id = ${customer.tenantId} AND id = ${customer.id}::uuid AND points_balance + ${points} >= 0
    RETURNING points_balance, points_earned`;
  const row = rows[0];
  return row ? { balance: row.points_balance, earned: row.points_earned } : null;
}

async function lastActivityAt(tx: TenantTx, customerId: string): Promise<Date | null> {
  const rows = await tx.$queryRaw<{ at: Date | null }[]>`
    SELECT max(created_at) AS at FROM loyalty_entries
    WHERE customer_id = ${customerId}::uuid AND kind::text = ANY(${[...ACTIVITY_KINDS]}::text[])`;
  return rows[0]?.at ?? null;
}

/**
 * Lazy expiry: when the programme has an expiry and nothing was earned or redeemed for that many
 * months, the balance lapses now (one "expire" entry). Checked whenever points are read or moved,
 * so no job has to sweep every customer. A paused programme (turned off) lapses nothing.
 */
async function applyExpiry(
  tx: TenantTx,
  settings: LoyaltySettingsView,
  customerId: string,
  now: Date,
): Promise<{ customer: CustomerPoints; lastActivity: Date | null }> {
  const customer = await readCustomer(tx, customerId, false);
  if (!settings.enabled || settings.expiryMonths === null || customer.balance <= 0)
    return { customer, lastActivity: customer.balance > 0 ? await lastActivityAt(tx, customerId) : null };
  const lastActivity = await lastActivityAt(tx, customerId);
  if (!hasLapsed(customer.balance, lastActivity, settings.expiryMonths, now)) return { customer, lastActivity };
  // Re-read under the lock: another request may have lapsed or spent the points meanwhile.
  const locked = await readCustomer(tx, customerId, true);
  if (locked.balance <= 0) return { customer: locked, lastActivity };
  await appendEntry(tx, {
    tenantId: locked.tenantId,
    customerId,
    kind: "expire",
    points: -locked.balance,
    balanceAfter: 0,
    reason: null,
    actor: { kind: "system" },
    idempotencyKey: `expire:${customerId}:${randomUUID()}`,
    now,
  });
  const moved = await moveBalance(tx, locked, -locked.balance, "not_earned");
  return { customer: { ...locked, balance: moved?.balance ?? 0 }, lastActivity };
}

// ─── earning ─────────────────────────────────────────────────────────────────────────────────────

export type AccrueVisitArgs = {
  appointmentId: string;
  customerId: string;
  chargedCents: number;
  actor: LoyaltyActor;
  now: Date;
};

/**
 * Points for a completed appointment, once: the entry's key is `visit:<appointment id>`, so
 * completing (or accruing) twice, even in two racing transactions, adds the points once. Nothing
 * happens when the programme is off or the visit earns no points. Returns what was added, or null.
 */
export async function accrueVisit(
  tx: TenantTx,
  args: AccrueVisitArgs,
): Promise<{ points: number; balance: number } | null> {
  const settings = await loadLoyaltySettings(tx);
  if (!settings.enabled) return null;
  const points = visitPoints(args.chargedCents, settings);
  if (points <= 0) return null;
  await applyExpiry(tx, settings, args.customerId, args.now);
  const customer = await readCustomer(tx, args.customerId, true);
  const entryId = await appendEntry(tx, {
    tenantId: customer.tenantId,
    customerId: customer.id,
    kind: "visit",
    points,
    balanceAfter: customer.balance + points,
    appointmentId: args.appointmentId,
    actor: args.actor,
    idempotencyKey: `visit:${args.appointmentId}`,
    now: args.now,
  });
  if (!entryId) return null;
  const moved = await moveBalance(tx, customer, points, "earned");
  return { points, balance: moved!.balance };
}

export type AdjustPointsArgs = {
  customerId: string;
  /** Points to add, or (negative, adjustments only) to take away. */
  points: number;
  kind: "adjust" | "review_bonus" | "referral_bonus";
  reason: string;
  actor: LoyaltyActor;
  now: Date;
};

export type AdjustPointsResult = { entryId: string; points: number; balance: number; earned: number };

/** A staff change: an adjustment (+/−) or a review or referral bonus, always with a reason; never below zero. */
export async function adjustPoints(tx: TenantTx, args: AdjustPointsArgs): Promise<AdjustPointsResult> {
  const reason = args.reason.trim();
  if (!reason) throw new AppError("BAD_REQUEST", "Give a reason for changing the points; it stays on the record.");
  if (!Number.isInteger(args.points) || args.points === 0)
    throw new AppError("BAD_REQUEST", "Enter a whole number of points to add or take away.");
  if (args.kind !== "adjust" && args.points < 0)
    throw new AppError("BAD_REQUEST", "A bonus adds points; use an adjustment to take some away.");
  const settings = await loadLoyaltySettings(tx);
  await applyExpiry(tx, settings, args.customerId, args.now);
  const customer = await readCustomer(tx, args.customerId, true);
  const moved = await moveBalance(tx, customer, args.points, "earned");
  if (!moved) {
    const has = `This customer has ${customer.balance.toLocaleString("en-US")} point${customer.balance === 1 ? "" : "s"}`;
    throw new AppError(
      "BAD_REQUEST",
      customer.balance === 0
        ? `${has}, so there are none to take away.`
        : `${has}, so you can take away at most ${customer.balance.toLocaleString("en-US")}.`,
    );
  }
  const entryId = await appendEntry(tx, {
    tenantId: customer.tenantId,
    customerId: customer.id,
    kind: args.kind,
    points: args.points,
    balanceAfter: moved.balance,
    reason,
    actor: args.actor,
    idempotencyKey: `${args.kind}:${randomUUID()}`,
    now: args.now,
  });
  return { entryId: entryId!, points: args.points, ...moved };
}

// ─── rewards and redemptions ─────────────────────────────────────────────────────────────────────

type NextAppointment = { id: string; startsAt: Date };

/** The customer's next live appointment that is not over yet, which a redeemed reward is applied to. */
async function nextAppointment(tx: TenantTx, customerId: string, now: Date): Promise<NextAppointment | null> {
  return tx.appointment.findFirst({
    where: { customerId, status: { in: [...LIVE] }, endsAt: { gt: now } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: { id: true, startsAt: true },
  });
}

/** Redemptions as lists show them, with the start of the appointment each is applied to (one query). */
async function redemptionViews(tx: TenantTx, redemptions: LoyaltyRedemption[]): Promise<LoyaltyRedemptionView[]> {
  const ids = [...new Set(redemptions.flatMap((r) => (r.appointmentId ? [r.appointmentId] : [])))];
  const appointments =
    ids.length > 0
      ? await tx.appointment.findMany({ where: { id: { in: ids } }, select: { id: true, startsAt: true } })
      : [];
  const starts = new Map(appointments.map((a) => [a.id, a.startsAt.toISOString()]));
  return redemptions.map((redemption) => ({
    id: redemption.id,
    rewardName: redemption.rewardName,
    pointsCost: redemption.pointsCost,
    status: redemption.status,
    appointmentId: redemption.appointmentId,
    appointmentStartsAt: redemption.appointmentId ? (starts.get(redemption.appointmentId) ?? null) : null,
    createdAt: redemption.createdAt.toISOString(),
  }));
}

const redemptionView = async (tx: TenantTx, redemption: LoyaltyRedemption): Promise<LoyaltyRedemptionView> =>
  (await redemptionViews(tx, [redemption]))[0]!;

export type RedeemRewardArgs = { customerId: string; rewardId: string; actor: LoyaltyActor; now: Date };

/**
 * Spends points on a reward: ONE guarded statement takes them (balance >= cost), so concurrent
 * redemptions can never overdraw; the reward is applied to the customer's next appointment, or
 * waits (open) for the next one booked.
 */
export async function redeemReward(tx: TenantTx, args: RedeemRewardArgs): Promise<LoyaltyRedeemResult> {
  const settings = await loadLoyaltySettings(tx);
  const reward = await tx.loyaltyReward.findFirst({ where: { id: args.rewardId } });
  if (!reward || !reward.active) throw rewardNotFound();
  if (!settings.enabled) throw loyaltyOff();
  const { customer } = await applyExpiry(tx, settings, args.customerId, args.now);
  const taken = await tx.$queryRaw<{ points_balance: number }[]>`
    UPDATE customers SET points_balance = points_balance - ${reward.pointsCost}
    WHERE tenant_id = ${customer.tenantId} AND id = ${customer.id}::uuid AND points_balance >= ${reward.pointsCost}
    RETURNING points_balance`;
  const balance = taken[0]?.points_balance;
  if (balance === undefined) {
    const now = await readCustomer(tx, customer.id, false);
    throw new AppError("BAD_REQUEST", shortOfPointsMessage(now.balance, reward.pointsCost));
  }
  const next = await nextAppointment(tx, customer.id, args.now);
  const redemption = await tx.loyaltyRedemption.create({
    data: {
      tenantId: customer.tenantId,
      customerId: customer.id,
      rewardId: reward.id,
      rewardName: reward.name,
      kind: reward.kind,
      amountCents: reward.amountCents,
      addOnId: reward.addOnId,
      pointsCost: reward.pointsCost,
      status: next ? "applied" : "open",
      appointmentId: next?.id ?? null,
      appliedAt: next ? args.now : null,
      actorKind: args.actor.kind,
      actorUserId: args.actor.userId ?? null,
      createdAt: args.now,
    },
  });
  await appendEntry(tx, {
    tenantId: customer.tenantId,
    customerId: customer.id,
    kind: "redeem",
    points: -reward.pointsCost,
    balanceAfter: balance,
    redemptionId: redemption.id,
    appointmentId: next?.id ?? null,
    actor: args.actor,
    idempotencyKey: `redeem:${redemption.id}`,
    now: args.now,
  });
  return { redemption: await redemptionView(tx, redemption), balance };
}

export type AttachArgs = { customerId: string; appointmentId: string; now: Date };

/**
 * A new appointment was booked: the customer's open (waiting) rewards go onto their next
 * appointment, which is normally this one. Returns how many were applied.
 */
export async function attachOpenRedemptions(tx: TenantTx, args: AttachArgs): Promise<number> {
  const open = await tx.loyaltyRedemption.count({ where: { customerId: args.customerId, status: "open" } });
  if (open === 0) return 0;
  const next = await nextAppointment(tx, args.customerId, args.now);
  if (!next) return 0;
  const { count } = await tx.loyaltyRedemption.updateMany({
    where: { customerId: args.customerId, status: "open" },
    data: { status: "applied", appointmentId: next.id, appliedAt: args.now },
  });
  return count;
}

/** An appointment was cancelled (or missed): the rewards applied to it wait, open, for the next booking. */
export async function releaseRedemptions(tx: TenantTx, args: { appointmentId: string }): Promise<number> {
  const { count } = await tx.loyaltyRedemption.updateMany({
    where: { appointmentId: args.appointmentId, status: "applied" },
    data: { status: "open", appointmentId: null, appliedAt: null },
  });
  return count;
}

export type CancelRedemptionArgs = { redemptionId: string; actor: LoyaltyActor; now: Date };

/**
 * Cancels a redeemed reward that has not been used (open, or applied to an appointment that has
 * not started) and gives its points back (a "refund" entry).
 */
export async function cancelRedemption(tx: TenantTx, args: CancelRedemptionArgs): Promise<LoyaltyRedeemResult> {
  const redemption = await tx.loyaltyRedemption.findFirst({ where: { id: args.redemptionId } });
  if (!redemption) throw redemptionNotFound();
  if (redemption.status === "cancelled")
    throw new AppError("BAD_REQUEST", "This reward was already cancelled and its points returned.");
  if (redemption.status === "applied" && redemption.appointmentId) {
    const appointment = await tx.appointment.findFirst({
      where: { id: redemption.appointmentId },
      select: { startsAt: true, status: true, tenant: { select: { timezone: true } } },
    });
    if (appointment && (appointment.status === "completed" || appointment.startsAt <= args.now))
      throw new AppError(
        "BAD_REQUEST",
        `This reward was used on the visit of ${shortDate(appointment.startsAt, appointment.tenant.timezone)}, so it can't be cancelled. Adjust the points instead.`,
      );
  }
  // Guarded by status: two cancellations racing refund once.
  const { count } = await tx.loyaltyRedemption.updateMany({
    where: { id: redemption.id, status: { in: ["open", "applied"] } },
    data: { status: "cancelled", cancelledAt: args.now },
  });
  if (count === 0) throw new AppError("BAD_REQUEST", "This reward was already cancelled and its points returned.");
  const customer = await readCustomer(tx, redemption.customerId, true);
  const moved = await moveBalance(tx, customer, redemption.pointsCost, "not_earned");
  await appendEntry(tx, {
    tenantId: customer.tenantId,
    customerId: customer.id,
    kind: "refund",
    points: redemption.pointsCost,
    balanceAfter: moved!.balance,
    redemptionId: redemption.id,
    reason: null,
    actor: args.actor,
    idempotencyKey: `refund:${redemption.id}`,
    now: args.now,
  });
  const cancelled = await tx.loyaltyRedemption.findFirstOrThrow({ where: { id: redemption.id } });
  return { redemption: await redemptionView(tx, cancelled), balance: moved!.balance };
}

// ─── reading ─────────────────────────────────────────────────────────────────────────────────────

/** Every reward (inactive ones included), in the business's order, with its add-on's name. */
export async function listRewards(tx: TenantTx, opts: { activeOnly?: boolean } = {}): Promise<LoyaltyRewardView[]> {
  const rewards = await tx.loyaltyReward.findMany({
    where: opts.activeOnly ? { active: true } : {},
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  const addOnIds = rewards.flatMap((r) => (r.addOnId ? [r.addOnId] : []));
  const addOns =
    addOnIds.length > 0
      ? await tx.addOn.findMany({ where: { id: { in: addOnIds } }, select: { id: true, name: true } })
      : [];
  const names = new Map(addOns.map((a) => [a.id, a.name]));
  return rewards.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    pointsCost: r.pointsCost,
    amountCents: r.amountCents,
    addOnId: r.addOnId,
    addOnName: r.addOnId ? (names.get(r.addOnId) ?? null) : null,
    active: r.active,
  }));
}

type HistoryRow = {
  id: string;
  kind: LoyaltyEntryKind;
  points: number;
  balance_after: number;
  reason: string | null;
  created_at: Date;
  service_name: string | null;
  visit_at: Date | null;
  reward_name: string | null;
};

const HISTORY_LIMIT = 50;
const REDEMPTIONS_LIMIT = 20;

export type SummaryArgs = { customerId: string; now: Date; historyLimit?: number };

/** A customer's points as the portal and the staff customer page show them (lapsed points are lapsed first). */
export async function loyaltySummary(tx: TenantTx, args: SummaryArgs): Promise<LoyaltySummary> {
  const settings = await loadLoyaltySettings(tx);
  const { customer, lastActivity } = await applyExpiry(tx, settings, args.customerId, args.now);
  const tenant = await tx.tenant.findFirstOrThrow({ select: { timezone: true } });
  const limit = Math.max(1, Math.min(args.historyLimit ?? HISTORY_LIMIT, 200));
  const rows = await tx.$queryRaw<HistoryRow[]>`
    SELECT e.id, e.kind, e.points, e.balance_after, e.reason, e.created_at,
      s.name AS service_name, a.starts_at AS visit_at, r.reward_name
    FROM loyalty_entries e
    LEFT JOIN appointments a ON a.tenant_id = e.tenant_id AND a.id = e.appointment_id AND e.kind = 'visit'
    LEFT JOIN services s ON s.tenant_id = a.tenant_id AND s.id = a.service_id
    LEFT JOIN loyalty_redemptions r ON r.tenant_id = e.tenant_id AND r.id = e.redemption_id
    WHERE e.customer_id = ${customer.id}::uuid
    ORDER BY e.created_at DESC, e.id DESC
    LIMIT ${limit}`;
  const redemptions = await tx.loyaltyRedemption.findMany({
    where: { customerId: customer.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: REDEMPTIONS_LIMIT,
  });
  const rewards = await listRewards(tx, { activeOnly: true });
  const { tier, nextTier } = tierFor(customer.earned, settings.tiers);
  const lapsesAt = settings.enabled ? lapseDate(customer.balance, lastActivity, settings.expiryMonths) : null;
  return {
    enabled: settings.enabled,
    balance: customer.balance,
    earned: customer.earned,
    tier,
    nextTier,
    rules: {
      pointsPerDollar: settings.pointsPerDollar,
      pointsPerVisit: settings.pointsPerVisit,
      reviewBonus: settings.reviewBonus,
      referralBonus: settings.referralBonus,
      expiryMonths: settings.expiryMonths,
    },
    lapsesAt: lapsesAt?.toISOString() ?? null,
    rewards: rewards.map((r) => ({ ...r, affordable: settings.enabled && customer.balance >= r.pointsCost })),
    redemptions: await redemptionViews(tx, redemptions),
    history: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      points: row.points,
      balanceAfter: row.balance_after,
      description: describeEntry(
        {
          kind: row.kind,
          points: row.points,
          reason: row.reason,
          serviceName: row.service_name,
          visitAt: row.visit_at,
          rewardName: row.reward_name,
          expiryMonths: settings.expiryMonths,
        },
        tenant.timezone,
      ),
      createdAt: row.created_at.toISOString(),
    })),
  };
}
