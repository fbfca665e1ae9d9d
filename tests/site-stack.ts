import { siteCacheOf } from '../api/sites/site-cache.ts';
import { INDUSTRY_PACKS, type IndustryPack } from '../domain/industry-packs/index.ts';
import type { SiteContentInput } from '../domain/sites/content.ts';
import type { SiteTemplateId } from '../domain/sites/templates.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import type { TestApp } from './app-harness.ts';
import { SAMPLE_CONTENT, SAMPLE_HOURS } from './site-fixtures.ts';

/** A published website for a tenant made with createTenant: the pack's services, weekly hours, an owner alert number. */
export async function publishSite(
  t: TestApp,
  tenantId: string,
  options: { template?: SiteTemplateId; content?: SiteContentInput; published?: boolean; customDomain?: string; pack?: IndustryPack; ownerNotifyPhone?: string } = {},
) {
  const pack = options.pack ?? INDUSTRY_PACKS[0]!;
  const db = t.deps.db;
  await db.tenantConfig.update({ where: { tenantId }, data: { industry: pack.id } });
  await db.tenantPhoneConfig.update({ where: { tenantId }, data: { businessHours: SAMPLE_HOURS, ownerNotifyPhone: options.ownerNotifyPhone ?? '+19185550142' } });
  const services = forTenant(db, tenantId).service;
  if ((await services.count()) === 0) {
    for (const service of pack.services) await services.create({ data: { name: service.name, description: service.description, priceCents: service.priceCents, durationMin: service.durationMinutes } });
  }
  const data = { template: options.template ?? 'classic', content: (options.content ?? SAMPLE_CONTENT) as object, publishedAt: options.published === false ? null : new Date(), customDomain: options.customDomain ?? null };
  await db.tenantSite.upsert({ where: { tenantId }, update: data, create: { tenantId, ...data } });
  siteCacheOf(t.deps).forget(tenantId);
  return { pack };
}

/** The hidden token of the booking form on a page. */
export const formTokenIn = (html: string) => /name="token" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** A booking form post as a browser sends it from the site's own page. */
export function postForm(t: TestApp, url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return t.app.request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}
