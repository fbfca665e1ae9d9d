// `npm run bench [-- foundation|ivr|export|registry]`: the benchmarks, each printing its table and writing
// bench/results/<name>.json. Never part of the test suite's pass/fail.
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { runFoundationBench } from './foundation.ts';
import { printExportReport, runExportBench } from './export.ts';
import { runIvrBench } from './ivr.ts';
import { runRegistrySearchBench } from './registry-search.ts';
import { printTable, writeResults } from './measure.ts';

Runtime.install({ logger: new DefaultLogger('WARN') });
const only = process.argv[2];

if (!only || only === 'foundation') {
  const results = await runFoundationBench();
  printTable('Foundation: tenant-scoped reads and tenant creation', results);
  console.log(`results written to ${await writeResults('foundation', { results })}`);
}

if (!only || only === 'ivr') {
  const { rows, floors } = await runIvrBench();
  console.log('\nIVR: concurrent simulated callers, per webhook (signed, over HTTP, real worker + Temporal + Postgres)');
  console.table(rows.map((r) => ({ callers: r.callers, webhook: r.step, n: r.n, 'p50 ms': r.p50Ms, 'p95 ms': r.p95Ms, 'p99 ms': r.p99Ms, 'calls/s': r.callsPerSec ?? '', fallbacks: r.fallbacks ?? '' })));
  printTable('IVR floors (same run)', floors);
  console.log(`results written to ${await writeResults('ivr', { rows, floors })}`);
}

if (!only || only === 'export') {
  const report = await runExportBench();
  printExportReport(report);
  console.log(`results written to ${await writeResults('export', report)}`);
}
if (!only || only === 'registry') {
  const results = await runRegistrySearchBench();
  printTable('Registry: search, filters and summary over 500 tenants', results);
  console.log(`results written to ${await writeResults('registry-search', { results })}`);
}
process.exit(0);
