import * as wf from '@temporalio/workflow';
import type { VoicemailAudioActivities, VoicemailRef } from '../activities/contracts.ts';

// One voicemail's recording (`voicemail-audio:<tenantId>:<voicemailId>`), started by storeVoicemail
// once the row exists, or by the first play of one that predates this: the audio is copied from
// Twilio into our database, then (with a provider configured) transcribed. Twilio can answer the
// Record action before the media is ready, and Twilio or the provider can be down for a while:
// retries are patient, then the inbox says the transcript failed (the audio can still be fetched
// on a later play).

const patient = { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' } as const;

const audio = wf.proxyActivities<VoicemailAudioActivities>({
  startToCloseTimeout: '1 minute',
  // About 3 hours of attempts.
  retry: { ...patient, maximumAttempts: 25, nonRetryableErrorTypes: ['NoTwilioRecording', 'NotARecording', 'NoSuchVoicemail'] },
});
const speech = wf.proxyActivities<VoicemailAudioActivities>({
  startToCloseTimeout: '3 minutes',
  retry: { ...patient, maximumAttempts: 12, nonRetryableErrorTypes: ['TranscriptionRefused', 'NoSuchVoicemail'] },
});

export type VoicemailAudioOutcome = { audio: 'kept' | 'missing'; transcript: 'done' | 'none' | 'failed' };

export async function voicemailAudioWorkflow(voicemail: VoicemailRef): Promise<VoicemailAudioOutcome> {
  let transcriber: string | null;
  try {
    ({ transcriber } = await audio.keepVoicemailAudio(voicemail));
  } catch (error) {
    wf.log.warn('voicemail audio not kept', { voicemailId: voicemail.voicemailId, error: String(error) });
    const { status } = await audio.markTranscriptFailed(voicemail);
    return { audio: 'missing', transcript: status };
  }
  if (!transcriber) return { audio: 'kept', transcript: 'none' };
  try {
    await speech.transcribeVoicemail(voicemail);
    return { audio: 'kept', transcript: 'done' };
  } catch (error) {
    wf.log.warn('voicemail not transcribed', { voicemailId: voicemail.voicemailId, error: String(error) });
    await audio.markTranscriptFailed(voicemail);
    return { audio: 'kept', transcript: 'failed' };
  }
}
