// What `npm start` runs beside itself (the Temporal dev server, the worker; Postgres keeps its own
// postmaster.pid), written down in the data dir, so that a start after a hard crash (SIGKILL, a
// closed terminal, a power cut in a VM) can stop what the last one left instead of failing on
// "port busy". A recorded pid is only signalled while its command line is still the one we
// started: a pid the system has since given to another program is left alone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface RecordedChild {
  pid: number;
  /** Part of its command line that only our child has (its data file, its script). */
  marker: string;
}

const runDir = (dataDir: string) => path.join(dataDir, 'run');
const pidFile = (dataDir: string, name: string) => path.join(runDir(dataDir), `${name}.json`);

/** Notes a child we started, until `forgetChild` (called when it stopped as it should). */
export function recordChild(dataDir: string, name: string, child: RecordedChild): void {
  mkdirSync(runDir(dataDir), { recursive: true });
  writeFileSync(pidFile(dataDir, name), JSON.stringify(child));
}

export function forgetChild(dataDir: string, name: string): void {
  rmSync(pidFile(dataDir, name), { force: true });
}

const startFile = (dataDir: string) => path.join(runDir(dataDir), 'start.pid');
const START_SCRIPT = 'scripts/start.ts';

/**
 * Claims `dataDir` for this `npm start`. Refuses (returns the other's pid) while another start
 * on the same data dir is alive: its servers are not leftovers, and stopping them would pull the
 * rug from under it. The claim ends with `releaseDataDir`, or with this process.
 */
export function claimDataDir(dataDir: string): { runningPid?: number } {
  const previous = existsSync(startFile(dataDir)) ? Number(readFileSync(startFile(dataDir), 'utf8')) : NaN;
  if (Number.isInteger(previous) && previous !== process.pid && commandLine(previous)?.includes(START_SCRIPT)) return { runningPid: previous };
  mkdirSync(runDir(dataDir), { recursive: true });
  writeFileSync(startFile(dataDir), String(process.pid));
  return {};
}

export function releaseDataDir(dataDir: string): void {
  if (existsSync(startFile(dataDir)) && Number(readFileSync(startFile(dataDir), 'utf8')) === process.pid) rmSync(startFile(dataDir), { force: true });
}

/** A running process's command line, or undefined when it is gone (or cannot be read). */
export function commandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    if (existsSync('/proc')) return undefined; // Linux: no such process
    const ps = spawnSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }); // macOS
    return ps.status === 0 ? ps.stdout.trim() || undefined : undefined;
  }
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Signals `pid` and waits for it to exit; SIGKILL after `graceMs`. */
async function stopProcess(pid: number, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  try {
    process.kill(pid, signal);
  } catch {
    return; // already gone
  }
  const deadline = Date.now() + graceMs;
  while (isRunning(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 200));
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The postmaster a crashed start left on `postgresDir` (its postmaster.pid: pid, then data dir). */
function leftoverPostgres(postgresDir: string): number | undefined {
  const file = path.join(postgresDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const [pidLine, dirLine] = readFileSync(file, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0 || path.resolve(dirLine ?? '') !== path.resolve(postgresDir)) return undefined;
  const command = commandLine(pid);
  return command?.includes('postgres') && command.includes(path.resolve(postgresDir)) ? pid : undefined;
}

/**
 * Stops what a previous `npm start` on `dataDir` left running: each recorded child that is still
 * ours (SIGTERM, then SIGKILL after 10 s), and the embedded Postgres on `<dataDir>/postgres` (fast
 * shutdown: SIGINT). Returns what it stopped, for the start-up log.
 */
export async function stopLeftovers(dataDir: string): Promise<string[]> {
  const stopped: string[] = [];
  const dir = runDir(dataDir);
  const recorded = existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.json')) : [];
  for (const file of recorded) {
    const name = file.slice(0, -'.json'.length);
    try {
      const child = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as RecordedChild;
      if (Number.isInteger(child.pid) && child.pid > 0 && commandLine(child.pid)?.includes(child.marker)) {
        await stopProcess(child.pid, 'SIGTERM', 10_000);
        stopped.push(`${name} (pid ${child.pid})`);
      }
    } catch {
      // An unreadable record names nothing we could safely stop.
    }
    forgetChild(dataDir, name);
  }
  const postgres = leftoverPostgres(path.join(dataDir, 'postgres'));
  if (postgres) {
    await stopProcess(postgres, 'SIGINT', 30_000);
    stopped.push(`postgres (pid ${postgres})`);
  }
  return stopped;
}
