-- Texts that can't be abused or lost: refused destinations, the kind of each outbound text (for the
-- per-number limit on automatic texts), the instant a quiet-hours hold ends, and a tenant's allowed
-- countries. No new tables: the existing RLS policies and grants cover these columns.

-- AlterEnum
ALTER TYPE "message_status" ADD VALUE 'blocked_destination';

-- AlterTable
ALTER TABLE "tenant_phone_config" ADD COLUMN     "allowed_countries" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "held_until" TIMESTAMPTZ(3),
ADD COLUMN     "kind" TEXT;
