// The business's calendar (`tenant.appointments.*`): open times, booking, moving, cancelling and
// closing out appointments, and recurring series. Any member of the business may use it; every
// change is recorded as an AppointmentEvent by the booking service (the appointment's audit trail).
import {
  appointmentDetail,
  appointmentRow,
  cancelAppointment,
  cancelSeries,
  completeAppointment,
  confirmAppointment,
  createAppointment,
  createSeries,
  getAvailability,
  listAppointments,
  markNoShow,
  rescheduleAppointment,
} from "@servicepro/booking";
import {
  appointmentDetailSchema,
  appointmentIdInput,
  appointmentSummarySchema,
  availabilityInput,
  availabilityOutput,
  cancelAppointmentInput,
  cancelSeriesInput,
  cancelSeriesResultSchema,
  completeAppointmentInput,
  createAppointmentInput,
  createSeriesInput,
  listAppointmentsInput,
  noShowInput,
  rescheduleAppointmentInput,
  seriesResultSchema,
} from "@servicepro/validators";
import { z } from "zod";
import { createRouter, staffProcedure } from "../../trpc.ts";
import { afterCommit, toDetail, toSummary } from "./appointments-shared.ts";

export const tenantAppointmentsRouter = createRouter({
  /** Bookable starts for a job in [from, to), with the team members free for each. */
  availability: staffProcedure
    .input(availabilityInput)
    .output(availabilityOutput)
    .query(async ({ ctx, input }) => {
      const now = ctx.now();
      const result = await ctx.tenant.run((tx) =>
        getAvailability(tx, { ...input, actor: "staff", now, bookableId: input.bookableId ?? null }),
      );
      return {
        timeZone: result.timeZone,
        durationMinutes: result.durationMinutes,
        slots: result.slots.map((slot) => ({ startsAt: slot.start.toISOString(), bookableIds: slot.staffIds })),
      };
    }),

  /** The calendar: appointments overlapping [from, to), optionally one team member's. */
  list: staffProcedure
    .input(listAppointmentsInput)
    .output(z.array(appointmentSummarySchema))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.tenant.run((tx) => listAppointments(tx, ctx.tenantId, input));
      return rows.map(toSummary);
    }),

  get: staffProcedure
    .input(appointmentIdInput)
    .output(appointmentDetailSchema)
    .query(async ({ ctx, input }) => {
      const now = ctx.now();
      return ctx.tenant.run(async (tx) => {
        const row = await appointmentDetail(tx, ctx.tenantId, input.id);
        const tenant = await tx.tenant.findFirstOrThrow({ select: { timezone: true } });
        return toDetail(row, tenant.timezone, now);
      });
    }),

  create: staffProcedure
    .input(createAppointmentInput)
    .output(appointmentSummarySchema)
    .mutation(async ({ ctx, input }) => {
      const actor = { kind: "staff" as const, userId: ctx.auth.user!.id };
      const { change, row } = await ctx.tenant.run(async (tx) => {
        const change = await createAppointment(tx, { ...input, actor, now: ctx.now() });
        return { change, row: await appointmentRow(tx, ctx.tenantId, change.appointment.id) };
      });
      await afterCommit(ctx, ctx.tenantId, [change]);
      return toSummary(row);
    }),

  reschedule: staffProcedure
    .input(rescheduleAppointmentInput)
    .output(appointmentSummarySchema)
    .mutation(async ({ ctx, input }) => {
      const actor = { kind: "staff" as const, userId: ctx.auth.user!.id };
      const { change, row } = await ctx.tenant.run(async (tx) => {
        const change = await rescheduleAppointment(tx, { ...input, actor, now: ctx.now() });
        return { change, row: await appointmentRow(tx, ctx.tenantId, input.id) };
      });
      await afterCommit(ctx, ctx.tenantId, [change]);
      return toSummary(row);
    }),

  cancel: staffProcedure
    .input(cancelAppointmentInput)
    .output(appointmentSummarySchema)
    .mutation(async ({ ctx, input }) => {
      const actor = { kind: "staff" as const, userId: ctx.auth.user!.id };
      const { change, row } = await ctx.tenant.run(async (tx) => {
        const change = await cancelAppointment(tx, { ...input, actor, now: ctx.now() });
        return { change, row: await appointmentRow(tx, ctx.tenantId, input.id) };
      });
      await afterCommit(ctx, ctx.tenantId, [change]);
      return toSummary(row);
    }),

  complete: staffProcedure
    .input(completeAppointmentInput)
    .output(appointmentSummarySchema)
    .mutation(async ({ ctx, input }) => {
      const actor = { kind: "staff" as const, userId: ctx.auth.user!.id };
      const { change, row } = await ctx.tenant.run(async (tx) => {
        const change = await completeAppointment(tx, { ...input, actor, now: ctx.now() });
        return { change, row: await appointmentRow(tx, ctx.tenantId, input.id) };
      });
      await afterCommit(ctx, ctx.tenantId, [change]);
      return toSummary(row);
    }),

  noShow: staffProcedure
    .input(noShowInput)
    .output(appointmentSummarySchema)
    .mutation(async ({ ctx, input }) => {
      const actor = { kind: "staff" as const, userId: ctx.auth.user!.id };
      const { change, row } = await ctx.tenant.run(async (tx) => {
        const change = await markNoShow(tx, { ...input, actor, now: ctx.now() });
        return { change, row: await appointmentRow(tx, ctx.tenantId, input.id) };
      });
      await afterCommit(ctx, ctx.tenantId, [change]);
      return toSummary(row);
    }),

  confirm: staffProcedure
    .input(appointmentIdInput)
    .output(appointmentSummarySchema)
    .mutation(async ({ ctx, input }) => {
      const actor = { kind: "staff" as const, userId: ctx.auth.user!.id };
      const { change, row } = await ctx.tenant.run(async (tx) => {
        const change = await confirmAppointment(tx, { ...input, actor, now: ctx.now() });
        return { change, row: await appointmentRow(tx, ctx.tenantId, input.id) };
      });
      await afterCommit(ctx, ctx.tenantId, [change]);
      return toSummary(row);
    }),

  /** A recurring booking: visits every N weeks up to the booking window; clashing visits are skipped and listed. */
  createSeries: staffProcedure
    .input(createSeriesInput)
    .output(seriesResultSchema)
    .mutation(async ({ ctx, input }) => {
      const actor = { kind: "staff" as const, userId: ctx.auth.user!.id };
      const { result, rows } = await ctx.tenant.run(async (tx) => {
        const result = await createSeries(tx, { ...input, actor, now: ctx.now() });
        const rows = await Promise.all(result.created.map((a) => appointmentRow(tx, ctx.tenantId, a.id)));
        return { result, rows };
      });
      await afterCommit(ctx, ctx.tenantId, [result]);
      return {
        seriesId: result.seriesId,
        created: rows.map(toSummary),
        skipped: result.skipped.map((s) => ({ ...s, startsAt: s.startsAt.toISOString() })),
      };
    }),

  /** Cancels the series' visits from `from` (default: now) on and ends it; one visit alone is `cancel`. */
  cancelSeries: staffProcedure
    .input(cancelSeriesInput)
    .output(cancelSeriesResultSchema)
    .mutation(async ({ ctx, input }) => {
      const actor = { kind: "staff" as const, userId: ctx.auth.user!.id };
      const result = await ctx.tenant.run((tx) => cancelSeries(tx, { ...input, actor, now: ctx.now() }));
      await afterCommit(ctx, ctx.tenantId, [result]);
      return { seriesId: result.seriesId, cancelled: result.cancelled };
    }),
});
