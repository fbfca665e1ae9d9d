// A closed business is read-only: its settings and test calls are refused with a 409 that says why
// and what is still possible, while everything can still be read and exported. A suspended (paused)
// business keeps everything, settings included (DESIGN.md "Billing life of a tenant").
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { createTenant } from '../../tests/tenant-fixtures.ts';

let t: TestApp;
let storageDir: string;
let platform: string;
let closed: { id: string; phoneNumber: string | null };
let paused: { id: string; phoneNumber: string | null };
let closedOwner: string;
let pausedOwner: string;

type ErrorBody = { error: { code: string; message: string } };
const simulatedCall = { from: '+19185550199', digits: ['1'], answerScreening: false, hangUpWhenDone: true };

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(tmpdir(), 'closed-business-'));
  t = await createTestApp({ env: { EXPORT_STORAGE_DIR: storageDir } });
  platform = await t.ownerToken();
  closed = await createTenant(t, platform, 'pro');
  paused = await createTenant(t, platform, 'pro');
  [closedOwner, pausedOwner] = await Promise.all([t.memberToken(closed.id, 'owner'), t.memberToken(paused.id, 'owner')]);
  expect((await t.call('DELETE', `/api/admin/tenants/${closed.id}`, { token: platform })).status).toBe(200);
  await t.deps.db.tenantConfig.update({ where: { tenantId: paused.id }, data: { status: 'suspended' } });
});
afterAll(async () => {
  await t?.close();
  if (storageDir) await rm(storageDir, { recursive: true, force: true });
});

describe('a closed business', () => {
  it('refuses a change to its phone settings with 409 tenant_closed, saying export still works', async () => {
    for (const token of [closedOwner, platform]) {
      const r = await t.call('PATCH', `/api/tenants/${closed.id}/phone-settings`, { token, body: { greetingText: 'Back soon' } });
      expect(r.status).toBe(409);
      const { error } = (await r.json()) as ErrorBody;
      expect(error.code).toBe('tenant_closed');
      expect(error.message).toMatch(/closed/);
      expect(error.message).toMatch(/export/i);
    }
    expect((await t.deps.db.tenantPhoneConfig.findUniqueOrThrow({ where: { tenantId: closed.id } })).greetingText).not.toBe('Back soon');
  });

  it('refuses a test call (409 tenant_closed)', async () => {
    const r = await t.call('POST', `/api/tenants/${closed.id}/simulator/calls`, { token: closedOwner, body: simulatedCall });
    expect(r.status).toBe(409);
    expect(((await r.json()) as ErrorBody).error.code).toBe('tenant_closed');
  });

  it('refuses a card or plan change with 409 tenant_closed, not "billing is busy"', async () => {
    for (const [path, body] of [['/billing/payment-link', { kind: 'checkout' }], ['/billing/plan', { tier: 'elite' }]] as const) {
      const r = await t.call('POST', `/api/tenants/${closed.id}${path}`, { token: closedOwner, body });
      expect(r.status, path).toBe(409);
      expect(((await r.json()) as ErrorBody).error.code).toBe('tenant_closed');
    }
  });

  it('can still be read and exported, and says when it closed', async () => {
    for (const part of ['', '/phone-settings', '/calls', '/voicemails', '/messages', '/dashboard', '/exports']) {
      expect((await t.call('GET', `/api/tenants/${closed.id}${part}`, { token: closedOwner })).status, part).toBe(200);
    }
    const { tenant } = (await (await t.call('GET', `/api/tenants/${closed.id}`, { token: closedOwner })).json()) as { tenant: { status: string; closedAt: string | null } };
    expect(tenant.status).toBe('closed');
    expect(Date.parse(tenant.closedAt ?? '')).toBeGreaterThan(Date.now() - 600_000);
    expect((await t.call('POST', `/api/tenants/${closed.id}/exports`, { token: closedOwner })).status).toBe(202);
  });
});

describe('a suspended business', () => {
  it('keeps its settings editable (suspension keeps everything) and can still export', async () => {
    const r = await t.call('PATCH', `/api/tenants/${paused.id}/phone-settings`, { token: pausedOwner, body: { greetingText: 'We are paused' } });
    expect(r.status).toBe(200);
    expect((await t.call('POST', `/api/tenants/${paused.id}/exports`, { token: pausedOwner })).status).toBe(202);
  });
});

describe('the business summary', () => {
  it('carries what the banners need: status, when it closed, the trial end and whether a card is on file', async () => {
    const trialEndsAt = new Date(Date.now() + 2 * 86_400_000);
    await t.deps.db.tenantBilling.upsert({ where: { tenantId: paused.id }, create: { tenantId: paused.id, trialEndsAt }, update: { trialEndsAt, hasPaymentMethod: false } });
    await t.deps.db.tenantConfig.update({ where: { tenantId: paused.id }, data: { status: 'trialing' } });
    const { tenant } = (await (await t.call('GET', `/api/tenants/${paused.id}`, { token: pausedOwner })).json()) as { tenant: Record<string, unknown> };
    expect(tenant).toMatchObject({ status: 'trialing', closedAt: null, trialEndsAt: trialEndsAt.toISOString(), trialDaysLeft: 2, hasPaymentMethod: false, billed: true });
  });
});
