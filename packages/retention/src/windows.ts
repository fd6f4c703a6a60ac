// The retention windows applied: texts and call recordings older than a business's windows are
// deleted, in batches, each batch in the business's own transaction (row-level security applies)
// and each re-checking the legal hold, so a hold set mid-run stops the next batch.
import { tenantDb } from "@servicepro/db";
import { DEFAULT_BATCH, type DeletionTrigger, type RetentionDeps, readState, recordDeletion } from "./deps.ts";
import { cutoffFor, deletionRefusal } from "./policy.ts";

export type WindowRun =
  | { outcome: "completed"; cutoff: Date; counts: Record<string, number>; deletionId: string | null }
  | { outcome: "skipped"; reason: "legal_hold" | "keep_forever" | "no_tenant" | "already_purged" };

/**
 * Deletes the business's texts created before its message window's cut-off (a text exactly at the
 * cut-off stays; policy.ts), with what only existed because of them:
 * - the message row takes its media references with it (`messages.media` holds the MMS parts'
 *   Twilio URLs; no copy of the media is stored here);
 * - the agent's runs older than the cut-off (each keeps the reply it wrote to a text);
 * - a conversation left with no text is kept, because it is the customer's thread (one per customer,
 *   the agent's state and hand-offs hang on it, and the next text lands in it), but its preview
 *   (the last text's opening words) and unread count are cleared: nothing of the texts remains.
 * A run that deletes nothing writes no log row (the nightly job would otherwise log every night).
 */
export async function runMessageRetention(
  deps: RetentionDeps,
  tenantId: string,
  trigger: DeletionTrigger = "nightly",
): Promise<WindowRun> {
  const now = (deps.now ?? (() => new Date()))();
  const batch = deps.batchSize ?? DEFAULT_BATCH;
  const tenant = tenantDb(deps.db, tenantId);
  const counts = { messages: 0, agentRuns: 0, conversationsEmptied: 0 };
  let cutoff: Date | null = null;
  for (;;) {
    const step = await tenant.run(async (tx) => {
      const state = await readState(tx, tenantId);
      if (!state) return { skip: "no_tenant" as const };
      if (state.dataPurgedAt) return { skip: "already_purged" as const };
      if (deletionRefusal(state)) return { skip: "legal_hold" as const };
      // The cut-off is fixed at the start of the run: later batches use the same one.
      cutoff ??= cutoffFor(now, state.windows.messageMonths);
      if (!cutoff) return { skip: "keep_forever" as const };
      const messages = await tx.$executeRaw`
        DELETE FROM messages WHERE tenant_id = ${tenantId} AND id IN (
          SELECT id FROM messages WHERE tenant_id = ${tenantId} AND created_at < ${cutoff} LIMIT ${batch})`;
      const agentRuns = await tx.$executeRaw`
        DELETE FROM agent_runs WHERE tenant_id = ${tenantId} AND id IN (
          SELECT id FROM agent_runs WHERE tenant_id = ${tenantId} AND created_at < ${cutoff} LIMIT ${batch})`;
      counts.messages += messages;
      counts.agentRuns += agentRuns;
      const more = messages === batch || agentRuns === batch;
      if (more) return { more };
      // Last batch: empty threads lose their preview, and the run is recorded with its counts.
      counts.conversationsEmptied += await tx.$executeRaw`
        UPDATE conversations c SET last_message_preview = '', unread_count = 0
        WHERE c.tenant_id = ${tenantId} AND (c.last_message_preview <> '' OR c.unread_count <> 0)
          AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.tenant_id = ${tenantId} AND m.conversation_id = c.id)`;
      const total = counts.messages + counts.agentRuns + counts.conversationsEmptied;
      const deletionId =
        total === 0
          ? null
          : await recordDeletion(tx, tenantId, { kind: "messages", cutoff, counts, trigger, actorUserId: null });
      return { more: false, deletionId };
    });
    if (step.skip) {
      if (step.skip === "legal_hold" && counts.messages > 0)
        deps.logger.warn({ tenantId, counts }, "retention: a legal hold stopped message deletion part-way");
      return { outcome: "skipped", reason: step.skip };
    }
    if (!step.more && cutoff) return { outcome: "completed", cutoff, counts, deletionId: step.deletionId ?? null };
  }
}

type RecordingRow = { id: string; recording_sid: string | null };

/**
 * Drops the business's call recordings older than its recording window: the recording is deleted
 * at Twilio (through the SDK, when a client is configured), then the call's recording SID, link,
 * length and transcription (the recording's words) are cleared. The call row itself stays: the
 * calls log, outcomes and durations are the business's records, not the recording.
 * A recording Twilio cannot delete now (an error other than "not found") keeps its link and is
 * tried again the next night; "not found" means it is already gone.
 */
export async function runRecordingRetention(
  deps: RetentionDeps,
  tenantId: string,
  trigger: DeletionTrigger = "nightly",
): Promise<WindowRun> {
  const now = (deps.now ?? (() => new Date()))();
  const batch = deps.batchSize ?? DEFAULT_BATCH;
  const tenant = tenantDb(deps.db, tenantId);
  const counts = { recordings: 0, twilioDeleted: 0, twilioFailed: 0 };
  /** Calls whose Twilio deletion failed in this run: not picked again until the next run. */
  const failed: string[] = [];
  let cutoff: Date | null = null;
  for (;;) {
    const picked = await tenant.run(async (tx) => {
      const state = await readState(tx, tenantId);
      if (!state) return { skip: "no_tenant" as const };
      if (state.dataPurgedAt) return { skip: "already_purged" as const };
      if (deletionRefusal(state)) return { skip: "legal_hold" as const };
      cutoff ??= cutoffFor(now, state.windows.recordingMonths);
      if (!cutoff) return { skip: "keep_forever" as const };
      const rows = await tx.$queryRaw<RecordingRow[]>`
        SELECT id, recording_sid FROM calls
        WHERE tenant_id = ${tenantId} AND started_at < ${cutoff}
          AND (recording_sid IS NOT NULL OR recording_url IS NOT NULL)
          AND NOT (id = ANY(${failed}::uuid[]))
        ORDER BY started_at LIMIT ${batch}`;
      return { rows, cutoff };
    });
    if (picked.skip) return { outcome: "skipped", reason: picked.skip };
    // Twilio first, outside any transaction (a slow API never holds a database transaction open).
    const cleared: string[] = [];
    for (const row of picked.rows) {
      if (!row.recording_sid || !deps.twilio) {
        cleared.push(row.id);
        continue;
      }
      try {
        await deps.twilio.recordings(row.recording_sid).remove();
        counts.twilioDeleted++;
        cleared.push(row.id);
      } catch (error) {
        if ((error as { status?: number }).status === 404) {
          cleared.push(row.id);
          continue;
        }
        counts.twilioFailed++;
        failed.push(row.id);
        deps.logger.warn(
          { tenantId, callId: row.id, err: error },
          "retention: Twilio did not delete a recording; kept for the next run",
        );
      }
    }
    const last = picked.rows.length < batch;
    const done = await tenant.run(async (tx) => {
      const state = await readState(tx, tenantId);
      // A hold set while Twilio was asked: what Twilio already deleted is gone, but the links
      // stay as they are until the hold is lifted (nothing more is changed here under a hold).
      if (!state || deletionRefusal(state)) return { skip: "legal_hold" as const };
      counts.recordings += cleared.length
        ? await tx.$executeRaw`
            UPDATE calls SET recording_sid = NULL, recording_url = NULL, recording_duration_seconds = NULL,
              transcription = NULL, recording_status = 'deleted'
            WHERE tenant_id = ${tenantId} AND id = ANY(${cleared}::uuid[])`
        : 0;
      if (!last) return { more: true };
      const total = counts.recordings + counts.twilioFailed;
      const deletionId =
        total === 0
          ? null
          : await recordDeletion(tx, tenantId, {
              kind: "recordings",
              cutoff: picked.cutoff,
              counts,
              trigger,
              actorUserId: null,
            });
      return { more: false, deletionId };
    });
    if (done.skip) return { outcome: "skipped", reason: done.skip };
    if (!done.more) return { outcome: "completed", cutoff: picked.cutoff, counts, deletionId: done.deletionId ?? null };
  }
}
