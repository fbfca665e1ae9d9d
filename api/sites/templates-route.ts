import { Hono } from 'hono';
import { SITE_TEMPLATES } from '../../domain/sites/templates.ts';
import type { AppEnv } from '../context.ts';

/** `GET /api/site-templates`: the website templates and the plans that include each (public, like the industry packs). */
export function siteTemplateRoutes() {
  return new Hono<AppEnv>().get('/', (c) => c.json({ templates: SITE_TEMPLATES.map(({ id, name, description, tiers }) => ({ id, name, description, tiers })) }));
}
