import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { signUp } from '../../tests/onboarding-fixtures.ts';

// A business still in the setup wizard has no number, no plan and no billing yet: every page of the
// app still answers (no 5xx), and what needs a provisioned business says so instead of hanging.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('a business that is not set up yet', () => {
  it('its pages answer without a line: summary, dashboard, phone settings, billing, call log', async () => {
    const who = await signUp(t);
    const summary = await t.call('GET', `/api/tenants/${who.tenantId}`, { token: who.token });
    expect(summary.status).toBe(200);
    expect(await summary.json()).toMatchObject({ tenant: { status: 'onboarding', phoneNumber: null, role: 'owner' } });
    for (const page of ['dashboard', 'phone-settings', 'billing', 'calls', 'messages']) {
      const response = await t.call('GET', `/api/tenants/${who.tenantId}/${page}`, { token: who.token });
      expect([page, response.status]).toEqual([page, 200]);
    }
  });

  it('has no plan to change and no card to add: 409 not_set_up, at once', async () => {
    const who = await signUp(t);
    const started = Date.now();
    const plan = await t.call('POST', `/api/tenants/${who.tenantId}/billing/plan`, { token: who.token, body: { tier: 'elite' } });
    expect(plan.status).toBe(409);
    expect(await plan.json()).toMatchObject({ error: { code: 'not_set_up', message: expect.stringMatching(/not set up yet/) } });
    const link = await t.call('POST', `/api/tenants/${who.tenantId}/billing/payment-link`, { token: who.token, body: { kind: 'checkout' } });
    expect(link.status).toBe(409);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('appears in the root registry as onboarding, counted under that status', async () => {
    const who = await signUp(t);
    const owner = await t.ownerToken();
    const response = await t.call('GET', `/api/admin/tenants?q=${who.tenantId}`, { token: owner });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { tenants: { id: string; status: string; phoneNumber: string | null }[]; summary: { byStatus: Record<string, number> } };
    expect(body.tenants.find((tenant) => tenant.id === who.tenantId)).toMatchObject({ status: 'onboarding' });
    expect(body.summary.byStatus.onboarding).toBeGreaterThanOrEqual(1);
  });
});
