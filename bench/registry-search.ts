// The registry's search and filters over 500 tenants (each with config, billing row, number and
// owner), through the API as the page asks (validation, session, the search and summary queries,
// the page of rows), next to baselines measured in the same run on the same tables: a plain indexed
// query (newest 24 tenants by created_at) and the same page read with Prisma and no search.
import { createApp } from '../api/app.ts';
import { searchRegistry, summariseRegistry } from '../api/admin/registry-search.ts';
import { withConfig } from '../api/admin/tenant-view.ts';
import { parseConfig } from '../domain/config.ts';
import { registryQuery } from '../domain/inputs/registry-query.ts';
import { planPricesCents } from '../domain/plan-prices.ts';
import { hashPassword } from '../domain/passwords.ts';
import { isProvisioned, TENANT_STATUSES, TENANT_TIERS } from '../domain/tenancy.ts';
import { startEphemeralStack } from '../scripts/ephemeral-stack.ts';
import { closeDeps, createDeps } from '../workers/runtime/deps.ts';
import { createLogger } from '../workers/runtime/logger.ts';
import { measure, type Series } from './measure.ts';

const TENANTS = Number(process.env.BENCH_TENANTS ?? 500);
const N = Number(process.env.BENCH_SEARCHES ?? 600);
const DAY_MS = 86_400_000;
const WORDS = ['Sunny', 'Green', 'Shine', 'Paws', 'Sparkle', 'Fresh', 'Bright', 'Tidy', 'Happy', 'Clear'];
const KINDS = ['Lawns', 'Detailing', 'Cleaning', 'Grooming', 'Windows'];

/** The billing life's statuses (the onboarding ones are not what this registry page is about). */
const BILLED_STATUSES = TENANT_STATUSES.filter(isProvisioned);

const number = (i: number) => `+1405${String(2_000_000 + i).padStart(7, '0')}`;

/** 500 tenants spread over every plan and status, trials ending over the next 30 days, each with a number and an owner. */
async function seed(db: Awaited<ReturnType<typeof createDeps>>['db']) {
  const now = Date.now();
  const rows = Array.from({ length: TENANTS }, (_, i) => ({
    id: `bench-${String(i).padStart(4, '0')}`,
    businessName: `${WORDS[i % WORDS.length]} ${KINDS[i % KINDS.length]} ${i}`,
    tier: TENANT_TIERS[i % 3]!,
    status: BILLED_STATUSES[i % BILLED_STATUSES.length]!,
    createdAt: new Date(now - i * 3_600_000),
  }));
  await db.tenant.createMany({ data: rows.map((r) => ({ id: r.id, slug: r.id, createdAt: r.createdAt, closedAt: r.status === 'closed' ? new Date() : null })) });
  await db.tenantConfig.createMany({ data: rows.map((r) => ({ tenantId: r.id, businessName: r.businessName, tier: r.tier, status: r.status })) });
  await db.tenantBilling.createMany({ data: rows.map((r, i) => ({ tenantId: r.id, trialEndsAt: r.status === 'trialing' ? new Date(now + (i % 30) * DAY_MS) : null })) });
  await db.tenantPhoneConfig.createMany({ data: rows.map((r, i) => ({ tenantId: r.id, phoneNumber: number(i) })) });
  const passwordHash = await hashPassword('bench owner password');
  await db.user.createMany({ data: rows.map((r) => ({ email: `owner-${r.id}@bench.example`, passwordHash })) });
  const users = await db.user.findMany({ where: { email: { endsWith: '@bench.example' } }, select: { id: true, email: true } });
  await db.membership.createMany({ data: users.map((u) => ({ userId: u.id, tenantId: u.email.slice('owner-'.length, u.email.indexOf('@')), role: 'owner' as const })) });
}

/** What the registry page asks, in turn: the first page, words, a number as people write it, an email, filters, sorts, a later page. */
const QUERIES = [
  '',
  '?q=sunny',
  '?q=grooming%20123',
  `?q=${encodeURIComponent('(405) 200-0321')}`,
  '?q=owner-bench-0420%40bench',
  '?tier=pro&status=active',
  '?trialEndingDays=7&sort=trialEnd',
  '?pastDue=true&sort=name',
  '?sort=status&includeClosed=true',
  '?sort=name&offset=240',
];

export async function runRegistrySearchBench(): Promise<Series[]> {
  const stack = await startEphemeralStack();
  const config = parseConfig({
    NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: stack.adminDatabaseUrl, APP_DATABASE_URL: stack.appDatabaseUrl,
    TEMPORAL_ADDRESS: stack.temporalAddress, SERVICEPRO_ENCRYPTION_KEY: stack.masterKeyBase64,
  });
  const deps = await createDeps(config, createLogger('silent'));
  const results: Series[] = [];
  try {
    await seed(deps.db);
    const app = createApp(deps);
    const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(stack.owner) });
    const { token } = (await login.json()) as { token: string };
    const prices = planPricesCents(config);
    for (const concurrency of [1, 8]) {
      results.push(await measure(`plain indexed query: newest 24 tenants, c=${concurrency}`, N, concurrency, () => deps.db.$queryRaw`SELECT id FROM tenants ORDER BY created_at DESC LIMIT 24`, 'registry search'));
      results.push(await measure(`GET /api/auth/me (the session check every request pays), c=${concurrency}`, N, concurrency, async () => (await app.request('/api/auth/me', { headers: { authorization: `Bearer ${token}` } })).arrayBuffer(), 'registry search'));
      results.push(await measure(`prisma page of 24 with config (no search), c=${concurrency}`, N, concurrency, () => deps.db.tenant.findMany({ include: withConfig, orderBy: { createdAt: 'desc' }, take: 24 }), 'registry search'));
      results.push(
        await measure(`search + summary queries (no HTTP), c=${concurrency}`, N, concurrency, (i) => {
          const parsed = registryQuery.parse(Object.fromEntries(new URLSearchParams(QUERIES[Math.abs(i) % QUERIES.length])));
          return Promise.all([searchRegistry(deps.db, parsed), summariseRegistry(deps.db, parsed, prices)]);
        }),
      );
      results.push(
        await measure(`GET /api/admin/tenants (search, filters, summary), c=${concurrency}`, N, concurrency, async (i) => {
          const r = await app.request(`/api/admin/tenants${QUERIES[Math.abs(i) % QUERIES.length]}`, { headers: { authorization: `Bearer ${token}` } });
          if (r.status !== 200) throw new Error(`search failed: ${r.status} ${await r.text()}`);
          await r.arrayBuffer();
        }),
      );
    }
  } finally {
    await closeDeps(deps);
    await stack.stop();
  }
  return results;
}
