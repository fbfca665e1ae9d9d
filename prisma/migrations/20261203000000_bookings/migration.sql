-- ── Hand-written: bookings ───────────────────────────────────────────────────
-- The appointments table becomes bookings (workflows/booking.ts). A booking takes one resource
-- (a technician, van or bay), and Postgres itself refuses two live bookings (held, confirmed or
-- completed) whose blocked time overlaps on one resource: the bookings_no_overlap exclusion
-- constraint. Every business gets one resource named Team, and existing rows move to it.
-- (No semicolons or apostrophes in these comments: the migration engine splits the script on them.)
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TYPE "booking_status" AS ENUM ('held', 'confirmed', 'completed', 'cancelled', 'expired', 'no_show');
CREATE TYPE "booking_source" AS ENUM ('web', 'sms', 'voice', 'owner');
CREATE TYPE "resource_kind" AS ENUM ('technician', 'van', 'bay');

-- Resources
CREATE TABLE "resources" (
    "id" UUID NOT NULL,
    "tenant_id" TEXT NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id'::text, true), ''::text),
    "name" TEXT NOT NULL,
    "kind" "resource_kind" NOT NULL DEFAULT 'technician',
    "weekly_hours" JSONB,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "resources_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "resources_tenant_id_sort_order_idx" ON "resources"("tenant_id", "sort_order");
CREATE UNIQUE INDEX "resources_tenant_id_id_key" ON "resources"("tenant_id", "id");
INSERT INTO "resources" ("id", "tenant_id", "name") SELECT gen_random_uuid(), "id", 'Team' FROM "tenants";

CREATE TABLE "service_resources" (
    "tenant_id" TEXT NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id'::text, true), ''::text),
    "service_id" UUID NOT NULL,
    "resource_id" UUID NOT NULL,

    CONSTRAINT "service_resources_pkey" PRIMARY KEY ("tenant_id", "service_id", "resource_id")
);
ALTER TABLE "service_resources" ADD CONSTRAINT "service_resources_tenant_id_service_id_fkey" FOREIGN KEY ("tenant_id", "service_id") REFERENCES "services"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "service_resources" ADD CONSTRAINT "service_resources_tenant_id_resource_id_fkey" FOREIGN KEY ("tenant_id", "resource_id") REFERENCES "resources"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "resource_time_off" (
    "id" UUID NOT NULL,
    "tenant_id" TEXT NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id'::text, true), ''::text),
    "resource_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "resource_time_off_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "resource_time_off_ends_after_start" CHECK ("ends_at" > "starts_at")
);
CREATE INDEX "resource_time_off_tenant_id_resource_id_starts_at_idx" ON "resource_time_off"("tenant_id", "resource_id", "starts_at");
ALTER TABLE "resource_time_off" ADD CONSTRAINT "resource_time_off_tenant_id_resource_id_fkey" FOREIGN KEY ("tenant_id", "resource_id") REFERENCES "resources"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Booking rules, one row per business (a platform-style config table like tenant_phone_config)
CREATE TABLE "booking_settings" (
    "tenant_id" TEXT NOT NULL,
    "slot_interval_min" INTEGER NOT NULL DEFAULT 30,
    "min_notice_min" INTEGER NOT NULL DEFAULT 120,
    "max_advance_days" INTEGER NOT NULL DEFAULT 60,
    "hold_min" INTEGER NOT NULL DEFAULT 5,
    "deposit_hold_min" INTEGER NOT NULL DEFAULT 30,
    "deposits_enabled" BOOLEAN NOT NULL DEFAULT false,
    "cancellation_window_hours" INTEGER NOT NULL DEFAULT 24,
    "cancellation_fee_cents" INTEGER NOT NULL DEFAULT 0,
    "reminders_enabled" BOOLEAN NOT NULL DEFAULT true,
    "review_url" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "booking_settings_pkey" PRIMARY KEY ("tenant_id")
);
ALTER TABLE "booking_settings" ADD CONSTRAINT "booking_settings_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Services: buffers, deposit, order
ALTER TABLE "services" ADD COLUMN "buffer_before_min" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "buffer_after_min" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "deposit_cents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "sort_order" INTEGER NOT NULL DEFAULT 0;

-- Customers: an address for jobs at their place
ALTER TABLE "customers" ADD COLUMN "address" TEXT;

-- appointments becomes bookings
ALTER TABLE "appointments" RENAME TO "bookings";
ALTER TABLE "bookings" RENAME CONSTRAINT "appointments_pkey" TO "bookings_pkey";
ALTER INDEX "appointments_tenant_id_starts_at_idx" RENAME TO "bookings_tenant_id_starts_at_idx";
ALTER INDEX "appointments_tenant_id_id_key" RENAME TO "bookings_tenant_id_id_key";
ALTER TABLE "bookings" RENAME CONSTRAINT "appointments_tenant_id_customer_id_fkey" TO "bookings_tenant_id_customer_id_fkey";
ALTER TABLE "bookings" RENAME CONSTRAINT "appointments_tenant_id_service_id_fkey" TO "bookings_tenant_id_service_id_fkey";
ALTER TABLE "invoices" RENAME COLUMN "appointment_id" TO "booking_id";
ALTER TABLE "invoices" RENAME CONSTRAINT "invoices_tenant_id_appointment_id_fkey" TO "invoices_tenant_id_booking_id_fkey";

ALTER TABLE "bookings" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "bookings" ALTER COLUMN "status" TYPE "booking_status" USING (CASE "status"::text WHEN 'scheduled' THEN 'confirmed' ELSE "status"::text END)::"booking_status";
ALTER TABLE "bookings" ALTER COLUMN "status" SET DEFAULT 'held';
DROP TYPE "appointment_status";

ALTER TABLE "bookings" ADD COLUMN "resource_id" UUID,
ADD COLUMN "blocked_from" TIMESTAMPTZ(3),
ADD COLUMN "blocked_until" TIMESTAMPTZ(3),
ADD COLUMN "hold_expires_at" TIMESTAMPTZ(3),
ADD COLUMN "source" "booking_source" NOT NULL DEFAULT 'owner',
ADD COLUMN "deposit_cents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "deposit_paid_at" TIMESTAMPTZ(3),
ADD COLUMN "checkout_session_id" TEXT,
ADD COLUMN "confirmed_at" TIMESTAMPTZ(3),
ADD COLUMN "cancelled_at" TIMESTAMPTZ(3),
ADD COLUMN "cancellation_note" TEXT,
ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

UPDATE "bookings" AS b SET
  "resource_id" = (SELECT r."id" FROM "resources" r WHERE r."tenant_id" = b."tenant_id" ORDER BY r."created_at" LIMIT 1),
  "blocked_from" = b."starts_at",
  "blocked_until" = b."ends_at",
  "confirmed_at" = CASE WHEN b."status" = 'confirmed' THEN b."created_at" END;

ALTER TABLE "bookings" ALTER COLUMN "resource_id" SET NOT NULL,
ALTER COLUMN "blocked_from" SET NOT NULL,
ALTER COLUMN "blocked_until" SET NOT NULL,
ALTER COLUMN "updated_at" DROP DEFAULT;

CREATE INDEX "bookings_tenant_id_resource_id_blocked_from_idx" ON "bookings"("tenant_id", "resource_id", "blocked_from");
CREATE INDEX "bookings_tenant_id_customer_id_starts_at_idx" ON "bookings"("tenant_id", "customer_id", "starts_at");
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_tenant_id_resource_id_fkey" FOREIGN KEY ("tenant_id", "resource_id") REFERENCES "resources"("tenant_id", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

ALTER TABLE "bookings" ADD CONSTRAINT "bookings_ends_after_start" CHECK ("ends_at" > "starts_at");
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_blocked_covers_job" CHECK ("blocked_from" <= "starts_at" AND "blocked_until" >= "ends_at");
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_hold_has_expiry" CHECK ("status" <> 'held' OR "hold_expires_at" IS NOT NULL);
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_overlap" EXCLUDE USING gist (
  "tenant_id" WITH =,
  "resource_id" WITH =,
  tstzrange("blocked_from", "blocked_until", '[)') WITH &&
) WHERE ("status" IN ('held', 'confirmed', 'completed'));

-- Row-level security on the new tenant-owned tables (bookings keeps the policy it had as appointments)
ALTER TABLE "resources" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "resources" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "resources"
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''))
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''));
ALTER TABLE "service_resources" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "service_resources" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "service_resources"
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''))
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''));
ALTER TABLE "resource_time_off" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "resource_time_off" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "resource_time_off"
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''))
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''));

GRANT SELECT, INSERT, UPDATE, DELETE ON "resources", "service_resources", "resource_time_off", "booking_settings" TO servicepro_app;
