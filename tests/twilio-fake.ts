import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createTwilioSandbox } from '../api/sandbox/twilio.ts';

/**
 * The Twilio sandbox served on a free port with a real-looking account, for tests: the official
 * SDK, pointed here by TWILIO_API_BASE_URL, does real HTTP to it. Pass `env` to `createTestApp`.
 */
export async function startTwilioFake() {
  const accountSid = `AC${randomBytes(16).toString('hex')}`;
  const authToken = randomBytes(16).toString('hex');
  const sandbox = createTwilioSandbox({ accountSid, authToken });
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve) => {
    const server = serve({ fetch: sandbox.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve({ server, port: info.port }));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    ...sandbox,
    url,
    accountSid,
    authToken,
    env: { TWILIO_API_BASE_URL: url, TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken },
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}

export type TwilioFake = Awaited<ReturnType<typeof startTwilioFake>>;
