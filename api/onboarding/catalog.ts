import { Hono } from 'hono';
import { INDUSTRY_PACKS } from '../../domain/industry-packs/index.ts';
import type { AppEnv } from '../context.ts';

/** `GET /api/industry-packs`: the trades the wizard's industry step offers, with the services each pre-fills. Public: pack data only. */
export function industryPackRoutes() {
  return new Hono<AppEnv>().get('/', (c) =>
    c.json({
      packs: INDUSTRY_PACKS.map((pack) => ({
        id: pack.id,
        name: pack.name,
        services: pack.services.map(({ name, description, durationMinutes, priceCents, priceIsFrom }) => ({ name, description, durationMinutes, priceCents, priceIsFrom })),
        greeting: pack.ivr.greeting,
        info: pack.ivr.info,
      })),
    }),
  );
}
