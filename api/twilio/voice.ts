import { Hono, type Context } from 'hono';
import { CALL_STATE_VERSION, callStepKey, decodeCallState, type CallStep } from '../../domain/call-steps.ts';
import { fallbackTwiml, initialCallState, notInServiceTwiml, respond, type CallContext, type CallEvent, type CallState } from '../../domain/ivr.ts';
import { keyedDigest } from '../../domain/secrets.ts';
import { wholeSeconds } from '../../domain/twilio-fields.ts';
import { renderTwiml } from '../../domain/twiml.ts';
import { workflowIds } from '../../domain/workflow-ids.ts';
import { callEndedSignal, type CallInput } from '../../workflows/call.messages.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { withinTemporalDeadline } from '../temporal-deadline.ts';
import { cachedCallContext, lookUpCallContext, lookUpTenantCallContext } from './call-context.ts';
import { takeCallEvent } from './call-events.ts';
import { xmlResponse } from './deadline.ts';
import { isLegacyStep, legacyStep } from './voice-legacy.ts';
import { keepVoicemail } from './keep-for-later.ts';
import { verifyTwilioSignature, type TwilioParams } from './signature.ts';

type VoiceEnv = AppEnv & { Variables: { twilioParams: TwilioParams } };
type VoiceContext = Context<VoiceEnv>;

const FALLBACK_RECORDING = '/twilio/voice/fallback-recording';
const xml = xmlResponse;
/** Nothing more to say: callbacks, and the owner's screening leg (it just connects). */
const EMPTY = renderTwiml([]);
const GOODBYE = renderTwiml([{ say: 'Thanks, we got your message. Goodbye.' }, { hangup: true }]);

function eventFrom(kind: string | undefined, params: TwilioParams): CallEvent | null {
  switch (kind) {
    case 'menu':
      return { kind, digits: params.Digits };
    case 'screen':
      return { kind };
    case 'screen-result':
      return { kind, digits: params.Digits };
    case 'dial-result':
      return { kind, dialStatus: params.DialCallStatus ?? 'failed' };
    case 'recorded':
      return { kind, recordingSid: params.RecordingSid || `RE-${params.CallSid}`, recordingUrl: params.RecordingUrl ?? '', durationSec: wholeSeconds(params.RecordingDuration) };
    default:
      return null;
  }
}

const lookUp = (c: VoiceContext) => {
  const { db, config } = c.get('deps');
  return lookUpCallContext(db, c.get('twilioParams').To ?? '', config.PUBLIC_BASE_URL, config.TWILIO_WEBHOOK_DEADLINE_MS, config.CALL_CONTEXT_TTL_MS);
};

/**
 * The tenant's safe answer when the IVR cannot be rendered: its forwarding number when known,
 * else an apology and a voicemail that is kept (domain/ivr.ts fallbackTwiml).
 */
function safeAnswer(c: VoiceContext, ctx: CallContext | null, why: string, error?: unknown) {
  const params = c.get('twilioParams') ?? {};
  c.get('logger').error({ err: error, callSid: params.CallSid, tenantId: ctx?.tenantId }, `voice webhook fell back: ${why}`);
  return xml(fallbackTwiml(ctx, params.From ?? '', FALLBACK_RECORDING));
}

/** What starts the call's workflow, should this event be the first it hears. */
function callInput(c: VoiceContext, ctx: CallContext, callSid: string, now: Date): CallInput {
  const { masterKey, config } = c.get('deps');
  const from = c.get('twilioParams').From ?? '';
  return {
    callSid,
    from,
    to: ctx.tenantNumber,
    startedAt: now.toISOString(),
    context: ctx,
    callerKey: keyedDigest(masterKey, 'caller-key', `${ctx.tenantId}:${from}`),
    missedCallTextEveryHours: config.MISSED_CALL_TEXT_EVERY_HOURS,
  };
}

/** Renders the caller's next TwiML here, from the reducer, and makes the step durable before answering. */
async function answerStep(c: VoiceContext, ctx: CallContext, callSid: string, before: CallState, event: CallEvent, how: 'start' | 'signal') {
  const now = new Date();
  const turn = respond(ctx, before, event, callSid, c.get('twilioParams').From ?? '', now);
  const step: CallStep = { key: callStepKey(before, event), event, before, at: now.toISOString() };
  await takeCallEvent(c.get('deps'), c.get('logger'), { input: callInput(c, ctx, callSid, now), body: { kind: 'step', step } }, how);
  return xml(turn.twiml);
}

/**
 * The canonical voice entry point and the requests that follow it. The API answers each one
 * itself: the IVR reducer over the tenant's cached phone settings and the call's state, which
 * travels in the signed action URLs (domain/call-steps.ts). Each step is then a signal to
 * `call:<CallSid>` (signal-with-start for the first), keyed by its step so Twilio retrying a
 * request never applies it twice; the workflow performs the effects. No caller waits on a worker.
 *
 * Whatever fails — Postgres, Temporal, an unknown step, a missing CallSid — the answer is valid
 * TwiML, never JSON or a 5xx (the app-wide error handler answers JSON; these routes have their own).
 */
export function voiceRoutes() {
  const app = new Hono<VoiceEnv>();
  app.use(verifyTwilioSignature);

  app.post('/incoming', async (c) => {
    const params = c.get('twilioParams');
    const lookup = await lookUp(c);
    if (lookup.kind === 'unknown') return xml(notInServiceTwiml());
    if (lookup.kind === 'unavailable') return safeAnswer(c, null, 'the database is unavailable and this number is not cached', lookup.error);
    if (!params.CallSid) return safeAnswer(c, lookup.ctx, 'the request has no CallSid');
    return answerStep(c, lookup.ctx, params.CallSid, initialCallState(), { kind: 'incoming' }, 'start');
  });

  app.post('/step', async (c) => {
    const deps = c.get('deps');
    const params = c.get('twilioParams');
    const query = (name: string) => c.req.query(name);
    // The screening leg is a child call with its own CallSid: the parent's travels in the URL.
    const callSid = query('call') || params.CallSid || '';
    const kind = query('kind');
    const event = eventFrom(kind, params);
    // The owner's screening leg just connects when anything is off; the caller's leg gets the tenant's fallback.
    const ownerLeg = Boolean(params.ParentCallSid) || kind === 'screen' || kind === 'screen-result';
    const fallBack = async (why: string, error?: unknown) => {
      if (ownerLeg) return xml(EMPTY);
      const lookup = await lookUp(c);
      if (event?.kind === 'recorded') {
        // The caller has just left a message: keep it, and never ask them to leave it again.
        c.get('logger').warn({ err: error, callSid }, `voicemail step not taken (${why}): keeping the recording directly`);
        await keepVoicemail(deps, c.get('logger'), lookup, { callSid, recordingSid: event.recordingSid, recordingUrl: event.recordingUrl, from: params.From ?? '', to: params.To ?? '', durationSec: event.durationSec });
        return xml(GOODBYE);
      }
      return safeAnswer(c, lookup.kind === 'found' ? lookup.ctx : null, why, error);
    };
    if (!event || !callSid) return fallBack(event ? 'the step has no CallSid' : `unknown call step kind "${kind ?? ''}"`);
    if (isLegacyStep(query)) return legacyStep(deps, callSid, query('step')!, event).then(xml, (error: unknown) => fallBack('the call workflow did not answer in time', error));
    if (query('v') !== CALL_STATE_VERSION) return fallBack(`unknown call state version "${query('v') ?? ''}"`);
    const before = decodeCallState(query('s'));
    if (!before) return fallBack('the call state in the URL is not valid');
    const lookup = await lookUpTenantCallContext(deps.db, query('t') ?? '', deps.config.PUBLIC_BASE_URL, deps.config.TWILIO_WEBHOOK_DEADLINE_MS, deps.config.CALL_CONTEXT_TTL_MS);
    if (lookup.kind !== 'found') return fallBack('the tenant of this call is unknown or not cached', lookup.kind === 'unavailable' ? lookup.error : undefined);
    return answerStep(c, lookup.ctx, callSid, before, event, 'signal');
  });

  app.post('/status', async (c) => {
    const params = c.get('twilioParams');
    if (!params.CallSid || params.ParentCallSid) return xml(EMPTY); // child legs end with their parent
    const lookup = await lookUp(c);
    const ended = { callStatus: params.CallStatus ?? 'completed', durationSec: wholeSeconds(params.CallDuration) };
    if (lookup.kind !== 'found') {
      // Without the tenant nothing can start the call: a call that runs still hears its end.
      const deps = c.get('deps');
      await withinTemporalDeadline(deps, deps.config.VOICE_EVENT_DEADLINE_MS, () => deps.temporal.workflow.getHandle(workflowIds.call(params.CallSid!)).signal(callEndedSignal, ended)).catch((error: unknown) =>
        c.get('logger').warn({ err: error, callSid: params.CallSid }, 'call status for a number not known here: not delivered'),
      );
      return xml(EMPTY);
    }
    // A call whose steps wait in Postgres hangs up behind them; one that never reached Temporal starts here, to log the call.
    await takeCallEvent(c.get('deps'), c.get('logger'), { input: callInput(c, lookup.ctx, params.CallSid, new Date()), body: { kind: 'ended', ended } }, 'signal', { queueBehindKept: true });
    return xml(EMPTY);
  });

  // A voicemail left while the call workflow was unreachable: kept straight in the inbox, or
  // (Postgres down) handed to Temporal until it can be.
  app.post('/fallback-recording', async (c) => {
    const deps = c.get('deps');
    const params = c.get('twilioParams');
    if (params.RecordingSid) {
      const lookup = await lookUp(c);
      await keepVoicemail(deps, c.get('logger'), lookup, {
        callSid: params.CallSid ?? '',
        recordingSid: params.RecordingSid,
        recordingUrl: params.RecordingUrl ?? '',
        from: params.From ?? '',
        to: params.To ?? '',
        durationSec: wholeSeconds(params.RecordingDuration),
      });
    }
    return xml(GOODBYE);
  });

  // A voice URL this version does not know (an action URL from another version, a typo in Twilio's console).
  app.all('*', async (c) => {
    const lookup = await lookUp(c);
    return safeAnswer(c, lookup.kind === 'found' ? lookup.ctx : null, `no voice route for ${c.req.path}`);
  });

  app.onError((error, c) => {
    // A request that is not Twilio's gets nothing of the tenant's, in TwiML all the same.
    if (error instanceof ApiError && error.status < 500) {
      return c.body(renderTwiml([{ hangup: true }]), error.status, { 'content-type': 'text/xml; charset=utf-8' });
    }
    const to = c.get('twilioParams')?.To;
    return safeAnswer(c, to ? cachedCallContext(to) : null, 'unexpected error', error);
  });

  return app;
}
