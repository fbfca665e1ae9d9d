import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EncryptionCodec } from '../../workers/runtime/codec.ts';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';

let t: TestApp;
let uiOrigin: string;
beforeAll(async () => {
  t = await createTestApp();
  uiOrigin = new URL(t.deps.config.TEMPORAL_UI_URL!).origin;
});
afterAll(async () => t?.close());

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** A payload as the worker stores it in history, in the codec protocol's JSON. */
async function encryptedPayload(value: unknown) {
  const [payload] = await new EncryptionCodec(t.deps.masterKey).encode([{ metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from(JSON.stringify(value)) }]);
  return {
    metadata: Object.fromEntries(Object.entries(payload!.metadata!).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
    data: Buffer.from(payload!.data!).toString('base64'),
  };
}

/** What the Temporal UI sends with "include cross-origin credentials" on: its origin, its headers, the cookie. */
const fromUi = (extra: Record<string, string> = {}) => ({ origin: uiOrigin, 'x-namespace': 'default', ...extra });

describe('codec endpoint, as the Temporal UI calls it', () => {
  it('preflight from the UI origin allows the POST with credentials and the UI headers', async () => {
    const r = await t.call('OPTIONS', '/codec/decode', { headers: { origin: uiOrigin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace' } });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe(uiOrigin);
    expect(r.headers.get('access-control-allow-credentials')).toBe('true');
    expect(r.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(r.headers.get('access-control-allow-headers')?.toLowerCase()).toMatch(/content-type/);
    expect(r.headers.get('access-control-allow-headers')?.toLowerCase()).toMatch(/x-namespace/);
  });

  it('decodes for the platform owner signed in with the session cookie, answering the UI origin', async () => {
    const token = await t.ownerToken();
    const r = await t.call('POST', '/codec/decode', { body: { payloads: [await encryptedPayload({ customer: 'Ada' })] }, headers: fromUi({ cookie: `servicepro_session=${token}` }) });
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBe(uiOrigin);
    expect(r.headers.get('access-control-allow-credentials')).toBe('true');
    const { payloads } = (await r.json()) as { payloads: { metadata: Record<string, string>; data: string }[] };
    expect(Buffer.from(payloads[0]!.metadata.encoding!, 'base64').toString()).toBe('json/plain');
    expect(JSON.parse(Buffer.from(payloads[0]!.data, 'base64').toString())).toEqual({ customer: 'Ada' });
  });

  it('a 401 (no session, or one that ended) carries the CORS headers, so the browser delivers it instead of a CORS failure', async () => {
    for (const headers of [fromUi(), fromUi({ cookie: 'servicepro_session=expired.or.forged' })]) {
      const r = await t.call('POST', '/codec/decode', { body: { payloads: [] }, headers });
      expect(r.status).toBe(401);
      expect(r.headers.get('access-control-allow-origin')).toBe(uiOrigin);
      expect(r.headers.get('access-control-allow-credentials')).toBe('true');
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    }
  });

  it('a 403 for a signed-in member who is not the platform owner carries them too', async () => {
    const staff = await t.memberToken('root', 'staff');
    const r = await t.call('POST', '/codec/decode', { body: { payloads: [] }, headers: fromUi({ cookie: `servicepro_session=${staff}` }) });
    expect(r.status).toBe(403);
    expect(r.headers.get('access-control-allow-origin')).toBe(uiOrigin);
  });

  it('no other origin is answered with CORS headers', async () => {
    const token = await t.ownerToken();
    const r = await t.call('POST', '/codec/decode', { body: { payloads: [] }, headers: { origin: 'https://evil.example', cookie: `servicepro_session=${token}` } });
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('non-JSON, wrong-shape and undecryptable bodies are 400s that say what is wrong', async () => {
    const token = await t.ownerToken();
    const otherKey = await new EncryptionCodec(Buffer.alloc(32, 42)).encode([{ metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from('1') }]);
    const bodies: unknown[] = [
      'not json at all',
      'null',
      '[]',
      { payloads: 'x' },
      { payloads: [{ metadata: { encoding: b64('binary/encrypted') }, data: b64('garbage') }] },
      { payloads: [{ metadata: (await encryptedPayload(1)).metadata }] }, // ours, but its data cut off
      { payloads: [{ metadata: Object.fromEntries(Object.entries(otherKey[0]!.metadata!).map(([k, v]) => [k, Buffer.from(v).toString('base64')])), data: Buffer.from(otherKey[0]!.data!).toString('base64') }] },
    ];
    for (const body of bodies) {
      for (const direction of ['decode', 'encode']) {
        const r = await t.call('POST', `/codec/${direction}`, { token, body });
        if (direction === 'encode' && typeof body === 'object' && body && Array.isArray((body as { payloads?: unknown }).payloads)) continue; // encoding anything well-formed works
        expect(r.status, `${direction} ${JSON.stringify(body)}`).toBe(400);
        expect(((await r.json()) as { error: { message: string } }).error.message, `${direction} ${JSON.stringify(body)}`).toMatch(/\w/);
      }
    }
  });
});
