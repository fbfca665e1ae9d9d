import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { registryRow, type RegistryRowInput } from '../../tests/registry-fixtures.ts';
import { uniqueId } from '../../tests/stack.ts';

// The registry's search, filters, sort, paging and summary, over real rows. Tests share one
// database, so each test's tenants carry a word of their own and every search includes it.

let t: TestApp;
let owner: string;
beforeAll(async () => {
  t = await createTestApp();
  owner = await t.ownerToken();
});
afterAll(async () => t?.close());

type Listed = {
  tenants: { id: string; businessName: string; status: string; tier: string }[];
  page: { total: number; offset: number; limit: number };
  summary: { byStatus: Record<string, number>; mrrCents: number; payingTenants: number; trialsEndingThisWeek: number; pastDue: number };
};
const DAY = 86_400_000;

async function list(query: Record<string, string | number | boolean>) {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const r = await t.call('GET', `/api/admin/tenants?${search}`, { token: owner });
  expect(r.status, await r.clone().text()).toBe(200);
  return (await r.json()) as Listed;
}
const ids = (listed: Listed) => listed.tenants.map((x) => x.id);

/** Tenants named "<Name> <word>", written straight into the registry tables. */
async function seed(word: string, rows: (Omit<RegistryRowInput, 'id' | 'businessName'> & { key: string; name: string })[]) {
  const made: Record<string, string> = {};
  for (const row of rows) {
    const id = uniqueId(row.key);
    await registryRow(t.deps.db, { ...row, id, businessName: `${row.name} ${word}` });
    made[row.key] = id;
  }
  return made;
}

describe('GET /api/admin/tenants: search', () => {
  it('q finds a tenant by business name, id or slug, phone number in any format, and owner email', async () => {
    const word = uniqueId('zq').replace(/-/g, '');
    const number = `+1405${String(2_000_000 + Math.floor(Math.random() * 7_000_000))}`;
    const email = `${uniqueId('dana')}@sunny.example`;
    const made = await seed(word, [
      { key: 'sunny', name: 'Sunny Lawns', phoneNumber: number, ownerEmail: email },
      { key: 'brite', name: 'Brite Windows' },
    ]);
    expect(ids(await list({ q: `sunny lawns ${word}` }))).toEqual([made.sunny]);
    expect(ids(await list({ q: word })).sort()).toEqual([made.brite, made.sunny].sort());
    expect(ids(await list({ q: made.brite! }))).toEqual([made.brite]);
    const national = `(${number.slice(2, 5)}) ${number.slice(5, 8)}-${number.slice(8)}`;
    expect(ids(await list({ q: national }))).toEqual([made.sunny]);
    expect(ids(await list({ q: number.slice(2) }))).toEqual([made.sunny]);
    expect(ids(await list({ q: email.toUpperCase() }))).toEqual([made.sunny]);
    // LIKE's wildcards are searched for as themselves.
    expect(ids(await list({ q: `%${word}` }))).toEqual([]);
  });

  it('filters by tier, status, trial ending within N days and past due; closed tenants only when asked', async () => {
    const word = uniqueId('zf').replace(/-/g, '');
    const now = Date.now();
    const made = await seed(word, [
      { key: 'trial-soon', name: 'Trial Soon', tier: 'pro', status: 'trialing', trialEndsAt: new Date(now + 3 * DAY) },
      { key: 'trial-late', name: 'Trial Late', tier: 'pro', status: 'trialing', trialEndsAt: new Date(now + 20 * DAY) },
      { key: 'late-payer', name: 'Late Payer', tier: 'elite', status: 'past_due' },
      { key: 'paying', name: 'Paying', tier: 'starter', status: 'active' },
      { key: 'gone', name: 'Gone', tier: 'pro', status: 'closed', closedAt: new Date(now - DAY) },
    ]);
    expect(ids(await list({ q: word, tier: 'pro' })).sort()).toEqual([made['trial-late'], made['trial-soon']].sort());
    expect(ids(await list({ q: word, status: 'active' }))).toEqual([made.paying]);
    expect(ids(await list({ q: word, trialEndingDays: 7 }))).toEqual([made['trial-soon']]);
    expect(ids(await list({ q: word, trialEndingDays: 30 })).sort()).toEqual([made['trial-late'], made['trial-soon']].sort());
    expect(ids(await list({ q: word, pastDue: true }))).toEqual([made['late-payer']]);
    expect(ids(await list({ q: word }))).not.toContain(made.gone);
    expect(ids(await list({ q: word, includeClosed: true }))).toContain(made.gone);
    // Asking for closed ones by status shows them without the extra switch.
    expect(ids(await list({ q: word, status: 'closed' }))).toEqual([made.gone]);
  });

  it('shows each tenant’s texting registration (none yet: not_started) and filters by it', async () => {
    const word = uniqueId('zt').replace(/-/g, '');
    const made = await seed(word, [
      { key: 'older', name: 'Older Business' },
      { key: 'waiting', name: 'Waiting Business' },
      { key: 'fixing', name: 'Fixing Business' },
    ]);
    await t.deps.db.carrierRegistration.create({ data: { tenantId: made.waiting!, state: 'campaign_review' } });
    await t.deps.db.carrierRegistration.create({ data: { tenantId: made.fixing!, state: 'action_needed' } });
    const listed = (await list({ q: word })) as unknown as { tenants: { id: string; textingRegistration: string }[] };
    expect(Object.fromEntries(listed.tenants.map((x) => [x.id, x.textingRegistration]))).toEqual({ [made.older!]: 'not_started', [made.waiting!]: 'campaign_review', [made.fixing!]: 'action_needed' });
    expect(ids(await list({ q: word, texting: 'action_needed' }))).toEqual([made.fixing]);
    expect(ids(await list({ q: word, texting: 'not_started' }))).toEqual([made.older]);
    const bad = await t.call('GET', '/api/admin/tenants?texting=maybe', { token: owner });
    expect(bad.status).toBe(400);
    const one = (await (await t.call('GET', `/api/admin/tenants/${made.fixing}`, { token: owner })).json()) as { tenant: { textingRegistration: string } };
    expect(one.tenant.textingRegistration).toBe('action_needed');
  });

  it('sorts by name, created, trial end and status, both ways, and pages with offset and limit', async () => {
    const word = uniqueId('zs').replace(/-/g, '');
    const now = Date.now();
    const made = await seed(word, [
      { key: 'b', name: 'Bravo', status: 'active', createdAt: new Date(now - 3 * DAY) },
      { key: 'a', name: 'alpha', status: 'trialing', trialEndsAt: new Date(now + 9 * DAY), createdAt: new Date(now - 1 * DAY) },
      { key: 'c', name: 'Charlie', status: 'past_due', createdAt: new Date(now - 2 * DAY) },
      { key: 'd', name: 'Delta', status: 'trialing', trialEndsAt: new Date(now + 2 * DAY), createdAt: new Date(now - 4 * DAY) },
    ]);
    const { a, b, c, d } = made;
    expect(ids(await list({ q: word, sort: 'name' }))).toEqual([a, b, c, d]); // case does not matter
    expect(ids(await list({ q: word, sort: 'name', dir: 'desc' }))).toEqual([d, c, b, a]);
    expect(ids(await list({ q: word }))).toEqual([a, c, b, d]); // default: newest first
    expect(ids(await list({ q: word, sort: 'created', dir: 'asc' }))).toEqual([d, b, c, a]);
    // Ties (and tenants without the value, always last) go by id.
    expect(ids(await list({ q: word, sort: 'trialEnd' }))).toEqual([d, a, b, c]);
    expect(ids(await list({ q: word, sort: 'trialEnd', dir: 'desc' }))).toEqual([a, d, b, c]);
    expect(ids(await list({ q: word, sort: 'status' }))).toEqual([a, d, b, c]); // trialing, active, past due…

    const first = await list({ q: word, sort: 'name', limit: 3 });
    expect(ids(first)).toEqual([a, b, c]);
    expect(first.page).toEqual({ total: 4, offset: 0, limit: 3 });
    const second = await list({ q: word, sort: 'name', limit: 3, offset: 3 });
    expect(ids(second)).toEqual([d]);
    expect(second.page.total).toBe(4);
  });

  it('summary: tenants by status, MRR from the plan prices of active paying tenants, trials ending this week, past due', async () => {
    const word = uniqueId('zm').replace(/-/g, '');
    const now = Date.now();
    await seed(word, [
      { key: 'p1', name: 'Pro One', tier: 'pro', status: 'active' },
      { key: 'p2', name: 'Pro Two', tier: 'pro', status: 'active' },
      { key: 's1', name: 'Starter', tier: 'starter', status: 'active' },
      { key: 'e1', name: 'Elite Late', tier: 'elite', status: 'past_due' },
      { key: 't1', name: 'Trial Week', tier: 'elite', status: 'trialing', trialEndsAt: new Date(now + 5 * DAY) },
      { key: 't2', name: 'Trial Month', tier: 'elite', status: 'trialing', trialEndsAt: new Date(now + 25 * DAY) },
      { key: 'x1', name: 'Closed', tier: 'elite', status: 'closed', closedAt: new Date(now) },
    ]);
    const { summary } = await list({ q: word });
    const { config } = t.deps;
    expect(summary).toEqual({
      byStatus: { onboarding: 0, trialing: 2, active: 3, past_due: 1, suspended: 0, closed: 1, failed: 0, expired: 0 },
      mrrCents: 2 * config.BILLING_PRICE_PRO_CENTS + config.BILLING_PRICE_STARTER_CENTS,
      payingTenants: 3,
      trialsEndingThisWeek: 1,
      pastDue: 1,
    });
    // A status filter narrows the list, not the summary (it is the row of counts to choose from).
    expect((await list({ q: word, status: 'active' })).summary).toEqual(summary);
    // Root runs the platform and is never billed: not in the MRR.
    const rootOnly = await list({ q: 'root', tier: 'elite' });
    expect(ids(rootOnly)).toContain('root');
  });

  it('400 naming the parameter for a bad tier, status, sort, number or flag', async () => {
    for (const [query, field] of [
      ['tier=platinum', 'tier'],
      ['status=gone', 'status'],
      ['sort=price', 'sort'],
      ['dir=up', 'dir'],
      ['limit=0', 'limit'],
      ['limit=1000', 'limit'],
      ['offset=-1', 'offset'],
      ['trialEndingDays=abc', 'trialEndingDays'],
      ['pastDue=yes', 'pastDue'],
      [`q=${'x'.repeat(200)}`, 'q'],
    ] as const) {
      const r = await t.call('GET', `/api/admin/tenants?${query}`, { token: owner });
      expect(r.status, query).toBe(400);
      const { error } = (await r.json()) as { error: { code: string; fields: Record<string, string> } };
      expect(error.code).toBe('validation_failed');
      expect(Object.keys(error.fields), query).toEqual([field]);
    }
  });
});
