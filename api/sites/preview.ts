import type { z } from 'zod';
import type { sitePreviewInput } from '../../domain/inputs/site.ts';
import { buildSite } from '../../domain/sites/site-model.ts';
import { canonicalMount, platformMount } from '../../domain/sites/urls.ts';
import type { AppDeps } from '../context.ts';
import { ApiError } from '../errors.ts';
import { renderSitePage } from './render/pages.ts';
import { loadSiteFacts } from './site-facts.ts';

/** The site's front page as it would look with `changes`: the editor's live preview (the form does not post). */
export async function renderPreview(deps: AppDeps, tenantId: string, changes: z.output<typeof sitePreviewInput>) {
  const facts = await loadSiteFacts(deps.db, { tenantId });
  if (!facts) throw new ApiError(404, 'not_found', `There is no business “${tenantId}”.`);
  const site = buildSite(facts, new Date(), { template: changes.template, content: changes.content ?? facts.site?.content });
  return renderSitePage({ site, mount: platformMount(facts.slug), canonical: canonicalMount(site, deps.config), page: 'home', formToken: '', preview: true });
}
