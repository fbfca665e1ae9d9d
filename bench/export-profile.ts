// `npx tsx bench/export-profile.ts`: where an export's time goes, for the export's author when
// bench/export misses its targets. On the same seeded tenant it times each stage of the archive
// alone, over the two big entities (customers, bookings), in this process:
//   Postgres pages (json_agg, keyset) through pg · the same through Prisma as the archive reads
//   them · JSON.parse · csv-stringify · deflate (level 1 and 6) of the CSV and the JSON,
// next to COPY (fastest of 2 rounds each), then runs the real archive activity in a child under
// --cpu-prof and sums its CPU time by where it was spent, and once more with V8's heap capped
// (is its memory live data or garbage not yet collected?). Not part of `npm run bench`: a
// diagnosis, not a benchmark.
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { stringify } from 'csv-stringify/sync';
import pg from 'pg';
import { DEFAULT_PAGE_SIZE } from '../activities/export-archive.ts';
import { EXPORT_ENTITIES } from '../domain/export-entities.ts';
import { createPrismaClient } from '../prisma/client.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import { startEphemeralStack } from '../scripts/ephemeral-stack.ts';
import { copyTenantTables } from './export-copy.ts';
import { postgresCpuMs, postmasterPid } from './export-cpu.ts';
import { runStep } from './export-process.ts';
import { seedExportTenant } from './export-seed.ts';

const TENANT_ID = 'bench-export';
const ENTITIES = EXPORT_ENTITIES.filter((e) => e.name === 'customers' || e.name === 'bookings');
const CSV_OPTIONS = { record_delimiter: 'windows', cast: { boolean: (v: boolean) => String(v), object: (v: object) => JSON.stringify(v) } } as const;
const round = (x: number) => Math.round(x);

/** The fastest of ROUNDS runs: on a shared machine the minimum is the least disturbed. */
const ROUNDS = Number(process.env.BENCH_PROFILE_ROUNDS ?? 2);
async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  let best = Infinity;
  let value: T | undefined;
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    value = await work();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: round(best), value: value! };
}

/**
 * The cursor for the next page without parsing this one (parsing is timed as its own stage):
 * both entities start each row with their uuid `id`. Null after a short, so last, page.
 */
function lastId(page: string): string | null {
  const rows = page.split('{"id":"').length - 1;
  if (rows < DEFAULT_PAGE_SIZE) return null;
  const at = page.lastIndexOf('{"id":"') + 7;
  return page.slice(at, at + 36);
}

/** Every page of the big entities through pg, in one tenant transaction. */
async function pagesThroughPg(appUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  const pages: string[] = [];
  try {
    await client.query('BEGIN');
    await client.query("SELECT set_config('app.tenant_id', $1, true)", [TENANT_ID]);
    await client.query("SET LOCAL TimeZone = 'UTC'");
    for (const entity of ENTITIES) {
      let cursor = entity.firstCursor;
      for (;;) {
        const { rows } = await client.query<{ page: string | null }>(entity.pageSql, [TENANT_ID, cursor, DEFAULT_PAGE_SIZE]);
        const page = rows[0]?.page;
        if (!page) break;
        pages.push(page);
        const next = lastId(page);
        if (!next) break;
        cursor = next;
      }
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  return pages;
}

/** The same pages as the archive reads them: one Prisma tenant transaction per page. */
async function pagesThroughPrisma(appUrl: string): Promise<number> {
  const db = createPrismaClient(appUrl);
  let count = 0;
  try {
    for (const entity of ENTITIES) {
      let cursor = entity.firstCursor;
      for (;;) {
        const [row] = await forTenant(db, TENANT_ID).transaction(async (tx) => {
          await tx.$executeRawUnsafe(`SET LOCAL TimeZone = 'UTC'`);
          return tx.$queryRawUnsafe<{ page: string | null }[]>(entity.pageSql, TENANT_ID, cursor, DEFAULT_PAGE_SIZE);
        }, { timeout: 120_000 });
        if (!row?.page) break;
        count += 1;
        const next = lastId(row.page);
        if (!next) break;
        cursor = next;
      }
    }
  } finally {
    await db.$disconnect();
  }
  return count;
}

interface ProfileNode { id: number; callFrame: { functionName: string; url: string }; children?: number[] }

/** Sums a .cpuprofile's self time by where the code lives (package, or node's own parts). */
function cpuByArea(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }): Array<{ area: string; ms: number; share: string }> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  const area = (node: ProfileNode) => {
    const { url, functionName } = node.callFrame;
    if (!url) return `(${functionName || 'native'})`; // (garbage collector), (idle), (program), native JSON.parse …
    const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
    if (pkg) return pkg;
    if (url.startsWith('node:')) return url.replace(/^node:(internal\/)?/, 'node:').split('/').slice(0, 2).join('/');
    return path.relative(process.cwd(), url.replace(/^file:\/\//, ''));
  };
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const key = node.callFrame.functionName === 'parse' && !node.callFrame.url ? 'JSON.parse (native)' : area(node);
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([key, ms]) => ({ area: key, ms: round(ms), share: `${Math.round((ms / all) * 100)} %` }));
}

const stack = await startEphemeralStack();
const profileDir = await mkdtemp(path.join(tmpdir(), 'servicepro-export-profile-'));
try {
  const admin = new pg.Client({ connectionString: stack.adminDatabaseUrl });
  await admin.connect();
  await admin.query("INSERT INTO tenants (id, slug) VALUES ($1, $1)", [TENANT_ID]);
  await admin.query("INSERT INTO tenant_config (tenant_id, business_name, tier, status, updated_at) VALUES ($1, 'Bench Export Detailing', 'pro', 'active', now())", [TENANT_ID]);
  await admin.end();
  const size = { customers: Number(process.env.BENCH_EXPORT_CUSTOMERS ?? 100_000), bookings: Number(process.env.BENCH_EXPORT_BOOKINGS ?? 200_000) };
  console.log('seeded', await seedExportTenant(stack.adminDatabaseUrl, TENANT_ID, size));

  // Postgres' own CPU per stage: the mean over the rounds (the wall time is the fastest round).
  const postmaster = await postmasterPid(stack.adminDatabaseUrl);
  const withPgCpu = async <T>(work: () => Promise<T>) => {
    const before = await postgresCpuMs(postmaster);
    const result = await timed(work);
    return { ...result, pgCpuMs: round(((await postgresCpuMs(postmaster)) - before) / ROUNDS) };
  };
  const copy = await withPgCpu(() => copyTenantTables(stack.appDatabaseUrl, TENANT_ID));
  const pgPages = await withPgCpu(() => pagesThroughPg(stack.appDatabaseUrl));
  const prismaPages = await withPgCpu(() => pagesThroughPrisma(stack.appDatabaseUrl));
  const pages = pgPages.value;
  const parsed = await timed(() => pages.map((page) => JSON.parse(page) as Record<string, unknown>[]));
  const csv = await timed(() => parsed.value.map((records) => stringify(records, { ...CSV_OPTIONS, columns: Object.keys(records[0]!) })));
  const csvFromArrays = await timed(() => parsed.value.map((records) => {
    const columns = Object.keys(records[0]!);
    return stringify(records.map((record) => columns.map((column) => record[column])), CSV_OPTIONS);
  }));
  const jsonBytes = pages.reduce((n, p) => n + Buffer.byteLength(p), 0);
  const csvBytes = csv.value.reduce((n, c) => n + Buffer.byteLength(c), 0);
  const deflate = (level: number, texts: string[]) => timed(() => texts.reduce((n, text) => n + deflateRawSync(text, { level }).length, 0));
  const [csv1, json1, csv6, json6] = [await deflate(1, csv.value), await deflate(1, pages), await deflate(6, csv.value), await deflate(6, pages)];

  console.log(`\nExport stages over customers + bookings (${size.customers + size.bookings} rows, pages of ${DEFAULT_PAGE_SIZE}), one at a time in one process:`);
  console.table([
    { stage: 'COPY … TO STDOUT, both tables (baseline)', ms: copy.ms, MB: Math.round(copy.value.reduce((n, t) => n + t.bytes, 0) / 1e6), 'Postgres CPU ms': copy.pgCpuMs },
    { stage: 'Postgres json_agg pages via pg (one transaction)', ms: pgPages.ms, MB: Math.round(jsonBytes / 1e6), 'Postgres CPU ms': pgPages.pgCpuMs },
    { stage: 'same pages via Prisma (a tenant transaction per page)', ms: prismaPages.ms, MB: Math.round(jsonBytes / 1e6), 'Postgres CPU ms': prismaPages.pgCpuMs },
    { stage: 'JSON.parse of the pages', ms: parsed.ms, MB: '' },
    { stage: 'csv-stringify (sync) of the records (objects + columns)', ms: csv.ms, MB: Math.round(csvBytes / 1e6) },
    { stage: 'csv-stringify (sync) of the records as arrays', ms: csvFromArrays.ms, MB: Math.round(csvBytes / 1e6) },
    { stage: 'deflate level 1: CSV', ms: csv1.ms, MB: Math.round(csv1.value / 1e6) },
    { stage: 'deflate level 1: JSON', ms: json1.ms, MB: Math.round(json1.value / 1e6) },
    { stage: 'deflate level 6: CSV', ms: csv6.ms, MB: Math.round(csv6.value / 1e6) },
    { stage: 'deflate level 6: JSON', ms: json6.ms, MB: Math.round(json6.value / 1e6) },
  ]);

  // The real activity under the V8 profiler: where its CPU time goes, by package.
  const storageDir = path.join(profileDir, 'exports');
  const childEnv = {
    DATABASE_URL: stack.adminDatabaseUrl, APP_DATABASE_URL: stack.appDatabaseUrl, TEMPORAL_ADDRESS: stack.temporalAddress, SERVICEPRO_ENCRYPTION_KEY: stack.masterKeyBase64,
    EXPORT_STORAGE_DIR: storageDir, SERVICEPRO_DATA_DIR: storageDir, LOG_LEVEL: 'warn', BENCH_TENANT_ID: TENANT_ID,
  };
  const run = await runStep<{ ms: number; peakRssMb: number; startRssMb: number }>('bench/export-archive-child.ts', childEnv, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
  const file = (await readdir(profileDir)).find((f) => f.endsWith('.cpuprofile'))!;
  console.log(`\nThe archive activity alone: ${round(run.ms)} ms wall (under the profiler), peak RSS ${run.peakRssMb} MB (${run.startRssMb} MB before the work); ${JSON.stringify(run, (k, v) => (k === 'rowCounts' || k === 'fileName' || k === 'exportId' ? undefined : v))}`);
  console.log('CPU by area over the whole child process (self time):');
  console.table(cpuByArea(JSON.parse(await readFile(path.join(profileDir, file), 'utf8'))));

  // Is the peak heap live data or uncollected garbage? The same run with V8's old space capped.
  const capped = process.env.BENCH_PROFILE_HEAP_CAP_MB ?? '96';
  const cappedRun = await runStep<{ ms: number; peakRssMb: number; startRssMb: number }>('bench/export-archive-child.ts', childEnv, [`--max-old-space-size=${capped}`]).catch((error: Error) => ({ ms: NaN, peakRssMb: NaN, startRssMb: NaN, error: error.message.slice(0, 300) }));
  console.log(`\nThe same activity with --max-old-space-size=${capped} (no profiler): ${JSON.stringify(cappedRun, (k, v) => (k === 'rowCounts' || k === 'fileName' || k === 'exportId' ? undefined : v))}`);
} finally {
  await stack.stop();
  await rm(profileDir, { recursive: true, force: true });
}
process.exit(0);
