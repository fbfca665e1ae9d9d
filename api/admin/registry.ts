import { Prisma } from '../../prisma/client.ts';
import { ensureResource, ensureServices } from '../../prisma/bookable.ts';
import { INDUSTRY_PACKS } from '../../domain/industry-packs/index.ts';
import { ROOT_TENANT_ID, tenantIdFromName } from '../../domain/tenancy.ts';
import { billingDurations, startTenantBilling, signalTenantClosed, signalTierChanged } from '../../workers/client/tenant-billing.ts';
import type { AppDeps } from '../context.ts';
import { ApiError } from '../errors.ts';
import { ROOT_PROTECTED_FIELDS, type CreateTenantInput, type UpdateTenantInput } from '../../domain/inputs/tenant.ts';
import { findTenant, toView, withConfig, type RegistryEntryRow, type TenantRow } from './tenant-view.ts';
import type { RegistryQuery } from '../../domain/inputs/registry-query.ts';
import { planPricesCents } from '../../domain/plan-prices.ts';
import { searchRegistry, summariseRegistry } from './registry-search.ts';
import { refreshCallContextOf } from '../twilio/call-context.ts';

/** The tenant registry of the root dashboard: create, list, change and close tenants. */
export function tenantRegistry(deps: AppDeps) {
  const { db, temporal, config, logger } = deps;
  const view = (row: RegistryEntryRow) => toView(row, config.TEMPORAL_UI_URL, config.TEMPORAL_NAMESPACE);

  const find = (id: string) => findTenant(db, id);

  function refuseRoot(id: string, action: string) {
    if (id === ROOT_TENANT_ID) throw new ApiError(403, 'root_protected', `The root tenant (Clean Machine) cannot be ${action}.`);
  }

  /** Root's own settings may change; its plan and number may not (ROOT_PROTECTED_FIELDS says why). */
  function refuseRootProtectedFields(input: UpdateTenantInput) {
    const fields = Object.fromEntries(Object.entries(ROOT_PROTECTED_FIELDS).filter(([field]) => input[field as keyof UpdateTenantInput] !== undefined));
    if (Object.keys(fields).length === 0) return;
    throw new ApiError(403, 'root_protected', `These settings of the root tenant cannot be changed: ${Object.keys(fields).join(', ')}. Leave them out and save again.`, fields);
  }

  /** Maps a unique violation to the field a person must change. */
  /** A business number equal to where its calls are forwarded (or its alerts texted) would call or text itself. */
  async function refuseLoopingNumber(id: string, phoneNumber: string) {
    const phone = await db.tenantPhoneConfig.findUnique({ where: { tenantId: id }, select: { forwardingNumber: true, ownerNotifyPhone: true } });
    const role = phone?.forwardingNumber === phoneNumber ? 'forwarding number: calls to it would be forwarded to itself' : phone?.ownerNotifyPhone === phoneNumber ? 'owner alert number: alerts would text the business itself' : null;
    if (!role) return;
    const field = role.startsWith('forwarding') ? 'forwarding number' : 'owner alert number';
    const message = `This is the business's ${role}. Change the ${field} in Phone settings first.`;
    throw new ApiError(400, 'validation_failed', message, { phoneNumber: message });
  }

  function conflict(error: unknown, id: string, phoneNumber?: string | null): never {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      if (phoneNumber && JSON.stringify(error.meta ?? {}).includes('phone_number')) {
        throw new ApiError(409, 'conflict', `The number ${phoneNumber} already belongs to another tenant.`, { phoneNumber: 'This number already belongs to another tenant' });
      }
      throw new ApiError(409, 'conflict', `A tenant with id “${id}” already exists.`, { id: 'This id is taken; choose another' });
    }
    throw error;
  }

  return {
    /** One page of the registry as searched, filtered and sorted, with the summary row. */
    async list(query: RegistryQuery) {
      const now = new Date();
      const [{ entries, page }, summary] = await Promise.all([searchRegistry(db, query, now), summariseRegistry(db, query, planPricesCents(config), now)]);
      return { tenants: entries.map(view), page, summary };
    },

    async get(id: string) {
      return view(await find(id));
    },

    async create(input: CreateTenantInput, actorUserId: string) {
      const id = input.id ?? tenantIdFromName(input.businessName);
      let row: TenantRow;
      try {
        // One transaction: tenant, config, phone config and audit entry land together or not at all.
        row = await db.$transaction(async (tx) => {
          const created = await tx.tenant.create({
            data: {
              id,
              slug: id,
              config: { create: { businessName: input.businessName, tier: input.tier, industry: input.industry, primaryColor: input.primaryColor, logoUrl: input.logoUrl, status: 'trialing' } },
              phoneConfig: input.phoneNumber ? { create: { phoneNumber: input.phoneNumber, ivrMode: input.tier === 'starter' ? 'simple' : 'ivr' } } : undefined,
            },
            include: withConfig,
          });
          await tx.auditLog.create({ data: { actorUserId, tenantId: id, action: 'tenant.created', after: view(created) } });
          return created;
        });
      } catch (error) {
        conflict(error, id, input.phoneNumber);
      }
      // Bookable from the start: someone to do the work, and the trade's services to book.
      await ensureResource(db, id);
      const pack = INDUSTRY_PACKS.find((known) => known.id === input.industry);
      if (pack) await ensureServices(db, id, pack.services);
      await startBilling(row);
      return view(row);
    },

    async update(id: string, input: UpdateTenantInput, actorUserId: string) {
      if (id === ROOT_TENANT_ID) refuseRootProtectedFields(input);
      const before = await find(id);
      if (before.closedAt) throw new ApiError(409, 'tenant_closed', `Tenant “${id}” is closed; it can no longer be changed.`);
      if (input.phoneNumber) await refuseLoopingNumber(id, input.phoneNumber);
      const configChanges = {
        businessName: input.businessName,
        tier: input.tier,
        industry: input.industry,
        primaryColor: input.primaryColor,
        logoUrl: input.logoUrl,
      };
      let after: TenantRow;
      try {
        after = await db.$transaction(async (tx) => {
          await tx.tenantConfig.update({ where: { tenantId: id }, data: configChanges });
          if (input.phoneNumber === null) await tx.tenantPhoneConfig.deleteMany({ where: { tenantId: id } });
          if (input.phoneNumber) {
            await tx.tenantPhoneConfig.upsert({
              where: { tenantId: id },
              update: { phoneNumber: input.phoneNumber },
              create: { tenantId: id, phoneNumber: input.phoneNumber },
            });
          }
          const updated = await tx.tenant.findUniqueOrThrow({ where: { id }, include: withConfig });
          await tx.auditLog.create({ data: { actorUserId, tenantId: id, action: 'tenant.updated', before: view(before), after: view(updated) } });
          return updated;
        });
      } catch (error) {
        conflict(error, id, input.phoneNumber);
      }
      // This process's callers hear the new name, plan or number at once (other API processes: within CALL_CONTEXT_TTL_MS).
      await refreshCallContextOf(db, id, config.PUBLIC_BASE_URL).catch(() => undefined);
      if (input.tier && input.tier !== before.config!.tier) {
        await signalTierChanged(temporal, id, input.tier).catch((error: Error) =>
          logger.warn({ err: error, tenantId: id }, 'billing workflow not told of the tier change; it will be reconciled'),
        );
      }
      return view(after);
    },

    /** Closing keeps every row: the tenant is hidden and its billing life takes it from here. */
    async close(id: string, actorUserId: string) {
      refuseRoot(id, 'closed or deleted');
      const before = await find(id);
      if (before.closedAt) return view(before);
      const after = await db.$transaction(async (tx) => {
        await tx.tenantConfig.update({ where: { tenantId: id }, data: { status: 'closed' } });
        const closed = await tx.tenant.update({ where: { id }, data: { closedAt: new Date() }, include: withConfig });
        await tx.auditLog.create({ data: { actorUserId, tenantId: id, action: 'tenant.closed', before: view(before), after: view(closed) } });
        return closed;
      });
      await refreshCallContextOf(db, id, config.PUBLIC_BASE_URL).catch(() => undefined);
      await signalTenantClosed(temporal, id).catch((error: Error) =>
        logger.warn({ err: error, tenantId: id }, 'billing workflow not told of the closing; it will be reconciled'),
      );
      return view(after);
    },
  };

  async function startBilling(row: TenantRow) {
    try {
      await startTenantBilling(temporal, config.TEMPORAL_TASK_QUEUE, { id: row.id, tier: row.config!.tier, status: row.config!.status }, billingDurations(config));
    } catch (error) {
      // The tenant exists; start-up reconciliation (ensureBillingWorkflows) starts what is missing.
      logger.error({ err: error, tenantId: row.id }, 'could not start the billing workflow');
    }
  }
}
