import { WorkflowUpdateFailedError } from '@temporalio/client';
import { Hono } from 'hono';
import { z } from 'zod';
import { EVERY_PLAN, planFeatures, TIER_NAMES } from '../../domain/tiers.ts';
import { ROOT_TENANT_ID, TENANT_TIERS, type TenantTier } from '../../domain/tenancy.ts';
import { trialDaysLeft } from '../../domain/trial-days.ts';
import { queryBillingState, requestPaymentLink, requestPlanChange } from '../../workers/client/tenant-billing.ts';
import { requireAccess } from '../auth/session.ts';
import type { TenantBillingState } from '../../workflows/billing.messages.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { validated } from '../validated.ts';
import { openBusinessOnly, setUpBusinessOnly } from './open-business.ts';
import { withinTemporalDeadline } from '../temporal-deadline.ts';

// `/api/tenants/:tenantId/billing`: what the owner's billing page shows and the two things it can
// ask for (a plan change, a Stripe link to add a card). The database holds what Stripe last told
// us; the billing workflow holds the live timers (trial end, grace, retention, a scheduled
// downgrade), read by a query with a short deadline so the page still loads when Temporal is down.

/** Reading the workflow's state must never hold the page up. */
const QUERY_DEADLINE_MS = 2_000;
/** Updates need a worker; without one the SDK would wait forever. */
const UPDATE_DEADLINE_MS = 10_000;

const planInput = z.strictObject({ tier: z.enum(TENANT_TIERS, { error: 'Choose starter, pro or elite' }) });
const paymentLinkInput = z.strictObject({ kind: z.enum(['checkout', 'portal'], { error: 'kind must be checkout or portal' }) });

const iso = (value: Date | number | string | null | undefined): string | null => {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

/** An Update that failed: the workflow's own refusal in its words, else "busy" (no worker, timeout). */
function updateFailed(deps: AppDeps, tenantId: string, error: unknown): never {
  if (error instanceof WorkflowUpdateFailedError && error.cause?.message) {
    // The validator refused (closed business, billing still being set up…): the reason is for people.
    throw new ApiError(409, 'billing_refused', error.cause.message);
  }
  deps.logger.warn({ err: error, tenantId }, 'billing update did not complete in time');
  throw new ApiError(503, 'billing_busy', 'Billing is busy — try again in a minute.');
}

async function billingView(deps: AppDeps, tenantId: string) {
  const { db, temporal, config, logger } = deps;
  const [tenantConfig, billing, invoices] = await Promise.all([
    db.tenantConfig.findUnique({ where: { tenantId } }),
    db.tenantBilling.findUnique({ where: { tenantId } }),
    db.billingInvoice.findMany({ where: { tenantId }, orderBy: { issuedAt: 'desc' }, take: 50 }),
  ]);
  if (!tenantConfig) throw new ApiError(404, 'not_found', `There is no business “${tenantId}”.`);

  let live: TenantBillingState | null = null;
  try {
    live = await withinTemporalDeadline(deps, QUERY_DEADLINE_MS, () => queryBillingState(temporal, tenantId));
  } catch (error) {
    // The page shows what the database knows; the timers come back when Temporal answers.
    logger.warn({ err: error, tenantId }, 'billing state not read from the workflow; showing stored fields');
  }

  const isRoot = tenantId === ROOT_TENANT_ID;
  const status = tenantConfig.status;
  const trialEndsAt = iso(live?.trialEndsAt ?? billing?.trialEndsAt);
  const daysLeft = status === 'trialing' && trialEndsAt ? trialDaysLeft(trialEndsAt) : null;
  const currentPeriodEnd = iso(billing?.currentPeriodEnd);
  const scheduled = live?.scheduledTier && live.scheduledTier.tier !== tenantConfig.tier ? live.scheduledTier : null;
  const prices: Record<TenantTier, number> = {
    starter: config.BILLING_PRICE_STARTER_CENTS,
    pro: config.BILLING_PRICE_PRO_CENTS,
    elite: config.BILLING_PRICE_ELITE_CENTS,
  };

  return {
    tier: tenantConfig.tier,
    status,
    /** Root (Clean Machine) runs the platform: it has a plan but is never billed. */
    billed: !isRoot,
    trialEndsAt: status === 'trialing' ? trialEndsAt : null,
    trialDaysLeft: daysLeft,
    hasPaymentMethod: billing?.hasPaymentMethod ?? false,
    currentPeriodEnd,
    scheduledChange: scheduled ? { tier: scheduled.tier, at: iso(scheduled.at) ?? currentPeriodEnd } : null,
    graceEndsAt: iso(live?.graceEndsAt),
    retentionEndsAt: iso(live?.retentionEndsAt),
    /** False when the workflow did not answer in time: the timers above may be missing. */
    live: live !== null,
    invoices: invoices.map((invoice) => ({
      id: invoice.stripeInvoiceId,
      number: invoice.number,
      status: invoice.status,
      amountDueCents: invoice.amountDueCents,
      amountPaidCents: invoice.amountPaidCents,
      currency: invoice.currency,
      hostedInvoiceUrl: invoice.hostedInvoiceUrl,
      periodStart: iso(invoice.periodStart),
      periodEnd: iso(invoice.periodEnd),
      issuedAt: iso(invoice.issuedAt)!,
    })),
    plans: TENANT_TIERS.map((tier) => {
      const { included, comingSoon } = planFeatures(tier);
      return {
        tier,
        name: TIER_NAMES[tier],
        priceCents: prices[tier],
        /** What the plan adds today, beyond `everyPlan`. */
        features: included,
        /** What the plan will add once it is built: shown as "coming soon", never as included. */
        comingSoon,
        current: tier === tenantConfig.tier,
      };
    }),
    /** What every plan includes today. */
    everyPlan: [...EVERY_PLAN],
    /** Usage billed on top of every plan (BILLING_PRICE_SMS_SEGMENT_CENTS, BILLING_PRICE_CALL_MINUTE_CENTS). */
    usagePrices: { smsSegmentCents: config.BILLING_PRICE_SMS_SEGMENT_CENTS, callMinuteCents: config.BILLING_PRICE_CALL_MINUTE_CENTS },
  };
}

export type BillingView = Awaited<ReturnType<typeof billingView>>;

/** The owner's plan change, through the billing workflow's Update (it decides now or at period end). */
async function changePlan(deps: AppDeps, tenantId: string, tier: TenantTier) {
  if (tenantId === ROOT_TENANT_ID) throw new ApiError(400, 'root_not_billed', 'Clean Machine (the root business) is not billed: its plan is always Elite and cannot be changed here.');
  const tenantConfig = await deps.db.tenantConfig.findUnique({ where: { tenantId } });
  if (!tenantConfig) throw new ApiError(404, 'not_found', `There is no business “${tenantId}”.`);
  if (tenantConfig.status === 'closed') throw new ApiError(409, 'tenant_closed', 'This business is closed; its plan can no longer be changed.');
  try {
    const result = await withinTemporalDeadline(deps, UPDATE_DEADLINE_MS, () => requestPlanChange(deps.temporal, tenantId, tier));
    return { timing: result.timing, tier: result.tier, effectiveAt: iso(result.effectiveAt) };
  } catch (error) {
    updateFailed(deps, tenantId, error);
  }
}

/** A Stripe Checkout (add a card) or Customer Portal (manage billing) link, made by the workflow. */
async function paymentLink(deps: AppDeps, tenantId: string, kind: 'checkout' | 'portal') {
  if (tenantId === ROOT_TENANT_ID) throw new ApiError(400, 'root_not_billed', 'Clean Machine (the root business) is not billed, so there is no card to add.');
  const returnPath = `/t/${encodeURIComponent(tenantId)}/billing`;
  try {
    const { url } = await withinTemporalDeadline(deps, UPDATE_DEADLINE_MS, () => requestPaymentLink(deps.temporal, tenantId, kind, returnPath));
    return { url };
  } catch (error) {
    updateFailed(deps, tenantId, error);
  }
}

/** Mounted under `/api/tenants/:tenantId/billing`: members read, owners (and the platform owner) change. */
export function tenantBillingRoutes() {
  const member = requireAccess({ kind: 'tenant-member' });
  const owner = requireAccess({ kind: 'tenant-member', roles: ['owner'] });
  const tenantId = (c: { req: { param: (name: 'tenantId') => string | undefined } }) => c.req.param('tenantId') ?? '';

  return new Hono<AppEnv>()
    .get('/', member, async (c) => c.json({ billing: await billingView(c.get('deps'), tenantId(c)) }))
    .post('/plan', owner, setUpBusinessOnly, validated('json', planInput), async (c) =>
      c.json({ change: await changePlan(c.get('deps'), tenantId(c), c.req.valid('json').tier) }),
    )
    .post('/payment-link', owner, openBusinessOnly, setUpBusinessOnly, validated('json', paymentLinkInput), async (c) =>
      c.json(await paymentLink(c.get('deps'), tenantId(c), c.req.valid('json').kind)),
    );
}
