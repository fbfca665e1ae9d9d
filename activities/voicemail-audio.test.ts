import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_VOICEMAIL_WORDS, sampleVoicemailWav } from '../api/sandbox/sample-voicemail.ts';
import { workflowIds } from '../domain/workflow-ids.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import { createTestApp, type TestApp } from '../tests/app-harness.ts';
import { randomPhone } from '../tests/sms-fixtures.ts';
import { uniqueId } from '../tests/stack.ts';
import { createActivities } from './index.ts';

// A stored voicemail's recording is copied from Twilio (the fake, over HTTP) into our database by
// its own workflow on the real worker, and transcribed when a provider (the OpenAI fake) is set up.

const recordingSid = () => `RE${randomBytes(16).toString('hex')}`;

async function newTenant(t: TestApp) {
  const tenantId = uniqueId('vm-audio');
  await t.deps.db.tenant.create({ data: { id: tenantId, slug: tenantId, config: { create: { businessName: tenantId, tier: 'pro' } } } });
  return tenantId;
}

/** storeVoicemail exactly as the worker runs it (its activities, its Temporal client), then the audio workflow's end. */
async function leaveVoicemail(t: TestApp, tenantId: string, sid = recordingSid()) {
  const { storeVoicemail } = createActivities(t.deps);
  const voicemail = { tenantId, callSid: uniqueId('CA'), recordingSid: sid, recordingUrl: `https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/${sid}`, from: randomPhone(), durationSec: 9 };
  const { voicemailId } = await storeVoicemail(voicemail);
  await storeVoicemail(voicemail); // a retried activity starts nothing twice
  const handle = t.deps.temporal.workflow.getHandle(workflowIds.voicemailAudio(tenantId, voicemailId));
  const outcome = await handle.result();
  await storeVoicemail(voicemail); // …nor once its run has ended
  const runs = [];
  for await (const run of t.deps.temporal.workflow.list({ query: `WorkflowId = '${handle.workflowId}'` })) runs.push(run.runId);
  expect(runs).toHaveLength(1);
  return { voicemailId, outcome };
}

const stored = (t: TestApp, tenantId: string, voicemailId: string) =>
  forTenant(t.deps.db, tenantId).voicemail.findUniqueOrThrow({ where: { id: voicemailId }, include: { audio: true } });

describe('with a speech-to-text provider', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ fakes: ['twilio', 'openai'] });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps the recording from Twilio in our database and stores what the caller said', async () => {
    const tenantId = await newTenant(t);
    const fetchesBefore = t.twilio.recordingFetches();
    const { voicemailId, outcome } = await leaveVoicemail(t, tenantId);
    expect(outcome).toEqual({ audio: 'kept', transcript: 'done' });
    const row = await stored(t, tenantId, voicemailId);
    expect(Buffer.from(row.audio!.data).equals(sampleVoicemailWav())).toBe(true);
    expect(row.audio).toMatchObject({ contentType: 'audio/x-wav', sizeBytes: sampleVoicemailWav().length });
    expect(row).toMatchObject({ transcript: SAMPLE_VOICEMAIL_WORDS, transcriptStatus: 'done', transcribedBy: 'openai:whisper-1' });
    expect(t.twilio.recordingFetches() - fetchesBefore).toBe(1);
    expect(t.openai.requests().at(-1)).toMatchObject({ model: 'whisper-1', fileName: 'voicemail.wav', sizeBytes: sampleVoicemailWav().length });
  });

  it('a provider outage is retried until the words come', async () => {
    const tenantId = await newTenant(t);
    t.openai.failNext(1);
    const { voicemailId, outcome } = await leaveVoicemail(t, tenantId);
    expect(outcome.transcript).toBe('done');
    expect((await stored(t, tenantId, voicemailId)).transcript).toBe(SAMPLE_VOICEMAIL_WORDS);
  });

  it('a voicemail with no Twilio recording (a fallback id) keeps no audio and says the transcript failed', async () => {
    const tenantId = await newTenant(t);
    const { voicemailId, outcome } = await leaveVoicemail(t, tenantId, `RE-${uniqueId('CA')}`);
    expect(outcome).toEqual({ audio: 'missing', transcript: 'failed' });
    const row = await stored(t, tenantId, voicemailId);
    expect(row.audio).toBeNull();
    expect(row).toMatchObject({ transcript: null, transcriptStatus: 'failed' });
  });
});

describe('without a speech-to-text provider', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ fakes: ['twilio'] });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps the recording and says plainly there is no transcription — never made-up words', async () => {
    const tenantId = await newTenant(t);
    const { voicemailId, outcome } = await leaveVoicemail(t, tenantId);
    expect(outcome).toEqual({ audio: 'kept', transcript: 'none' });
    const row = await stored(t, tenantId, voicemailId);
    expect(row.audio?.sizeBytes).toBe(sampleVoicemailWav().length);
    expect(row).toMatchObject({ transcript: null, transcriptStatus: 'none', transcribedBy: null });
  });
});
