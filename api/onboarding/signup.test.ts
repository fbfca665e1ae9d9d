import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../../domain/workflow-ids.ts';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { GOOD_PASSWORD, newEmail } from '../../tests/account-fixtures.ts';
import { uniqueId } from '../../tests/stack.ts';

// POST /api/signup: a new owner signed in, a business `onboarding`, and its wizard workflow running.

let t: TestApp;
let limited: TestApp;
beforeAll(async () => {
  [t, limited] = await Promise.all([createTestApp(), createTestApp({ signupsPerWindow: 2 })]);
});
afterAll(async () => Promise.all([t?.close(), limited?.close()]));

const signup = (app: TestApp, body: unknown) => app.call('POST', '/api/signup', { body });

describe('POST /api/signup', () => {
  it('creates the owner (signed in), the business as onboarding with no number, and starts onboarding:<tenantId>', async () => {
    const email = newEmail('owner');
    const businessName = `Sunny Lawns ${uniqueId('x')}`;
    const response = await signup(t, { email, password: GOOD_PASSWORD, businessName });
    expect(response.status).toBe(201);
    const { tenantId, token } = (await response.json()) as { tenantId: string; token: string };
    expect(tenantId).toMatch(/^sunny-lawns-/);

    const tenant = await t.deps.db.tenant.findUniqueOrThrow({ where: { id: tenantId }, include: { config: true, phoneConfig: true, memberships: { include: { user: true } } } });
    expect(tenant.config).toMatchObject({ businessName, status: 'onboarding' });
    expect(tenant.phoneConfig).toBeNull();
    expect(tenant.memberships.map((m) => [m.user.email, m.role])).toEqual([[email, 'owner']]);

    const description = await t.deps.temporal.workflow.getHandle(workflowIds.onboarding(tenantId)).describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.searchAttributes).toMatchObject({ TenantId: [tenantId], TenantStatus: ['onboarding'] });

    const progress = await t.call('GET', `/api/tenants/${tenantId}/onboarding`, { token });
    expect(progress.status).toBe(200);
    expect(await progress.json()).toMatchObject({ status: 'in_progress', step: 'business', provisioning: null });
    // No billing life before the wizard is finished.
    await expect(t.deps.temporal.workflow.getHandle(workflowIds.billing(tenantId)).describe()).rejects.toThrow(/not found/i);
  });

  it('an email that already has an account: 409, telling them to sign in — and no second business', async () => {
    const email = newEmail('twice');
    expect((await signup(t, { email, password: GOOD_PASSWORD, businessName: 'First Shine' })).status).toBe(201);
    const again = await signup(t, { email: email.toUpperCase(), password: GOOD_PASSWORD, businessName: 'Second Shine' });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'account_exists', message: expect.stringMatching(/sign in/i), fields: { email: expect.any(String) } } });
    const user = await t.deps.db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    expect(user.memberships).toHaveLength(1);
  });

  it('refuses a weak password, a bad email or a missing name with field messages', async () => {
    const response = await signup(t, { email: 'not-an-email', password: 'password', businessName: '' });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(error.fields).sort()).toEqual(['businessName', 'email', 'password']);
    expect((await signup(t, { email: newEmail(), password: GOOD_PASSWORD, businessName: 'X', extra: 1 })).status).toBe(400);
  });

  it('is rate limited per address: signups past the budget get 429 and create nothing', async () => {
    for (let i = 0; i < 2; i += 1) expect((await signup(limited, { email: newEmail('burst'), password: GOOD_PASSWORD, businessName: `Burst ${i}` })).status).toBe(201);
    const email = newEmail('burst');
    const refused = await signup(limited, { email, password: GOOD_PASSWORD, businessName: 'Burst 3' });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(await limited.deps.db.user.findUnique({ where: { email } })).toBeNull();
  });
});
