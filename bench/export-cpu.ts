// CPU seconds spent, next to wall seconds: on a shared machine (other engineers' test runs on the
// same two cores) wall time swings with their load, while the CPU a piece of work burns barely
// does. Counted for the process doing the export AND for this run's own Postgres server (its
// postmaster and every backend), since COPY does nearly all its work inside Postgres.
import { readdir, readFile } from 'node:fs/promises';
import pg from 'pg';

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on Linux (getconf CLK_TCK)

interface ProcStat { ppid: number; ownTicks: number; reapedChildrenTicks: number }

async function procStat(pid: number): Promise<ProcStat | null> {
  try {
    const text = await readFile(`/proc/${pid}/stat`, 'utf8');
    // After "pid (comm) ": state ppid … utime(12th) stime cutime cstime; comm may hold spaces.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ownTicks: Number(fields[11]) + Number(fields[12]), reapedChildrenTicks: Number(fields[13]) + Number(fields[14]) };
  } catch {
    return null; // exited meanwhile
  }
}

/** CPU milliseconds (user + system, all threads) a process has used so far. */
export async function processCpuMs(pid: number): Promise<number> {
  const stat = await procStat(pid);
  if (!stat) throw new Error(`process ${pid} is gone`);
  return (stat.ownTicks * 1000) / TICKS_PER_SECOND;
}

/** The postmaster of the server behind `adminDatabaseUrl` (it must run on this machine). */
export async function postmasterPid(adminDatabaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: adminDatabaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const backend = await procStat(rows[0]!.pid);
    if (!backend) throw new Error('the Postgres backend is not visible in /proc: is the server on another machine?');
    return backend.ppid;
  } finally {
    await client.end();
  }
}

/**
 * CPU milliseconds the whole Postgres server has used so far: the postmaster, its live children
 * (backends, background workers) and the children it has already reaped (closed connections).
 */
export async function postgresCpuMs(postmaster: number): Promise<number> {
  const root = await procStat(postmaster);
  if (!root) throw new Error(`the postmaster ${postmaster} is gone`);
  let ticks = root.ownTicks + root.reapedChildrenTicks;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await procStat(Number(entry));
    if (stat?.ppid === postmaster) ticks += stat.ownTicks;
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
