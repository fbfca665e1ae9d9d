import type { SiteFacts } from '../../domain/sites/site-model.ts';
import { hasFeature } from '../../domain/tiers.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import { forTenant } from '../../prisma/tenant-db.ts';

// A website's facts, read from the database: the registry rows (platform tables, readable before
// any tenant is known) and the tenant's active services (a tenant-owned table, read as that tenant).

export type SiteTarget = { slug: string } | { tenantId: string };

/** Slugs are tenant ids' shape (domain/tenancy.ts): anything else names no site, and is not looked up. */
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export async function loadSiteFacts(db: PrismaClient, target: SiteTarget): Promise<SiteFacts | null> {
  if ('slug' in target && !SLUG.test(target.slug)) return null;
  const tenant = await db.tenant.findUnique({ where: 'slug' in target ? { slug: target.slug } : { id: target.tenantId }, include: { config: true, phoneConfig: true, site: true } });
  if (!tenant?.config) return null;
  const services = await forTenant(db, tenant.id).service.findMany({
    where: { active: true },
    orderBy: [{ createdAt: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, description: true, priceCents: true, durationMin: true },
  });
  const { config, phoneConfig, site } = tenant;
  return {
    tenantId: tenant.id,
    slug: tenant.slug,
    businessName: config.businessName,
    industry: config.industry,
    serviceArea: config.serviceArea,
    logoUrl: config.logoUrl,
    primaryColor: config.primaryColor,
    tier: config.tier,
    status: config.status,
    phoneNumber: phoneConfig?.phoneNumber ?? null,
    timeZone: phoneConfig?.timeZone ?? 'America/Chicago',
    businessHours: phoneConfig?.businessHours ?? null,
    services,
    site: site ? { template: site.template, content: site.content, publishedAt: site.publishedAt, customDomain: site.customDomain } : null,
  };
}

/** The tenant whose Elite plan maps this host, or null (no such domain, or the plan no longer has custom domains). */
export async function tenantOfCustomDomain(db: PrismaClient, host: string): Promise<string | null> {
  const site = await db.tenantSite.findUnique({ where: { customDomain: host }, select: { tenantId: true, tenant: { select: { config: { select: { tier: true } } } } } });
  const tier = site?.tenant.config?.tier;
  return site && tier && hasFeature(tier, 'customDomain') ? site.tenantId : null;
}
