// Moving a job: `tenant.appointments.reschedule`, which checks the new time like any booking. A
// refusal comes back as what to show (the server's sentence and the nearest free times); the
// calendar's copy of the job is only ever what the server last said.
import { apiErrorMessage, apiSlotRefusal } from "@servicepro/ui";
import type { AppointmentSummary } from "@servicepro/validators";
import { useTRPC } from "@servicepro/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";

export type MoveProblem = {
  appointment: AppointmentSummary;
  bookableId: string | null;
  message: string;
  alternatives: string[];
};

export function useMoveAppointment() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reschedule = useMutation(trpc.tenant.appointments.reschedule.mutationOptions());
  return async (
    appointment: AppointmentSummary,
    startsAt: Date,
    bookableId: string | null,
  ): Promise<MoveProblem | null> => {
    try {
      await reschedule.mutateAsync({
        id: appointment.id,
        startsAt: startsAt.toISOString(),
        ...(bookableId ? { bookableId } : {}),
      });
      return null;
    } catch (error) {
      return {
        appointment,
        bookableId,
        message: apiErrorMessage(error),
        alternatives: apiSlotRefusal(error)?.alternatives ?? [],
      };
    } finally {
      await queryClient.invalidateQueries({ queryKey: trpc.tenant.appointments.pathKey() });
    }
  };
}
