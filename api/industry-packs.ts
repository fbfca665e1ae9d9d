import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { INDUSTRY_PACKS } from '../domain/industry-packs/index.ts';
import type { AppEnv } from './context.ts';

/**
 * A pack as the signup wizard shows it: the trade, its services to pre-fill, the greeting and info
 * to start from, its texts, policies, FAQs and website copy. The agent's instructions stay on the
 * server (they are how the agent is steered, not copy for a visitor), as does the JSON-LD type.
 */
const shownPacks = INDUSTRY_PACKS.map(({ agentInstructions: _agent, schemaOrgType: _jsonLd, ...shown }) => shown);

/** Packs change only with a deploy: an hour in any cache, then a cheap revalidation by ETag. */
const CACHE_CONTROL = 'public, max-age=3600, stale-while-revalidate=86400';

/** `GET /api/industry-packs`: public (no sign-in), since the wizard lists the trades before the account exists. */
export function industryPackRoutes() {
  return new Hono<AppEnv>().use(etag()).get('/', (c) => {
    c.header('cache-control', CACHE_CONTROL);
    return c.json({ packs: shownPacks });
  });
}
