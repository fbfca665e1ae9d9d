import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, Readable, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ZipArchive } from 'archiver';
import { stringify } from 'csv-stringify/sync';
import { EXPORT_ENTITIES, exportManifest, exportReadme, RECORDINGS_FOLDER, type ExportEntity, type ExportRowCounts } from '../domain/export-entities.ts';
import { audioExtension } from '../domain/recordings.ts';
import type { PrismaClient } from '../prisma/client.ts';
import { forTenant, type TenantDb } from '../prisma/tenant-db.ts';
import { audioChunks, keptRecordings } from '../prisma/voicemail-audio.ts';

// The zip of a tenant's data, written as a stream: each entity is read a page at a time (keyset
// pagination inside a tenant transaction), its CSV goes straight into the zip and its JSON to a
// scratch file beside it that joins the zip when the entity is done (a zip holds one entry at a
// time, and reading the rows twice would cost the database twice). Every write waits for the
// stream to drain, so memory holds a page or two whatever the size of the tenant. The voicemail
// recordings follow, stored uncompressed (audio does not shrink), one at a time and a database
// chunk at a time.

/**
 * Deflate level 1: the fastest. CSV and JSON still shrink about 5–8×, and compression is most
 * of the CPU an export spends beyond Postgres' own work (levels 6–9 were ~2–3× slower for a few
 * per cent smaller files); the 3×-of-COPY target in bench/export is what decides.
 */
export const ZIP_LEVEL = 1;
/** Rows per page: large enough that round trips do not matter, small enough that a page's garbage stays a few MB. */
export const DEFAULT_PAGE_SIZE = 2_000;

export interface ArchiveProgress {
  entity: string;
  /** Rows written so far, all entities together. */
  rowsDone: number;
}

export interface WriteArchiveOptions {
  db: PrismaClient;
  storageDir: string;
  tenantId: string;
  exportId: string;
  /** Relative to `storageDir`. */
  fileName: string;
  businessName: string;
  reason: 'owner' | 'final';
  pageSize?: number;
  onProgress?: (progress: ArchiveProgress) => void;
  /** Checked between pages: a cancelled activity stops instead of writing on. */
  signal?: AbortSignal;
  /** Bytes of a recording read from the database at once (tests make it small). */
  audioChunkBytes?: number;
}

const CSV_OPTIONS = {
  record_delimiter: 'windows', // RFC 4180: CRLF
  // Anyone who texts the business writes a cell of messages.csv: a cell that starts with = + - @,
  // a tab or CR gets a leading ' so a spreadsheet shows it as text instead of running it as a
  // formula (=HYPERLINK(…), DDE). The JSON files keep every value exactly.
  escape_formulas: true,
  // JSON's true/false rather than csv-stringify's 1/empty; JSON columns as JSON text.
  cast: { boolean: (value: boolean) => String(value), object: (value: object) => JSON.stringify(value) },
} as const;

/** Writes a chunk, waiting for the reader when the stream's buffer is full (backpressure). */
async function write(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/** One page of an entity after `cursor`, as the JSON text Postgres built (null when there are no more rows). */
async function readPage(tenantDb: TenantDb, entity: ExportEntity, cursor: string, pageSize: number): Promise<string | null> {
  const [row] = await tenantDb.transaction(async (tx) => {
    // Times come out of json_agg in the session's zone: make it UTC whatever the server's default.
    await tx.$executeRawUnsafe(`SET LOCAL TimeZone = 'UTC'`);
    return tx.$queryRawUnsafe<{ page: string | null }[]>(entity.pageSql, tenantDb.tenantId, cursor, pageSize);
  }, { timeout: 120_000 });
  return row?.page ?? null;
}

/** Streams the zip to `<fileName>.partial` and renames it when complete; returns its size and the rows per entity. */
export async function writeExportArchive(options: WriteArchiveOptions): Promise<{ sizeBytes: number; rowCounts: ExportRowCounts }> {
  const { db, tenantId, exportId, signal } = options;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const tenantDb = forTenant(db, tenantId);
  const target = path.join(options.storageDir, options.fileName);
  const partial = `${target}.partial`;
  const scratch: string[] = [];
  const openFiles: Writable[] = [];
  await mkdir(path.dirname(target), { recursive: true });

  const archive = new ZipArchive({ zlib: { level: ZIP_LEVEL } });
  const output = createWriteStream(partial); // a retried attempt truncates its predecessor's file
  let entryStream: Readable | null = null;
  let failure: Error | null = null;
  let abandoned = false;
  const fail = (error: Error) => {
    if (abandoned) return; // the echoes of our own abort
    failure ??= error;
    entryStream?.destroy(error); // wakes a write waiting for 'drain'
  };
  archive.on('error', fail);
  archive.on('warning', fail);
  output.on('error', fail);
  archive.pipe(output);

  const rowCounts: ExportRowCounts = {};
  let rowsDone = 0;

  async function writeEntity(entity: ExportEntity): Promise<number> {
    const csv = new PassThrough();
    csv.on('error', () => {}); // its failures are the archive's, reported through `failure`
    entryStream = csv;
    archive.append(csv, { name: `${entity.name}.csv` });
    const jsonPath = path.join(path.dirname(target), `${exportId}.${entity.name}.json.partial`);
    scratch.push(jsonPath);
    const json = createWriteStream(jsonPath);
    openFiles.push(json);

    const columns = entity.columns.map((c) => c.name);
    // Header (and a BOM, so spreadsheet programs read the file as UTF-8) even when there are no rows.
    await write(csv, stringify([columns], { ...CSV_OPTIONS, bom: true }));
    await write(json, '[');
    let rows = 0;
    let next: Promise<string | null> | null = readPage(tenantDb, entity, entity.firstCursor, pageSize);
    while (next) {
      const page = await next;
      if (failure) throw failure;
      if (signal?.aborted) throw signal.reason ?? new Error('export cancelled');
      if (!page) break;
      const records = JSON.parse(page) as Record<string, unknown>[];
      // Fetch the next page while this one is turned into CSV: Postgres and Node work side by side.
      next = records.length < pageSize ? null : readPage(tenantDb, entity, String(records.at(-1)![entity.key]), pageSize);
      next?.catch(() => {}); // awaited on the next turn; this only keeps an early failure from being "unhandled"
      // Arrays, not objects with a `columns` option: csv-stringify then skips a path lookup per field.
      await write(csv, stringify(records.map((record) => columns.map((column) => record[column])), CSV_OPTIONS));
      // json_agg's text is already a JSON array: its inside is this page's elements.
      await write(json, `${rows === 0 ? '\n' : ',\n'}${page.slice(1, -1)}`);
      rows += records.length;
      rowsDone += records.length;
      options.onProgress?.({ entity: entity.name, rowsDone });
    }
    await write(json, '\n]\n');
    json.end();
    await finished(json);
    csv.end();
    archive.append(createReadStream(jsonPath), { name: `${entity.name}.json` });
    return rows;
  }

  async function writeRecordings(): Promise<number> {
    let files = 0;
    for await (const recording of keptRecordings(db, tenantId, pageSize)) {
      if (failure) throw failure;
      if (signal?.aborted) throw signal.reason ?? new Error('export cancelled');
      const audio = Readable.from(audioChunks(db, tenantId, recording.voicemailId, 0, recording.sizeBytes - 1, options.audioChunkBytes));
      entryStream = audio;
      archive.append(audio, { name: `${RECORDINGS_FOLDER}/${recording.voicemailId}.${audioExtension(recording.contentType)}`, store: true });
      // The next recording is read only once the zip has taken all of this one.
      await finished(audio);
      files += 1;
    }
    return files;
  }

  try {
    for (const entity of EXPORT_ENTITIES) {
      options.onProgress?.({ entity: entity.name, rowsDone });
      rowCounts[entity.name] = await writeEntity(entity);
    }
    options.onProgress?.({ entity: RECORDINGS_FOLDER, rowsDone });
    const recordingFiles = await writeRecordings();
    const manifest = exportManifest({ generatedAt: new Date().toISOString(), exportId, tenantId, businessName: options.businessName, reason: options.reason, rowCounts, recordingFiles });
    archive.append(exportReadme(manifest), { name: 'README.txt' });
    archive.append(`${JSON.stringify(manifest, null, 2)}\n`, { name: 'manifest.json' });
    await Promise.all([archive.finalize(), finished(output)]);
    if (failure) throw failure;
    await rename(partial, target);
    return { sizeBytes: (await stat(target)).size, rowCounts };
  } catch (error) {
    abandoned = true;
    archive.abort();
    output.destroy();
    for (const file of openFiles) file.destroy();
    await rm(partial, { force: true });
    throw error;
  } finally {
    await Promise.all(scratch.map((file) => rm(file, { force: true })));
  }
}
