import { ApplicationFailure } from '@temporalio/common';
import OpenAI, { toFile } from 'openai';
import { audioExtension, isTwilioRecordingSid } from '../domain/recordings.ts';
import { voicemailTranscriber } from '../domain/transcription.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import { audioChunks, keepAudio, keptAudioOf } from '../prisma/voicemail-audio.ts';
import { startVoicemailAudioWorkflow } from '../workflows/voicemail-audio.messages.ts';
import type { VoicemailAudioActivities, VoicemailRef } from './contracts.ts';
import type { ActivityDeps } from './deps.ts';
import { fetchTwilioRecording } from './twilio-recordings.ts';

// Each voicemail's recording is copied into our database as soon as it is stored, so the business
// keeps it (Twilio recordings can be deleted, by a person or a retention setting) and it plays,
// exports and transcribes without Twilio; then, with a provider configured, it is transcribed.

/** The voicemail is not in this tenant's inbox: nothing to keep. */
export const NO_SUCH_VOICEMAIL = 'NoSuchVoicemail';
/** The provider refused the audio itself (a 4xx other than rate or auth): retrying cannot help. */
export const TRANSCRIPTION_REFUSED = 'TranscriptionRefused';

const TEMPORAL_DEADLINE_MS = 10_000;

/** Starts `voicemail-audio:<tenantId>:<voicemailId>` (a retried storeVoicemail starts no second one). */
export async function startVoicemailAudio(deps: ActivityDeps, voicemail: VoicemailRef): Promise<void> {
  // Without a client (a bare activity in a test) the recording is still fetched on its first play.
  const temporal = deps.temporal;
  if (!temporal) return;
  await temporal.withDeadline(Date.now() + TEMPORAL_DEADLINE_MS, () => startVoicemailAudioWorkflow(temporal, deps.config.TEMPORAL_TASK_QUEUE, voicemail));
}

export function createVoicemailAudioActivities(deps: ActivityDeps): VoicemailAudioActivities {
  const { db, config, masterKey } = deps;
  const transcriber = voicemailTranscriber(config);
  // Temporal retries; the SDK's own retries would only stretch one attempt past its timeout.
  const openai = transcriber ? new OpenAI({ apiKey: config.OPENAI_API_KEY ?? 'no-key', baseURL: config.OPENAI_BASE_URL, timeout: 120_000, maxRetries: 0 }) : null;

  const voicemailOf = async ({ tenantId, voicemailId }: VoicemailRef) => {
    const row = await forTenant(db, tenantId).voicemail.findUnique({ where: { id: voicemailId }, select: { recordingSid: true, transcriptStatus: true } });
    if (!row) throw ApplicationFailure.nonRetryable(`Voicemail ${voicemailId} is not in this inbox.`, NO_SUCH_VOICEMAIL);
    return row;
  };

  return {
    async keepVoicemailAudio(ref) {
      const voicemail = await voicemailOf(ref);
      if (transcriber && voicemail.transcriptStatus === 'none') {
        await forTenant(db, ref.tenantId).voicemail.updateMany({ where: { id: ref.voicemailId, transcriptStatus: 'none' }, data: { transcriptStatus: 'pending' } });
      }
      const kept = (await keptAudioOf(db, ref.tenantId, ref.voicemailId)) ?? (await keepAudio(db, ref.tenantId, ref.voicemailId, await fetchTwilioRecording(config, masterKey, voicemail.recordingSid)));
      return { sizeBytes: kept.sizeBytes, transcriber: transcriber?.label ?? null };
    },

    async transcribeVoicemail(ref) {
      const voicemail = await voicemailOf(ref);
      if (!transcriber || !openai || voicemail.transcriptStatus === 'done') return { words: 0 };
      const audio = await keptAudioOf(db, ref.tenantId, ref.voicemailId);
      if (!audio) throw ApplicationFailure.retryable('The recording is not kept yet; it is transcribed once it is.', 'AudioNotKept');
      const chunks: Uint8Array[] = [];
      for await (const chunk of audioChunks(db, ref.tenantId, ref.voicemailId, 0, audio.sizeBytes - 1)) chunks.push(chunk);
      const file = await toFile(Buffer.concat(chunks), `voicemail.${audioExtension(audio.contentType)}`, { type: audio.contentType });
      let text: string;
      try {
        text = (await openai.audio.transcriptions.create({ file, model: transcriber.model })).text.trim();
      } catch (error) {
        const status = error instanceof OpenAI.APIError ? error.status : undefined;
        if (status && status >= 400 && status < 500 && ![401, 403, 408, 409, 429].includes(status)) {
          throw ApplicationFailure.nonRetryable(`The speech-to-text provider refused the recording (${status}).`, TRANSCRIPTION_REFUSED);
        }
        throw error;
      }
      await forTenant(db, ref.tenantId).voicemail.updateMany({ where: { id: ref.voicemailId }, data: { transcript: text, transcriptStatus: 'done', transcribedBy: transcriber.label } });
      return { words: text ? text.split(/\s+/).length : 0 };
    },

    async markTranscriptFailed(ref) {
      const status = transcriber ? 'failed' : 'none';
      await forTenant(db, ref.tenantId).voicemail.updateMany({ where: { id: ref.voicemailId, transcriptStatus: { in: ['pending', 'none'] } }, data: { transcriptStatus: status } });
      return { status };
    },
  };
}

/**
 * Before an export (the final one above all): copies every recording we do not keep yet but Twilio
 * still has — voicemails from before recordings were kept, or whose copy has not come yet — one at
 * a time. One Twilio no longer has is skipped (and logged by id), so the export still completes.
 */
export async function keepMissingRecordings(deps: ActivityDeps, tenantId: string, signal?: AbortSignal): Promise<{ kept: number; missing: number }> {
  const tenantDb = forTenant(deps.db, tenantId);
  const result = { kept: 0, missing: 0 };
  let after: string | undefined;
  for (;;) {
    const page = await tenantDb.voicemail.findMany({ where: { audio: null, ...(after ? { id: { gt: after } } : {}) }, orderBy: { id: 'asc' }, take: 200, select: { id: true, recordingSid: true } });
    for (const voicemail of page) {
      if (signal?.aborted) throw signal.reason ?? new Error('export cancelled');
      if (!isTwilioRecordingSid(voicemail.recordingSid)) continue;
      try {
        await keepAudio(deps.db, tenantId, voicemail.id, await fetchTwilioRecording(deps.config, deps.masterKey, voicemail.recordingSid));
        result.kept += 1;
      } catch (error) {
        result.missing += 1;
        deps.logger.warn({ tenantId, voicemailId: voicemail.id, recordingSid: voicemail.recordingSid, err: { name: (error as Error).name, message: (error as Error).message } }, 'voicemail recording not kept before the export');
      }
    }
    if (page.length < 200) return result;
    after = page.at(-1)!.id;
  }
}
