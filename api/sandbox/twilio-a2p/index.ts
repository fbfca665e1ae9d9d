import { Hono } from 'hono';
import { messagingRoutes } from './messaging.ts';
import { createA2pStore } from './store.ts';
import { trustHubRoutes } from './trust-hub.ts';

export type { TwilioRefusal, ReviewKind } from './store.ts';

/**
 * Carrier registration in the Twilio sandbox: Trust Hub, brands, Messaging Services, campaigns and
 * numbers, reviewed over a few status fetches. Mounted in the sandbox's app (api/sandbox/twilio.ts),
 * which checks the account on /2010-04-01; the v1 hosts are checked here.
 */
export function createA2pSandbox(options: { accountSid: string; authToken: string }) {
  const store = createA2pStore();
  const expectedAuth = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  const app = new Hono();
  app.use('/v1/*', async (c, next) => {
    if (c.req.header('authorization') !== expectedAuth) return c.json({ code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 }, 401);
    await next();
  });
  app.route('/', trustHubRoutes(store, options.accountSid));
  app.route('/', messagingRoutes(store, options.accountSid));
  return { app, controls: store.controls };
}

export type A2pSandbox = ReturnType<typeof createA2pSandbox>;
