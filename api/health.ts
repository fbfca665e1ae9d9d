import { Hono } from 'hono';
import type { AppEnv } from './context.ts';

const withDeadline = <T>(work: Promise<T>, ms: number) =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);

/** `GET /healthz`: 200 when the database and Temporal answer, else 503 naming what is down. */
export function healthRoutes() {
  return new Hono<AppEnv>().get('/', async (c) => {
    const { db, temporal, config } = c.get('deps');
    const [database, temporalCheck] = await Promise.allSettled([
      withDeadline(db.$queryRaw`SELECT 1`, 2_000),
      withDeadline(temporal.workflowService.describeNamespace({ namespace: config.TEMPORAL_NAMESPACE }), 2_000),
    ]);
    const checks = {
      database: database.status === 'fulfilled' ? 'ok' : `down: ${(database.reason as Error).message}`,
      temporal: temporalCheck.status === 'fulfilled' ? 'ok' : `down: ${(temporalCheck.reason as Error).message}`,
    };
    const healthy = Object.values(checks).every((v) => v === 'ok');
    return c.json({ status: healthy ? 'ok' : 'unavailable', checks }, healthy ? 200 : 503);
  });
}
