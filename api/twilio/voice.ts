import { Hono, type Context } from 'hono';
import { WithStartWorkflowOperation, WorkflowIdConflictPolicy } from '@temporalio/client';
import { fallbackTwiml, notInServiceTwiml, type CallContext, type CallEvent } from '../../domain/ivr.ts';
import { keyedDigest } from '../../domain/secrets.ts';
import { wholeSeconds } from '../../domain/twilio-fields.ts';
import { renderTwiml } from '../../domain/twiml.ts';
import { workflowIds } from '../../domain/workflow-ids.ts';
import type { callWorkflow } from '../../workflows/call.ts';
import { callEndedSignal, callStepUpdate } from '../../workflows/call.messages.ts';
import { TenantIdKey } from '../../workflows/search-attributes.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { cachedCallContext, lookUpCallContext } from './call-context.ts';
import { withinDeadline, xmlResponse } from './deadline.ts';
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
  return lookUpCallContext(db, c.get('twilioParams').To ?? '', config.PUBLIC_BASE_URL, config.TWILIO_WEBHOOK_DEADLINE_MS);
};

/**
 * The tenant's safe answer when its call workflow cannot give one: its forwarding number when
 * known, else an apology and a voicemail that is kept (domain/ivr.ts fallbackTwiml).
 */
function safeAnswer(c: VoiceContext, ctx: CallContext | null, why: string, error?: unknown) {
  const params = c.get('twilioParams') ?? {};
  c.get('logger').error({ err: error, callSid: params.CallSid, tenantId: ctx?.tenantId }, `voice webhook fell back: ${why}`);
  return xml(fallbackTwiml(ctx, params.From ?? '', FALLBACK_RECORDING));
}

/**
 * The canonical voice entry point and the requests that follow it. Every call is the workflow
 * `call:<CallSid>`: the first request starts it with Update-with-Start, each later one is an
 * update whose id names the step, so Twilio retrying a request never applies it twice.
 *
 * Whatever fails — Postgres, Temporal, an unknown step, a missing CallSid — the answer is valid
 * TwiML, never JSON or a 5xx (the app-wide error handler answers JSON; these routes have their own).
 */
export function voiceRoutes() {
  const app = new Hono<VoiceEnv>();
  app.use(verifyTwilioSignature);

  app.post('/incoming', async (c) => {
    const deps = c.get('deps');
    const params = c.get('twilioParams');
    const lookup = await lookUp(c);
    if (lookup.kind === 'unknown') return xml(notInServiceTwiml());
    if (lookup.kind === 'unavailable') return safeAnswer(c, null, 'the database is unavailable and this number is not cached', lookup.error);
    const ctx = lookup.ctx;
    if (!params.CallSid) return safeAnswer(c, ctx, 'the request has no CallSid');
    try {
      const startCall = new WithStartWorkflowOperation<typeof callWorkflow>('callWorkflow', {
        workflowId: workflowIds.call(params.CallSid),
        taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
        args: [
          {
            callSid: params.CallSid,
            from: params.From ?? '',
            to: ctx.tenantNumber,
            startedAt: new Date().toISOString(),
            context: ctx,
            callerKey: keyedDigest(deps.masterKey, 'caller-key', `${ctx.tenantId}:${params.From ?? ''}`),
            missedCallTextEveryHours: deps.config.MISSED_CALL_TEXT_EVERY_HOURS,
          },
        ],
        typedSearchAttributes: [{ key: TenantIdKey, value: ctx.tenantId }],
      });
      const twiml = await withinDeadline(deps, () =>
        deps.temporal.workflow.executeUpdateWithStart(callStepUpdate, { args: [{ kind: 'incoming' }], updateId: `${params.CallSid}:incoming`, startWorkflowOperation: startCall }),
      );
      return xml(twiml);
    } catch (error) {
      return safeAnswer(c, ctx, 'the call workflow did not answer in time', error);
    }
  });

  app.post('/step', async (c) => {
    const deps = c.get('deps');
    const params = c.get('twilioParams');
    // The screening leg is a child call with its own CallSid: the parent's travels in the URL.
    const callSid = c.req.query('call') || params.CallSid || '';
    const step = c.req.query('step') ?? '0';
    const kind = c.req.query('kind');
    const event = eventFrom(kind, params);
    // The owner's screening leg just connects when anything is off; the caller's leg gets the tenant's fallback.
    const ownerLeg = Boolean(params.ParentCallSid) || kind === 'screen' || kind === 'screen-result';
    if (!event || !callSid) {
      if (ownerLeg) return xml(EMPTY);
      const lookup = await lookUp(c);
      return safeAnswer(c, lookup.kind === 'found' ? lookup.ctx : null, event ? 'the step has no CallSid' : `unknown call step kind "${kind ?? ''}"`);
    }
    try {
      const handle = deps.temporal.workflow.getHandle(workflowIds.call(callSid));
      const twiml = await withinDeadline(deps, () => handle.executeUpdate(callStepUpdate, { args: [event], updateId: `${callSid}:${step}:${event.kind}` }));
      return xml(twiml);
    } catch (error) {
      if (ownerLeg) return xml(EMPTY);
      const lookup = await lookUp(c);
      if (event.kind === 'recorded') {
        // The caller has just left a message: keep it, and never ask them to leave it again.
        c.get('logger').warn({ err: error, callSid, step }, 'voicemail step not delivered to its call workflow: keeping the recording directly');
        await keepVoicemail(deps, c.get('logger'), lookup, { callSid, recordingSid: event.recordingSid, recordingUrl: event.recordingUrl, from: params.From ?? '', to: params.To ?? '', durationSec: event.durationSec });
        return xml(GOODBYE);
      }
      return safeAnswer(c, lookup.kind === 'found' ? lookup.ctx : null, 'the call workflow did not answer in time', error);
    }
  });

  app.post('/status', async (c) => {
    const deps = c.get('deps');
    const params = c.get('twilioParams');
    if (!params.CallSid || params.ParentCallSid) return xml(EMPTY); // child legs end with their parent
    try {
      await withinDeadline(deps, () =>
        deps.temporal.workflow.getHandle(workflowIds.call(params.CallSid!)).signal(callEndedSignal, { callStatus: params.CallStatus ?? 'completed', durationSec: wholeSeconds(params.CallDuration) }),
      );
    } catch (error) {
      c.get('logger').warn({ err: error, callSid: params.CallSid }, 'call status not delivered to its workflow');
    }
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
