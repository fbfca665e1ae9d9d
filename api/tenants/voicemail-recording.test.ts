// Playing a voicemail: the recording streams through the API to signed-in members of its tenant
// only (a bearer token, or the short-lived link the inbox hands out), with byte ranges for seeking.
import { randomBytes } from 'node:crypto';
import { decodeJwt, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKey } from '../../domain/secrets.ts';
import { SAMPLE_VOICEMAIL_WORDS, sampleVoicemailWav } from '../sandbox/sample-voicemail.ts';
import { keepAudio } from '../../prisma/voicemail-audio.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { createTenant } from '../../tests/tenant-fixtures.ts';

let t: TestApp;
let owner: string;
let a: { id: string };
let b: { id: string };
let kept: string; // tenant a's voicemail whose audio we already keep
let atTwilio: string; // tenant a's voicemail only Twilio has (so far)
let bVoicemail: string;
const wav = sampleVoicemailWav();

type Listed = { id: string; recording: { url: string; expiresAt: string } | null; transcript: { status: string; text: string | null } };
const listOf = async (tenantId: string, token: string) => ((await (await t.call('GET', `/api/tenants/${tenantId}/voicemails`, { token })).json()) as { voicemails: Listed[] }).voicemails;
const path = (tenantId: string, id: string) => `/api/tenants/${tenantId}/voicemails/${id}/recording`;

beforeAll(async () => {
  t = await createTestApp({ fakes: ['twilio'] });
  owner = await t.ownerToken();
  a = await createTenant(t, owner, 'pro');
  b = await createTenant(t, owner, 'pro');
  const adb = forTenant(t.deps.db, a.id);
  const row = await adb.voicemail.create({ data: { callSid: 'CA-play-1', recordingSid: `RE${randomBytes(16).toString('hex')}`, recordingUrl: 'https://api.twilio.com/r/1', fromNumber: '+19185550201', durationSec: 9, transcript: SAMPLE_VOICEMAIL_WORDS, transcriptStatus: 'done' } });
  kept = row.id;
  await keepAudio(t.deps.db, a.id, kept, { contentType: 'audio/x-wav', bytes: wav });
  atTwilio = (await adb.voicemail.create({ data: { callSid: 'CA-play-2', recordingSid: `RE${randomBytes(16).toString('hex')}`, recordingUrl: 'https://api.twilio.com/r/2', fromNumber: '+19185550202', durationSec: 9 } })).id;
  const bRow = await forTenant(t.deps.db, b.id).voicemail.create({ data: { callSid: 'CA-play-b', recordingSid: `RE${randomBytes(16).toString('hex')}`, recordingUrl: 'https://api.twilio.com/r/b', fromNumber: '+19185550203' } });
  bVoicemail = bRow.id;
  await keepAudio(t.deps.db, b.id, bVoicemail, { contentType: 'audio/x-wav', bytes: wav });
});
afterAll(async () => t?.close());

describe('GET /api/tenants/:tenantId/voicemails/:id/recording', () => {
  it('streams the whole recording to a member: audio type, length, ranges offered, never kept by a shared cache', async () => {
    const staff = await t.memberToken(a.id, 'staff');
    const r = await t.call('GET', path(a.id, kept), { token: staff });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('audio/x-wav');
    expect(r.headers.get('content-length')).toBe(String(wav.length));
    expect(r.headers.get('accept-ranges')).toBe('bytes');
    expect(r.headers.get('cache-control')).toMatch(/private/);
    expect(r.headers.get('cache-control')).toMatch(/no-store/);
    expect(Buffer.from(await r.arrayBuffer()).equals(wav)).toBe(true);
  });

  it('answers a byte range with 206 and exactly those bytes; a range past the end is a 416', async () => {
    const r = await t.call('GET', path(a.id, kept), { token: owner, headers: { range: 'bytes=100-1099' } });
    expect(r.status).toBe(206);
    expect(r.headers.get('content-range')).toBe(`bytes 100-1099/${wav.length}`);
    expect(r.headers.get('content-length')).toBe('1000');
    expect(Buffer.from(await r.arrayBuffer()).equals(wav.subarray(100, 1100))).toBe(true);

    const tail = await t.call('GET', path(a.id, kept), { token: owner, headers: { range: 'bytes=-44' } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(wav.subarray(wav.length - 44))).toBe(true);

    // A browser's first request: everything, as a range.
    const open = await t.call('GET', path(a.id, kept), { token: owner, headers: { range: 'bytes=0-' } });
    expect(open.status).toBe(206);
    expect(Buffer.from(await open.arrayBuffer()).equals(wav)).toBe(true);

    const past = await t.call('GET', path(a.id, kept), { token: owner, headers: { range: `bytes=${wav.length}-` } });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${wav.length}`);
  });

  it('a range against a changed file (If-Range with another ETag) gets the whole file', async () => {
    const r = await t.call('GET', path(a.id, kept), { token: owner, headers: { range: 'bytes=0-9', 'if-range': '"not-this-one"' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/);
  });

  it('signed out: 401; a member of another tenant: 403; another tenant\'s voicemail or a bad id through this tenant: 404', async () => {
    const signedOut = await t.call('GET', path(a.id, kept));
    expect(signedOut.status).toBe(401);
    expect(((await signedOut.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    const bOwner = await t.memberToken(b.id, 'owner');
    expect((await t.call('GET', path(a.id, kept), { token: bOwner })).status).toBe(403);
    expect((await t.call('GET', path(a.id, bVoicemail), { token: owner })).status).toBe(404);
    expect((await t.call('GET', path(a.id, 'not-a-uuid'), { token: owner })).status).toBe(404);
    // …and b's owner plays b's own.
    expect((await t.call('GET', path(b.id, bVoicemail), { token: bOwner })).status).toBe(200);
  });

  it('a recording only Twilio has yet is fetched on its first play and kept for the business', async () => {
    const fetches = t.twilio.recordingFetches();
    const r = await t.call('GET', path(a.id, atTwilio), { token: owner });
    expect(r.status).toBe(200);
    expect(Buffer.from(await r.arrayBuffer()).equals(wav)).toBe(true);
    expect(t.twilio.recordingFetches() - fetches).toBe(1);
    const again = await t.call('GET', path(a.id, atTwilio), { token: owner, headers: { range: 'bytes=0-3' } });
    expect(Buffer.from(await again.arrayBuffer()).toString('latin1')).toBe('RIFF');
    expect(t.twilio.recordingFetches() - fetches).toBe(1); // played from our copy
    const { rows } = await t.adminSql('SELECT size_bytes FROM voicemail_audio WHERE voicemail_id = $1', [atTwilio]);
    expect(rows).toEqual([{ size_bytes: wav.length }]);
  });
});

describe('the inbox hands out short-lived recording links', () => {
  it('each voicemail with audio has a link that plays without a bearer token, with its transcript beside it', async () => {
    const staff = await t.memberToken(a.id, 'staff');
    const listed = await listOf(a.id, staff);
    const item = listed.find((v) => v.id === kept)!;
    expect(item.transcript).toEqual({ status: 'done', text: SAMPLE_VOICEMAIL_WORDS });
    expect(item.recording!.url).toMatch(new RegExp(`^${path(a.id, kept)}\\?link=`));
    const expiresIn = Date.parse(item.recording!.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(60_000);
    expect(expiresIn).toBeLessThanOrEqual(60 * 60_000);
    const r = await t.call('GET', item.recording!.url, { headers: { range: 'bytes=0-3' } });
    expect(r.status).toBe(206);
    expect(Buffer.from(await r.arrayBuffer()).toString('latin1')).toBe('RIFF');
  });

  it('a link works for its own voicemail only, and not once its session has signed out', async () => {
    const staff = await t.memberToken(a.id, 'staff');
    const { url } = (await listOf(a.id, staff)).find((v) => v.id === kept)!.recording!;
    const link = new URL(url, 'http://x').searchParams.get('link')!;
    // Moved to another voicemail or another tenant's path: refused.
    expect((await t.call('GET', `${path(a.id, atTwilio)}?link=${link}`)).status).toBe(403);
    expect((await t.call('GET', `${path(b.id, bVoicemail)}?link=${link}`)).status).toBe(403);
    expect((await t.call('GET', `${path(a.id, kept)}?link=${link.slice(0, -2)}xx`)).status).toBe(403);
    // A session token is not a link.
    expect((await t.call('GET', `${path(a.id, kept)}?link=${staff}`)).status).toBe(403);

    expect((await t.call('POST', '/api/auth/logout', { token: staff })).status).toBeLessThan(300);
    const after = await t.call('GET', url);
    expect(after.status).toBe(401);
  });

  it('a link past its time answers 401 and says to reload the page (the expiry is signed: it cannot be stretched)', async () => {
    const staff = await t.memberToken(a.id, 'staff');
    const { url } = (await listOf(a.id, staff)).find((v) => v.id === kept)!.recording!;
    const claims = decodeJwt(new URL(url, 'http://x').searchParams.get('link')!);
    const expired = await new SignJWT({ tid: claims.tid, vid: claims.vid })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub!)
      .setJti(claims.jti!)
      .setAudience(claims.aud!)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(deriveKey(t.deps.masterKey, 'voicemail-recording-links'));
    const r = await t.call('GET', `${path(a.id, kept)}?link=${expired}`);
    expect(r.status).toBe(401);
    expect(((await r.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'link_expired', message: expect.stringMatching(/Reload the Voicemail page/) });
  });

  it('a link stops working when its holder is no longer a member of the business', async () => {
    const staff = await t.memberToken(a.id, 'staff');
    const { url } = (await listOf(a.id, staff)).find((v) => v.id === kept)!.recording!;
    const me = (await (await t.call('GET', '/api/auth/me', { token: staff })).json()) as { user: { id: string } };
    await t.deps.db.membership.deleteMany({ where: { userId: me.user.id, tenantId: a.id } });
    expect((await t.call('GET', url)).status).toBe(403);
  });
});
