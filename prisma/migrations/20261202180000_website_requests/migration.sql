-- Requests visitors send from a business's website booking form.

-- CreateTable
CREATE TABLE "website_requests" (
    "id" UUID NOT NULL,
    "tenant_id" TEXT NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id'::text, true), ''::text),
    "customer_id" UUID NOT NULL,
    "service_id" UUID,
    "service_name" TEXT,
    "preferred_time" TEXT,
    "address" TEXT,
    "message" TEXT,
    "sms_consent" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "website_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "website_requests_tenant_id_created_at_idx" ON "website_requests"("tenant_id", "created_at");

-- AddForeignKey
ALTER TABLE "website_requests" ADD CONSTRAINT "website_requests_tenant_id_customer_id_fkey" FOREIGN KEY ("tenant_id", "customer_id") REFERENCES "customers"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ── Hand-written ─────────────────────────────────────────────────────────────
ALTER TABLE "website_requests" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "website_requests" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "website_requests"
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''))
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''));

GRANT SELECT, INSERT, UPDATE, DELETE ON "website_requests" TO servicepro_app;
