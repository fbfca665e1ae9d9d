import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { keptCallEvents, markCallEventDelivered, markCallEventFailed } from '../prisma/call-events.ts';
import { deliverCallEvent, isVoicemailAudio, type CallEventToDeliver, type KeptForTemporal } from '../workflows/call-events.messages.ts';
import { startVoicemailAudioWorkflow } from '../workflows/voicemail-audio.messages.ts';
import { createCallActivities, type CallActivityHooks } from './calls.ts';
import type { ActivityDeps } from './deps.ts';

// Delivers the call events voice webhooks kept in Postgres while Temporal was unreachable
// (prisma/call-events.ts), in the order they were kept, each call's after its earlier ones. Run
// by the drain workflow (workflows/call-event-drain.ts) as one long, heartbeating poll. The API
// keeps one more kind there: a voicemail it stored itself, whose audio workflow is started here.

const POLL_MS = 1_000;
const BATCH = 100;

export interface CallEventDrainActivities {
  /** Delivers what is waiting, polling for `forSeconds`; returns how many were delivered. */
  deliverKeptCallEvents(input: { forSeconds: number }): Promise<{ delivered: number }>;
}

export function createCallEventActivities(deps: ActivityDeps, hooks: CallActivityHooks = {}): CallEventDrainActivities {
  const { storeVoicemail } = createCallActivities(deps.db, hooks);

  /** A call that ended before its event came: a recording is still stored (the inbox must not lose it). */
  async function afterTheCall({ input, body }: CallEventToDeliver) {
    if (body.kind === 'step' && body.step.event.kind === 'recorded') {
      const { recordingSid, recordingUrl, durationSec } = body.step.event;
      await storeVoicemail({ tenantId: input.context.tenantId, callSid: input.callSid, recordingSid, recordingUrl, from: input.from, durationSec });
    }
  }

  /** Hands one kept event to Temporal; a call's event may find its call already over. */
  async function deliver(temporal: Client, taskQueue: string, kept: KeptForTemporal): Promise<'delivered' | 'call-closed'> {
    if (!isVoicemailAudio(kept)) return deliverCallEvent(temporal, taskQueue, kept);
    await startVoicemailAudioWorkflow(temporal, taskQueue, kept.voicemail);
    return 'delivered';
  }

  async function deliverWaiting(): Promise<number> {
    const temporal = deps.temporal;
    if (!temporal) throw new Error('the drain activity needs the worker to pass its Temporal client (ActivityDeps.temporal)');
    const stuck = new Set<string>();
    let delivered = 0;
    for (const event of await keptCallEvents<KeptForTemporal>(deps.db, deps.masterKey, deps.config.TEMPORAL_TASK_QUEUE, BATCH)) {
      if (stuck.has(event.callSid)) continue; // a call's later events wait for its earlier ones
      try {
        const outcome = await deliver(temporal, event.taskQueue, event.payload);
        if (outcome === 'call-closed' && !isVoicemailAudio(event.payload)) await afterTheCall(event.payload);
        await markCallEventDelivered(deps.db, event.id, outcome === 'call-closed' ? 'the call had already ended' : undefined);
        delivered += 1;
      } catch (error) {
        stuck.add(event.callSid);
        await markCallEventFailed(deps.db, event.id, error instanceof Error ? error.name : 'error');
      }
    }
    return delivered;
  }

  return {
    async deliverKeptCallEvents({ forSeconds }) {
      const context = Context.current();
      const until = Date.now() + forSeconds * 1000;
      let delivered = 0;
      while (Date.now() < until) {
        const now = await deliverWaiting();
        delivered += now;
        context.heartbeat({ delivered });
        if (now < BATCH) await context.sleep(POLL_MS);
      }
      return { delivered };
    },
  };
}
