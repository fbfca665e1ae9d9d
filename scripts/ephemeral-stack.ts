import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrismaClient } from '../prisma/client.ts';
import { prepareDatabase } from '../prisma/database.ts';
import { seedPlatform } from '../prisma/seed.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { freePort } from './ports.ts';
import { startTemporalDevServer } from './temporal-server.ts';

export interface EphemeralStack {
  /** Owner of the database: migrations, and checks that must look past RLS. */
  adminDatabaseUrl: string;
  /** The RLS-bound application role, as the product connects. */
  appDatabaseUrl: string;
  clusterAdminUrl: string;
  temporalAddress: string;
  temporalUiUrl: string;
  temporalNamespace: string;
  masterKeyBase64: string;
  /** The seeded platform owner (owner of root). */
  owner: { email: string; password: string };
}

/**
 * A throwaway real Postgres and Temporal dev server on free ports, migrated and seeded: what the
 * test suite and the benchmarks run against. If either fails to start, neither is left running.
 */
export async function startEphemeralStack(options: { dynamicConfig?: Record<string, string | number> } = {}): Promise<EphemeralStack & { stop: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'servicepro-stack-'));
  await chmod(dir, 0o755); // Postgres runs as the postgres user when we are root
  const [pgPort, temporalPort, uiPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const [postgresStart, temporalStart] = await Promise.allSettled([
    startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: pgPort, persistent: false, unsafeFast: true }),
    startTemporalDevServer({ port: temporalPort, uiPort, dynamicConfig: options.dynamicConfig }),
  ]);
  const postgres = postgresStart.status === 'fulfilled' ? postgresStart.value : undefined;
  const temporal = temporalStart.status === 'fulfilled' ? temporalStart.value : undefined;
  const stop = async () => {
    await Promise.allSettled([temporal?.stop(), postgres?.stop()]);
    await rm(dir, { recursive: true, force: true });
  };
  if (!postgres || !temporal) {
    await stop();
    throw postgresStart.status === 'rejected' ? postgresStart.reason : (temporalStart as PromiseRejectedResult).reason;
  }

  try {
    const owner = { email: 'owner@servicepro.test', password: 'correct horse battery staple' };
    const masterKey = Buffer.alloc(32, 7);
    await postgres.createDatabase('servicepro_test');
    const adminDatabaseUrl = postgres.adminUrl('servicepro_test');
    const { appUrl } = await prepareDatabase({ adminUrl: adminDatabaseUrl, masterKey });
    const db = createPrismaClient(appUrl);
    await seedPlatform(db, { ownerEmail: owner.email, ownerPassword: owner.password, rootPhoneNumber: '+19185550100' });
    await db.$disconnect();
    return {
      adminDatabaseUrl,
      appDatabaseUrl: appUrl,
      clusterAdminUrl: postgres.adminUrl(),
      temporalAddress: temporal.address,
      temporalUiUrl: temporal.uiUrl,
      temporalNamespace: temporal.namespace,
      masterKeyBase64: masterKey.toString('base64'),
      owner,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
