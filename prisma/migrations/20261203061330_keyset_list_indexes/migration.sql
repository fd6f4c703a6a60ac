-- DropIndex
DROP INDEX "calls_tenant_id_started_at_idx";

-- DropIndex
DROP INDEX "conversations_tenant_id_last_message_at_idx";

-- DropIndex
DROP INDEX "messages_tenant_id_conversation_id_created_at_idx";

-- CreateIndex
CREATE INDEX "calls_tenant_id_started_at_id_idx" ON "calls"("tenant_id", "started_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "conversations_tenant_id_last_message_at_id_idx" ON "conversations"("tenant_id", "last_message_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "messages_tenant_id_conversation_id_created_at_id_idx" ON "messages"("tenant_id", "conversation_id", "created_at", "id");

-- Hand-written: partial indexes for opt-out reviews (few rows: only those waiting for staff). Under
-- row-level security `consent_review = 'pending'` can never be an index condition (enum equality is
-- not LEAKPROOF), but the planner still picks a partial index whose predicate the query implies.
-- Not in schema.prisma: Prisma leaves partial indexes it did not create alone (migrate:check passes).
-- The inbox list's "needs review" flag, probed once per conversation on the page:
CREATE INDEX "messages_pending_review_conversation_idx" ON "messages"("tenant_id", "conversation_id")
  WHERE "consent_review" = 'pending';
-- The review queue (tenant.inbox.consentReviews), texts and calls, each in its keyset order:
CREATE INDEX "messages_pending_review_queue_idx" ON "messages"("tenant_id", "created_at" DESC, "id" DESC)
  WHERE "consent_review" = 'pending';
CREATE INDEX "calls_pending_review_queue_idx" ON "calls"("tenant_id", "started_at" DESC, "id" DESC)
  WHERE "consent_review" = 'pending';
