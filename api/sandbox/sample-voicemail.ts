import { readFileSync } from 'node:fs';

// The audio of every sandbox recording: real speech, so the voicemail inbox has something to play
// offline. Made once with Debian's espeak-ng and sox, at Twilio's own recording format (WAV, 8 kHz,
// mono, 16-bit PCM). It names no trade: every business's sandbox plays it, a cleaner's as much as a
// detailer's.
//   espeak-ng -v en-us -s 150 -w voice.wav "Hi, this is Jamie Rivera. …" &&
//   sox voice.wav -r 8000 -c 1 -b 16 -e signed-integer sample-voicemail.wav

/** What the caller says in the sample recording (the OpenAI fake in tests hears the same). */
export const SAMPLE_VOICEMAIL_WORDS = "Hi, this is Jamie Rivera. I'd like to book an appointment for this Saturday morning. Please call me back. Thanks!";

let sample: Buffer | undefined;

/** The sample recording's bytes (a WAV file, about 9 seconds), read once. */
export function sampleVoicemailWav(): Buffer {
  sample ??= readFileSync(new URL('./sample-voicemail.wav', import.meta.url));
  return sample;
}
