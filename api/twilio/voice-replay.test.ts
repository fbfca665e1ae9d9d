import { afterAll, beforeAll, describe, it } from 'vitest';
import { workflowIds } from '../../domain/workflow-ids.ts';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { recordHistory, recordingHistories, replayRecorded } from '../../tests/replay.ts';
import { randomPhone } from '../../tests/sms-fixtures.ts';
import { twilioSid } from '../../tests/twilio-post.ts';
import { actionOf, newVoiceCall, voicePost, voiceTenant } from '../../tests/voice-fixtures.ts';

// Calls running when the edge design (issue 14) deploys were driven by updates: their histories,
// recorded from that code, must replay against today's workflow.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ fakes: ['twilio'] });
});
afterAll(async () => t?.close());

describe('determinism across the edge deploy', () => {
  it('replays a call driven by updates (press 1, a wrong key, press 3, voicemail, hang up), recorded before the edge design', async () => {
    if (recordingHistories) {
      const tenant = await voiceTenant(t, { ownerNotifyPhone: randomPhone() });
      const call = newVoiceCall(t, tenant.phoneNumber);
      const menu = await voicePost(t, '/twilio/voice/incoming', call);
      const info = await voicePost(t, actionOf(menu.verbs[0]![1]), { ...call, Digits: '1' });
      const miss = await voicePost(t, actionOf(info.verbs[0]![1]), { ...call, Digits: '9' });
      const record = await voicePost(t, actionOf(miss.verbs[0]![1]), { ...call, Digits: '3' });
      await voicePost(t, actionOf(record.verbs[1]![1]), { ...call, RecordingSid: twilioSid('RE'), RecordingUrl: 'https://api.twilio.com/r/old', RecordingDuration: '9' });
      await voicePost(t, '/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: '41' });
      const handle = t.deps.temporal.workflow.getHandle(workflowIds.call(call.CallSid));
      await handle.result();
      await recordHistory('call-updates-press1-voicemail.json', await handle.fetchHistory());
    }
    await replayRecorded('call-updates-press1-voicemail.json', 'call:updates');
  });

  it('replays a call driven by the edge’s signals (press 1, a retried key, press 3, voicemail, hang up twice)', async () => {
    if (recordingHistories) {
      const tenant = await voiceTenant(t, { ownerNotifyPhone: randomPhone() });
      const call = newVoiceCall(t, tenant.phoneNumber);
      const menu = await voicePost(t, '/twilio/voice/incoming', call);
      const info = await voicePost(t, actionOf(menu.verbs[0]![1]), { ...call, Digits: '1' });
      await voicePost(t, actionOf(menu.verbs[0]![1]), { ...call, Digits: '1' }); // Twilio retrying
      const record = await voicePost(t, actionOf(info.verbs[0]![1]), { ...call, Digits: '3' });
      await voicePost(t, actionOf(record.verbs[1]![1]), { ...call, RecordingSid: twilioSid('RE'), RecordingUrl: 'https://api.twilio.com/r/edge', RecordingDuration: '7' });
      await voicePost(t, '/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: '38' });
      await voicePost(t, '/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: '38' });
      const handle = t.deps.temporal.workflow.getHandle(workflowIds.call(call.CallSid));
      await handle.result();
      await recordHistory('call-edge-press1-voicemail.json', await handle.fetchHistory());
    }
    await replayRecorded('call-edge-press1-voicemail.json', 'call:edge');
  });
});
