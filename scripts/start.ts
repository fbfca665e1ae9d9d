// `npm start`: the whole product on one machine. Embedded Postgres and a Temporal dev server
// (with its Web UI) start unless DATABASE_URL / TEMPORAL_ADDRESS point at running ones; then
// migrations, the root tenant, the worker (its own process) and the API serving the web app.
// Ctrl-C stops it all, in order. What a hard crash of an earlier start left running on the same
// data dir is stopped first (scripts/leftovers.ts).
import path from 'node:path';
import pg from 'pg';
import { closeDeps, createDeps, masterKeyFrom } from '../workers/runtime/deps.ts';
import { createLogger } from '../workers/runtime/logger.ts';
import { startApiServer } from '../api/server.ts';
import { ConfigError, parseConfig } from '../domain/config.ts';
import { createPrismaClient } from '../prisma/client.ts';
import { prepareDatabase } from '../prisma/database.ts';
import { seedPlatform } from '../prisma/seed.ts';
import { ensureSearchAttributes } from '../workers/runtime/temporal.ts';
import { bundleWorkflowsToFile } from '../workers/worker.ts';
import { loadDevSecrets } from './dev-secrets.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { claimDataDir, forgetChild, recordChild, releaseDataDir, stopLeftovers } from './leftovers.ts';
import { isListening } from './ports.ts';
import { forgetServerAddress, recordServerAddress } from './server-address.ts';
import { startTemporalDevServer } from './temporal-server.ts';
import { buildWebApp, webBuildIsStale } from './web-build.ts';
import { startWorkerChild } from './worker-child.ts';

const EMBEDDED_POSTGRES_PORT = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);
const EMBEDDED_TEMPORAL_PORT = Number(process.env.EMBEDDED_TEMPORAL_PORT ?? 7233);
const EMBEDDED_TEMPORAL_UI_PORT = Number(process.env.EMBEDDED_TEMPORAL_UI_PORT ?? 8233);

const stops: (() => Promise<unknown>)[] = [];
const step = (message: string) => process.stderr.write(`▸ ${message}\n`);

async function main() {
  const started = Date.now();
  const env = { ...process.env };
  const dataDir = path.resolve(env.SERVICEPRO_DATA_DIR ?? '.servicepro');
  const { runningPid } = claimDataDir(dataDir);
  if (runningPid) throw new ConfigError(`ServicePro is already running from ${dataDir} (process ${runningPid}): stop it first (Ctrl-C in its terminal), or set SERVICEPRO_DATA_DIR to another folder.`);
  stops.push(async () => releaseDataDir(dataDir));
  // A start after a hard crash: the last one's servers and worker may still hold their ports.
  const leftovers = await stopLeftovers(dataDir);
  if (leftovers.length) step(`stopped what the last start left running: ${leftovers.join(', ')}`);
  const secrets = loadDevSecrets(dataDir);
  env.SERVICEPRO_ENCRYPTION_KEY ??= secrets.encryptionKey;
  env.SERVICEPRO_ADMIN_PASSWORD ??= secrets.ownerPassword;
  let config = parseConfig(env);

  // The two embedded servers start side by side; each is skipped when its variable is set.
  const startPostgres = async () => {
    if (config.DATABASE_URL) return;
    step(`starting embedded Postgres (data in ${path.relative(process.cwd(), dataDir)}/postgres)`);
    if (await isListening(EMBEDDED_POSTGRES_PORT)) throw new ConfigError(`Port ${EMBEDDED_POSTGRES_PORT} is busy: stop what uses it, or set EMBEDDED_POSTGRES_PORT or DATABASE_URL.`);
    const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port: EMBEDDED_POSTGRES_PORT });
    stops.push(() => postgres.stop());
    stopOnSignals();
    await createDatabaseIfMissing(postgres.adminUrl(), 'servicepro');
    env.DATABASE_URL = postgres.adminUrl('servicepro');
  };
  const startTemporal = async () => {
    if (config.TEMPORAL_ADDRESS) return;
    step(`starting the Temporal dev server (state in ${path.relative(process.cwd(), dataDir)}/temporal.db)`);
    for (const port of [EMBEDDED_TEMPORAL_PORT, EMBEDDED_TEMPORAL_UI_PORT]) {
      if (await isListening(port)) throw new ConfigError(`Port ${port} is busy: stop what uses it, or set TEMPORAL_ADDRESS to a running Temporal server.`);
    }
    const temporalDb = path.join(dataDir, 'temporal.db'); // its path marks the process as ours (leftovers.ts)
    const temporal = await startTemporalDevServer({
      port: EMBEDDED_TEMPORAL_PORT,
      uiPort: EMBEDDED_TEMPORAL_UI_PORT,
      dbFile: temporalDb,
      namespace: config.TEMPORAL_NAMESPACE,
      codecEndpoint: `${config.PUBLIC_BASE_URL}/codec`,
      binary: config.TEMPORAL_BIN,
    });
    if (temporal.pid) recordChild(dataDir, 'temporal', { pid: temporal.pid, marker: temporalDb });
    stops.push(() => temporal.stop().then(() => forgetChild(dataDir, 'temporal')));
    env.TEMPORAL_ADDRESS = temporal.address;
    env.TEMPORAL_UI_URL ??= temporal.uiUrl.replace('127.0.0.1', 'localhost');
  };
  // The workflow bundle is built beside them, in a child process that takes its memory with it.
  const bundle = bundleWorkflowsToFile(path.join(dataDir, 'workflow-bundle.js'));
  bundle.catch(() => {}); // awaited below
  const servers = await Promise.allSettled([startPostgres(), startTemporal()]);
  const failed = servers.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;

  config = parseConfig(env);
  const logger = createLogger(config.LOG_LEVEL);
  const masterKey = masterKeyFrom(config);

  step('applying database migrations');
  const { appUrl, applied } = await prepareDatabase({ adminUrl: config.DATABASE_URL!, appUrl: config.APP_DATABASE_URL, masterKey });
  if (applied.length) step(`applied ${applied.join(', ')}`);
  config = { ...config, APP_DATABASE_URL: appUrl };

  const seedDb = createPrismaClient(appUrl, { maxConnections: 2 });
  await seedPlatform(seedDb, { ownerEmail: config.SERVICEPRO_ADMIN_EMAIL, ownerPassword: config.SERVICEPRO_ADMIN_PASSWORD!, rootPhoneNumber: config.ROOT_PHONE_NUMBER });
  await seedDb.$disconnect();

  // The worker boots beside the rest, as `npm run worker` does (usage schedule and billing
  // reconciliation included), with this start's resolved settings and the bundle built above.
  const worker = bundle.then((workflowBundlePath) =>
    startWorkerChild({
      env: { ...env, APP_DATABASE_URL: appUrl, PUBLIC_BASE_URL: config.PUBLIC_BASE_URL, WORKFLOW_BUNDLE_PATH: workflowBundlePath },
      dataDir,
      log: step,
      onGiveUp: (reason) => {
        console.error(`\n✖ ServicePro is stopping: ${reason}\n`);
        void shutdown(1);
      },
    }),
  );
  worker.catch(() => {}); // awaited below
  stops.push(() => worker.then((child) => child.stop(), () => {}));

  const webDist = path.resolve('web/dist');
  if (webBuildIsStale()) {
    step('building the web app');
    await buildWebApp();
  }

  const deps = await createDeps(config, logger, { webDist });
  stops.push(() => closeDeps(deps));
  await ensureSearchAttributes(deps.temporal.connection, config.TEMPORAL_NAMESPACE);

  step('starting the worker and the API');
  const api = await startApiServer(deps, config.PORT);
  stops.push(() => api.close());
  // For `npm run call` from this folder: the address Twilio's signatures are made for.
  recordServerAddress(dataDir, config.PUBLIC_BASE_URL);
  stops.push(async () => forgetServerAddress(dataDir));
  const workerPid = (await worker).pid();

  const ownerPasswordShown = process.env.SERVICEPRO_ADMIN_PASSWORD ? '(from SERVICEPRO_ADMIN_PASSWORD)' : config.SERVICEPRO_ADMIN_PASSWORD;
  console.log(
    [
      '',
      `ServicePro is ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      `  App          ${config.PUBLIC_BASE_URL}`,
      `  API          ${config.PUBLIC_BASE_URL}/api   (health: ${config.PUBLIC_BASE_URL}/healthz)`,
      `  Temporal UI  ${config.TEMPORAL_UI_URL ?? '(external Temporal: set TEMPORAL_UI_URL to link it)'}`,
      `  Worker       process ${workerPid} (restarted if it stops)`,
      `  Owner login  ${config.SERVICEPRO_ADMIN_EMAIL} / ${ownerPasswordShown}`,
      '  Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

async function createDatabaseIfMissing(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  step('stopping…');
  for (const stop of stops.reverse()) await stop().catch((error: Error) => console.error(error.message));
  process.exit(code);
}

/**
 * Ctrl-C stops the parts in reverse order. embedded-postgres installs an exit hook that would exit
 * mid-way (code 130) with Temporal still running, so ours replaces every other signal listener.
 */
function stopOnSignals() {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(0));
  }
}

/**
 * Whatever started us (npm, the tsx CLI) killed outright leaves us orphaned and out of reach of
 * Ctrl-C: stop everything, in order, rather than run on unseen and hold the ports.
 */
function stopWhenOrphaned() {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid === parent || stopping) return;
    step('the process that started ServicePro is gone: stopping');
    void shutdown(1);
  }, 1_000).unref();
}

stopOnSignals();
stopWhenOrphaned();
main().catch(async (error: Error) => {
  console.error(`\n✖ ServicePro could not start.\n${error instanceof ConfigError ? error.message : error.stack ?? error.message}\n`);
  await shutdown(1);
});
