import type { Config } from './config.ts';

// Who turns a voicemail into words. Only a real speech-to-text provider: with none configured a
// voicemail says plainly that it has no transcription — ServicePro never makes text up.

export interface Transcriber {
  provider: 'openai';
  model: string;
  /** What `voicemails.transcribed_by` records: `openai:whisper-1`. */
  label: string;
}

type TranscriptionSettings = Pick<Config, 'VOICEMAIL_TRANSCRIPTION' | 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_TRANSCRIBE_MODEL'>;

/** The configured transcriber, or null: OpenAI (or a compatible endpoint) unless VOICEMAIL_TRANSCRIPTION=off. */
export function voicemailTranscriber(config: TranscriptionSettings): Transcriber | null {
  if (config.VOICEMAIL_TRANSCRIPTION === 'off') return null;
  if (!config.OPENAI_API_KEY && !config.OPENAI_BASE_URL) return null;
  return { provider: 'openai', model: config.OPENAI_TRANSCRIBE_MODEL, label: `openai:${config.OPENAI_TRANSCRIBE_MODEL}` };
}
