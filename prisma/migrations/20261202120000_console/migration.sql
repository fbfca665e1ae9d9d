-- AlterTable
ALTER TABLE "sessions" ADD COLUMN     "view_as_tenant_id" TEXT;

-- CreateIndex
CREATE INDEX "tenants_created_at_idx" ON "tenants"("created_at");

-- CreateIndex
CREATE INDEX "tenant_config_status_idx" ON "tenant_config"("status");

-- CreateIndex
CREATE INDEX "tenant_config_tier_idx" ON "tenant_config"("tier");

-- CreateIndex
CREATE INDEX "tenant_billing_trial_ends_at_idx" ON "tenant_billing"("trial_ends_at");

-- ── Hand-written: nothing else ──────────────────────────────────────────────
-- Platform tables only (sessions, tenants, tenant_config, tenant_billing): no row-level security
-- to add, and their grants to servicepro_app are already in place.
