import type { SiteUpdateInput } from '../../domain/inputs/site.ts';
import { readSiteContent } from '../../domain/sites/content.ts';
import { effectiveTemplate, SITE_TEMPLATES, STARTER_TEMPLATE, templateAllowed } from '../../domain/sites/templates.ts';
import { canonicalMount, normalHost, pagePath, platformMount } from '../../domain/sites/urls.ts';
import { featureLockedMessage, hasFeature } from '../../domain/tiers.ts';
import type { AppDeps } from '../context.ts';
import { ApiError } from '../errors.ts';
import { siteCacheOf } from './site-cache.ts';

// The owner's side of the website: what is set (template, content, domain, published), what the
// plan allows, and saving a change — after which this process builds the site's pages afresh.

export async function ownerSiteView(deps: AppDeps, tenantId: string) {
  const tenant = await deps.db.tenant.findUnique({ where: { id: tenantId }, include: { config: true, site: true } });
  if (!tenant?.config) throw new ApiError(404, 'not_found', `There is no business “${tenantId}”.`);
  const { tier } = tenant.config;
  const site = tenant.site;
  const customDomain = site?.customDomain ?? null;
  const live = canonicalMount({ slug: tenant.slug, customDomain: customDomain && hasFeature(tier, 'customDomain') ? customDomain : null }, deps.config);
  return {
    site: {
      template: site?.template ?? STARTER_TEMPLATE,
      /** What visitors see: the starter template after a downgrade, until the plan includes the chosen one again. */
      effectiveTemplate: effectiveTemplate(tier, site?.template),
      content: readSiteContent(site?.content).content,
      published: site?.publishedAt != null,
      publishedAt: site?.publishedAt?.toISOString() ?? null,
      customDomain,
      /** Where the site is: under the platform's address, and the address search engines are given. */
      url: `${deps.config.PUBLIC_BASE_URL}${pagePath(platformMount(tenant.slug), 'home')}`,
      canonicalUrl: pagePath(live, 'home'),
      templates: SITE_TEMPLATES.map((template) => ({ ...template, locked: templateAllowed(tier, template.id) ? null : featureLockedMessage('allTemplates') })),
      customDomainLocked: hasFeature(tier, 'customDomain') ? null : featureLockedMessage('customDomain'),
    },
  };
}

function refuseCustomDomain(deps: AppDeps, domain: string): void {
  const platform = normalHost(new URL(deps.config.PUBLIC_BASE_URL).host);
  const base = deps.config.SITES_BASE_DOMAIN;
  if (domain === platform || (base && (domain === base || domain.endsWith(`.${base}`)))) {
    const message = 'That address is ServicePro’s own. Enter a domain you own, like www.yourbusiness.com.';
    throw new ApiError(400, 'validation_failed', message, { customDomain: message });
  }
}

export async function updateOwnerSite(deps: AppDeps, tenantId: string, input: SiteUpdateInput, actorUserId: string) {
  const config = await deps.db.tenantConfig.findUnique({ where: { tenantId }, select: { tier: true } });
  if (!config) throw new ApiError(404, 'not_found', `There is no business “${tenantId}”.`);
  if (input.template && !templateAllowed(config.tier, input.template)) {
    const message = featureLockedMessage('allTemplates');
    throw new ApiError(403, 'plan_required', message, { template: message });
  }
  if (input.customDomain) {
    if (!hasFeature(config.tier, 'customDomain')) {
      const message = featureLockedMessage('customDomain');
      throw new ApiError(403, 'plan_required', message, { customDomain: message });
    }
    refuseCustomDomain(deps, input.customDomain);
    const taken = await deps.db.tenantSite.findFirst({ where: { customDomain: input.customDomain, NOT: { tenantId } }, select: { tenantId: true } });
    if (taken) throw new ApiError(409, 'domain_taken', 'Another business already uses that domain.', { customDomain: 'Another business already uses that domain.' });
  }
  const existing = await deps.db.tenantSite.findUnique({ where: { tenantId } });
  const data = {
    ...(input.template ? { template: input.template } : {}),
    ...(input.content ? { content: input.content as object } : {}),
    ...(input.customDomain !== undefined ? { customDomain: input.customDomain } : {}),
    ...(input.published !== undefined ? { publishedAt: input.published ? (existing?.publishedAt ?? new Date()) : null } : {}),
  };
  await deps.db.$transaction([
    deps.db.tenantSite.upsert({ where: { tenantId }, update: data, create: { tenantId, template: STARTER_TEMPLATE, ...data } }),
    deps.db.auditLog.create({ data: { actorUserId, tenantId, action: 'site.updated', before: existing ? { template: existing.template, customDomain: existing.customDomain, published: existing.publishedAt != null } : undefined, after: { ...input, content: input.content ? 'changed' : undefined } } }),
  ]);
  siteCacheOf(deps).forget(tenantId);
  return ownerSiteView(deps, tenantId);
}
