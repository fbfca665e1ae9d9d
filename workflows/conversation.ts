import * as wf from '@temporalio/workflow';
import type { ConversationActivities, MessagingActivities, SendSmsInput, SmsContext } from '../activities/contracts.ts';
import { tenantPageUrl } from '../domain/app-links.ts';
import { pausedByBilling } from '../domain/billing.ts';
import type { InboundSms } from '../domain/inbound-sms.ts';
import { classifyInbound } from '../domain/sms-keywords.ts';
import { bookingReplyOf } from '../domain/booking/replies.ts';
import { workflowIds } from '../domain/workflow-ids.ts';
import { customerReplySignal } from './booking.messages.ts';
import { autoReplyText, smsReplies } from '../domain/sms-replies.ts';
import { conversationStateQuery, inboundSmsSignal, type ConversationInput, type ConversationState } from './conversation.messages.ts';

// One customer's text conversation with a tenant (`conversation:<tenantId>:<customerId>`), started
// or signalled by the SMS webhook. For now it honours STOP/START/HELP, sends the tenant's
// auto-reply and tells the owner; the AI agent takes over the "anything else" branch later.

/** The auto-reply goes out at most once per this window, however chatty the customer is. */
const AUTO_REPLY_EVERY_MS = 12 * 60 * 60 * 1000;
/** A conversation nobody has texted for this long ends; the next text starts a fresh run. */
const IDLE_TIMEOUT = '24 hours';
/** MessageSids remembered to drop Twilio's redelivered webhooks (outbox keys guard older ones). */
const REMEMBERED_SIDS = 200;

/**
 * Texts sent after this patch say what they are: `keyword` (STOP/START/HELP answers, never limited)
 * and `auto-reply` (an SMS automation: a plan feature, with a per-number budget); a refused
 * auto-reply also counts as this window's. Histories recorded before it replay with `reply`.
 */
const PRECISE_SMS_KINDS = 'precise-sms-kinds';
const keywordKind = (): SendSmsInput['kind'] => (wf.patched(PRECISE_SMS_KINDS) ? 'keyword' : 'reply');

/** Owner alerts sent after this patch end with the full address of the texts page, which opens after sign-in. */
const OWNER_ALERT_LINKS = 'owner-alert-links';
const textsLink = (ctx: SmsContext, tenantId: string) => (ctx.appUrl && wf.patched(OWNER_ALERT_LINKS) ? tenantPageUrl(ctx.appUrl, tenantId, 'texts') : null);
/** Texts after this patch may answer a booking reminder (C / X / R); histories before it never asked. */
const BOOKING_REPLIES = 'booking-replies';
const autoReplyKind = (): SendSmsInput['kind'] => (wf.patched(PRECISE_SMS_KINDS) ? 'auto-reply' : 'reply');

const data = wf.proxyActivities<ConversationActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 20 },
});
const messaging = wf.proxyActivities<MessagingActivities>({
  // Twilio's client times out at 10 s; 30 s leaves room for the database around it.
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 10, nonRetryableErrorTypes: ['TwilioRejected', 'NoSenderNumber'] },
});

export async function conversationWorkflow(input: ConversationInput): Promise<void> {
  const state: ConversationState = {
    tenantId: input.tenantId,
    customerId: input.customerId,
    handled: input.handled ?? 0,
    lastAutoReplyAt: input.lastAutoReplyAt ?? null,
    recentMessageSids: input.recentMessageSids ?? [],
    lastIntent: null,
  };
  const pending: InboundSms[] = [];
  const { tenantId, customerId, customerPhone } = input;

  wf.setHandler(conversationStateQuery, () => state);
  wf.setHandler(inboundSmsSignal, (message) => {
    // Twilio redelivers a webhook it thinks failed; the same MessageSid is applied once.
    if (state.recentMessageSids.includes(message.messageSid)) return;
    state.recentMessageSids = [...state.recentMessageSids, message.messageSid].slice(-REMEMBERED_SIDS);
    pending.push(message);
  });

  /** A failed text (rejected number, Twilio down for minutes) must not end the conversation. */
  const send = async (sms: Omit<SendSmsInput, 'tenantId'>) => {
    try {
      return await messaging.sendSms({ tenantId, ...sms });
    } catch (error) {
      wf.log.warn('text not sent', { idempotencyKey: sms.idempotencyKey, error: String(error) });
      return null;
    }
  };

  const alertOwner = (ctx: SmsContext, key: string, body: string) =>
    ctx.ownerNotifyPhone ? send({ to: ctx.ownerNotifyPhone, body, idempotencyKey: key, kind: 'owner-alert', customerId: null }) : null;

  async function handle(message: InboundSms) {
    const sid = message.messageSid;
    await data.recordInboundMessage({ ...message, tenantId, customerId });
    const ctx = await data.loadSmsContext({ tenantId, customerId, phone: customerPhone });
    const intent = classifyInbound(message.body);
    state.lastIntent = intent;
    // A suspended tenant's automations stop, but the carrier keywords are always honoured.
    const automations = pausedByBilling(ctx.status, 'automation') === null;

    switch (intent) {
      case 'opt_out':
        // The confirmation is the last text this number gets, so it goes out before the block.
        await send({ to: customerPhone, body: smsReplies.optOutConfirmation(ctx.businessName), idempotencyKey: `sms:${sid}:optout`, kind: keywordKind(), customerId });
        await data.setOptOut({ tenantId, phone: customerPhone });
        await data.cancelQueuedTexts({ tenantId, phone: customerPhone });
        return;
      case 'opt_in':
        await data.clearOptOut({ tenantId, phone: customerPhone });
        await send({ to: customerPhone, body: smsReplies.optInConfirmation(ctx.businessName), idempotencyKey: `sms:${sid}:optin`, kind: keywordKind(), customerId });
        return;
      case 'help':
        await send({ to: customerPhone, body: smsReplies.help(ctx.businessName, ctx.businessNumber), idempotencyKey: `sms:${sid}:help`, kind: keywordKind(), customerId });
        return;
      case 'polite_stop':
        // Not a carrier keyword: a person decides whether to unsubscribe them.
        if (automations) await alertOwner(ctx, `sms:${sid}:owner-stop-request`, smsReplies.ownerPoliteStop(ctx.customerLabel, message.body, textsLink(ctx, tenantId)));
        return;
      case 'other': {
        if (!automations) return;
        // C / X / R answer the customer's next booking's reminder: that booking's workflow replies.
        const reply = wf.patched(BOOKING_REPLIES) ? bookingReplyOf(message.body) : null;
        const booking = reply && customerId ? await data.findUpcomingBooking({ tenantId, customerId }) : null;
        if (reply && booking) {
          const delivered = await wf.getExternalWorkflowHandle(workflowIds.booking(tenantId, booking.bookingId)).signal(customerReplySignal, { action: reply, messageSid: sid }).then(() => true, () => false);
          // A booking whose workflow has ended (done, cancelled) takes no replies: the text is an ordinary one.
          if (delivered) return;
        }
        const now = Date.now();
        const due = state.lastAutoReplyAt === null || now - Date.parse(state.lastAutoReplyAt) >= AUTO_REPLY_EVERY_MS;
        if (due) {
          const sent = await send({ to: customerPhone, body: autoReplyText(ctx.autoReplyText, ctx.businessName), idempotencyKey: `sms:${sid}:autoreply`, kind: autoReplyKind(), customerId });
          // Refused for good (plan, destination, budget, opt-out): not asked again for every text of the window.
          const settled = wf.patched(PRECISE_SMS_KINDS) ? sent !== null && sent.status !== 'failed' : sent?.status === 'sent';
          if (settled) state.lastAutoReplyAt = new Date(now).toISOString();
        }
        await alertOwner(ctx, `sms:${sid}:owner`, smsReplies.ownerNewText(ctx.customerLabel, message.body, textsLink(ctx, tenantId)));
        return;
      }
    }
  }

  for (;;) {
    const woke = await wf.condition(() => pending.length > 0 || wf.workflowInfo().continueAsNewSuggested, IDLE_TIMEOUT);
    while (pending.length > 0) {
      const message = pending.shift()!;
      try {
        await handle(message);
      } catch (error) {
        // The database was unreachable through every retry: this text is lost to automation (the
        // webhook may still have stored it), but the conversation goes on for the next one.
        wf.log.error('inbound text not handled', { messageSid: message.messageSid, error: String(error) });
      }
      state.handled += 1;
    }
    if (!woke) return; // idle: the next text starts a new run (the id is free again once this one closes)
    if (wf.workflowInfo().continueAsNewSuggested) {
      await wf.condition(wf.allHandlersFinished);
      if (pending.length > 0) continue; // a text arrived meanwhile: handle it before handing over
      await wf.continueAsNew<typeof conversationWorkflow>({
        tenantId,
        customerId,
        customerPhone,
        recentMessageSids: state.recentMessageSids,
        lastAutoReplyAt: state.lastAutoReplyAt,
        handled: state.handled,
      });
    }
  }
}
