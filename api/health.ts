import { Hono } from 'hono';
import type { AppEnv } from './context.ts';

const withDeadline = <T>(work: Promise<T>, ms: number) =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);

/**
 * `GET /healthz`: 200 when the database and Temporal answer, else 503 naming what is down. The
 * answer is public, so it names the part only: driver messages carry hosts, addresses and
 * database names. Why it is down goes to the log.
 */
export function healthRoutes() {
  return new Hono<AppEnv>().get('/', async (c) => {
    const { db, temporal, config } = c.get('deps');
    const [database, temporalCheck] = await Promise.allSettled([
      withDeadline(db.$queryRaw`SELECT 1`, 2_000),
      withDeadline(temporal.workflowService.describeNamespace({ namespace: config.TEMPORAL_NAMESPACE }), 2_000),
    ]);
    const checks = { database: database.status === 'fulfilled' ? 'ok' : 'down', temporal: temporalCheck.status === 'fulfilled' ? 'ok' : 'down' };
    for (const [part, result] of [['database', database], ['temporal', temporalCheck]] as const) {
      if (result.status === 'rejected') c.get('logger').warn({ err: result.reason, part }, 'health check: part is down');
    }
    const healthy = Object.values(checks).every((v) => v === 'ok');
    return c.json({ status: healthy ? 'ok' : 'unavailable', checks }, healthy ? 200 : 503);
  });
}
