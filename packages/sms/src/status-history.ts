/** One entry of a message's `status_history` (jsonb): what happened, when, and any detail (error code). */
export const historyEntry = (status: string, extra: Record<string, unknown> = {}) => ({
  status,
  at: new Date().toISOString(),
  ...extra,
});
