// Voicemail recordings: which ones Twilio can hand over, where its media lives, and the byte
// ranges a browser's <audio> asks for while it seeks.

/** A Twilio Recording SID: RE and 32 hexadecimal digits. Anything else has no media at Twilio to fetch. */
const RECORDING_SID = /^RE[0-9a-fA-F]{32}$/;

export const isTwilioRecordingSid = (value: unknown): value is string => typeof value === 'string' && RECORDING_SID.test(value);

/**
 * The recording's media on Twilio's REST API, as WAV (Twilio's lossless original: 8 kHz mono,
 * about 16 kB a second). Built from our account and the SID — never from the RecordingUrl a
 * webhook carried — so the credentials only ever go to Twilio's own host.
 */
export const twilioRecordingMediaUrl = (accountSid: string, recordingSid: string) =>
  `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Recordings/${recordingSid}.wav`;

/** The largest recording kept: about 8 minutes of Twilio WAV (the IVR records at most 2). */
export const VOICEMAIL_AUDIO_MAX_BYTES = 16 * 1024 * 1024;

/** Media types we keep and serve; anything else from the provider is refused (it is not a recording). */
export const AUDIO_CONTENT_TYPES = ['audio/wav', 'audio/x-wav', 'audio/wave', 'audio/mpeg'] as const;

/** The bare media type of a Content-Type header, when it is audio we keep: `audio/x-wav; …` → `audio/x-wav`. */
export function keptAudioType(contentType: string | null | undefined): string | null {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return (AUDIO_CONTENT_TYPES as readonly string[]).includes(type) ? type : null;
}

/** The file extension the export and downloads give a recording. */
export const audioExtension = (contentType: string) => (contentType === 'audio/mpeg' ? 'mp3' : 'wav');

/** Inclusive byte offsets, as in `Content-Range: bytes start-end/size`. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * The one range a `Range` header asks of a body of `size` bytes (RFC 9110 §14): `whole` for no
 * header, a header we do not serve (another unit, several ranges — the whole body is a valid
 * answer to those) or garbage; `unsatisfiable` for a range wholly past the end (a 416).
 */
export function parseByteRange(header: string | undefined, size: number): ByteRange | 'whole' | 'unsatisfiable' {
  if (!header) return 'whole';
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return 'whole';
  const [, first, last] = match;
  if (first === '' && last === '') return 'whole';
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (length === 0) return 'unsatisfiable';
    return size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (!Number.isSafeInteger(start) || (last !== '' && Number(last) < start)) return 'whole';
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}
