import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTwilioSandbox, twilioSandboxRoutes } from '../api/sandbox/twilio.ts';
import { parseConfig } from '../domain/config.ts';
import { freePort } from '../scripts/ports.ts';
import { twilioCredentials } from '../domain/twilio-credentials.ts';
import { startTwilioFake, type TwilioFake } from '../tests/twilio-fake.ts';
import { createTwilioClient, rebaseTwilioUrl } from './twilio-client.ts';

const masterKey = randomBytes(32);
const baseEnv = { SERVICEPRO_ENCRYPTION_KEY: masterKey.toString('base64'), NODE_ENV: 'test' };

describe('rebaseTwilioUrl', () => {
  it('swaps the origin and keeps the path and query, under any prefix', () => {
    expect(rebaseTwilioUrl('https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?PageSize=5', 'http://127.0.0.1:4010')).toBe('http://127.0.0.1:4010/2010-04-01/Accounts/AC1/Messages.json?PageSize=5');
    expect(rebaseTwilioUrl('https://messaging.twilio.com/v1/Services', 'http://localhost:3000/sandbox/twilio/')).toBe('http://localhost:3000/sandbox/twilio/v1/Services');
  });
});

describe('createTwilioClient with TWILIO_API_BASE_URL', () => {
  let fake: TwilioFake;
  beforeAll(async () => {
    fake = await startTwilioFake();
  });
  afterAll(() => fake?.close());

  it('sends through the official SDK to the base URL, with the account credentials', async () => {
    const client = createTwilioClient(parseConfig({ ...baseEnv, ...fake.env }), masterKey);
    const sent = await client.messages.create({ to: '+14055550123', from: '+14055550100', body: 'Hello ✨' });
    expect(sent.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(sent.status).toBe('queued');
    expect(sent.numSegments).toBe('1');
    expect(fake.messages().at(-1)).toMatchObject({ to: '+14055550123', from: '+14055550100', body: 'Hello ✨' });

    const listed = await client.messages.list({ to: '+14055550123', limit: 5 });
    expect(listed.map((m) => m.sid)).toEqual([sent.sid]);
    expect(await client.messages(sent.sid).fetch()).toMatchObject({ sid: sent.sid, body: 'Hello ✨' });
  });

  it('surfaces Twilio errors as the SDK does: status and code', async () => {
    const wrongToken = createTwilioClient(parseConfig({ ...baseEnv, ...fake.env, TWILIO_AUTH_TOKEN: 'wrong' }), masterKey);
    await expect(wrongToken.messages.create({ to: '+14055550123', from: '+14055550100', body: 'x' })).rejects.toMatchObject({ status: 401, code: 20003 });

    const client = createTwilioClient(parseConfig({ ...baseEnv, ...fake.env }), masterKey);
    await expect(client.messages.create({ to: '+1555', from: '+14055550100', body: 'x' })).rejects.toMatchObject({ status: 400, code: 21211 });
    fake.failNext(1);
    await expect(client.messages.create({ to: '+14055550123', from: '+14055550100', body: 'x' })).rejects.toMatchObject({ status: 500 });
    await expect(client.messages.create({ to: '+14055550123', from: '+14055550100', body: 'x' })).resolves.toMatchObject({ status: 'queued' });
  });
});

describe('createTwilioClient without credentials', () => {
  it('talks to the local sandbox mounted in our own API at PUBLIC_BASE_URL/sandbox/twilio', async () => {
    const port = await freePort();
    const config = parseConfig({ ...baseEnv, PUBLIC_BASE_URL: `http://127.0.0.1:${port}` });
    expect(twilioCredentials(config, masterKey).sandbox).toBe(true);
    const sandbox = localTwilioSandbox({ config, masterKey })!;
    // Our API as far as this test needs it: the route group the app mounts.
    const api = new Hono().route('/sandbox/twilio', twilioSandboxRoutes({ config, masterKey }));
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: api.fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
    });
    try {
      const sent = await createTwilioClient(config, masterKey).messages.create({ to: '+14055550199', from: '+14055550100', body: 'offline' });
      // One sandbox per process: whoever mounts it sees the same texts.
      expect(sandbox.messages().map((m) => m.sid)).toContain(sent.sid);
    } finally {
      server.close();
    }
  });

  it('is not mounted when a Twilio account is configured', () => {
    const config = parseConfig({ ...baseEnv, TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`, TWILIO_AUTH_TOKEN: 'x'.repeat(32) });
    expect(localTwilioSandbox({ config, masterKey })).toBeNull();
  });
});
