-- CreateTable
CREATE TABLE "tenant_billing" (
    "tenant_id" TEXT NOT NULL,
    "stripe_customer_id" TEXT,
    "stripe_subscription_id" TEXT,
    "trial_ends_at" TIMESTAMPTZ(3),
    "current_period_end" TIMESTAMPTZ(3),
    "has_payment_method" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tenant_billing_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateTable
CREATE TABLE "stripe_events" (
    "event_id" TEXT NOT NULL,
    "tenant_id" TEXT,
    "type" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stripe_events_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tenant_billing_stripe_customer_id_key" ON "tenant_billing"("stripe_customer_id");

-- CreateIndex
CREATE INDEX "stripe_events_tenant_id_received_at_idx" ON "stripe_events"("tenant_id", "received_at");

-- AddForeignKey
ALTER TABLE "tenant_billing" ADD CONSTRAINT "tenant_billing_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ── Hand-written note ─────────────────────────────────────────────────────────
-- Platform tables: no row-level security. The Stripe webhook must map a customer to its tenant
-- before any tenant is known. Both hold Stripe ids, dates and tenant ids only (no personal data).
