import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../scripts/embedded-postgres.ts';
import { startTemporalDevServer } from '../scripts/temporal-server.ts';
import { prepareDatabase } from '../prisma/database.ts';
import { createPrismaClient } from '../prisma/client.ts';
import { seedPlatform } from '../prisma/seed.ts';
import { freePort } from '../scripts/ports.ts';
import type { TestStack } from './stack.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: TestStack;
  }
}

/** Real Postgres and a real Temporal server for the whole run; only providers are faked. */
export default async function setup(project: TestProject) {
  const started = Date.now();
  const dir = await mkdtemp(path.join(tmpdir(), 'servicepro-test-'));
  await chmod(dir, 0o755); // Postgres runs as the postgres user when we are root
  const [pgPort, temporalPort, uiPort] = await Promise.all([freePort(), freePort(), freePort()]);
  // Start both; if either fails, stop the other so no server outlives the run.
  const [postgresStart, temporalStart] = await Promise.allSettled([
    startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: pgPort, persistent: false, unsafeFast: true }),
    startTemporalDevServer({
      port: temporalPort,
      uiPort,
      // Lets a test drive an entity workflow to continue-as-new with tens of events, not thousands.
      dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': 60 },
    }),
  ]);
  const postgres = postgresStart.status === 'fulfilled' ? postgresStart.value : undefined;
  const temporal = temporalStart.status === 'fulfilled' ? temporalStart.value : undefined;
  const teardown = async () => {
    await Promise.allSettled([temporal?.stop(), postgres?.stop()]);
    await rm(dir, { recursive: true, force: true });
  };
  if (!postgres || !temporal) {
    await teardown();
    throw postgresStart.status === 'rejected' ? postgresStart.reason : (temporalStart as PromiseRejectedResult).reason;
  }

  const owner = { email: 'owner@servicepro.test', password: 'correct horse battery staple' };
  const masterKey = Buffer.alloc(32, 7);
  const adminUrl = postgres.adminUrl('servicepro_test');
  const prepared = await (async () => {
    await postgres.createDatabase('servicepro_test');
    const { appUrl } = await prepareDatabase({ adminUrl, masterKey });
    const db = createPrismaClient(appUrl);
    await seedPlatform(db, { ownerEmail: owner.email, ownerPassword: owner.password, rootPhoneNumber: '+19185550100' });
    await db.$disconnect();
    return appUrl;
  })().catch(async (error: unknown) => {
    await teardown();
    throw error;
  });

  project.provide('stack', {
    adminDatabaseUrl: adminUrl,
    appDatabaseUrl: prepared,
    clusterAdminUrl: postgres.adminUrl(),
    temporalAddress: temporal.address,
    temporalUiUrl: temporal.uiUrl,
    temporalNamespace: temporal.namespace,
    masterKeyBase64: masterKey.toString('base64'),
    owner,
  });
  console.log(`test stack ready in ${Date.now() - started} ms (postgres :${pgPort}, temporal ${temporal.address})`);

  return teardown;
}
