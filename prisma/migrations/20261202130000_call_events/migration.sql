-- Issue 14: what a caller did while Temporal was unreachable is kept here until a worker's drain
-- workflow delivers it to the call's workflow.

-- CreateTable
CREATE TABLE "call_events" (
    "id" BIGSERIAL NOT NULL,
    "call_sid" TEXT NOT NULL,
    "event_key" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "task_queue" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,

    CONSTRAINT "call_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "call_events_delivered_at_id_idx" ON "call_events"("delivered_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "call_events_call_sid_event_key_key" ON "call_events"("call_sid", "event_key");

-- ── Hand-written: grants ─────────────────────────────────────────────────────
-- A platform table (one drainer reads it across tenants): no row-level security. The payload,
-- the only column with personal data, is sealed with the master key by the API (api/twilio/call-events.ts).
GRANT SELECT, INSERT, UPDATE, DELETE ON "call_events" TO servicepro_app;
GRANT USAGE, SELECT ON SEQUENCE "call_events_id_seq" TO servicepro_app;
