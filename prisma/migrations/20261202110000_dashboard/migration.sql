-- The business dashboard's "texts waiting for an answer" reads each customer's latest inbound text
-- (DISTINCT ON the sender, newest first) within a tenant. No new tables: RLS and grants are unchanged.

-- CreateIndex
CREATE INDEX "messages_tenant_id_direction_from_number_created_at_idx" ON "messages"("tenant_id", "direction", "from_number", "created_at");
