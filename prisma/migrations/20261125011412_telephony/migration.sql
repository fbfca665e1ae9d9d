-- CreateEnum
CREATE TYPE "call_outcome" AS ENUM ('answered', 'voicemail', 'missed', 'abandoned');

-- CreateEnum
CREATE TYPE "message_direction" AS ENUM ('inbound', 'outbound');

-- CreateEnum
CREATE TYPE "message_status" AS ENUM ('received', 'queued', 'sent', 'blocked_opt_out', 'blocked_quiet_hours', 'cancelled', 'failed');

-- AlterTable
ALTER TABLE "tenant_phone_config" ADD COLUMN     "after_hours_text" TEXT,
ADD COLUMN     "auto_reply_text" TEXT,
ADD COLUMN     "greeting_text" TEXT,
ADD COLUMN     "info_sms_text" TEXT,
ADD COLUMN     "info_text" TEXT,
ADD COLUMN     "missed_call_text" TEXT,
ADD COLUMN     "missed_call_text_back" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "owner_notify_email" TEXT,
ADD COLUMN     "owner_notify_phone" TEXT;

-- CreateTable
CREATE TABLE "calls" (
    "id" UUID NOT NULL,
    "tenant_id" TEXT NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id'::text, true), ''::text),
    "call_sid" TEXT NOT NULL,
    "from_number" TEXT NOT NULL,
    "to_number" TEXT NOT NULL,
    "customer_id" UUID,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "duration_sec" INTEGER NOT NULL DEFAULT 0,
    "digits" TEXT NOT NULL DEFAULT '',
    "outcome" "call_outcome" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calls_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "voicemails" (
    "id" UUID NOT NULL,
    "tenant_id" TEXT NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id'::text, true), ''::text),
    "call_sid" TEXT NOT NULL,
    "recording_sid" TEXT NOT NULL,
    "recording_url" TEXT NOT NULL,
    "from_number" TEXT NOT NULL,
    "customer_id" UUID,
    "duration_sec" INTEGER NOT NULL DEFAULT 0,
    "listened_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "voicemails_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "messages" (
    "id" UUID NOT NULL,
    "tenant_id" TEXT NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id'::text, true), ''::text),
    "direction" "message_direction" NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "from_number" TEXT NOT NULL,
    "to_number" TEXT NOT NULL,
    "customer_id" UUID,
    "body" TEXT NOT NULL,
    "status" "message_status" NOT NULL,
    "provider_sid" TEXT,
    "segments" INTEGER NOT NULL DEFAULT 1,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sms_opt_outs" (
    "tenant_id" TEXT NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id'::text, true), ''::text),
    "phone_number" TEXT NOT NULL,
    "opted_out_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sms_opt_outs_pkey" PRIMARY KEY ("tenant_id","phone_number")
);

-- CreateTable
CREATE TABLE "usage_counters" (
    "tenant_id" TEXT NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id'::text, true), ''::text),
    "period" TEXT NOT NULL,
    "sms_segments" INTEGER NOT NULL DEFAULT 0,
    "call_seconds" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "usage_counters_pkey" PRIMARY KEY ("tenant_id","period")
);

-- CreateIndex
CREATE INDEX "calls_tenant_id_started_at_idx" ON "calls"("tenant_id", "started_at");

-- CreateIndex
CREATE UNIQUE INDEX "calls_tenant_id_call_sid_key" ON "calls"("tenant_id", "call_sid");

-- CreateIndex
CREATE INDEX "voicemails_tenant_id_created_at_idx" ON "voicemails"("tenant_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "voicemails_tenant_id_recording_sid_key" ON "voicemails"("tenant_id", "recording_sid");

-- CreateIndex
CREATE INDEX "messages_tenant_id_created_at_idx" ON "messages"("tenant_id", "created_at");

-- CreateIndex
CREATE INDEX "messages_tenant_id_to_number_status_idx" ON "messages"("tenant_id", "to_number", "status");

-- CreateIndex
CREATE UNIQUE INDEX "messages_tenant_id_idempotency_key_key" ON "messages"("tenant_id", "idempotency_key");

-- ── Hand-written: row-level security on the new tenant-owned tables ─────────
ALTER TABLE "calls" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "calls" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "calls"
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''))
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''));

ALTER TABLE "voicemails" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "voicemails" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "voicemails"
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''))
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''));

ALTER TABLE "messages" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "messages" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "messages"
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''))
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''));

ALTER TABLE "sms_opt_outs" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "sms_opt_outs" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "sms_opt_outs"
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''))
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''));

ALTER TABLE "usage_counters" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "usage_counters" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "usage_counters"
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''))
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''));
