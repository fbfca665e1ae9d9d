import * as wf from '@temporalio/workflow';
import type { CallActivities, MailActivities, MessagingActivities } from '../activities/contracts.ts';
import { pausedByBilling } from '../domain/billing.ts';
import { mergeCallState } from '../domain/call-steps.ts';
import { callOutcome, initialCallState, respond, type CallEvent, type Effect } from '../domain/ivr.ts';
import { deservesMissedCallText, missedCallTextKey } from '../domain/missed-call-text.ts';
import { callEndedSignal, callStateQuery, callStepSignal, callStepUpdate, type CallEnded, type CallInput } from './call.messages.ts';
import { tenantPageUrl } from '../domain/app-links.ts';

// One phone call (`call:<CallSid>`). The API answers each Twilio request itself (the IVR reducer
// over the state in the signed action URL) and signals the step here; the status callback ends
// the call. This workflow decides and performs the effects (texts, voicemail, owner alerts, the
// call log) with the same reducer, from its own copy of the tenant's settings. Calls from before
// that design send each step as an update whose result is the TwiML; both paths stay.

const { recordCall, storeVoicemail } = wf.proxyActivities<CallActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 20 },
});
const messaging = wf.proxyActivities<MessagingActivities>({
  startToCloseTimeout: '20 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 20 },
});

const { sendEmail } = wf.proxyActivities<MailActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes', maximumAttempts: 20 },
});

/** A text that can never go out (a landline caller, no sender number) must not fail the call. */
async function sendSms(input: Parameters<MessagingActivities['sendSms']>[0]) {
  try {
    await messaging.sendSms(input);
  } catch (error) {
    wf.log.warn('text not sent', { idempotencyKey: input.idempotencyKey, error: String(error) });
  }
}

/** Calls that ran the old rule (a missed-call text after every call not answered) keep it on replay. */
const MISSED_CALL_TEXT_ONLY_WHEN_MISSED = 'missed-call-text-only-when-missed';

/** A status callback that never comes (lost webhook) must not keep a call open forever. */
const LONGEST_CALL = '4 hours';

export async function callWorkflow(input: CallInput): Promise<{ outcome: string }> {
  const { context: ctx, callSid, from } = input;
  let state = initialCallState();
  const effects: Effect[] = [];
  let ended: CallEnded | undefined;

  wf.setHandler(callStateQuery, () => state);
  wf.setHandler(
    callStepUpdate,
    (event) => {
      const turn = respond(ctx, state, event, callSid, from, new Date());
      state = turn.state;
      effects.push(...turn.effects);
      return turn.twiml;
    },
    {
      validator: (_event: CallEvent) => {
        if (ended) throw new Error('the call has already ended');
      },
    },
  );
  // Steps are applied once each (Twilio retries, a duplicate `incoming`, an outage's redelivery) and
  // judged against the state the caller was in, so one delivered late still decides the same effects.
  const stepsTaken = new Set<string>();
  wf.setHandler(callStepSignal, (step) => {
    if (stepsTaken.has(step.key)) return;
    stepsTaken.add(step.key);
    const turn = respond(ctx, step.before, step.event, callSid, from, new Date(step.at));
    state = mergeCallState(state, turn.state);
    effects.push(...turn.effects);
  });
  wf.setHandler(callEndedSignal, (signal) => {
    ended ??= signal;
  });

  // Same rule as sendSms: a suspended or closed tenant's automations stop.
  const automationsOn = pausedByBilling(ctx.status, 'automation') === null;
  const perform = async (effect: Effect) => {
    if (effect.type === 'text-info-to-caller') {
      const body = ctx.texts.infoSms ?? `Thanks for calling ${ctx.businessName}! Reply to this text with what you need and we'll get you booked.`;
      await sendSms({ tenantId: ctx.tenantId, to: from, body, idempotencyKey: `call:${callSid}:info`, kind: 'reply' });
    } else {
      const { callerName } = await storeVoicemail({ tenantId: ctx.tenantId, callSid, recordingSid: effect.recordingSid, recordingUrl: effect.recordingUrl, from, durationSec: effect.durationSec });
      const owner = ctx.ownerNotifyPhone ?? ctx.forwardingNumber;
      const who = callerName ? `${callerName} (${from})` : from;
      const link = tenantPageUrl(ctx.appUrl, ctx.tenantId, 'voicemails');
      const key = `call:${callSid}:voicemail:${effect.recordingSid}`;
      if (owner) {
        await sendSms({ tenantId: ctx.tenantId, to: owner, body: `New voicemail from ${who}, ${effect.durationSec}s. Listen: ${link}`, idempotencyKey: key, kind: 'owner-alert' });
      }
      if (ctx.ownerNotifyEmail) {
        await sendEmail({
          tenantId: ctx.tenantId,
          to: ctx.ownerNotifyEmail,
          subject: `New voicemail from ${who}`,
          text: `${who} left a ${effect.durationSec}-second voicemail for ${ctx.businessName}.\n\nListen in your ServicePro inbox: ${link}\n`,
          idempotencyKey: key,
        }).catch((error: unknown) => wf.log.warn('voicemail email not sent', { idempotencyKey: key, error: String(error) }));
      }
    }
  };

  while (!ended) {
    const ready = await wf.condition(() => effects.length > 0 || ended !== undefined, LONGEST_CALL);
    if (!ready) ended = { callStatus: 'unknown', durationSec: 0 };
    while (effects.length > 0) await perform(effects.shift()!);
  }
  await wf.condition(wf.allHandlersFinished);
  while (effects.length > 0) await perform(effects.shift()!);

  const outcome = callOutcome(state, ended.callStatus);
  const missedCallText = ctx.texts.missedCall ?? `Sorry we missed your call at ${ctx.businessName}! Reply here and we'll get right back to you.`;
  if (wf.patched(MISSED_CALL_TEXT_ONLY_WHEN_MISSED)) {
    if (automationsOn && ctx.missedCallTextBack && deservesMissedCallText(state, outcome)) {
      // One key per caller and window: the outbox sends the first missed call's text, drops the rest.
      const idempotencyKey = input.callerKey
        ? missedCallTextKey({ callerKey: input.callerKey, everyHours: input.missedCallTextEveryHours ?? 24, timeZone: ctx.timeZone, now: new Date() })
        : `call:${callSid}:missed`;
      await sendSms({ tenantId: ctx.tenantId, to: from, body: missedCallText, idempotencyKey, kind: 'automation' });
    }
  } else if (automationsOn && ctx.missedCallTextBack && outcome !== 'answered') {
    await sendSms({ tenantId: ctx.tenantId, to: from, body: missedCallText, idempotencyKey: `call:${callSid}:missed`, kind: 'automation' });
  }
  await recordCall({
    tenantId: ctx.tenantId,
    callSid,
    from,
    to: input.to,
    startedAt: input.startedAt,
    endedAt: new Date().toISOString(),
    durationSec: ended.durationSec,
    digits: state.digits.join(','),
    outcome,
  });
  // A step that arrived while the call was being logged (a recording posted after the hang-up).
  while (effects.length > 0) await perform(effects.shift()!);
  return { outcome };
}
