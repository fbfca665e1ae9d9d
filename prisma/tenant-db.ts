import { Prisma, type PrismaClient } from './client.ts';

/**
 * Models owned by a tenant. Their tables have row-level security keyed on `app.tenant_id`
 * (see the migrations), and `tenant_id` defaults to that setting, so writes need not name it.
 * A test checks this list against the tables that have RLS enabled.
 */
export const TENANT_OWNED_MODELS: ReadonlySet<string> = new Set<Prisma.ModelName>([
  'Customer', 'Vehicle', 'Service', 'Resource', 'ServiceResource', 'ResourceTimeOff', 'Booking', 'Invoice', 'Call', 'Voicemail', 'Message', 'SmsOptOut', 'UsageCounter', 'EmailMessage', 'VoicemailAudio', 'WebsiteRequest',
]);

const WHERE_OPERATIONS = new Set([
  'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany',
  'count', 'aggregate', 'groupBy',
  'update', 'updateMany', 'updateManyAndReturn', 'upsert', 'delete', 'deleteMany',
]);

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

/** The property under which a client holds a model's delegate: `SmsOptOut` → `smsOptOut`. */
const delegateKey = (model: string) => model[0]!.toLowerCase() + model.slice(1);
const TENANT_OWNED_DELEGATES = new Map([...TENANT_OWNED_MODELS].map((model) => [delegateKey(model), model]));

/**
 * A transaction's client, its tenant-owned models confined like forTenant's. The transaction has
 * set `app.tenant_id` once for all its statements, so only the filter is added here.
 */
function confineTransaction(tx: Prisma.TransactionClient, tenantId: string): Prisma.TransactionClient {
  return new Proxy(tx, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof property !== 'string' || !TENANT_OWNED_DELEGATES.has(property)) return value;
      const delegate = value as Record<string, (args?: unknown) => unknown>;
      return new Proxy(delegate, {
        get(model, operation) {
          const method = Reflect.get(model, operation) as unknown;
          if (typeof method !== 'function' || typeof operation !== 'string') return method;
          return (args?: unknown) => method.call(model, scopeArgs(operation, args, tenantId));
        },
      });
    },
  });
}

/**
 * The plan's `tenantDb`: a client whose every read and write is confined to one tenant, twice over.
 * It adds `tenantId` to each filter, and runs each operation in a transaction that first sets
 * `app.tenant_id`, which Postgres row-level security enforces even for raw SQL.
 *
 * Each operation on it is its own transaction, wherever it is called: used inside a
 * `transaction()` (this client's or another's) it still sees its tenant's committed rows, but is
 * not part of that transaction — only the `tx` handed to the callback is.
 */
export function forTenant(db: PrismaClient, tenantId: string) {
  if (!tenantId) throw new Error('forTenant needs a tenant id');
  const scoped = db.$extends({
    name: 'tenant-scope',
    query: {
      async $allOperations({ model, operation, args, query }) {
        if (model && !TENANT_OWNED_MODELS.has(model)) return query(args);
        const confined = model ? scopeArgs(operation, args, tenantId) : args;
        const [, result] = await db.$transaction([setTenant(db, tenantId), query(confined) as never]);
        return result;
      },
    },
  });
  type TransactionClient = Omit<typeof scoped, '$transaction' | '$connect' | '$disconnect' | '$on' | '$extends'>;

  return Object.assign(scoped, {
    tenantId,
    /** An interactive transaction for this tenant: several operations through `tx`, all or nothing. */
    transaction<T>(work: (tx: TransactionClient) => Promise<T>, options?: { timeout?: number }): Promise<T> {
      // On the plain client: the extension's per-operation transaction cannot nest inside this one.
      return db.$transaction(async (tx) => {
        await setTenant(tx, tenantId);
        return work(confineTransaction(tx, tenantId) as unknown as TransactionClient);
      }, options);
    },
  });
}

export type TenantDb = ReturnType<typeof forTenant>;
