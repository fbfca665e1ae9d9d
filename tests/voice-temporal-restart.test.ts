import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forTenant } from '../prisma/tenant-db.ts';
import { freePort } from '../scripts/ports.ts';
import { startTemporalDevServer, type RunningTemporal } from '../scripts/temporal-server.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { randomPhone } from './sms-fixtures.ts';
import { twimlText } from './twiml.ts';
import { twilioSid } from './twilio-post.ts';
import { actionOf, newVoiceCall, voicePost, voiceTenant } from './voice-fixtures.ts';

// Issue 14: Temporal really stopped in the middle of a call. This file runs its own Temporal dev
// server (state in a SQLite file), stops it after the greeting and starts it again on the same
// port after the hang-up: the caller heard the whole IVR meanwhile, and every effect follows once.

let dir: string;
let temporal: RunningTemporal | undefined;
let t: TestApp;
const ports = { port: 0, uiPort: 0 };
const startTemporal = () => startTemporalDevServer({ ...ports, dbFile: path.join(dir, 'temporal.db') });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'servicepro-temporal-restart-'));
  Object.assign(ports, { port: await freePort(), uiPort: await freePort() });
  temporal = await startTemporal();
  t = await createTestApp({ fakes: ['twilio'], temporalAddress: temporal.address });
});
afterAll(async () => {
  await t?.close();
  await temporal?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('Temporal stopped mid-call', () => {
  it('the caller walks the IVR to a voicemail while Temporal is down; once it is back: the info text, the voicemail, the owner alert and the call log, once each', async () => {
    const owner = randomPhone();
    const tenant = await voiceTenant(t, { ownerNotifyPhone: owner });
    const call = newVoiceCall(t, tenant.phoneNumber);
    const menu = await voicePost(t, '/twilio/voice/incoming', call);
    expect(menu.names).toEqual(['Gather']);

    await temporal!.stop();
    temporal = undefined;
    const started = performance.now();
    const info = await voicePost(t, actionOf(menu.verbs[0]![1]), { ...call, Digits: '1' });
    expect(info.names).toEqual(['Gather']);
    expect(twimlText(info.verbs[0]![1].Say)).toMatch(/texting you our prices/);
    const prompt = await voicePost(t, actionOf(info.verbs[0]![1]), { ...call, Digits: '3' });
    expect(prompt.names).toEqual(['Say', 'Record']);
    const recordingSid = twilioSid('RE');
    const bye = await voicePost(t, actionOf(prompt.verbs[1]![1]), { ...call, RecordingSid: recordingSid, RecordingUrl: `https://api.twilio.com/r/${recordingSid}`, RecordingDuration: '6' });
    expect(bye.names).toEqual(['Say', 'Hangup']);
    await voicePost(t, '/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: '29' });
    expect((performance.now() - started) / 4, 'each answer within about the event deadline').toBeLessThan(t.deps.config.VOICE_EVENT_DEADLINE_MS * 3);
    const kept = await t.adminSql('SELECT event_key FROM call_events WHERE call_sid = $1 ORDER BY id', [call.CallSid]);
    expect(kept.rows.map((row) => row.event_key)).toEqual(['1:menu', '2:menu', '3:recorded', 'ended']);

    temporal = await startTemporal();
    const callLog = () => forTenant(t.deps.db, tenant.id).call.findMany({ where: { callSid: call.CallSid } });
    await expect.poll(callLog, { timeout: 90_000, interval: 500 }).toMatchObject([{ outcome: 'voicemail', digits: '1,3', durationSec: 29 }]);
    expect(t.twilio.messages().filter((m) => m.to === call.From)).toHaveLength(1);
    expect(t.twilio.messages().filter((m) => m.to === owner)).toHaveLength(1);
    expect(await forTenant(t.deps.db, tenant.id).voicemail.count({ where: { callSid: call.CallSid } })).toBe(1);
  });
});
