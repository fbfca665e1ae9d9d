import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';
import { voicemailTranscriber } from './transcription.ts';
import { isTwilioRecordingSid, keptAudioType, parseByteRange, twilioRecordingMediaUrl } from './recordings.ts';

describe('parseByteRange', () => {
  const size = 1000;

  it('serves the whole body without a Range header, or for one we do not serve', () => {
    expect(parseByteRange(undefined, size)).toBe('whole');
    expect(parseByteRange('items=0-5', size)).toBe('whole');
    expect(parseByteRange('bytes=0-1,5-9', size)).toBe('whole');
    expect(parseByteRange('bytes=9-5', size)).toBe('whole');
    expect(parseByteRange('bytes=-', size)).toBe('whole');
  });

  it('reads a start and an end, an open end, and a suffix', () => {
    expect(parseByteRange('bytes=0-99', size)).toEqual({ start: 0, end: 99 });
    expect(parseByteRange('bytes=500-', size)).toEqual({ start: 500, end: 999 });
    expect(parseByteRange('bytes=900-5000', size)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange('bytes=-100', size)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange('bytes=-5000', size)).toEqual({ start: 0, end: 999 });
  });

  it('calls a range past the end unsatisfiable (a 416)', () => {
    expect(parseByteRange('bytes=1000-', size)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=-0', size)).toBe('unsatisfiable');
  });
});

describe('recordings', () => {
  it('knows a Twilio Recording SID from anything else', () => {
    expect(isTwilioRecordingSid(`RE${'a'.repeat(32)}`)).toBe(true);
    expect(isTwilioRecordingSid('RE-CA123')).toBe(false);
    expect(isTwilioRecordingSid(`RE${'a'.repeat(32)}/../x`)).toBe(false);
  });

  it('builds the media URL on Twilio from the account and SID alone, as WAV', () => {
    expect(twilioRecordingMediaUrl('AC1', 'RE2')).toBe('https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE2.wav');
  });

  it('keeps only audio media types', () => {
    expect(keptAudioType('audio/x-wav')).toBe('audio/x-wav');
    expect(keptAudioType('audio/mpeg; charset=binary')).toBe('audio/mpeg');
    expect(keptAudioType('text/html')).toBeNull();
    expect(keptAudioType(undefined)).toBeNull();
  });
});

describe('voicemailTranscriber', () => {
  const base = { VOICEMAIL_TRANSCRIPTION: undefined, OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined, OPENAI_TRANSCRIBE_MODEL: 'whisper-1' };

  it('is OpenAI when OpenAI is configured, and nobody otherwise or when switched off', () => {
    expect(voicemailTranscriber(base)).toBeNull();
    expect(voicemailTranscriber({ ...base, OPENAI_API_KEY: 'sk-test' })).toEqual({ provider: 'openai', model: 'whisper-1', label: 'openai:whisper-1' });
    expect(voicemailTranscriber({ ...base, OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' })?.label).toBe('openai:whisper-1');
    expect(voicemailTranscriber({ ...base, OPENAI_API_KEY: 'sk-test', VOICEMAIL_TRANSCRIPTION: 'off' })).toBeNull();
  });

  it('refuses VOICEMAIL_TRANSCRIPTION=openai without OpenAI, saying what to set', () => {
    expect(() => parseConfig({ VOICEMAIL_TRANSCRIPTION: 'openai' })).toThrow(/VOICEMAIL_TRANSCRIPTION: .*OPENAI_API_KEY/);
  });
});
