// The export benchmark measures the process that does the work, never the bench driver: each
// measured step runs in a child process (a one-shot script, or the real worker), and its peak
// resident memory is read from Linux's own high-water mark (VmHWM), which can be reset per run.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';

const RESULT_PREFIX = 'BENCH_RESULT ';
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * Child side: samples where this process's memory is (V8 heap, Buffers outside it) while the work
 * runs, so a high peak RSS can be told apart: live objects, garbage not yet collected, or buffers.
 */
export function sampleMemory(everyMs = 50) {
  const peak = { heapUsedMb: 0, heapTotalMb: 0, externalMb: 0, arrayBuffersMb: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.heapUsedMb = Math.max(peak.heapUsedMb, mb(m.heapUsed));
    peak.heapTotalMb = Math.max(peak.heapTotalMb, mb(m.heapTotal));
    peak.externalMb = Math.max(peak.externalMb, mb(m.external));
    peak.arrayBuffersMb = Math.max(peak.arrayBuffersMb, mb(m.arrayBuffers));
  };
  const timer = setInterval(sample, everyMs);
  return { stop: () => (clearInterval(timer), sample(), peak) };
}

/** Child side: prints the step's result with this process's peak RSS, for `runStep` to read. */
export function reportResult(result: object, startRssBytes: number): void {
  // resourceUsage().maxRSS is in kilobytes: the kernel's peak for this process's whole life.
  const peakRssMb = mb(process.resourceUsage().maxRSS * 1024);
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify({ ...result, peakRssMb, startRssMb: mb(startRssBytes) })}\n`);
}

export interface StepResult {
  /** Peak RSS of the child over its life (MB), as the child reports it. */
  peakRssMb: number;
  /** RSS of the child right after start-up, before the measured work (MB). */
  startRssMb: number;
  [key: string]: unknown;
}

/** Runs `script` (a bench/*-child.ts file) as its own Node process and returns what it reported. */
export function runStep<T extends StepResult>(script: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<T> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], { env: { ...process.env, NODE_ENV: 'test', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise<T>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = output.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code === 0 && line) resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as T);
      else reject(new Error(`${script} exited with ${code} without a result:\n${output.slice(-4000)}`));
    });
  });
}

/** Peak and current RSS of a running process, from /proc (MB). */
export async function rssOf(pid: number): Promise<{ peakRssMb: number; rssMb: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
  return { peakRssMb: mb(kb('VmHWM') * 1024), rssMb: mb(kb('VmRSS') * 1024) };
}

/**
 * Resets the process's peak-RSS mark to its current RSS (Linux: "5" to clear_refs), so one run's
 * peak is not hidden by an earlier one. False when the kernel refuses: the peak is then lifelong.
 */
export async function resetPeakRss(pid: number): Promise<boolean> {
  try {
    await writeFile(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** The product's worker (`npm run worker`) as its own process, resolved once it polls. */
export async function startWorkerProcess(env: Record<string, string>): Promise<{ pid: number; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts'], { env: { ...process.env, NODE_ENV: 'test', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (!output.includes('worker polling')) return;
      // From here its log is drained and dropped, so it never blocks on a full pipe.
      child.stdout!.off('data', onData);
      child.stdout!.resume();
      resolve();
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`worker exited (${code}): ${output.slice(-4000)}`)));
  });
  return {
    pid: child.pid!,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}
