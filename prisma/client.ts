import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.ts';

export { Prisma, PrismaClient } from './generated/client.ts';
export type * from './generated/models.ts';

/** A Prisma client over the pg driver adapter (no native engine). */
export function createPrismaClient(connectionString: string, options: { maxConnections?: number } = {}): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: options.maxConnections ?? 10 }),
    // A burst (200 people taking one slot, every tenant-scoped read being a small transaction)
    // queues for the pool's connections: waiting is an answer a little later, Prisma's default of
    // 2 s an error for a request that did nothing wrong.
    transactionOptions: { maxWait: 15_000, timeout: 10_000 },
  });
}
