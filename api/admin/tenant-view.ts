import type { Prisma, PrismaClient } from '../../prisma/client.ts';
import { ApiError } from '../errors.ts';
import { ROOT_TENANT_ID } from '../../domain/tenancy.ts';
import { workflowIds } from '../../domain/workflow-ids.ts';

// A registry entry as the API answers it: the tenant with its config, phone line and what
// Stripe last told us, plus links into the Temporal UI for ops.

export const withConfig = { config: true, phoneConfig: true, billing: true, carrierRegistration: { select: { state: true } } } as const;
export type TenantRow = Prisma.TenantGetPayload<{ include: typeof withConfig }>;

export type TenantView = ReturnType<typeof toView>;

type Fields<T, K extends keyof NonNullable<T>> = Pick<NonNullable<T>, K> | null;

/** What a registry entry is made from: a `TenantRow`, or the registry search's own row (registry-search.ts). */
export type RegistryEntryRow = Pick<TenantRow, 'id' | 'slug' | 'createdAt' | 'closedAt' | 'purgedAt'> & {
  config: Fields<TenantRow['config'], 'businessName' | 'industry' | 'tier' | 'status' | 'primaryColor' | 'logoUrl'>;
  phoneConfig: Fields<TenantRow['phoneConfig'], 'phoneNumber' | 'ivrMode'>;
  billing: Fields<TenantRow['billing'], 'trialEndsAt' | 'currentPeriodEnd' | 'hasPaymentMethod'>;
  carrierRegistration: Fields<TenantRow['carrierRegistration'], 'state'>;
};

export function toView(row: RegistryEntryRow, temporalUiUrl: string | undefined, namespace: string) {
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
    /** Carrier registration for texting (A2P 10DLC); a business that never asked is `not_started`. */
    textingRegistration: row.carrierRegistration?.state ?? 'not_started',
    /** Links into the Temporal UI for ops, only when TEMPORAL_UI_URL is configured. */
    temporalLinks: temporalUiUrl
      ? {
          billingWorkflow: `${temporalUiUrl}/namespaces/${encodeURIComponent(namespace)}/workflows/${workflowIds.billing(encodeURIComponent(row.id))}`,
          allWorkflows: `${temporalUiUrl}/namespaces/${encodeURIComponent(namespace)}/workflows?query=${encodeURIComponent(`TenantId="${row.id}"`)}`,
        }
      : null,
  };
}

/** The registry entry of `id`, or a 404 that names it. */
export async function findTenant(db: PrismaClient, id: string): Promise<TenantRow> {
  const row = await db.tenant.findUnique({ where: { id }, include: withConfig });
  if (!row?.config) throw new ApiError(404, 'not_found', `There is no tenant “${id}”.`);
  return row;
}
