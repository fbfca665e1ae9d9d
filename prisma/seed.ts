import { hashPassword, verifyPassword } from '../domain/passwords.ts';
import { ROOT_BUSINESS_NAME, ROOT_TENANT_ID } from '../domain/tenancy.ts';
import { industryPack } from '../domain/industry-packs/index.ts';
import { ensureResource, ensureServices } from './bookable.ts';
import type { PrismaClient } from './client.ts';

/**
 * The root tenant (Clean Machine Auto Detail, elite, its business number) and the platform
 * owner's login, owner of root. Safe to run at every start: it converges, it never duplicates.
 */
export async function seedPlatform(db: PrismaClient, options: { ownerEmail: string; ownerPassword: string; rootPhoneNumber: string }) {
  const email = options.ownerEmail.toLowerCase();
  await db.$transaction(async (tx) => {
    await tx.tenant.upsert({ where: { id: ROOT_TENANT_ID }, update: {}, create: { id: ROOT_TENANT_ID, slug: ROOT_TENANT_ID } });
    await tx.tenantConfig.upsert({
      where: { tenantId: ROOT_TENANT_ID },
      update: { tier: 'elite' },
      create: { tenantId: ROOT_TENANT_ID, businessName: ROOT_BUSINESS_NAME, industry: 'auto-detailing', tier: 'elite', status: 'active' },
    });
    await tx.tenantPhoneConfig.upsert({
      where: { tenantId: ROOT_TENANT_ID },
      update: { phoneNumber: options.rootPhoneNumber },
      create: { tenantId: ROOT_TENANT_ID, phoneNumber: options.rootPhoneNumber, ivrMode: 'ivr', jokesEnabled: true },
    });
    // Root's website, published once; the owner's later edits (or unpublishing) are kept.
    await tx.tenantSite.upsert({ where: { tenantId: ROOT_TENANT_ID }, update: {}, create: { tenantId: ROOT_TENANT_ID, template: 'classic', publishedAt: new Date() } });
  });

  // Root can take a booking on a fresh start: its trade's services and one resource.
  await ensureServices(db, ROOT_TENANT_ID, industryPack('auto-detailing').services);
  await ensureResource(db, ROOT_TENANT_ID);

  const existing = await db.user.findUnique({ where: { email } });
  const passwordHash = existing && (await verifyPassword(existing.passwordHash, options.ownerPassword)) ? existing.passwordHash : await hashPassword(options.ownerPassword);
  const owner = await db.user.upsert({ where: { email }, update: { passwordHash }, create: { email, name: 'Platform owner', passwordHash } });
  await db.membership.upsert({
    where: { userId_tenantId: { userId: owner.id, tenantId: ROOT_TENANT_ID } },
    update: { role: 'owner' },
    create: { userId: owner.id, tenantId: ROOT_TENANT_ID, role: 'owner' },
  });
  return { ownerId: owner.id };
}
