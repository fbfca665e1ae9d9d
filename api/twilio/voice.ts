import { Hono } from 'hono';
import { WithStartWorkflowOperation, WorkflowIdConflictPolicy } from '@temporalio/client';
import { fallbackTwiml, notInServiceTwiml, type CallContext, type CallEvent } from '../../domain/ivr.ts';
import { keyedDigest } from '../../domain/secrets.ts';
import { wholeSeconds } from '../../domain/twilio-fields.ts';
import { workflowIds } from '../../domain/workflow-ids.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { callEndedSignal, callStepUpdate, callWorkflow } from '../../workflows/call.ts';
import { TenantIdKey } from '../../workflows/search-attributes.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { loadCallContext } from './call-context.ts';
import { withinDeadline, xmlResponse } from './deadline.ts';
import { verifyTwilioSignature, type TwilioParams } from './signature.ts';

type VoiceEnv = AppEnv & { Variables: { twilioParams: TwilioParams } };

const FALLBACK_RECORDING = '/twilio/voice/fallback-recording';
const xml = xmlResponse;

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
      return { kind, recordingSid: params.RecordingSid ?? `RE-${params.CallSid}`, recordingUrl: params.RecordingUrl ?? '', durationSec: wholeSeconds(params.RecordingDuration) };
    default:
      return null;
  }
}

/**
 * The canonical voice entry point and the requests that follow it. Every call is the workflow
 * `call:<CallSid>`: the first request starts it with Update-with-Start, each later one is an
 * update whose id names the step, so Twilio retrying a request never applies it twice.
 */
export function voiceRoutes() {
  const app = new Hono<VoiceEnv>();
  app.use(verifyTwilioSignature);

  const fallback = (c: { get: (key: 'logger') => AppDeps['logger'] }, ctx: CallContext | null, params: TwilioParams, error: unknown) => {
    c.get('logger').error({ err: error, callSid: params.CallSid, tenantId: ctx?.tenantId }, 'voice webhook fell back: the call workflow did not answer in time');
    return xml(fallbackTwiml(ctx, params.From ?? '', FALLBACK_RECORDING));
  };

  app.post('/incoming', async (c) => {
    const deps = c.get('deps');
    const params = c.get('twilioParams');
    const ctx = await loadCallContext(deps.db, params.To ?? '', deps.config.PUBLIC_BASE_URL);
    if (!ctx || !params.CallSid) return xml(notInServiceTwiml());
    try {
      const startCall = new WithStartWorkflowOperation(callWorkflow, {
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
      return fallback(c, ctx, params, error);
    }
  });

  app.post('/step', async (c) => {
    const deps = c.get('deps');
    const params = c.get('twilioParams');
    // The screening leg is a child call with its own CallSid: the parent's travels in the URL.
    const callSid = c.req.query('call') ?? params.CallSid ?? '';
    const step = c.req.query('step') ?? '0';
    const event = eventFrom(c.req.query('kind'), params);
    if (!event) return c.json({ error: { code: 'bad_request', message: 'Unknown call step.' } }, 400);
    try {
      const handle = deps.temporal.workflow.getHandle(workflowIds.call(callSid));
      const twiml = await withinDeadline(deps, () => handle.executeUpdate(callStepUpdate, { args: [event], updateId: `${callSid}:${step}:${event.kind}` }));
      return xml(twiml);
    } catch (error) {
      // The owner's screening leg just connects; the caller's leg gets the tenant's fallback.
      if (event.kind === 'screen' || event.kind === 'screen-result') return xml('<?xml version="1.0" encoding="UTF-8"?><Response/>');
      const ctx = await loadCallContext(deps.db, params.To ?? '', deps.config.PUBLIC_BASE_URL).catch(() => null);
      return fallback(c, ctx, params, error);
    }
  });

  app.post('/status', async (c) => {
    const deps = c.get('deps');
    const params = c.get('twilioParams');
    if (!params.CallSid || params.ParentCallSid) return c.body(null, 204); // child legs end with their parent
    try {
      await withinDeadline(deps, () =>
        deps.temporal.workflow.getHandle(workflowIds.call(params.CallSid!)).signal(callEndedSignal, { callStatus: params.CallStatus ?? 'completed', durationSec: wholeSeconds(params.CallDuration) }),
      );
    } catch (error) {
      c.get('logger').warn({ err: error, callSid: params.CallSid }, 'call status not delivered to its workflow');
    }
    return c.body(null, 204);
  });

  // Voicemail left while the call workflow was unreachable: kept straight in the inbox.
  app.post('/fallback-recording', async (c) => {
    const deps = c.get('deps');
    const params = c.get('twilioParams');
    const ctx = await loadCallContext(deps.db, params.To ?? '', deps.config.PUBLIC_BASE_URL);
    if (ctx && params.RecordingSid) {
      await forTenant(deps.db, ctx.tenantId).voicemail.upsert({
        where: { tenantId_recordingSid: { tenantId: ctx.tenantId, recordingSid: params.RecordingSid } },
        create: { callSid: params.CallSid ?? '', recordingSid: params.RecordingSid, recordingUrl: params.RecordingUrl ?? '', fromNumber: params.From ?? '', durationSec: wholeSeconds(params.RecordingDuration) },
        update: {},
      });
    }
    return xml('<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="Polly.Joanna" language="en-US">Thanks, we got your message. Goodbye.</Say><Hangup/></Response>');
  });

  return app;
}
