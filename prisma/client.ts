import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.ts';

export { Prisma, PrismaClient } from './generated/client.ts';
export type * from './generated/models.ts';

/** A Prisma client over the pg driver adapter (no native engine). */
export function createPrismaClient(connectionString: string, options: { maxConnections?: number } = {}): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: options.maxConnections ?? 10 }) });
}
