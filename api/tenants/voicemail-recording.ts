import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { isUuid } from '../../domain/ids.ts';
import { audioExtension, isTwilioRecordingSid, parseByteRange } from '../../domain/recordings.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { audioChunks, keptAudioOf, type KeptAudio } from '../../prisma/voicemail-audio.ts';
import { keepVoicemailAudioNow } from '../../workers/client/voicemail-audio.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { withinTemporalDeadline } from '../temporal-deadline.ts';
import { recordingAccess } from './recording-links.ts';

/** How long a first play waits for the recording to come from Twilio before asking to try again. */
const FIRST_PLAY_WAIT_MS = 10_000;

const notFound = () => new ApiError(404, 'not_found', 'That voicemail is not in this inbox.');

/** Our copy of the recording; for one only Twilio has yet, its audio workflow is run (or joined) first. */
async function recordingOf(deps: AppDeps, tenantId: string, voicemailId: string, recordingSid: string): Promise<KeptAudio> {
  const kept = await keptAudioOf(deps.db, tenantId, voicemailId);
  if (kept) return kept;
  const gone = new ApiError(404, 'recording_unavailable', 'The phone company no longer has this recording, and no copy was kept.');
  if (!isTwilioRecordingSid(recordingSid)) throw gone;
  const outcome = await withinTemporalDeadline(deps, FIRST_PLAY_WAIT_MS, () => keepVoicemailAudioNow(deps.temporal, deps.config.TEMPORAL_TASK_QUEUE, { tenantId, voicemailId })).catch(() => null);
  if (outcome?.audio === 'missing') throw gone;
  const now = await keptAudioOf(deps.db, tenantId, voicemailId);
  if (!now) throw new ApiError(503, 'recording_not_ready', 'The recording is still on its way from the phone company. Try again in a minute.');
  return now;
}

/**
 * `GET /api/tenants/:tenantId/voicemails/:id/recording`: the voicemail's audio, for the tenant's
 * members (bearer token, or the inbox's recording link). Range requests let a player seek; the
 * bytes come from Postgres a chunk at a time. Never stored by a shared cache.
 */
export function voicemailRecordingRoutes() {
  return new Hono<AppEnv>().get('/voicemails/:id/recording', recordingAccess(), async (c) => {
    const deps = c.get('deps');
    const tenantId = c.req.param('tenantId') ?? '';
    const id = c.req.param('id');
    if (!isUuid(id)) throw notFound();
    const voicemail = await forTenant(deps.db, tenantId).voicemail.findUnique({ where: { id }, select: { recordingSid: true, createdAt: true } });
    if (!voicemail) throw notFound();
    const audio = await recordingOf(deps, tenantId, id, voicemail.recordingSid);

    const etag = `"${audio.sha256}"`;
    const ifRange = c.req.header('if-range');
    const range = ifRange && ifRange !== etag ? 'whole' : parseByteRange(c.req.header('range'), audio.sizeBytes);
    const headers: Record<string, string> = {
      'content-type': audio.contentType,
      'accept-ranges': 'bytes',
      etag,
      // A recording is personal data: no shared cache keeps it, and the browser does not store it either.
      'cache-control': 'private, no-store',
      'content-disposition': `inline; filename="voicemail-${voicemail.createdAt.toISOString().slice(0, 10)}.${audioExtension(audio.contentType)}"`,
    };
    if (range === 'unsatisfiable') {
      c.header('content-range', `bytes */${audio.sizeBytes}`);
      throw new ApiError(416, 'range_not_satisfiable', `The recording is ${audio.sizeBytes} bytes long; ask for a range within it.`);
    }
    const { start, end } = range === 'whole' ? { start: 0, end: audio.sizeBytes - 1 } : range;
    headers['content-length'] = String(end - start + 1);
    if (range !== 'whole') headers['content-range'] = `bytes ${start}-${end}/${audio.sizeBytes}`;
    const body = Readable.toWeb(Readable.from(audioChunks(deps.db, tenantId, id, start, end))) as ReadableStream;
    return c.body(body, range === 'whole' ? 200 : 206, headers);
  });
}
