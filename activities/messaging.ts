import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { pausedByBilling } from '../domain/billing.ts';
import { toE164 } from '../domain/phone.ts';
import { isPermanentRejection } from '../domain/provider-errors.ts';
import { quietHoursEnd } from '../domain/weekly-hours.ts';
import { featureForSmsKind, heldByQuietHours, isAutomaticText } from '../domain/sms-kinds.ts';
import { characterCount, firstCharacters, SMS_MAX_CHARACTERS, smsSegments } from '../domain/sms-segments.ts';
import { featureLockedMessage, hasFeature } from '../domain/tiers.ts';
import { usagePeriod } from '../domain/usage-period.ts';
import { platformSmsNumber } from '../domain/carrier-registration/states.ts';
import { rememberPlatformText } from '../prisma/platform-text-routes.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import { addUsage } from '../prisma/usage-counters.ts';
import type { MessageModel as Message } from '../prisma/client.ts';
import type { ConversationActivities, MessagingActivities, SendSmsInput, SendSmsResult } from './contracts.ts';
import type { ActivityDeps } from './deps.ts';
import { startHeldText } from './held-texts.ts';
import { createConversationActivities } from './conversations.ts';
import { automaticTextLimit, destinationRefusal } from './sms-guards.ts';
import { smsSender, type SmsSender } from './sms-sender.ts';
import { createTwilioClient } from './twilio-client.ts';
import { twilioError } from './twilio-errors.ts';

/** Twilio's "the recipient has replied STOP to this sender" (carrier-level opt-out). */
const TWILIO_UNSUBSCRIBED_RECIPIENT = 21610;

type Outcome = SendSmsResult['status'];

const TOO_LATE = 'Not sent: quiet hours would have held it until after the appointment began.';

// Outbound rows never hold `received` (the inbound status).
const result = (row: Pick<Message, 'id' | 'status' | 'segments' | 'heldUntil'>): SendSmsResult => ({
  messageId: row.id,
  status: row.status as Outcome,
  segments: row.segments,
  ...(row.status === 'blocked_quiet_hours' && row.heldUntil ? { heldUntil: row.heldUntil.toISOString() } : {}),
});

const withoutRelease = ({ release: _release, ...text }: SendSmsInput): SendSmsInput => text;

/** A later attempt of the activity: an earlier one may have died after Twilio accepted the text. */
function isRetry(): boolean {
  try {
    return Context.current().info.attempt > 1;
  } catch {
    return false; // called directly (tests, scripts): no earlier attempt
  }
}

/**
 * The one path for every outbound text. The outbox row (unique per tenant and idempotency key)
 * is written first, so a retried activity finds it and sends at most once. Every rule is enforced
 * here, not by callers, in this order: where it goes (allowed countries, no premium-rate or
 * satellite numbers), the plan, billing pauses, opt-outs, the per-number budget of automatic
 * texts, quiet hours (a held text gets a durable timer and is sent through here again when they
 * end). Segments are counted into the month's usage only for texts that really went out. Twilio
 * takes no idempotency key for messages, so a retried attempt first asks Twilio whether an earlier
 * one already got the text out (a worker that died after Twilio accepted it, before the row said `sent`).
 */
export function createMessagingActivities(deps: ActivityDeps): MessagingActivities & ConversationActivities {
  const { db, logger } = deps;
  const twilio = createTwilioClient(deps.config, deps.masterKey);

  async function settle(row: Message, status: Outcome, error?: string): Promise<SendSmsResult> {
    // Only a still-queued row changes: a STOP that cancelled it meanwhile wins.
    await forTenant(db, row.tenantId).message.updateMany({ where: { id: row.id, status: 'queued' }, data: { status, error } });
    return { messageId: row.id, status, segments: row.segments };
  }

  /** Held until quiet hours end: the row says until when, and a workflow's timer sends it then. */
  async function hold(row: Message, input: SendSmsInput, heldAt: Date, heldUntil: Date): Promise<SendSmsResult> {
    // A reminder that could only go out once the job has begun is no reminder: dropped now.
    if (input.notAfter && heldUntil.getTime() >= Date.parse(input.notAfter)) return settle(row, 'cancelled', TOO_LATE);
    await forTenant(db, row.tenantId).message.updateMany({ where: { id: row.id, status: 'queued' }, data: { status: 'blocked_quiet_hours', heldUntil } });
    // The held-text workflow releasing it loops on its own timer; anyone else starts one.
    if (!input.release) await startHeldText(deps, row.tenantId, { text: withoutRelease(input), messageId: row.id, heldUntil: heldUntil.toISOString(), heldAt: heldAt.toISOString() });
    return { messageId: row.id, status: 'blocked_quiet_hours', segments: row.segments, heldUntil: heldUntil.toISOString() };
  }

  async function sendSms(input: SendSmsInput): Promise<SendSmsResult> {
    const tenantDb = forTenant(db, input.tenantId);
    const to = toE164(input.to) ?? input.to.trim();
    const phone = await db.tenantPhoneConfig.findUnique({
      where: { tenantId: input.tenantId },
      select: { phoneNumber: true, messagingServiceSid: true, timeZone: true, allowedCountries: true, tenant: { select: { config: { select: { status: true, tier: true } } } } },
    });
    // Its own number, or the platform's while its carrier registration is under way (sms-sender.ts).
    const sender = phone ? await smsSender(db, deps.config, input.tenantId, phone) : null;
    const customerId = input.customerId !== undefined ? input.customerId : ((await tenantDb.customer.findFirst({ where: { phone: to }, select: { id: true } }))?.id ?? null);

    // (a) The outbox row. A retry finds the row of its first attempt; anything but `queued` is final.
    // A body Twilio would refuse (over 1,600 characters) is stored cut, as failed, and never sent.
    const { text: body, cut } = firstCharacters(input.body, SMS_MAX_CHARACTERS);
    const tooLong = cut ? `Not sent: the text has ${characterCount(input.body).toLocaleString('en-US')} characters and Twilio takes at most ${SMS_MAX_CHARACTERS.toLocaleString('en-US')}; shorten it.` : null;
    await tenantDb.message.createMany({
      data: [{ direction: 'outbound', idempotencyKey: input.idempotencyKey, kind: input.kind, fromNumber: sender?.number ?? '', toNumber: to, customerId, body, status: tooLong ? 'failed' : 'queued', error: tooLong, segments: smsSegments(body) }],
      skipDuplicates: true,
    });
    let row = await tenantDb.message.findFirstOrThrow({ where: { idempotencyKey: input.idempotencyKey } });
    if (row.direction !== 'outbound') throw ApplicationFailure.nonRetryable(`Idempotency key ${input.idempotencyKey} belongs to an inbound message.`, 'IdempotencyKeyConflict');
    if (tooLong && row.error === tooLong) throw ApplicationFailure.nonRetryable(tooLong, 'TextTooLong');
    const now = input.now ? new Date(input.now) : new Date();
    if (row.status === 'blocked_quiet_hours') {
      if (!input.release) {
        // Asked again while held (a retried activity): make sure its timer runs — the first attempt
        // may have died between holding the row and starting the workflow. A row held before texts
        // had timers (no held_until) stays as it is: sending it now would be days late.
        return row.heldUntil ? hold(row, input, now, row.heldUntil) : result(row);
      }
      // Quiet hours are over: back to queued, and through every rule again. A STOP meanwhile made it `cancelled`.
      const { count } = await tenantDb.message.updateMany({ where: { id: row.id, status: 'blocked_quiet_hours' }, data: { status: 'queued' } });
      if (count === 0) return result(await tenantDb.message.findFirstOrThrow({ where: { id: row.id } }));
      row = { ...row, status: 'queued' };
    }
    if (row.status !== 'queued') return result(row);
    if (input.notAfter && now.getTime() >= Date.parse(input.notAfter)) return settle(row, 'cancelled', TOO_LATE);

    if (!phone || !sender) {
      await settle(row, 'failed', 'The tenant has no phone number to send from.');
      throw ApplicationFailure.nonRetryable(`Tenant ${input.tenantId} has no phone number to send from.`, 'NoSenderNumber');
    }
    // (b) Where it goes: allowed countries only, never premium-rate, satellite or the business itself.
    const refused = destinationRefusal(to, phone, deps.config);
    if (refused) return settle(row, 'blocked_destination', refused);
    // (c) Plan and billing: campaigns and SMS automations need a plan that has them; campaigns stop
    // first when a payment is past due, automations when the account is suspended.
    const plan = phone.tenant.config;
    const feature = featureForSmsKind(input.kind);
    if (feature && plan && !hasFeature(plan.tier, feature)) return settle(row, 'cancelled', featureLockedMessage(feature));
    const paused = pausedByBilling(plan?.status ?? 'active', input.kind);
    if (paused) return settle(row, 'cancelled', paused);
    // (d) Opt-out, (e) the number's budget of automatic texts, then (f) quiet hours.
    if (await tenantDb.smsOptOut.findFirst({ where: { phoneNumber: to }, select: { phoneNumber: true } })) return settle(row, 'blocked_opt_out');
    if (isAutomaticText(input.kind)) {
      const limited = await automaticTextLimit(tenantDb, row, deps.config);
      if (limited) return settle(row, 'cancelled', limited);
    }
    const quietUntil = heldByQuietHours(input.kind) ? quietHoursEnd(now, phone.timeZone) : null;
    if (quietUntil) return hold(row, input, now, quietUntil);

    // (g) A retry after a worker died mid-send: Twilio may already hold this text; never send it twice.
    if (isRetry()) {
      const earlier = await findAcceptedText(to, row.body, row.createdAt, sender.via);
      if (earlier) return markSent(row, earlier, sender);
    }

    // (h) Send through the official SDK.
    let sent: { sid: string; numSegments?: string | null };
    try {
      sent = await twilio.messages.create({
        to,
        body: row.body,
        ...sender.via,
      });
    } catch (error) {
      const failure = twilioError(error);
      if (failure.code === TWILIO_UNSUBSCRIBED_RECIPIENT) {
        // Twilio already refuses this number: remember the opt-out so we stop trying.
        await tenantDb.smsOptOut.upsert({ where: { tenantId_phoneNumber: { tenantId: input.tenantId, phoneNumber: to } }, create: { phoneNumber: to }, update: {} });
        return settle(row, 'blocked_opt_out', `${failure.code}: ${failure.message}`);
      }
      if (isPermanentRejection(failure.status)) {
        await settle(row, 'failed', `${failure.code ?? failure.status}: ${failure.message}`);
        logger.warn({ tenantId: input.tenantId, messageId: row.id, code: failure.code, status: failure.status }, 'Twilio rejected a text');
        throw ApplicationFailure.create({ message: failure.message, type: 'TwilioRejected', nonRetryable: true, details: [{ status: failure.status, code: failure.code }] });
      }
      // 5xx, 429, network: the row stays queued and Temporal retries the activity.
      throw error;
    }

    return markSent(row, sent, sender);
  }

  /** Sent: the status and the month's usage change together, or not at all. From the shared platform number, the reply's way back is remembered. */
  async function markSent(row: Message, sent: { sid: string; numSegments?: string | number | null }, sender: SmsSender): Promise<SendSmsResult> {
    // Also root's own texts when the platform number is root's: the customer's reply is then root's again.
    if (sender.number === platformSmsNumber(deps.config)) await rememberPlatformText(db, deps.masterKey, row.tenantId, row.toNumber);
    const segments = Number(sent.numSegments) > 0 ? Number(sent.numSegments) : row.segments;
    const sentAt = new Date();
    const period = usagePeriod(sentAt);
    await forTenant(db, row.tenantId).transaction(async (tx) => {
      await tx.message.update({ where: { id: row.id }, data: { status: 'sent', providerSid: sent.sid, sentAt, segments, error: null } });
      await addUsage(tx, row.tenantId, period, { smsSegments: segments });
    });
    return { messageId: row.id, status: 'sent', segments };
  }

  /** The same text to the same number from this tenant, accepted by Twilio since the outbox row was written. */
  async function findAcceptedText(to: string, body: string, since: Date, via: SmsSender['via']) {
    const recent = await twilio.messages.list({ to, dateSentAfter: new Date(since.getTime() - 60_000), limit: 50 });
    return recent.find(
      (m) => m.body === body && new Date(m.dateCreated).getTime() >= since.getTime() - 1_000 && ('messagingServiceSid' in via ? m.messagingServiceSid === via.messagingServiceSid : m.from === via.from),
    );
  }

  return {
    sendSms,
    // What the conversation workflow asks about a customer's texts (conversations.ts).
    ...createConversationActivities(deps),
  };
}
