-- The customer book: when each customer was last in touch, kept by Postgres itself, and the
-- indexes that make searching customers and reading one customer history fast at size.

-- last_contact_at is the latest call, text (in or out) or website request of the customer (null
-- when none yet). last_activity_at is what the list sorts on: that, or when the customer was added.
ALTER TABLE "customers" ADD COLUMN "last_contact_at" TIMESTAMPTZ(3),
ADD COLUMN "last_activity_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

CREATE INDEX "customers_tenant_id_last_activity_at_id_idx" ON "customers"("tenant_id", "last_activity_at" DESC, "id" DESC);
CREATE INDEX "calls_tenant_id_from_number_started_at_idx" ON "calls"("tenant_id", "from_number", "started_at");
CREATE INDEX "voicemails_tenant_id_from_number_created_at_idx" ON "voicemails"("tenant_id", "from_number", "created_at");
CREATE INDEX "messages_tenant_id_from_number_created_at_idx" ON "messages"("tenant_id", "from_number", "created_at");

-- Search by any part of a name, email or phone number (digits): a trigram index over the text
-- api/customers/search.ts compares with LIKE. The expression must stay exactly as written there.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "customers_search_trgm_idx" ON "customers" USING gin ((lower("name" || ' ' || coalesce("email", '') || ' ' || coalesce("phone", ''))) gin_trgm_ops);

-- The trigger function. The migration runner splits scripts at every semicolon, even inside a
-- function body, so the body is an escape string whose statement ends are written as the octal
-- escape 073 (the semicolon) and its quotes doubled. It runs as the inserting role under row
-- level security, so it only ever touches the customers of the tenant being written.
CREATE FUNCTION customer_contacted() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  who uuid := NEW.customer_id\073
  num text\073
  stamp timestamptz\073
BEGIN
  IF TG_TABLE_NAME = ''calls'' THEN
    num := NEW.from_number\073 stamp := NEW.started_at\073
  ELSIF TG_TABLE_NAME = ''messages'' THEN
    num := CASE WHEN NEW.direction = ''inbound'' THEN NEW.from_number ELSE NEW.to_number END\073 stamp := NEW.created_at\073
  ELSE
    stamp := NEW.created_at\073
  END IF\073
  UPDATE customers SET last_contact_at = stamp, last_activity_at = greatest(last_activity_at, stamp)
   WHERE tenant_id = NEW.tenant_id AND (id = who OR phone = num) AND (last_contact_at IS NULL OR last_contact_at < stamp)\073
  RETURN NULL\073
END';

CREATE TRIGGER calls_customer_contacted AFTER INSERT ON "calls" FOR EACH ROW EXECUTE FUNCTION customer_contacted();
CREATE TRIGGER messages_customer_contacted AFTER INSERT ON "messages" FOR EACH ROW EXECUTE FUNCTION customer_contacted();
CREATE TRIGGER website_requests_customer_contacted AFTER INSERT ON "website_requests" FOR EACH ROW EXECUTE FUNCTION customer_contacted();

-- Customers who were in touch before this migration.
UPDATE customers c SET last_contact_at = latest.at, last_activity_at = greatest(c.created_at, latest.at)
FROM (
  SELECT cu.id, max(t.at) AS at FROM customers cu
  JOIN (
    SELECT tenant_id, customer_id, from_number AS num, started_at AS at FROM calls
    UNION ALL SELECT tenant_id, customer_id, CASE WHEN direction = 'inbound' THEN from_number ELSE to_number END, created_at FROM messages
    UNION ALL SELECT tenant_id, customer_id, NULL, created_at FROM website_requests
  ) t ON t.tenant_id = cu.tenant_id AND (t.customer_id = cu.id OR t.num = cu.phone)
  GROUP BY cu.id
) latest
WHERE c.id = latest.id;
UPDATE customers SET last_activity_at = created_at WHERE last_contact_at IS NULL;
