// `npm run bench [-- foundation|ivr|export|registry|onboarding|sites|booking]`: the benchmarks, each printing its table and writing
// bench/results/<name>.json. Never part of the test suite's pass/fail.
import { cpus, loadavg } from 'node:os';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { runBookingBench } from './booking.ts';
import { runFoundationBench } from './foundation.ts';
import { printExportReport, runExportBench } from './export.ts';
import { floorRatios, runIvrBench } from './ivr.ts';
import { runIvrStages } from './ivr-stages.ts';
import { runWorkerStoppedBench, workerStoppedSummary } from './ivr-worker-stopped.ts';
import { runRegistrySearchBench } from './registry-search.ts';
import { runOnboardingBench } from './onboarding.ts';
import { printLighthouse, runSitesBench } from './sites.ts';
import { openLoopTable } from './ivr-open.ts';
import { printTable, writeResults } from './measure.ts';

Runtime.install({ logger: new DefaultLogger('WARN') });
const only = process.argv[2];

if (!only || only === 'foundation') {
  const results = await runFoundationBench();
  printTable('Foundation: tenant-scoped reads and tenant creation', results);
  console.log(`results written to ${await writeResults('foundation', { results })}`);
}

if (!only || only === 'ivr') {
  // The machine is shared: its load before and after says how much the numbers can be trusted.
  const loadBefore = loadavg();
  const { rows, floors, openLoop } = await runIvrBench();
  const machine = { cpus: cpus().length, loadAverageBefore: loadBefore, loadAverageAfter: loadavg() };
  console.log(`machine: ${JSON.stringify(machine)}`);
  console.log('\nIVR closed loop: N callers back to back, per webhook (signed, over HTTP, real worker + Temporal + Postgres)');
  console.table(rows.map((r) => ({ callers: r.callers, webhook: r.step, n: r.n, 'p50 ms': r.p50Ms, 'p95 ms': r.p95Ms, 'p99 ms': r.p99Ms, 'calls/s': r.callsPerSec ?? '', fallbacks: r.fallbacks ?? '', errors: r.errors ?? '' })));
  printTable('IVR floors (same run)', floors);
  const ratios = floorRatios(rows, floors);
  console.log('\nOne caller against the floor (target: p50 ≤ 1.3×; the HTTP floors pay the hop every webhook pays)');
  console.table(ratios.map((r) => ({ webhook: r.webhook, 'p50 ms': r.p50Ms, floor: r.floor, 'floor p50 ms': r.floorP50Ms, ratio: r.ratio })));
  if (openLoop) {
    console.log(`\nIVR open loop: Poisson arrivals for ${openLoop.seconds} s per rate, callers pausing ${JSON.stringify(openLoop.think)} (×0.5–1.5), latency from each request's due time`);
    console.table(openLoopTable(openLoop));
    console.log(`capacity at SLO (every webhook p99 ≤ ${openLoop.capacityAtSlo.sloP99Ms} ms, no fallback, no error): IVR ${openLoop.capacityAtSlo.ivr} calls/s, floor ${openLoop.capacityAtSlo.floor} calls/s`);
  }
  // Its own stack: no worker may have polled its task queue before the run.
  const workerStopped = process.env.BENCH_WORKER_STOPPED === '0' ? undefined : await runWorkerStoppedBench();
  if (workerStopped) console.log(`\n${workerStoppedSummary(workerStopped)}`);
  console.log(`results written to ${await writeResults('ivr', { machine, rows, floors, ratios, openLoop, workerStopped })}`);
}

if (only === 'ivr-worker-stopped') {
  const workerStopped = await runWorkerStoppedBench();
  console.log(`\n${workerStoppedSummary(workerStopped)}`);
  console.log(`results written to ${await writeResults('ivr-worker-stopped', { machine: { cpus: cpus().length, loadAverage: loadavg() }, workerStopped })}`);
}

// Only when asked: one caller's webhook, stage by stage (where the milliseconds go).
if (only === 'ivr-stages') {
  const stages = await runIvrStages();
  console.log('\nIVR webhook, stage by stage (one caller, round robin, ms)');
  console.table(stages.map((s) => ({ stage: s.stage, n: s.n, 'p50 ms': s.p50Ms, 'p90 ms': s.p90Ms, 'mean ms': s.meanMs })));
  console.log(`results written to ${await writeResults('ivr-stages', { machine: { cpus: cpus().length, loadAverage: loadavg() }, stages })}`);
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
if (!only || only === 'onboarding') {
  const report = await runOnboardingBench();
  console.log(`\nOnboarding: server-side provisioning (finish accepted → workflow completed), ${report.signups} signups per row, sandbox providers; target p95 ≤ ${report.targetP95Ms} ms`);
  console.table(report.provisioning.map((r) => ({ 'finishing at once': r.concurrency, n: r.n, 'p50 ms': r.p50Ms, 'p95 ms': r.p95Ms, 'max ms': r.maxMs, failed: r.failed })));
  printTable('Onboarding floors (same run)', report.floors);
  console.log(`results written to ${await writeResults('onboarding', report)}`);
}

if (!only || only === 'sites') {
  const report = await runSitesBench();
  console.log(`machine: ${JSON.stringify(report.machine)}; packs: ${report.packs.join(', ')}; page ${report.pageBytes} bytes`);
  printTable('Websites: server render vs a static file of the same size, same server, same run', report.results);
  if (report.lighthouse.length) printLighthouse(report.lighthouse);
  console.log(`results written to ${await writeResults('sites', report)}`);
}
if (!only || only === 'booking') {
  const report = await runBookingBench();
  const { race, confirmationText: text, availability } = report;
  console.log(`\nBookings: ${race.attempts} attempts at one slot → ${race.booked} booked, refusals ${JSON.stringify(race.refusals)}, errors ${race.errors}`);
  console.log(`confirmation text handed to Twilio after the booking: n ${text.n}, p50 ${text.p50Ms} ms, p95 ${text.p95Ms} ms, max ${text.maxMs} ms, missing ${text.missing} (target p95 ≤ ${text.targetP95Ms} ms)`);
  console.log(`availability: ${availability.days} days, ${availability.resources} resources, ${availability.bookings} bookings, ${availability.slotsReturned} slots returned (target p95 ≤ ${availability.targetP95Ms} ms)`);
  printTable('Bookings: the engine next to bare SQL on the same tables, same run', report.results);
  console.log(`results written to ${await writeResults('booking', report)}`);
}
process.exit(0);
