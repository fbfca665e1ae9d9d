import type { PrismaClient } from './client.ts';

// STAND-IN for part A's `isOffered` (prisma/availability.ts), with its signature: says yes to every
// start. Replaced by importing prisma/availability.ts directly when i-avail merges.

export async function isOffered(
  _db: PrismaClient,
  _tenantId: string,
  _request: { serviceId: string; start: Date; resourceId?: string | null; now?: Date },
): Promise<{ offered: boolean; resourceIds: string[]; reason?: string }> {
  return { offered: true, resourceIds: [] };
}
