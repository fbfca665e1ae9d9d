import type { Logger } from 'pino';
import { workflowIds } from '../../domain/workflow-ids.ts';
import { hasKeptCallEvents, keepCallEvent } from '../../prisma/call-events.ts';
import { callEndedSignal, callStepSignal } from '../../workflows/call.messages.ts';
import { callEventKey, deliverCallEvent, type CallEventToDeliver } from '../../workflows/call-events.messages.ts';
import type { AppDeps } from '../context.ts';
import { withinTemporalDeadline } from '../temporal-deadline.ts';
import { withinMs } from './deadline.ts';

// Before a voice webhook answers, what the caller did is durable: accepted by Temporal within
// VOICE_EVENT_DEADLINE_MS, or else kept in Postgres (call_events) for the worker's drain workflow
// to deliver once Temporal is back. Only with both down is it not kept: the log line then names
// Twilio's ids (never a phone number), and Twilio still has the call and any recording.

export type Taken = 'signalled' | 'kept-in-postgres' | 'not-kept';

/** What failed, without the message: a Prisma or gRPC message can quote what it tried to write. */
const failure = (error: unknown) => (error instanceof Error ? { name: error.name, code: (error as { code?: unknown }).code } : { name: typeof error });

/**
 * Hands one call event to Temporal: `start` signals-with-start (the first step), `signal` signals
 * a call that should be running. An event behind others still kept in Postgres (`queueBehindKept`,
 * the hang-up) joins them instead, so the call's workflow hears them in order.
 */
export async function takeCallEvent(deps: AppDeps, logger: Logger, event: CallEventToDeliver, how: 'start' | 'signal', options: { queueBehindKept?: boolean } = {}): Promise<Taken> {
  const { config, temporal, db, masterKey } = deps;
  const callSid = event.input.callSid;
  const eventKey = callEventKey(event.body);
  const ms = config.VOICE_EVENT_DEADLINE_MS;
  let temporalError: unknown;
  const behindKept = options.queueBehindKept && (await withinMs(ms, hasKeptCallEvents(db, callSid)).catch(() => false));
  if (!behindKept) {
    try {
      await withinTemporalDeadline(deps, ms, async () => {
        if (how === 'start') return deliverCallEvent(temporal, config.TEMPORAL_TASK_QUEUE, event);
        const handle = temporal.workflow.getHandle(workflowIds.call(callSid));
        if (event.body.kind === 'step') await handle.signal(callStepSignal, event.body.step);
        else await handle.signal(callEndedSignal, event.body.ended);
      });
      return 'signalled';
    } catch (error) {
      temporalError = error;
    }
  }
  try {
    await withinMs(ms, keepCallEvent(db, masterKey, { callSid, eventKey, tenantId: event.input.context.tenantId, taskQueue: config.TEMPORAL_TASK_QUEUE, payload: event }));
    if (temporalError) logger.warn({ temporalError: failure(temporalError), callSid, eventKey }, 'call event not accepted by Temporal in time: kept in Postgres, delivered when it is back');
    return 'kept-in-postgres';
  } catch (dbError) {
    logger.error({ temporalError: failure(temporalError), dbError: failure(dbError), callSid, eventKey, tenantId: event.input.context.tenantId }, 'call event NOT kept: Temporal and Postgres both unavailable; Twilio still has the call (and any recording) under these ids');
    return 'not-kept';
  }
}
