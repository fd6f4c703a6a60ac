// Reminders and confirmations follow the appointment (issue 10, item 6). Every booking mutation calls
// `syncReminders` in its own transaction, after its change, and enqueues the returned reminder ids'
// jobs once that transaction has committed. This first version schedules nothing: the reminders
// work replaces it with the real planner (reminder rows per the tenant's offsets, stale ones cancelled).
import type { TenantTx } from "@servicepro/db";

/**
 * Brings `appointmentId`'s reminder rows in line with its current time and status. Returns the ids of
 * reminders whose send jobs the caller must enqueue after commit.
 */
export async function syncReminders(_tx: TenantTx, _appointmentId: string, _now: Date): Promise<string[]> {
  return [];
}
