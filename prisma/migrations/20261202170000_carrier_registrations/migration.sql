-- US carrier registration for business texting (A2P 10DLC): one row per business, driven by the
-- carrier-registration:<tenantId> workflow (Trust Hub profile, brand, Messaging Service, campaign, number).

-- CreateEnum
CREATE TYPE "carrier_registration_state" AS ENUM ('not_started', 'pending', 'profile_review', 'brand_review', 'campaign_review', 'action_needed', 'approved');

-- CreateTable
CREATE TABLE "carrier_registrations" (
    "tenant_id" TEXT NOT NULL,
    "state" "carrier_registration_state" NOT NULL DEFAULT 'pending',
    "failed_step" TEXT,
    "customer_profile_sid" TEXT,
    "trust_product_sid" TEXT,
    "brand_sid" TEXT,
    "messaging_service_sid" TEXT,
    "campaign_sid" TEXT,
    "phone_number_sid" TEXT,
    "campaign" JSONB,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "submissions" INTEGER NOT NULL DEFAULT 0,
    "checks" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "last_checked_at" TIMESTAMPTZ(3),
    "approved_at" TIMESTAMPTZ(3),

    CONSTRAINT "carrier_registrations_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "carrier_registrations_customer_profile_sid_key" ON "carrier_registrations"("customer_profile_sid");

-- CreateIndex
CREATE UNIQUE INDEX "carrier_registrations_trust_product_sid_key" ON "carrier_registrations"("trust_product_sid");

-- CreateIndex
CREATE UNIQUE INDEX "carrier_registrations_brand_sid_key" ON "carrier_registrations"("brand_sid");

-- CreateIndex
CREATE UNIQUE INDEX "carrier_registrations_messaging_service_sid_key" ON "carrier_registrations"("messaging_service_sid");

-- CreateIndex
CREATE UNIQUE INDEX "carrier_registrations_campaign_sid_key" ON "carrier_registrations"("campaign_sid");

-- CreateIndex
CREATE INDEX "carrier_registrations_state_idx" ON "carrier_registrations"("state");

-- AddForeignKey
ALTER TABLE "carrier_registrations" ADD CONSTRAINT "carrier_registrations_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ── Hand-written ─────────────────────────────────────────────────────────────
-- A platform table like tenant_billing: Twilio status callbacks name a SID before any tenant is
-- known, and the root registry shows every tenant state. It holds Twilio SIDs, the campaign
-- business copy and Twilio error codes, no customer data, so no row-level security, and the default
-- privileges already grant it to servicepro_app.

-- Every business that exists before registration does keeps texting exactly as it did: from its own
-- number (not_started). New businesses get a pending row when they ask to register (onboarding
-- last step, or the dashboard button) and text from the platform number until carriers approve them.
INSERT INTO "carrier_registrations" ("tenant_id", "state", "updated_at")
SELECT "id", 'not_started', CURRENT_TIMESTAMP FROM "tenants"
ON CONFLICT ("tenant_id") DO NOTHING;
