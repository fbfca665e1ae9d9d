import type { Prisma } from './client.ts';

/**
 * Adds to a tenant's month of usage in one statement. Prisma's `upsert` reads, then inserts, so
 * the first texts of a month sent at once raced each other into the primary key; ON CONFLICT
 * cannot. Runs inside the caller's transaction, so the usage moves with the row it counts.
 */
export async function addUsage(
  tx: Pick<Prisma.TransactionClient, '$executeRaw'>,
  tenantId: string,
  period: string,
  usage: { smsSegments?: number; callSeconds?: number },
): Promise<void> {
  const sms = usage.smsSegments ?? 0;
  const seconds = usage.callSeconds ?? 0;
  // A negative change (a corrected call) never leaves the month below zero.
  await tx.$executeRaw`
    INSERT INTO usage_counters (tenant_id, period, sms_segments, call_seconds)
    VALUES (${tenantId}, ${period}, ${Math.max(0, sms)}, ${Math.max(0, seconds)})
    ON CONFLICT (tenant_id, period) DO UPDATE SET
      sms_segments = GREATEST(0, usage_counters.sms_segments + ${sms}),
      call_seconds = GREATEST(0, usage_counters.call_seconds + ${seconds})`;
}
