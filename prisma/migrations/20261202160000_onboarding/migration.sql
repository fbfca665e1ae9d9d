-- Issue 10: public signup and the onboarding wizard. A tenant starts `onboarding` (no number yet),
-- ends `trialing` when provisioned, `failed` when provisioning was rolled back, `expired` when abandoned.

-- AlterEnum
ALTER TYPE "tenant_status" ADD VALUE 'onboarding' BEFORE 'trialing';
ALTER TYPE "tenant_status" ADD VALUE 'failed';
ALTER TYPE "tenant_status" ADD VALUE 'expired';

-- CreateEnum
CREATE TYPE "phone_number_order_status" AS ENUM ('ordered', 'bought', 'released');

-- AlterTable
ALTER TABLE "tenant_config" ADD COLUMN     "service_area" TEXT;

-- AlterTable
ALTER TABLE "tenant_phone_config" ADD COLUMN     "forwarded_from_number" TEXT;

-- CreateTable
CREATE TABLE "phone_number_orders" (
    "tenant_id" TEXT NOT NULL,
    "phone_number" TEXT NOT NULL,
    "twilio_sid" TEXT,
    "status" "phone_number_order_status" NOT NULL DEFAULT 'ordered',
    "ordered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bought_at" TIMESTAMPTZ(3),
    "released_at" TIMESTAMPTZ(3),

    CONSTRAINT "phone_number_orders_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateIndex
CREATE INDEX "phone_number_orders_phone_number_idx" ON "phone_number_orders"("phone_number");

-- AddForeignKey
ALTER TABLE "phone_number_orders" ADD CONSTRAINT "phone_number_orders_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ── Hand-written: grants ─────────────────────────────────────────────────────
-- A platform table like tenant_billing (our numbers and Twilio ids, no personal data): no row-level
-- security. The default privileges already cover it: granted here again, so the intent is written down.
GRANT SELECT, INSERT, UPDATE, DELETE ON "phone_number_orders" TO servicepro_app;
