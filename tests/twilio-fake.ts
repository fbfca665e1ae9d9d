import { randomBytes } from 'node:crypto';
import { createTwilioSandbox } from '../api/sandbox/twilio.ts';
import { serveLocally } from './serve-local.ts';

/**
 * The Twilio sandbox served on a free port with a real-looking account, for tests: the official
 * SDK, pointed here by TWILIO_API_BASE_URL, does real HTTP to it. Pass `env` to `createTestApp`.
 */
export async function startTwilioFake() {
  const accountSid = `AC${randomBytes(16).toString('hex')}`;
  const authToken = randomBytes(16).toString('hex');
  const sandbox = createTwilioSandbox({ accountSid, authToken });
  const { url, close } = await serveLocally(sandbox.app.fetch);
  return {
    ...sandbox,
    url,
    accountSid,
    authToken,
    env: { TWILIO_API_BASE_URL: url, TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken },
    close,
  };
}

export type TwilioFake = Awaited<ReturnType<typeof startTwilioFake>>;
