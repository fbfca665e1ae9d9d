// `npm run bench -- export`: a tenant's data export at size (100k customers, 200k bookings by
// default) next to Postgres `COPY … TO STDOUT` of the same rows, in the same run. Three series,
// each in its own process so the memory measured is the exporting process's, not this driver's:
//   * COPY baseline — a child draining COPY of customers and bookings as the RLS-bound role;
//   * export archive activity — a child calling writeExportArchive directly (no Temporal);
//   * export end to end — tenantExport started through Temporal on the real worker process.
// The repetitions are interleaved (copy, archive, end to end; again) so drift hits all alike.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { closeDeps, createDeps } from '../workers/runtime/deps.ts';
import { createLogger } from '../workers/runtime/logger.ts';
import { parseConfig } from '../domain/config.ts';
import { startEphemeralStack } from '../scripts/ephemeral-stack.ts';
import { startStripeFake } from '../tests/stripe-fake.ts';
import { postgresCpuMs, postmasterPid } from './export-cpu.ts';
import { runEndToEndExport, type EndToEndRun } from './export-end-to-end.ts';
import { resetPeakRss, runStep, startWorkerProcess, type StepResult } from './export-process.ts';
import { seedExportTenant, type SeedCounts } from './export-seed.ts';

const TENANT_ID = 'bench-export';
const TASK_QUEUE = 'bench-export';
/** The targets: within 3× of COPY, peak RSS under 300 MB. */
export const TARGETS = { maxRatioToCopy: 3, maxPeakRssMb: 300 } as const;

interface CopyRun extends StepResult { ms: number; cpuMs: number; postgresCpuMs: number; rows: number; bytes: number; tables: Array<{ table: string; rows: number; bytes: number; ms: number }> }
interface ArchiveRun extends StepResult { ms: number; cpuMs: number; postgresCpuMs: number; fileName: string; sizeBytes: number; rowCounts: Record<string, number>; memory: Record<string, number> }

export interface ExportSeries {
  series: string;
  rows: number;
  runs: number;
  medianSeconds: number;
  maxSeconds: number;
  rowsPerSec: number;
  ratioToCopy: number;
  medianPeakRssMb: number;
  maxPeakRssMb: number;
  /** Peak minus the process's RSS before the work (start-up footprint): what the export itself added. */
  medianAddedRssMb: number;
  zipMb: number | null;
  /** CPU seconds of the exporting process plus this run's Postgres server (median): steadier than wall time on a busy machine. */
  medianCpuSeconds: number;
  cpuRatioToCopy: number;
}

export interface ExportBenchReport {
  size: { customers: number; bookings: number };
  seeded: SeedCounts;
  targets: typeof TARGETS;
  series: ExportSeries[];
  verdict: Array<{ series: string; ratioToCopy: number; ratioMet: boolean; cpuRatioToCopy: number; cpuRatioMet: boolean; maxPeakRssMb: number; rssMet: boolean }>;
  runs: { copy: CopyRun[]; archive: ArchiveRun[]; endToEnd: Array<EndToEndRun & { postgresCpuMs: number }> };
  /** The machine's 1-minute load average before and after: other work on it skews the seconds. */
  loadAverage: { before: number; after: number };
  notes: string[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

type Run = { ms: number; cpuMs: number; postgresCpuMs: number; peakRssMb: number; baseRssMb: number; rows: number; sizeBytes?: number };
const totalCpuMs = (run: Run) => run.cpuMs + run.postgresCpuMs;

function summarise(series: string, runs: Run[], copy: { ms: number; cpuMs: number }): ExportSeries {
  const ms = runs.map((r) => r.ms);
  const medianMs = median(ms);
  const sizes = runs.flatMap((r) => (r.sizeBytes === undefined ? [] : [r.sizeBytes]));
  return {
    series,
    rows: runs[0]!.rows,
    runs: runs.length,
    medianSeconds: round(medianMs / 1000),
    maxSeconds: round(Math.max(...ms) / 1000),
    rowsPerSec: Math.round(runs[0]!.rows / (medianMs / 1000)),
    ratioToCopy: round(medianMs / copy.ms),
    medianPeakRssMb: round(median(runs.map((r) => r.peakRssMb)), 1),
    maxPeakRssMb: round(Math.max(...runs.map((r) => r.peakRssMb)), 1),
    medianAddedRssMb: round(median(runs.map((r) => r.peakRssMb - r.baseRssMb)), 1),
    zipMb: sizes.length ? round(median(sizes) / 1024 / 1024, 1) : null,
    medianCpuSeconds: round(median(runs.map(totalCpuMs)) / 1000),
    cpuRatioToCopy: round(median(runs.map(totalCpuMs)) / copy.cpuMs),
  };
}

/** The export rows must be the seeded rows, or the timing means nothing. */
function checkCounts(rowCounts: Record<string, number>, seeded: SeedCounts, where: string) {
  for (const entity of ['customers', 'bookings'] as const) {
    if (rowCounts[entity] !== seeded[entity]) throw new Error(`${where}: exported ${rowCounts[entity]} ${entity}, seeded ${seeded[entity]}`);
  }
}

export async function runExportBench(): Promise<ExportBenchReport> {
  const size = { customers: Number(process.env.BENCH_EXPORT_CUSTOMERS ?? 100_000), bookings: Number(process.env.BENCH_EXPORT_BOOKINGS ?? 200_000) };
  const repetitions = Number(process.env.BENCH_EXPORT_RUNS ?? 3);
  const loadBefore = round(loadavg()[0]!);
  const stack = await startEphemeralStack();
  const storageDir = await mkdtemp(path.join(tmpdir(), 'servicepro-bench-exports-'));
  let stripe: Awaited<ReturnType<typeof startStripeFake>> | undefined;
  let deps: Awaited<ReturnType<typeof createDeps>> | undefined;
  let worker: Awaited<ReturnType<typeof startWorkerProcess>> | undefined;
  try {
    // The worker runs every tenant's billing workflow too: give it a Stripe to talk to, so its
    // retries against a missing one neither spend CPU nor fill the log while the export is timed.
    stripe = await startStripeFake();
    const childEnv = {
      DATABASE_URL: stack.adminDatabaseUrl, APP_DATABASE_URL: stack.appDatabaseUrl, TEMPORAL_ADDRESS: stack.temporalAddress, TEMPORAL_TASK_QUEUE: TASK_QUEUE,
      SERVICEPRO_ENCRYPTION_KEY: stack.masterKeyBase64, EXPORT_STORAGE_DIR: storageDir, SERVICEPRO_DATA_DIR: storageDir, LOG_LEVEL: 'warn', BENCH_TENANT_ID: TENANT_ID,
      ...stripe.env,
    };
    const appDeps = await createDeps(parseConfig({ ...childEnv, NODE_ENV: 'test', LOG_LEVEL: 'silent' }), createLogger('silent'));
    deps = appDeps;
    await appDeps.db.tenant.create({ data: { id: TENANT_ID, slug: TENANT_ID, config: { create: { businessName: 'Bench Export Detailing', tier: 'pro', status: 'active' } } } });
    console.log(`seeding ${size.customers} customers and ${size.bookings} bookings…`);
    const seeded = await seedExportTenant(stack.adminDatabaseUrl, TENANT_ID, size);
    console.log(`seeded in ${seeded.seedSeconds} s: ${JSON.stringify(seeded)}`);
    const postmaster = await postmasterPid(stack.adminDatabaseUrl);
    // Postgres CPU used while `work` runs, added to what it returns.
    const withPostgresCpu = async <T extends object>(work: () => Promise<T>): Promise<T & { postgresCpuMs: number }> => {
      const before = await postgresCpuMs(postmaster);
      const result = await work();
      return { ...result, postgresCpuMs: (await postgresCpuMs(postmaster)) - before };
    };
    worker = await startWorkerProcess({ ...childEnv, LOG_LEVEL: 'info' });
    const peakResettable = await resetPeakRss(worker.pid);

    const runs: ExportBenchReport['runs'] = { copy: [], archive: [], endToEnd: [] };
    for (let rep = 1; rep <= repetitions; rep++) {
      const copy = await withPostgresCpu(() => runStep<CopyRun>('bench/export-copy-child.ts', childEnv));
      if (copy.rows !== seeded.customers + seeded.bookings) throw new Error(`COPY returned ${copy.rows} rows, seeded ${seeded.customers + seeded.bookings}: RLS or tenant setting wrong`);
      runs.copy.push(copy);
      console.log(`run ${rep}: COPY ${round(copy.ms / 1000)} s`);

      const archive = await withPostgresCpu(() => runStep<ArchiveRun>('bench/export-archive-child.ts', childEnv));
      checkCounts(archive.rowCounts, seeded, 'archive activity');
      runs.archive.push(archive);
      console.log(`run ${rep}: archive activity ${round(archive.ms / 1000)} s, peak RSS ${archive.peakRssMb} MB`);

      const workerPid = worker.pid;
      const endToEnd = await withPostgresCpu(() => runEndToEndExport(appDeps.temporal, { deps: appDeps, tenantId: TENANT_ID, taskQueue: TASK_QUEUE, workerPid }));
      checkCounts(endToEnd.rowCounts, seeded, 'end to end');
      runs.endToEnd.push(endToEnd);
      console.log(`run ${rep}: end to end ${round(endToEnd.ms / 1000)} s, worker peak RSS ${endToEnd.peakRssMb} MB`);
      // The zips are big and their sizes are recorded; the directory itself stays for the next run.
      for (const entry of await readdir(storageDir)) await rm(path.join(storageDir, entry), { recursive: true, force: true });
    }

    const copyMedian = { ms: median(runs.copy.map((r) => r.ms)), cpuMs: median(runs.copy.map((r) => r.cpuMs + r.postgresCpuMs)) };
    const series = [
      summarise('COPY … TO STDOUT (baseline)', runs.copy.map((r) => ({ ...r, baseRssMb: r.startRssMb })), copyMedian),
      summarise('export archive activity', runs.archive.map((r) => ({ ...r, rows: sum(r.rowCounts), baseRssMb: r.startRssMb })), copyMedian),
      summarise('export end to end (Temporal + worker)', runs.endToEnd.map((r) => ({ ...r, rows: sum(r.rowCounts), baseRssMb: r.idleRssMb })), copyMedian),
    ];
    const verdict = series.slice(1).map((s) => ({
      series: s.series,
      ratioToCopy: s.ratioToCopy, ratioMet: s.ratioToCopy <= TARGETS.maxRatioToCopy,
      cpuRatioToCopy: s.cpuRatioToCopy, cpuRatioMet: s.cpuRatioToCopy <= TARGETS.maxRatioToCopy,
      maxPeakRssMb: s.maxPeakRssMb, rssMet: s.maxPeakRssMb < TARGETS.maxPeakRssMb,
    }));
    const notes = [
      'COPY rows: customers + bookings only; export rows: every entity it wrote (rowCounts), of which customers and bookings are checked equal to the seed.',
      'COPY writes CSV once and keeps nothing; the export writes CSV and JSON of every entity and deflates both into one zip.',
      'CPU time: user + system of the process doing the export (all its threads, zlib included) plus all of this run\'s Postgres server over the same span; the Temporal server\'s own CPU (end to end) is not counted.',
      'Peak RSS: whole-process high-water mark (VmHWM / getrusage maxrss) of the process doing the work, start-up footprint included; "RSS added" is the peak minus that process\'s RSS before the work (startRssMb / idleRssMb in runs).',
      peakResettable ? "End to end: the worker's peak mark was reset before each run (clear_refs)." : "End to end: the kernel refused to reset the worker's peak mark, so its peak is over the worker's life so far.",
    ];
    return { size, seeded, targets: TARGETS, series, verdict, runs, loadAverage: { before: loadBefore, after: round(loadavg()[0]!) }, notes };
  } finally {
    await worker?.stop();
    if (deps) await closeDeps(deps);
    await stripe?.close();
    await stack.stop();
    await rm(storageDir, { recursive: true, force: true });
  }
}

export function printExportReport(report: ExportBenchReport) {
  console.log(`\nExport: ${report.size.customers} customers + ${report.size.bookings} bookings, next to COPY in the same run (targets: ≤ ${report.targets.maxRatioToCopy}× COPY, peak RSS < ${report.targets.maxPeakRssMb} MB)`);
  console.table(report.series.map((s) => ({
    series: s.series, rows: s.rows, runs: s.runs, 's (median)': s.medianSeconds, 's (max)': s.maxSeconds, 'rows/s': s.rowsPerSec,
    '× COPY': s.ratioToCopy, 'CPU s': s.medianCpuSeconds, 'CPU × COPY': s.cpuRatioToCopy, 'peak RSS MB (median)': s.medianPeakRssMb, 'peak RSS MB (max)': s.maxPeakRssMb, 'RSS added MB': s.medianAddedRssMb, 'zip MB': s.zipMb ?? '',
  })));
  console.log(`machine load (1-min average) ${report.loadAverage.before} before, ${report.loadAverage.after} after, on ${cpus().length} cores`);
  for (const v of report.verdict) {
    console.log(`${v.series}: ${v.ratioToCopy}× COPY in wall time — ${v.ratioMet ? 'met' : 'MISSED'} (≤ ${report.targets.maxRatioToCopy}×), ${v.cpuRatioToCopy}× in CPU time — ${v.cpuRatioMet ? 'met' : 'MISSED'}; peak RSS ${v.maxPeakRssMb} MB — ${v.rssMet ? 'met' : 'MISSED'} (< ${report.targets.maxPeakRssMb} MB)`);
  }
}
