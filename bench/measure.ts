import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface Series {
  name: string;
  baselineOf?: string;
  n: number;
  concurrency: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
  opsPerSec: number;
  rssMb: number;
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Runs `op` n times with the given concurrency after a warm-up; latency per op and throughput. */
export async function measure(name: string, n: number, concurrency: number, op: (i: number) => Promise<unknown>, baselineOf?: string): Promise<Series> {
  for (let i = 0; i < Math.min(20, n); i++) await op(-1 - i);
  const latencies: number[] = [];
  let next = 0;
  let peakRss = process.memoryUsage().rss;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const t0 = performance.now();
        await op(i);
        latencies.push(performance.now() - t0);
        if (i % 50 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }
    }),
  );
  return seriesOf(name, latencies, performance.now() - started, { concurrency, baselineOf, peakRss });
}

/** A series from latencies measured elsewhere (e.g. a burst fired all at once, not through `measure`). */
export function seriesOf(name: string, latencies: number[], elapsedMs: number, options: { concurrency: number; baselineOf?: string; peakRss?: number }): Series {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    name,
    baselineOf: options.baselineOf,
    n: sorted.length,
    concurrency: options.concurrency,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    meanMs: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    opsPerSec: Math.round((sorted.length / elapsedMs) * 1000),
    rssMb: Math.round((options.peakRss ?? process.memoryUsage().rss) / 1024 / 1024),
  };
}

export function printTable(title: string, rows: Series[]) {
  console.log(`\n${title}`);
  console.table(rows.map(({ name, baselineOf, n, concurrency, p50Ms, p95Ms, p99Ms, opsPerSec, rssMb }) => ({ series: name, 'baseline for': baselineOf ?? '', n, conc: concurrency, 'p50 ms': p50Ms, 'p95 ms': p95Ms, 'p99 ms': p99Ms, 'ops/s': opsPerSec, 'rss MB': rssMb })));
}

export async function writeResults(name: string, data: unknown) {
  const dir = path.resolve('bench/results');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, ...(data as object) }, null, 2));
  return file;
}
