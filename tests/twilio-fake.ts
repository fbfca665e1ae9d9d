import { randomBytes } from 'node:crypto';
import { createTwilioSandbox } from '../api/sandbox/twilio.ts';
import { serveLocally } from './serve-local.ts';

/**
 * The Twilio sandbox served on a free port, for tests: the official SDK, pointed here by
 * TWILIO_API_BASE_URL, does real HTTP to it. With no `account`, a real-looking account of its own
 * (`env` configures it); given one (the local sandbox account), `env` only points the SDK here.
 * Test apps start theirs through `createTestApp` (tests/provider-fakes.ts).
 */
export async function startTwilioFake(account?: { accountSid: string; authToken: string }) {
  const accountSid = account?.accountSid ?? `AC${randomBytes(16).toString('hex')}`;
  const authToken = account?.authToken ?? randomBytes(16).toString('hex');
  const sandbox = createTwilioSandbox({ accountSid, authToken });
  const { url, close } = await serveLocally(sandbox.app.fetch);
  return {
    ...sandbox,
    url,
    accountSid,
    authToken,
    env: { TWILIO_API_BASE_URL: url, ...(account ? {} : { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken }) } as Record<string, string>,
    close,
  };
}

export type TwilioFake = Awaited<ReturnType<typeof startTwilioFake>>;
