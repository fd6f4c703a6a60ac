-- The SMS agent at work (issue 13): per-business settings (mode off / suggest / autopilot, the pause
-- after a staff reply, the hourly cap), what the agent remembers per conversation (state, pause,
-- hand-off, suggest-mode draft), and one run per inbound text (unique: a retried job answers once).

-- CreateEnum
CREATE TYPE "agent_mode" AS ENUM ('off', 'suggest', 'autopilot');

-- CreateTable
CREATE TABLE "agent_settings" (
    "tenant_id" TEXT NOT NULL,
    "mode" "agent_mode" NOT NULL DEFAULT 'suggest',
    "pause_minutes" INTEGER NOT NULL DEFAULT 60,
    "max_replies_per_hour" INTEGER NOT NULL DEFAULT 6,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "agent_settings_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateTable
CREATE TABLE "agent_threads" (
    "tenant_id" TEXT NOT NULL,
    "conversation_id" UUID NOT NULL,
    "state" JSONB NOT NULL DEFAULT '{}',
    "paused_until" TIMESTAMPTZ(3),
    "handoff_reason" TEXT,
    "handoff_at" TIMESTAMPTZ(3),
    "draft_body" TEXT,
    "draft_writes" JSONB,
    "draft_for_message_id" UUID,
    "draft_created_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "agent_threads_pkey" PRIMARY KEY ("tenant_id","conversation_id")
);

-- CreateTable
CREATE TABLE "agent_runs" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "inbound_message_id" UUID NOT NULL,
    "mode" "agent_mode" NOT NULL,
    "brain" TEXT,
    "intent" TEXT,
    "action" TEXT,
    "reply" TEXT,
    "tool_calls" JSONB NOT NULL DEFAULT '[]',
    "writes" JSONB NOT NULL DEFAULT '[]',
    "refusals" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "outcome" TEXT NOT NULL,
    "duration_ms" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agent_runs_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateIndex
CREATE INDEX "agent_runs_tenant_id_created_at_id_idx" ON "agent_runs"("tenant_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "agent_runs_tenant_id_conversation_id_created_at_idx" ON "agent_runs"("tenant_id", "conversation_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "agent_runs_tenant_id_inbound_message_id_key" ON "agent_runs"("tenant_id", "inbound_message_id");

-- AddForeignKey
ALTER TABLE "agent_settings" ADD CONSTRAINT "agent_settings_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agent_threads" ADD CONSTRAINT "agent_threads_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agent_threads" ADD CONSTRAINT "agent_threads_tenant_id_conversation_id_fkey" FOREIGN KEY ("tenant_id", "conversation_id") REFERENCES "conversations"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agent_runs" ADD CONSTRAINT "agent_runs_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agent_runs" ADD CONSTRAINT "agent_runs_tenant_id_conversation_id_fkey" FOREIGN KEY ("tenant_id", "conversation_id") REFERENCES "conversations"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: tenant isolation, as on every tenant table (forced row-level security on
-- app.tenant_id), and value checks.
-- ---------------------------------------------------------------------------------------------
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['agent_settings', 'agent_threads', 'agent_runs'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING ("tenant_id" = (SELECT app_current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT app_current_tenant_id()))', t);
  END LOOP;
END $$;

ALTER TABLE "agent_settings" ADD CONSTRAINT agent_settings_ranges CHECK (
  pause_minutes BETWEEN 5 AND 10080 AND max_replies_per_hour BETWEEN 1 AND 30);
ALTER TABLE "agent_runs" ADD CONSTRAINT agent_runs_outcome CHECK (
  outcome IN ('sent', 'drafted', 'handed_off', 'skipped', 'held'));
