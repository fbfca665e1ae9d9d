-- CreateEnum
CREATE TYPE "email_status" AS ENUM ('queued', 'sent', 'failed');

-- CreateTable
CREATE TABLE "emails" (
    "id" UUID NOT NULL,
    "tenant_id" TEXT NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id'::text, true), ''::text),
    "idempotency_key" TEXT NOT NULL,
    "to_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "email_status" NOT NULL,
    "provider_id" TEXT,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "emails_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "emails_tenant_id_created_at_idx" ON "emails"("tenant_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "emails_tenant_id_idempotency_key_key" ON "emails"("tenant_id", "idempotency_key");

-- ── Hand-written: row-level security ─────────────────────────────────────────
ALTER TABLE "emails" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "emails" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "emails"
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''))
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''));
