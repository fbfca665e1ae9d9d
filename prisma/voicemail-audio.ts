import { createHash } from 'node:crypto';
import type { PrismaClient } from './client.ts';
import { forTenant } from './tenant-db.ts';

// The business's copies of its voicemail recordings (voicemail_audio), shared by the API (playing
// them) and the worker (keeping them, the export). Reads go a chunk at a time with substring(),
// which the column's EXTERNAL storage makes cheap, so neither a long recording nor many of them
// ever sit whole in memory.

/** Bytes per read: a few round trips for a voicemail, little memory each. */
export const AUDIO_CHUNK_BYTES = 256 * 1024;

export interface KeptAudio {
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/** The kept recording's type, size and hash (not its bytes), or null when it has not been kept yet. */
export async function keptAudioOf(db: PrismaClient, tenantId: string, voicemailId: string): Promise<KeptAudio | null> {
  return forTenant(db, tenantId).voicemailAudio.findUnique({ where: { voicemailId }, select: { contentType: true, sizeBytes: true, sha256: true } });
}

/** Keeps the recording once: a second call (a retried activity, two first plays at once) leaves the first copy. */
export async function keepAudio(db: PrismaClient, tenantId: string, voicemailId: string, audio: { contentType: string; bytes: Buffer }): Promise<KeptAudio> {
  const sha256 = createHash('sha256').update(audio.bytes).digest('hex');
  const row = await forTenant(db, tenantId).voicemailAudio.upsert({
    where: { voicemailId },
    create: { voicemailId, contentType: audio.contentType, sizeBytes: audio.bytes.length, sha256, data: new Uint8Array(audio.bytes) },
    update: {},
    select: { contentType: true, sizeBytes: true, sha256: true },
  });
  return row;
}

/** Bytes `start`..`end` (inclusive) of the kept recording, a chunk at a time. */
export async function* audioChunks(db: PrismaClient, tenantId: string, voicemailId: string, start: number, end: number, chunkBytes = AUDIO_CHUNK_BYTES): AsyncGenerator<Uint8Array> {
  const tenantDb = forTenant(db, tenantId);
  for (let offset = start; offset <= end; offset += chunkBytes) {
    const length = Math.min(chunkBytes, end - offset + 1);
    // substring() counts from 1.
    const [row] = await tenantDb.transaction((tx) =>
      tx.$queryRaw<{ chunk: Uint8Array | null }[]>`SELECT substring(data FROM ${offset + 1}::int FOR ${length}::int) AS chunk FROM voicemail_audio WHERE voicemail_id = ${voicemailId}::uuid`,
    );
    if (!row?.chunk) throw new Error('the voicemail audio is gone');
    yield row.chunk;
  }
}

/** Every kept recording of the tenant (type and size, not bytes), in voicemail id order, a page at a time. */
export async function* keptRecordings(db: PrismaClient, tenantId: string, pageSize: number): AsyncGenerator<{ voicemailId: string } & Omit<KeptAudio, 'sha256'>> {
  const tenantDb = forTenant(db, tenantId);
  let after: string | undefined;
  for (;;) {
    const page = await tenantDb.voicemailAudio.findMany({
      where: after ? { voicemailId: { gt: after } } : {},
      orderBy: { voicemailId: 'asc' },
      take: pageSize,
      select: { voicemailId: true, contentType: true, sizeBytes: true },
    });
    yield* page;
    if (page.length < pageSize) return;
    after = page.at(-1)!.voicemailId;
  }
}
