import { Hono, type Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { platformMount } from '../../domain/sites/urls.ts';
import { serveSite } from './serve.ts';

/** `/s/:slug` and everything under it: each business's site under the platform's own address. */
export function siteRoutes() {
  const serve = (c: Context<AppEnv, '/:slug' | '/:slug/*'>) => {
    const given = c.req.param('slug');
    const slug = given.toLowerCase();
    const base = `/s/${given}`;
    return serveSite(c, { slug }, platformMount(slug), c.req.path.slice(base.length));
  };
  return new Hono<AppEnv>().all('/:slug', serve).all('/:slug/*', serve);
}

/** The platform's robots.txt: crawl the business sites, nothing else. */
export const PLATFORM_ROBOTS = 'User-agent: *\nAllow: /s/\nDisallow: /\n';
