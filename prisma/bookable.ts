import type { PrismaClient } from './client.ts';
import { forTenant } from './tenant-db.ts';

// A business can take a booking only when someone does the work: one resource at least. A new
// business gets one named "Team" (renamed or joined by others later); safe to repeat.

export const DEFAULT_RESOURCE_NAME = 'Team';

export async function ensureResource(db: PrismaClient, tenantId: string): Promise<void> {
  const tdb = forTenant(db, tenantId);
  if ((await tdb.resource.count()) === 0) await tdb.resource.create({ data: { name: DEFAULT_RESOURCE_NAME } });
}

/** Services for a business that has none yet (the root tenant's seed): its pack's, in the pack's order. */
export async function ensureServices(db: PrismaClient, tenantId: string, services: readonly { name: string; description?: string; durationMinutes: number; priceCents: number }[]): Promise<void> {
  const tdb = forTenant(db, tenantId);
  if ((await tdb.service.count()) > 0) return;
  await tdb.service.createMany({ data: services.map((s, i) => ({ name: s.name, description: s.description ?? null, durationMin: s.durationMinutes, priceCents: s.priceCents, sortOrder: i })) });
}
