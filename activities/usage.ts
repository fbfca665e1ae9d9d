import { ApplicationFailure } from '@temporalio/common';
import type Stripe from 'stripe';
import { z } from 'zod';
import { isPermanentRejection } from '../domain/provider-errors.ts';
import { callMinutes, periodBounds, usageEventTimestamp } from '../domain/usage-period.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import type { ReportTenantUsageResult, UsageActivities } from './contracts.ts';
import type { ActivityDeps } from './deps.ts';
import { createStripeClient } from './stripe-client.ts';

/**
 * Stripe Billing Meters for what a tenant used in a month. Aggregation `last`: every report sends
 * the month's running total, and Stripe bills the latest one, so re-sending a total (a retried
 * activity, a schedule that fired twice) can never bill twice.
 */
export const USAGE_METERS = {
  smsSegments: { eventName: 'servicepro_sms_segments', displayName: 'ServicePro SMS segments', priceLookupKey: 'servicepro_sms_segment_metered' },
  callMinutes: { eventName: 'servicepro_call_minutes', displayName: 'ServicePro call minutes', priceLookupKey: 'servicepro_call_minute_metered' },
} as const;
type MeterKey = keyof typeof USAGE_METERS;

// The month's rules (bounds, the stamp of a past month's total, billed minutes) live in domain/usage-period.ts.
export { periodBounds } from '../domain/usage-period.ts';

const reportInput = z.object({
  tenantId: z.string().min(1),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'period must be a month, YYYY-MM'),
});

/** The meter event's identifier: the same total for the same month is the same event, which Stripe refuses to take twice. */
export const usageEventIdentifier = (tenantId: string, period: string, eventName: string, value: number) => `usage:${tenantId}:${period}:${eventName}:${value}`;

interface StripeLikeError {
  type?: string;
  statusCode?: number;
  message?: string;
  raw?: { message?: string; code?: string };
}

/** Stripe's answer to an identifier it already holds: proof that this total was delivered before. */
export function isDuplicateMeterEvent(error: unknown): boolean {
  const e = error as StripeLikeError;
  const message = e.raw?.message ?? e.message ?? '';
  return e.statusCode === 400 && /already exists with identifier/i.test(message);
}

export function createUsageActivities(deps: ActivityDeps): UsageActivities {
  const { db, logger } = deps;
  let stripe: Stripe | undefined;
  const client = () => (stripe ??= createStripeClient(deps.config, deps.masterKey));

  async function findMeter(eventName: string) {
    for await (const meter of client().billing.meters.list({ status: 'active', limit: 100 })) {
      if (meter.event_name === eventName) return meter;
    }
    return undefined;
  }

  /** Both meters exist: found by event name, else created once (a concurrent creator's meter is as good as ours). */
  async function ensureMeter(eventName: string, displayName: string): Promise<string> {
    const found = await findMeter(eventName);
    if (found) return found.id;
    try {
      const meter = await client().billing.meters.create(
        {
          event_name: eventName,
          display_name: displayName,
          default_aggregation: { formula: 'last' },
          customer_mapping: { type: 'by_id', event_payload_key: 'stripe_customer_id' },
          value_settings: { event_payload_key: 'value' },
        },
        { idempotencyKey: `servicepro-meter:${eventName}` },
      );
      return meter.id;
    } catch (error) {
      const other = await findMeter(eventName);
      if (!other) throw error;
      return other.id;
    }
  }

  /** The metered price of each meter (what a unit costs on the invoice), found by lookup key, else created once. */
  async function ensureMeteredPrice(meterId: string, meter: MeterKey): Promise<string> {
    const { priceLookupKey, displayName } = USAGE_METERS[meter];
    const find = async () => (await client().prices.list({ lookup_keys: [priceLookupKey], active: true, limit: 1 })).data[0]?.id;
    const found = await find();
    if (found) return found;
    const unitAmount = meter === 'smsSegments' ? deps.config.BILLING_PRICE_SMS_SEGMENT_CENTS : deps.config.BILLING_PRICE_CALL_MINUTE_CENTS;
    try {
      const price = await client().prices.create(
        { currency: 'usd', unit_amount: unitAmount, recurring: { interval: 'month', usage_type: 'metered', meter: meterId }, lookup_key: priceLookupKey, product_data: { name: displayName } },
        { idempotencyKey: `servicepro-price:${priceLookupKey}:${unitAmount}` },
      );
      return price.id;
    } catch (error) {
      const other = await find();
      if (!other) throw error;
      return other;
    }
  }

  async function ensureMeters(): Promise<Record<MeterKey, string>> {
    const prices = {} as Record<MeterKey, string>;
    for (const meter of Object.keys(USAGE_METERS) as MeterKey[]) {
      const { eventName, displayName } = USAGE_METERS[meter];
      prices[meter] = await ensureMeteredPrice(await ensureMeter(eventName, displayName), meter);
    }
    return prices;
  }

  /** Once per worker process; a failure is forgotten so the next activity attempt tries again. */
  let metersReady: Promise<Record<MeterKey, string>> | undefined;
  const meteredPrices = () => (metersReady ??= ensureMeters().catch((error: unknown) => {
    metersReady = undefined;
    throw error;
  }));

  /** The subscription bills the meters: a metered item per meter is added once (subscriptions made before metering included). */
  async function ensureMeteredItems(subscriptionId: string, prices: Record<MeterKey, string>) {
    const subscription = await client().subscriptions.retrieve(subscriptionId);
    if (subscription.status === 'canceled') return;
    const billed = new Set(subscription.items.data.map((item) => item.price.id));
    for (const price of Object.values(prices)) {
      if (billed.has(price)) continue;
      await client().subscriptionItems.create({ subscription: subscriptionId, price }, { idempotencyKey: `servicepro-usage-item:${subscriptionId}:${price}` });
    }
  }

  async function sendTotal(input: { tenantId: string; period: string; meter: MeterKey; customerId: string; value: number; timestamp?: number }): Promise<boolean> {
    const { eventName } = USAGE_METERS[input.meter];
    const identifier = usageEventIdentifier(input.tenantId, input.period, eventName, input.value);
    try {
      await client().billing.meterEvents.create({
        event_name: eventName,
        identifier,
        payload: { stripe_customer_id: input.customerId, value: String(input.value) },
        ...(input.timestamp === undefined ? {} : { timestamp: input.timestamp }),
      });
      return true;
    } catch (error) {
      if (isDuplicateMeterEvent(error)) return false;
      if (isPermanentRejection((error as StripeLikeError).statusCode)) {
        const message = (error as StripeLikeError).message ?? String(error);
        throw ApplicationFailure.create({ message: `Stripe refused the ${eventName} total for tenant ${input.tenantId} (${input.period}): ${message}`, type: 'StripeUsageRejected', nonRetryable: true });
      }
      throw error; // 5xx, 429, network: Temporal retries the activity
    }
  }

  return {
    async listBillableTenants() {
      const rows = await db.tenantBilling.findMany({ where: { stripeCustomerId: { not: null } }, select: { tenantId: true }, orderBy: { tenantId: 'asc' } });
      return rows.map((row) => row.tenantId);
    },

    async reportTenantUsage(raw): Promise<ReportTenantUsageResult> {
      const parsed = reportInput.safeParse(raw);
      if (!parsed.success) throw ApplicationFailure.nonRetryable(`Bad usage report request: ${parsed.error.issues.map((i) => i.message).join('; ')}`, 'BadUsageReport');
      const { tenantId, period } = parsed.data;
      const now = new Date();
      if (now.getTime() < periodBounds(period).start) throw ApplicationFailure.nonRetryable(`Period ${period} has not started yet.`, 'BadUsageReport');
      const timestamp = usageEventTimestamp(period, now);

      const billing = await db.tenantBilling.findUnique({ where: { tenantId }, select: { stripeCustomerId: true, stripeSubscriptionId: true } });
      const counter = await forTenant(db, tenantId).usageCounter.findFirst({ where: { period } });
      const totals: Record<MeterKey, number> = { smsSegments: counter?.smsSegments ?? 0, callMinutes: callMinutes(counter?.callSeconds ?? 0) };
      if (!billing?.stripeCustomerId) return { ...totals, sent: 0, skipped: 'no_stripe_customer' };

      let sent = 0;
      const nonZero = (Object.keys(totals) as MeterKey[]).filter((meter) => totals[meter] > 0);
      if (nonZero.length > 0) {
        try {
          const prices = await meteredPrices();
          if (billing.stripeSubscriptionId) await ensureMeteredItems(billing.stripeSubscriptionId, prices);
        } catch (error) {
          // A subscription Stripe does not know (deleted, another account) will not appear on a retry.
          if (!isPermanentRejection((error as StripeLikeError).statusCode)) throw error;
          throw ApplicationFailure.create({ message: `Stripe refused the metered prices for tenant ${tenantId}: ${(error as StripeLikeError).message ?? String(error)}`, type: 'StripeUsageRejected', nonRetryable: true });
        }
      }
      for (const meter of nonZero) {
        if (await sendTotal({ tenantId, period, meter, customerId: billing.stripeCustomerId, value: totals[meter], timestamp })) sent += 1;
      }
      if (sent > 0) logger.info({ tenantId, period, ...totals, sent }, 'usage reported to Stripe');
      return { ...totals, sent };
    },
  };
}
