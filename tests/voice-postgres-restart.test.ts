import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../prisma/database.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import { startEmbeddedPostgres, type RunningPostgres } from '../scripts/embedded-postgres.ts';
import { freePort } from '../scripts/ports.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { randomPhone } from './sms-fixtures.ts';
import { testStack } from './stack.ts';
import { twimlText } from './twiml.ts';
import { twilioSid } from './twilio-post.ts';
import { actionOf, newVoiceCall, voicePost, voiceTenant } from './voice-fixtures.ts';

// Issue 14: Postgres really stopped in the middle of a call. This file runs its own Postgres (data
// kept in a temp folder), stops it after the greeting and starts it again after the hang-up: the
// caller heard the whole IVR from the cached settings, and every effect follows once it is back.

let dir: string;
let postgres: RunningPostgres | undefined;
let t: TestApp;
let port = 0;
const startPostgres = () => startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port, persistent: true, unsafeFast: true });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'servicepro-pg-restart-'));
  await chmod(dir, 0o755); // Postgres runs as the postgres user when we are root
  port = await freePort();
  postgres = await startPostgres();
  await postgres.createDatabase('servicepro_restart');
  const adminUrl = postgres.adminUrl('servicepro_restart');
  const { appUrl } = await prepareDatabase({ adminUrl, masterKey: Buffer.from(testStack().masterKeyBase64, 'base64') });
  t = await createTestApp({ fakes: ['twilio'], env: { DATABASE_URL: adminUrl, APP_DATABASE_URL: appUrl } });
});
afterAll(async () => {
  await t?.close();
  await postgres?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('Postgres stopped mid-call', () => {
  it('the caller walks the IVR to a voicemail from the cached settings; once Postgres is back: the info text, the voicemail, the owner alert and the call log, once each', async () => {
    const owner = randomPhone();
    const tenant = await voiceTenant(t, { ownerNotifyPhone: owner });
    const call = newVoiceCall(t, tenant.phoneNumber);
    const menu = await voicePost(t, '/twilio/voice/incoming', call);
    expect(menu.names).toEqual(['Gather']);

    await postgres!.stop();
    postgres = undefined;
    const info = await voicePost(t, actionOf(menu.verbs[0]![1]), { ...call, Digits: '1' });
    expect(info.names).toEqual(['Gather']);
    expect(twimlText(info.verbs[0]![1].Say)).toMatch(/texting you our prices/);
    const prompt = await voicePost(t, actionOf(info.verbs[0]![1]), { ...call, Digits: '3' });
    expect(prompt.names).toEqual(['Say', 'Record']);
    const recordingSid = twilioSid('RE');
    const bye = await voicePost(t, actionOf(prompt.verbs[1]![1]), { ...call, RecordingSid: recordingSid, RecordingUrl: `https://api.twilio.com/r/${recordingSid}`, RecordingDuration: '5' });
    expect(bye.names).toEqual(['Say', 'Hangup']);
    expect((await voicePost(t, '/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: '26' })).status).toBe(200);

    postgres = await startPostgres();
    const callLog = () => forTenant(t.deps.db, tenant.id).call.findMany({ where: { callSid: call.CallSid } }).catch(() => []);
    await expect.poll(callLog, { timeout: 90_000, interval: 500 }).toMatchObject([{ outcome: 'voicemail', digits: '1,3', durationSec: 26 }]);
    await expect.poll(() => t.twilio.messages().filter((m) => m.to === call.From).length, { timeout: 30_000 }).toBe(1);
    await expect.poll(() => t.twilio.messages().filter((m) => m.to === owner).length, { timeout: 30_000 }).toBe(1);
    expect(await forTenant(t.deps.db, tenant.id).voicemail.count({ where: { callSid: call.CallSid } })).toBe(1);
  });
});
