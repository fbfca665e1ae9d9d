import { Hono } from 'hono';
import type { InboundSms } from '../../domain/inbound-sms.ts';
import { toE164 } from '../../domain/phone.ts';
import { emptyMessagingTwiml } from '../../domain/twiml.ts';
import { characterCount, firstCharacters, SMS_MAX_CHARACTERS } from '../../domain/sms-segments.ts';
import { workflowIds } from '../../domain/workflow-ids.ts';
import { platformSmsNumber } from '../../domain/carrier-registration/states.ts';
import { findOrCreateCustomerByPhone, recordInboundMessage } from '../../prisma/inbound-texts.ts';
import { tenantOfPlatformReply } from '../../prisma/platform-text-routes.ts';
import type { conversationWorkflow } from '../../workflows/conversation.ts';
import { inboundSmsSignal } from '../../workflows/conversation.messages.ts';
import { TenantIdKey } from '../../workflows/search-attributes.ts';
import type { AppEnv } from '../context.ts';
import { cachedCallContext } from './call-context.ts';
import { keepInboundTextForLater } from './keep-for-later.ts';
import { verifyTwilioSignature, type TwilioParams } from './signature.ts';
import { withinDeadline, withinMs, xmlResponse } from './deadline.ts';

type SmsEnv = AppEnv & { Variables: { twilioParams: TwilioParams } };

// Replies go out through the sendSms activity (opt-outs, quiet hours, usage), never as TwiML.
const EMPTY_TWIML = emptyMessagingTwiml();
const emptyTwiml = () => xmlResponse(EMPTY_TWIML);
/** Postgres and Temporal both down: a 503 makes Twilio log the failure and try the number's fallback URL. */
const nothingKept = () => new Response(EMPTY_TWIML, { status: 503, headers: { 'content-type': 'text/xml; charset=utf-8' } });

/**
 * `POST /twilio/sms/incoming`: a text to a tenant's number becomes a signal to the customer's
 * conversation workflow (started if need be). Twilio's MessageSid makes a redelivered webhook
 * harmless: the workflow drops a MessageSid it has seen and the inbound row's key is `in:<sid>`.
 */
export function smsRoutes() {
  const app = new Hono<SmsEnv>();
  app.use(verifyTwilioSignature);

  app.post('/incoming', async (c) => {
    const deps = c.get('deps');
    const logger = c.get('logger');
    const params = c.get('twilioParams');
    const messageSid = params.MessageSid ?? params.SmsSid;
    const to = toE164(params.To ?? '');
    if (!to || !messageSid || !params.From) {
      logger.warn({ messageSid }, 'inbound text without a valid To, MessageSid or From: ignored');
      return emptyTwiml();
    }
    // Short codes and alphanumeric senders are not E.164; they are kept as Twilio gave them.
    const from = toE164(params.From) ?? params.From;
    // Twilio never delivers more than 1,600 characters; anything longer is kept only in part, so
    // no later step (segment counting, the owner alert, the inbox) pays for the rest.
    const received = params.Body ?? '';
    const { text: body, cut } = firstCharacters(received, SMS_MAX_CHARACTERS);
    const originalLength = cut ? characterCount(received) : undefined;
    if (cut) logger.warn({ messageSid, length: originalLength }, `inbound text longer than ${SMS_MAX_CHARACTERS} characters: kept the first ${SMS_MAX_CHARACTERS}`);
    const message: InboundSms = { messageSid, from, to, body, receivedAt: new Date().toISOString(), ...(cut ? { originalLength } : {}) };

    let tenantId: string;
    let customer: { id: string };
    try {
      const deadline = deps.config.TWILIO_WEBHOOK_DEADLINE_MS;
      // A reply to the shared platform number goes to the business that last texted this customer from it.
      const routed = to === platformSmsNumber(deps.config) ? await withinMs(deadline, tenantOfPlatformReply(deps.db, deps.masterKey, from)) : null;
      const phone = routed ? { tenantId: routed } : await withinMs(deadline, deps.db.tenantPhoneConfig.findUnique({ where: { phoneNumber: to }, select: { tenantId: true } }));
      if (!phone) {
        logger.warn({ messageSid }, 'inbound text to a number no tenant has: ignored');
        return emptyTwiml();
      }
      tenantId = phone.tenantId;
      customer = await withinMs(deadline, findOrCreateCustomerByPhone(deps.db, tenantId, from));
    } catch (dbError) {
      // Postgres is down: Temporal keeps the text until it can be stored (api/twilio/keep-for-later.ts).
      const kept = await keepInboundTextForLater(deps, logger, { tenantId: cachedCallContext(to)?.tenantId ?? null, message }, dbError);
      return kept === 'not-kept' ? nothingKept() : emptyTwiml();
    }

    try {
      await withinDeadline(deps, () =>
        deps.temporal.workflow.signalWithStart<typeof conversationWorkflow, [InboundSms]>('conversationWorkflow', {
          workflowId: workflowIds.conversation(tenantId, customer.id),
          taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
          args: [{ tenantId, customerId: customer.id, customerPhone: from }],
          signal: inboundSmsSignal,
          signalArgs: [message],
          typedSearchAttributes: [{ key: TenantIdKey, value: tenantId }],
        }),
      );
    } catch (error) {
      // Nothing is lost: the text is in the inbox, only its automations (auto-reply, alert) are skipped.
      try {
        await recordInboundMessage(deps.db, tenantId, message, customer.id);
      } catch (dbError) {
        logger.error({ err: error, tenantId, messageSid, dbError: dbError instanceof Error ? dbError.name : typeof dbError }, 'inbound text NOT kept: neither its conversation workflow nor the database took it');
        return nothingKept();
      }
      logger.error({ err: error, tenantId, messageSid }, 'inbound text stored, but its conversation workflow could not be signalled');
    }
    return emptyTwiml();
  });

  return app;
}
