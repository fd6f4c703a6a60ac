// Who and what can be booked (`tenant.team.*`): staff (one per membership, added by the database
// when the membership is), crew without a sign-in, and resources (a bay, a van); each with its own
// hours or the business's, and its time off. Staff read; admins change, audited.
import { Prisma } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import {
  addTimeOffInput,
  type BookableOutput,
  bookableSchema,
  createBookableInput,
  removeTimeOffInput,
  timeOffSchema,
  updateBookableInput,
  weeklyHoursSchema,
} from "@servicepro/scheduling";
import { z } from "zod";
import { createRouter, staffProcedure, tenantAdminProcedure } from "../../trpc.ts";

type BookableRow = Prisma.BookableGetPayload<{ include: { timeOff: true } }>;
type TimeOffRow = Prisma.TimeOffGetPayload<object>;

const ORDER = [{ position: "asc" as const }, { createdAt: "asc" as const }];

const toTimeOff = (row: TimeOffRow): z.infer<typeof timeOffSchema> => ({
  id: row.id,
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt.toISOString(),
  reason: row.reason,
});

function toBookable(row: BookableRow): BookableOutput {
  const hours = row.hours === null ? null : weeklyHoursSchema.safeParse(row.hours);
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    membershipId: row.membershipId,
    // Stored hours that no longer parse: shown as "the business's hours" (what saving would keep).
    hours: hours?.success ? hours.data : null,
    color: row.color,
    active: row.active,
    position: row.position,
    timeOff: row.timeOff.map(toTimeOff),
  };
}

const notFound = () =>
  new AppError("NOT_FOUND", "That team member or resource no longer exists. Reload the page to see the current team.");

/** Time off that has not ended yet: what the Team page shows and plans with. */
const upcomingTimeOff = (now: Date) => ({
  where: { endsAt: { gt: now } },
  orderBy: { startsAt: "asc" as const },
});

export const tenantTeamRouter = createRouter({
  list: staffProcedure.output(z.array(bookableSchema)).query(async ({ ctx }) => {
    const rows = await ctx.tenant.run((tx) =>
      tx.bookable.findMany({ orderBy: ORDER, include: { timeOff: upcomingTimeOff(ctx.now()) } }),
    );
    return rows.map(toBookable);
  }),

  /** Adds crew (bookable without a sign-in) or a resource; staff come with their membership. */
  create: tenantAdminProcedure
    .input(createBookableInput)
    .output(bookableSchema)
    .mutation(async ({ ctx, input }) => {
      const row = await ctx.tenant.run(async (tx) => {
        const last = await tx.bookable.aggregate({ _max: { position: true } });
        return tx.bookable.create({
          data: {
            tenantId: ctx.tenantId,
            kind: input.kind,
            name: input.name,
            hours: input.hours === null ? Prisma.DbNull : (input.hours as Prisma.InputJsonObject),
            color: input.color,
            position: (last._max.position ?? -1) + 1,
          },
          include: { timeOff: true },
        });
      });
      await ctx.audit({
        action: "team.bookable_created",
        objectType: "bookable",
        objectId: row.id,
        details: { kind: row.kind, name: row.name },
      });
      return toBookable(row);
    }),

  /** Changes only the fields given; `hours: null` goes back to the business's hours. */
  update: tenantAdminProcedure
    .input(updateBookableInput)
    .output(bookableSchema)
    .mutation(async ({ ctx, input }) => {
      const { id, hours, ...fields } = input;
      const row = await ctx.tenant.run(async (tx) => {
        const current = await tx.bookable.findFirst({ where: { id }, select: { id: true } });
        if (!current) throw notFound();
        return tx.bookable.update({
          where: { tenantId_id: { tenantId: ctx.tenantId, id } },
          data: {
            ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
            ...(hours === undefined
              ? {}
              : { hours: hours === null ? Prisma.DbNull : (hours as Prisma.InputJsonObject) }),
          },
          include: { timeOff: upcomingTimeOff(ctx.now()) },
        });
      });
      await ctx.audit({
        action: "team.bookable_updated",
        objectType: "bookable",
        objectId: id,
        details: { fields: Object.keys(input).filter((key) => key !== "id") },
      });
      return toBookable(row);
    }),

  addTimeOff: tenantAdminProcedure
    .input(addTimeOffInput)
    .output(timeOffSchema)
    .mutation(async ({ ctx, input }) => {
      const row = await ctx.tenant.run(async (tx) => {
        const bookable = await tx.bookable.findFirst({ where: { id: input.bookableId }, select: { id: true } });
        if (!bookable) throw notFound();
        return tx.timeOff.create({
          data: {
            tenantId: ctx.tenantId,
            bookableId: input.bookableId,
            startsAt: input.startsAt,
            endsAt: input.endsAt,
            reason: input.reason,
          },
        });
      });
      await ctx.audit({
        action: "team.time_off_added",
        objectType: "bookable",
        objectId: input.bookableId,
        details: { timeOffId: row.id, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString() },
      });
      return toTimeOff(row);
    }),

  removeTimeOff: tenantAdminProcedure
    .input(removeTimeOffInput)
    .output(z.object({ removed: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const removed = await ctx.tenant.run(async (tx) => {
        const row = await tx.timeOff.findFirst({ where: { id: input.id } });
        if (!row)
          throw new AppError(
            "NOT_FOUND",
            "That time off was already removed. Reload the page to see the current list.",
          );
        await tx.timeOff.delete({ where: { tenantId_id: { tenantId: ctx.tenantId, id: input.id } } });
        return row;
      });
      await ctx.audit({
        action: "team.time_off_removed",
        objectType: "bookable",
        objectId: removed.bookableId,
        details: {
          timeOffId: removed.id,
          startsAt: removed.startsAt.toISOString(),
          endsAt: removed.endsAt.toISOString(),
        },
      });
      return { removed: true as const };
    }),
});
