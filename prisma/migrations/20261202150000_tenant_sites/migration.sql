-- The public website of each business: template, owner edits, custom domain, published or not.

-- CreateTable
CREATE TABLE "tenant_sites" (
    "tenant_id" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "content" JSONB NOT NULL DEFAULT '{}',
    "custom_domain" TEXT,
    "published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tenant_sites_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tenant_sites_custom_domain_key" ON "tenant_sites"("custom_domain");

-- AddForeignKey
ALTER TABLE "tenant_sites" ADD CONSTRAINT "tenant_sites_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ── Hand-written: nothing else ──────────────────────────────────────────────
-- A platform table like tenant_config: public sites are looked up by slug or host before any tenant
-- is known, so no row-level security, and the default privileges already grant it to servicepro_app.
