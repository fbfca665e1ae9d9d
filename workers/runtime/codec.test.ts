import { defaultPayloadConverter } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@temporalio/client';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { uniqueId } from '../../tests/stack.ts';
import { EncryptionCodec } from './codec.ts';
import { queryBillingState, startTenantBilling } from '../client/tenant-billing.ts';
import { workflowIds } from '../../domain/workflow-ids.ts';

const key = Buffer.alloc(32, 3);
const text = (bytes?: Uint8Array | null) => Buffer.from(bytes ?? []).toString('utf8');

describe('EncryptionCodec', () => {
  it('round-trips payloads and leaves no plaintext in the encoded form', async () => {
    const codec = new EncryptionCodec(key);
    const payload = defaultPayloadConverter.toPayload({ caller: '+19185550199', name: 'Jody' });
    const [encoded] = await codec.encode([payload]);
    expect(text(encoded!.metadata!.encoding)).toBe('binary/encrypted');
    expect(text(encoded!.data)).not.toContain('+19185550199');
    const [decoded] = await codec.decode([encoded!]);
    expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual({ caller: '+19185550199', name: 'Jody' });
  });

  it('refuses a tampered payload and a payload from another key', async () => {
    const [encoded] = await new EncryptionCodec(key).encode([defaultPayloadConverter.toPayload('secret')]);
    const tampered = { ...encoded!, data: Buffer.from(encoded!.data!).map((b, i) => (i === 40 ? b ^ 1 : b)) };
    await expect(new EncryptionCodec(key).decode([tampered])).rejects.toThrow();
    await expect(new EncryptionCodec(Buffer.alloc(32, 4)).decode([encoded!])).rejects.toThrow(/encrypted with key/);
  });
});

describe('payloads in Temporal and the codec endpoint', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('workflow history holds only ciphertext; /codec/decode shows the platform owner the plain payload', async () => {
    const id = uniqueId('codec');
    await startTenantBilling(t.deps.temporal, t.taskQueue, { id, tier: 'pro', status: 'trialing' });
    await queryBillingState(t.deps.temporal, id);

    // A client without the codec sees what Temporal stores.
    const raw = new Client({ connection: t.deps.temporal.connection, namespace: t.deps.config.TEMPORAL_NAMESPACE });
    const history = await raw.workflow.getHandle(workflowIds.billing(id)).fetchHistory();
    const input = history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!;
    expect(text(input.metadata!.encoding)).toBe('binary/encrypted');
    expect(text(input.data)).not.toContain('trialing');

    const body = { payloads: [{ metadata: Object.fromEntries(Object.entries(input.metadata!).map(([k, v]) => [k, Buffer.from(v).toString('base64')])), data: Buffer.from(input.data!).toString('base64') }] };
    const owner = await t.ownerToken();
    const r = await t.call('POST', '/codec/decode', { token: owner, body, headers: { 'x-namespace': 'default' } });
    expect(r.status).toBe(200);
    const [decoded] = ((await r.json()) as { payloads: { metadata: Record<string, string>; data: string }[] }).payloads;
    expect(Buffer.from(decoded!.metadata.encoding!, 'base64').toString()).toBe('json/plain');
    expect(JSON.parse(Buffer.from(decoded!.data, 'base64').toString())).toEqual({ tenantId: id, tier: 'pro', status: 'trialing' });
  });

  it('the codec endpoint is for the platform owner only, and lets the Temporal UI origin call it', async () => {
    const body = { payloads: [] };
    expect((await t.call('POST', '/codec/decode', { body })).status).toBe(401);
    const staff = await t.memberToken('root', 'staff');
    expect((await t.call('POST', '/codec/decode', { token: staff, body })).status).toBe(403);

    const uiOrigin = new URL(t.deps.config.TEMPORAL_UI_URL!).origin;
    const preflight = await t.call('OPTIONS', '/codec/decode', { headers: { origin: uiOrigin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(uiOrigin);
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    const elsewhere = await t.call('OPTIONS', '/codec/decode', { headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(elsewhere.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });
});
