import { WorkflowIdConflictPolicy } from '@temporalio/client';
import type { Logger } from 'pino';
import type { LeftText, LeftVoicemail } from '../../activities/contracts.ts';
import { workflowIds } from '../../domain/workflow-ids.ts';
import { keepCallEvent } from '../../prisma/call-events.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { voicemailAudioKey, type VoicemailAudioToStart } from '../../workflows/call-events.messages.ts';
import type { keepInboundTextWorkflow, keepVoicemailWorkflow } from '../../workflows/kept-messages.ts';
import { TenantIdKey } from '../../workflows/search-attributes.ts';
import type { AppDeps } from '../context.ts';
import type { CallContextLookup } from './call-context.ts';
import { withinDeadline } from './deadline.ts';

// What a caller leaves (a voicemail, a text) is written to Postgres; when that fails it is handed
// to Temporal, whose small workflow stores it once the database is back (workflows/kept-messages.ts).
// Only with both down is it not kept here — and then the log line names Twilio's id (never a
// phone number), so an operator can fetch it from Twilio's own logs.

export type Kept = 'stored' | 'handed-to-temporal' | 'not-kept';

type Deps = AppDeps;

/** What failed, without the message: a Prisma message can quote the row it tried to write (phone numbers). */
const failure = (error: unknown) => (error instanceof Error ? { name: error.name, code: (error as { code?: unknown }).code } : { name: typeof error });

/** Starts the keep workflow under Twilio's id; Twilio retrying the webhook attaches to the same run. */
async function handToTemporal<W extends typeof keepVoicemailWorkflow | typeof keepInboundTextWorkflow>(deps: Deps, workflowType: string, workflowId: string, tenantId: string | null, input: Parameters<W>[0]) {
  await withinDeadline(deps, () =>
    deps.temporal.workflow.start<W>(workflowType, {
      workflowId,
      taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
      args: [input] as Parameters<W>,
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      ...(tenantId ? { typedSearchAttributes: [{ key: TenantIdKey, value: tenantId }] } : {}),
    }),
  );
}

/**
 * The voicemail row, and in the same transaction the request to fetch its recording (call_events,
 * delivered by the worker's drain, which starts its audio workflow): stored here while Temporal is
 * away, it is still copied from Twilio and transcribed once a worker runs, played or not.
 */
async function storeWithItsAudioToCome(deps: Deps, tenantId: string, voicemail: Omit<LeftVoicemail, 'tenantId'>) {
  await forTenant(deps.db, tenantId).transaction(async (tx) => {
    const row = await tx.voicemail.upsert({
      where: { tenantId_recordingSid: { tenantId, recordingSid: voicemail.recordingSid } },
      create: { callSid: voicemail.callSid, recordingSid: voicemail.recordingSid, recordingUrl: voicemail.recordingUrl, fromNumber: voicemail.from, durationSec: voicemail.durationSec },
      update: {},
    });
    const audio: VoicemailAudioToStart = { kind: 'voicemail-audio', voicemail: { tenantId, voicemailId: row.id } };
    const callSid = voicemail.callSid || voicemail.recordingSid;
    await keepCallEvent(tx, deps.masterKey, { callSid, eventKey: voicemailAudioKey(voicemail.recordingSid), tenantId, taskQueue: deps.config.TEMPORAL_TASK_QUEUE, payload: audio });
  });
}

/** A voicemail Twilio recorded outside the call workflow (the fallback path, or a step Temporal missed). */
export async function keepVoicemail(deps: Deps, logger: Logger, lookup: CallContextLookup, voicemail: Omit<LeftVoicemail, 'tenantId'>): Promise<Kept> {
  if (lookup.kind === 'unknown') {
    logger.warn({ recordingSid: voicemail.recordingSid }, 'a recording for a number no tenant has: not kept');
    return 'not-kept';
  }
  const tenantId = lookup.kind === 'found' ? lookup.ctx.tenantId : null;
  let dbError: unknown = lookup.kind === 'unavailable' ? lookup.error : undefined;
  if (tenantId && !(lookup.kind === 'found' && lookup.fromCache)) {
    try {
      await storeWithItsAudioToCome(deps, tenantId, voicemail);
      return 'stored';
    } catch (error) {
      dbError = error;
    }
  }
  try {
    await handToTemporal<typeof keepVoicemailWorkflow>(deps, 'keepVoicemailWorkflow', workflowIds.keptVoicemail(voicemail.recordingSid), tenantId, { ...voicemail, tenantId });
    logger.warn({ dbError: failure(dbError), tenantId, recordingSid: voicemail.recordingSid }, 'voicemail not stored (database unavailable): handed to Temporal, stored once the database is back');
    return 'handed-to-temporal';
  } catch (error) {
    logger.error({ temporalError: failure(error), dbError: failure(dbError), tenantId, recordingSid: voicemail.recordingSid, callSid: voicemail.callSid }, 'voicemail NOT kept: database and Temporal both unavailable; fetch it from Twilio by its RecordingSid');
    return 'not-kept';
  }
}

/** An inbound text the API could not store or deliver (Postgres down): Temporal keeps it. */
export async function keepInboundTextForLater(deps: Deps, logger: Logger, text: LeftText, dbError: unknown): Promise<Kept> {
  const { messageSid } = text.message;
  try {
    await handToTemporal<typeof keepInboundTextWorkflow>(deps, 'keepInboundTextWorkflow', workflowIds.keptInboundText(messageSid), text.tenantId, text);
    logger.warn({ dbError: failure(dbError), tenantId: text.tenantId, messageSid }, 'inbound text not stored (database unavailable): handed to Temporal, stored once the database is back');
    return 'handed-to-temporal';
  } catch (error) {
    logger.error({ temporalError: failure(error), dbError: failure(dbError), tenantId: text.tenantId, messageSid }, 'inbound text NOT kept: database and Temporal both unavailable; Twilio is told to retry or use its fallback URL');
    return 'not-kept';
  }
}
