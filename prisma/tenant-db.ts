import { AsyncLocalStorage } from 'node:async_hooks';
import { Prisma, type PrismaClient } from './client.ts';

/**
 * Models owned by a tenant. Their tables have row-level security keyed on `app.tenant_id`
 * (see the migrations), and `tenant_id` defaults to that setting, so writes need not name it.
 * A test checks this list against the tables that have RLS enabled.
 */
export const TENANT_OWNED_MODELS: ReadonlySet<string> = new Set<Prisma.ModelName>([
  'Customer', 'Vehicle', 'Service', 'Appointment', 'Invoice', 'Call', 'Voicemail', 'Message', 'SmsOptOut', 'UsageCounter', 'EmailMessage',
]);

const WHERE_OPERATIONS = new Set([
  'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany',
  'count', 'aggregate', 'groupBy',
  'update', 'updateMany', 'updateManyAndReturn', 'upsert', 'delete', 'deleteMany',
]);

const insideTenantTransaction = new AsyncLocalStorage<string>();

function scopeArgs(operation: string, args: unknown, tenantId: string): unknown {
  if (!WHERE_OPERATIONS.has(operation)) return args;
  // AND, not overwrite: a caller filtering on another tenant gets nothing rather than our rows.
  const given = (args ?? {}) as { where?: { AND?: object | object[] } };
  const and = given.where?.AND === undefined ? [] : [given.where.AND].flat();
  return { ...given, where: { ...given.where, AND: [{ tenantId }, ...and] } };
}

function setTenant(db: PrismaClient | Prisma.TransactionClient, tenantId: string) {
  return db.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, TRUE)`;
}

/**
 * The plan's `tenantDb`: a client whose every read and write is confined to one tenant, twice over.
 * It adds `tenantId` to each filter, and runs each operation in a transaction that first sets
 * `app.tenant_id`, which Postgres row-level security enforces even for raw SQL.
 */
export function forTenant(db: PrismaClient, tenantId: string) {
  if (!tenantId) throw new Error('forTenant needs a tenant id');
  const scoped = db.$extends({
    name: 'tenant-scope',
    query: {
      async $allOperations({ model, operation, args, query }) {
        const confined = model && TENANT_OWNED_MODELS.has(model) ? scopeArgs(operation, args, tenantId) : args;
        if (model && !TENANT_OWNED_MODELS.has(model)) return query(confined);
        // Inside `transaction()` the setting is already in place for the whole transaction.
        if (insideTenantTransaction.getStore() === tenantId) return query(confined);
        const [, result] = await db.$transaction([setTenant(db, tenantId), query(confined) as never]);
        return result;
      },
    },
  });

  return Object.assign(scoped, {
    tenantId,
    /** An interactive transaction for this tenant: several operations, all or nothing. */
    transaction<T>(work: (tx: Omit<typeof scoped, '$transaction' | '$connect' | '$disconnect' | '$on' | '$extends'>) => Promise<T>, options?: { timeout?: number }): Promise<T> {
      return insideTenantTransaction.run(tenantId, () =>
        scoped.$transaction(async (tx) => {
          await setTenant(tx as unknown as Prisma.TransactionClient, tenantId);
          return work(tx);
        }, options),
      );
    },
  });
}

export type TenantDb = ReturnType<typeof forTenant>;
