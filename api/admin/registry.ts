import { Prisma } from '../../prisma/client.ts';
import { ROOT_TENANT_ID, tenantIdFromName } from '../../domain/tenancy.ts';
import { workflowIds } from '../../domain/workflow-ids.ts';
import { billingDurations, startTenantBilling, signalTenantClosed, signalTierChanged } from '../../workers/client/tenant-billing.ts';
import type { AppDeps } from '../context.ts';
import { ApiError } from '../errors.ts';
import { refreshCallContextOf } from '../twilio/call-context.ts';
import type { CreateTenantInput, UpdateTenantInput } from '../../domain/inputs/tenant.ts';

const withConfig = { config: true, phoneConfig: true, billing: true } as const;
type TenantRow = Prisma.TenantGetPayload<{ include: typeof withConfig }>;

export type TenantView = ReturnType<typeof toView>;

function toView(row: TenantRow, temporalUiUrl: string | undefined, namespace: string) {
  const config = row.config!;
  return {
    id: row.id,
    slug: row.slug,
    businessName: config.businessName,
    industry: config.industry,
    tier: config.tier,
    status: config.status,
    primaryColor: config.primaryColor,
    logoUrl: config.logoUrl,
    phoneNumber: row.phoneConfig?.phoneNumber ?? null,
    ivrMode: row.phoneConfig ? (row.phoneConfig.ivrMode === 'ai_voice' ? 'ai-voice' : row.phoneConfig.ivrMode) : null,
    isRoot: row.id === ROOT_TENANT_ID,
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    /** When the retention window ended: the business rows were deleted, the final export kept. */
    purgedAt: row.purgedAt?.toISOString() ?? null,
    temporalUiUrl: temporalUiUrl
      ? `${temporalUiUrl}/namespaces/${encodeURIComponent(namespace)}/workflows?query=${encodeURIComponent(`TenantId="${row.id}"`)}`
      : null,
    // What Stripe last told us (the billing page has the live timers).
    billing: {
      trialEndsAt: row.billing?.trialEndsAt?.toISOString() ?? null,
      currentPeriodEnd: row.billing?.currentPeriodEnd?.toISOString() ?? null,
      hasPaymentMethod: row.billing?.hasPaymentMethod ?? false,
    },
    /** Links into the Temporal UI for ops, only when TEMPORAL_UI_URL is configured. */
    temporalLinks: temporalUiUrl
      ? {
          billingWorkflow: `${temporalUiUrl}/namespaces/${encodeURIComponent(namespace)}/workflows/${workflowIds.billing(encodeURIComponent(row.id))}`,
          allWorkflows: `${temporalUiUrl}/namespaces/${encodeURIComponent(namespace)}/workflows?query=${encodeURIComponent(`TenantId="${row.id}"`)}`,
        }
      : null,
  };
}

/** The tenant registry of the root dashboard: create, list, change and close tenants. */
export function tenantRegistry(deps: AppDeps) {
  const { db, temporal, config, logger } = deps;
  const view = (row: TenantRow) => toView(row, config.TEMPORAL_UI_URL, config.TEMPORAL_NAMESPACE);

  async function find(id: string): Promise<TenantRow> {
    const row = await db.tenant.findUnique({ where: { id }, include: withConfig });
    if (!row?.config) throw new ApiError(404, 'not_found', `There is no tenant “${id}”.`);
    return row;
  }

  function refuseRoot(id: string, action: string) {
    if (id === ROOT_TENANT_ID) throw new ApiError(403, 'root_protected', `The root tenant (Clean Machine) cannot be ${action}.`);
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
    async list(options: { includeClosed: boolean }) {
      const rows = await db.tenant.findMany({
        where: options.includeClosed ? {} : { closedAt: null },
        include: withConfig,
        orderBy: { createdAt: 'asc' },
      });
      return rows.filter((row) => row.config).map(view).sort((a, b) => Number(b.isRoot) - Number(a.isRoot));
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
      await startBilling(row);
      return view(row);
    },

    async update(id: string, input: UpdateTenantInput, actorUserId: string) {
      refuseRoot(id, 'changed through the admin API');
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
