import { Hono } from 'hono';
import { signalRegistrationStatus } from '../../workers/client/carrier-registration.ts';
import type { AppEnv } from '../context.ts';
import { withinDeadline } from './deadline.ts';
import { verifyTwilioSignature, type TwilioParams } from './signature.ts';

type CallbackEnv = AppEnv & { Variables: { twilioParams: TwilioParams } };

/**
 * `POST /twilio/carrier-registration/status`: Twilio's Trust Hub status callback (`BundleSid`,
 * `Status`) for a business's profile, signed like every Twilio webhook. It only wakes the business's
 * registration workflow to check now; what the review decided is read from Twilio, never from here.
 */
export function carrierRegistrationCallbackRoutes() {
  const app = new Hono<CallbackEnv>();
  app.use(verifyTwilioSignature);
  app.post('/status', async (c) => {
    const deps = c.get('deps');
    const { BundleSid: sid, Status: status } = c.get('twilioParams');
    if (!sid) return c.body(null, 204);
    const row = await deps.db.carrierRegistration.findFirst({ where: { OR: [{ customerProfileSid: sid }, { trustProductSid: sid }] }, select: { tenantId: true } });
    if (!row) {
      c.get('logger').warn({ sid }, 'registration callback for a bundle no business has: ignored');
      return c.body(null, 204);
    }
    try {
      await withinDeadline(deps, () => signalRegistrationStatus(deps.temporal, row.tenantId, { sid, status: status ?? '' }));
    } catch (error) {
      // Nothing is lost: the workflow polls on its own timer anyway.
      c.get('logger').warn({ err: error, tenantId: row.tenantId }, 'registration workflow not woken by the callback; it checks on its next poll');
    }
    return c.body(null, 204);
  });
  return app;
}
