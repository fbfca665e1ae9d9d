import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { SAMPLE_VOICEMAIL_WORDS, sampleVoicemailWav } from '../api/sandbox/sample-voicemail.ts';
import { serveLocally } from './serve-local.ts';

// Enough of OpenAI's speech-to-text API (POST /v1/audio/transcriptions, multipart) for the official
// `openai` SDK, pointed here by OPENAI_BASE_URL. It "hears" the sandbox's sample recording as the
// words spoken in it, and refuses anything that is not audio, as the real endpoint would.

export interface TranscriptionRequest {
  model: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

export async function startOpenAiFake() {
  const apiKey = `sk-test-${randomBytes(8).toString('hex')}`;
  const requests: TranscriptionRequest[] = [];
  let failures = 0;
  const app = new Hono();
  const error = (status: 400 | 401 | 500, message: string) => ({ error: { message, type: 'invalid_request_error', param: null, code: null }, status });

  app.post('/v1/audio/transcriptions', async (c) => {
    if (c.req.header('authorization') !== `Bearer ${apiKey}`) return c.json(error(401, 'Incorrect API key provided.'), 401);
    if (failures > 0) {
      failures -= 1;
      return c.json(error(500, 'The server had an error while processing your request.'), 500);
    }
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File) || typeof form.model !== 'string') return c.json(error(400, "'file' and 'model' are required."), 400);
    const bytes = Buffer.from(await file.arrayBuffer());
    requests.push({ model: form.model, fileName: file.name, contentType: file.type, sizeBytes: bytes.length });
    if (bytes.subarray(0, 4).toString('latin1') !== 'RIFF') return c.json(error(400, 'Invalid file format.'), 400);
    return c.json({ text: bytes.equals(sampleVoicemailWav()) ? SAMPLE_VOICEMAIL_WORDS : '' });
  });

  const { url, close } = await serveLocally(app.fetch);
  return {
    url,
    apiKey,
    /** Transcription requests that reached the fake with a valid key. */
    requests: (): readonly TranscriptionRequest[] => [...requests],
    /** The next `count` transcriptions fail with a 500, as in an outage. */
    failNext(count: number) {
      failures = count;
    },
    env: { OPENAI_API_KEY: apiKey, OPENAI_BASE_URL: `${url}/v1` } as Record<string, string>,
    close,
  };
}

export type OpenAiFake = Awaited<ReturnType<typeof startOpenAiFake>>;
