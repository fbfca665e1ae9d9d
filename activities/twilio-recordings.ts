import { ApplicationFailure } from '@temporalio/common';
import type { Config } from '../domain/config.ts';
import { isTwilioRecordingSid, keptAudioType, twilioRecordingMediaUrl, VOICEMAIL_AUDIO_MAX_BYTES } from '../domain/recordings.ts';
import { twilioCredentials } from '../domain/twilio-credentials.ts';
import { rebaseTwilioUrl, twilioApiBaseUrl } from './twilio-client.ts';

// A recording's media from Twilio. The SDK has no call for media, and its RequestClient decodes
// every body as text (which breaks binary audio), so this is a plain fetch with the SDK's own
// pieces: the configured account's Basic credentials and the same base-URL rebasing the SDK's
// client gets (the local sandbox, or the fake in tests). Twilio may redirect media to its storage:
// fetch drops the Authorization header on a cross-origin redirect.

/** Error types the voicemail-audio workflow stops on: retrying cannot bring these back. */
export const NO_TWILIO_RECORDING = 'NoTwilioRecording';
export const NOT_A_RECORDING = 'NotARecording';

const FETCH_TIMEOUT_MS = 30_000;

export interface FetchedRecording {
  contentType: string;
  bytes: Buffer;
}

/** Reads a body up to `limit` bytes; a longer one is refused without holding more than the limit. */
async function readCapped(body: ReadableStream<Uint8Array>, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) throw ApplicationFailure.nonRetryable(`The recording is larger than ${limit} bytes; it is not kept.`, NOT_A_RECORDING);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/**
 * The audio of `recordingSid` on the configured Twilio account. A 404 is retryable: Twilio can
 * answer the Record action before the media is ready (the workflow's retries bound how long we wait).
 */
export async function fetchTwilioRecording(config: Config, masterKey: Buffer, recordingSid: string): Promise<FetchedRecording> {
  if (!isTwilioRecordingSid(recordingSid)) throw ApplicationFailure.nonRetryable('This voicemail has no Twilio recording SID, so there is no audio to fetch.', NO_TWILIO_RECORDING);
  const credentials = twilioCredentials(config, masterKey);
  const base = twilioApiBaseUrl(config, credentials.sandbox);
  const official = twilioRecordingMediaUrl(credentials.accountSid, recordingSid);
  const url = base ? rebaseTwilioUrl(official, base) : official;
  const response = await fetch(url, {
    headers: { authorization: `Basic ${Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString('base64')}`, accept: 'audio/*' },
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    const message = `Twilio answered ${response.status} for recording ${recordingSid}`;
    // 4xx other than "not (yet) there" and "credentials" will not change by retrying.
    if (response.status >= 400 && response.status < 500 && ![401, 403, 404, 429].includes(response.status)) throw ApplicationFailure.nonRetryable(message, NO_TWILIO_RECORDING);
    throw ApplicationFailure.retryable(message, response.status === 404 ? 'TwilioRecordingNotReady' : 'TwilioUnavailable');
  }
  const contentType = keptAudioType(response.headers.get('content-type'));
  if (!contentType) {
    await response.body.cancel();
    throw ApplicationFailure.nonRetryable(`Twilio answered ${response.headers.get('content-type') ?? 'no content type'} for recording ${recordingSid}, not audio.`, NOT_A_RECORDING);
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > VOICEMAIL_AUDIO_MAX_BYTES) {
    await response.body.cancel();
    throw ApplicationFailure.nonRetryable(`The recording is ${declared} bytes, more than the ${VOICEMAIL_AUDIO_MAX_BYTES} kept.`, NOT_A_RECORDING);
  }
  return { contentType, bytes: await readCapped(response.body, VOICEMAIL_AUDIO_MAX_BYTES) };
}
