-- Replies to the shared platform number: which business last texted each customer from it.

-- CreateTable
CREATE TABLE "platform_text_routes" (
    "customer_digest" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "last_sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "platform_text_routes_pkey" PRIMARY KEY ("customer_digest")
);

-- CreateIndex
CREATE INDEX "platform_text_routes_tenant_id_idx" ON "platform_text_routes"("tenant_id");

-- AddForeignKey
ALTER TABLE "platform_text_routes" ADD CONSTRAINT "platform_text_routes_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ── Hand-written ─────────────────────────────────────────────────────────────
-- A platform table: the SMS webhook reads it before any tenant is known (a reply to the platform
-- number). It holds a keyed digest of the customer number, not the number, so no row-level
-- security, and the default privileges already grant it to servicepro_app.
