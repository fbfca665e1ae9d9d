// The foundation's costs next to baselines measured in the same run:
// • a tenant-scoped read (Prisma extension + transaction + RLS) vs the same read as a plain query;
// • creating a tenant through the API (validation, one DB transaction with audit, starting
//   billing:<id>) vs a bare Temporal workflow start.
import pg from 'pg';
import { createApp } from '../api/app.ts';
import { createDeps, closeDeps } from '../workers/runtime/deps.ts';
import { createLogger } from '../workers/runtime/logger.ts';
import { parseConfig } from '../domain/config.ts';
import { workflowIds } from '../domain/workflow-ids.ts';
import { createPrismaClient } from '../prisma/client.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import { startEphemeralStack } from '../scripts/ephemeral-stack.ts';
import { tenantBilling } from '../workflows/billing.ts';
import { startWorker } from '../workers/worker.ts';
import { measure, type Series } from './measure.ts';

const READS = Number(process.env.BENCH_READS ?? 3000);
const CREATES = Number(process.env.BENCH_CREATES ?? 300);

export async function runFoundationBench(): Promise<Series[]> {
  const stack = await startEphemeralStack();
  const taskQueue = 'bench';
  const config = parseConfig({
    NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: stack.adminDatabaseUrl, APP_DATABASE_URL: stack.appDatabaseUrl,
    TEMPORAL_ADDRESS: stack.temporalAddress, TEMPORAL_TASK_QUEUE: taskQueue, SERVICEPRO_ENCRYPTION_KEY: stack.masterKeyBase64,
  });
  const deps = await createDeps(config, createLogger('silent'));
  const worker = await startWorker({ address: stack.temporalAddress, namespace: 'default', taskQueue, masterKey: deps.masterKey, activityDeps: deps });
  const admin = createPrismaClient(stack.adminDatabaseUrl);
  const raw = new pg.Pool({ connectionString: stack.adminDatabaseUrl, max: 10 });
  const results: Series[] = [];
  try {
    // 2 tenants × 5,000 customers; each read fetches one tenant's newest 20.
    for (const id of ['bench-a', 'bench-b']) {
      await deps.db.tenant.create({ data: { id, slug: id, config: { create: { businessName: id } } } });
      await forTenant(deps.db, id).customer.createMany({ data: Array.from({ length: 5000 }, (_, i) => ({ name: `Customer ${i}`, phone: `+1918555${String(i).padStart(4, '0')}` })) });
    }
    const scoped = forTenant(deps.db, 'bench-a');
    for (const concurrency of [1, 16]) {
      results.push(await measure(`raw pg query (no RLS), c=${concurrency}`, READS, concurrency, () => raw.query(`SELECT * FROM customers WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT 20`, ['bench-a']), 'tenant read'));
      results.push(await measure(`prisma findMany (no RLS), c=${concurrency}`, READS, concurrency, () => admin.customer.findMany({ where: { tenantId: 'bench-a' }, orderBy: { createdAt: 'desc' }, take: 20 }), 'tenant read'));
      results.push(await measure(`forTenant findMany (RLS + tx), c=${concurrency}`, READS, concurrency, () => scoped.customer.findMany({ orderBy: { createdAt: 'desc' }, take: 20 })));
    }

    const app = createApp(deps);
    const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(stack.owner) });
    const { token } = (await login.json()) as { token: string };
    const run = Date.now().toString(36);
    for (const concurrency of [1, 8]) {
      results.push(
        await measure(`bare Temporal workflow start, c=${concurrency}`, CREATES, concurrency, (i) =>
          deps.temporal.workflow.start(tenantBilling, { workflowId: workflowIds.billing(`bare-${run}-${concurrency}-${i}`), taskQueue, args: [{ tenantId: 'x', tier: 'pro', status: 'trialing' }] }),
        'tenant create'),
      );
      results.push(
        await measure(`POST /api/admin/tenants, c=${concurrency}`, CREATES, concurrency, async (i) => {
          const r = await app.request('/api/admin/tenants', {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ id: `t-${run}-${concurrency}-${i < 0 ? `w${-i}` : i}`, businessName: 'Bench Co', tier: 'pro' }),
          });
          if (r.status !== 201) throw new Error(`create failed: ${r.status} ${await r.text()}`);
        }),
      );
    }
    results.push(await measure('POST /api/auth/login (argon2id verify)', 40, 1, async () => app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.1.${Math.random()}` }, body: JSON.stringify(stack.owner) })));
  } finally {
    await worker.shutdown();
    await Promise.allSettled([raw.end(), admin.$disconnect(), closeDeps(deps)]);
    await stack.stop();
  }
  return results;
}
