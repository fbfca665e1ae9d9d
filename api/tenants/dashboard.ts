import { localDay, DEFAULT_TIME_ZONE } from '../../domain/local-day.ts';
import { setupSteps } from '../../domain/setup-steps.ts';
import { ROOT_TENANT_ID, type TenantStatus } from '../../domain/tenancy.ts';
import { trialDaysLeft } from '../../domain/trial-days.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { ApiError } from '../errors.ts';
import { callerNames } from './caller-names.ts';
import { registrationSummary } from './carrier-registration-view.ts';
import { textsWaitingForAnswer } from './waiting-texts.ts';

/**
 * Where the business stands with ServicePro, from what Stripe last told us (no Temporal query): the
 * trial's end and days left while trialing, and whether a card is on file. Root is never billed.
 */
export function accountFacts(tenantId: string, status: TenantStatus, billing: { trialEndsAt: Date | null; hasPaymentMethod: boolean } | null, now = new Date()) {
  const trialEndsAt = status === 'trialing' ? (billing?.trialEndsAt ?? null) : null;
  return {
    billed: tenantId !== ROOT_TENANT_ID,
    trialEndsAt: trialEndsAt?.toISOString() ?? null,
    trialDaysLeft: trialEndsAt ? trialDaysLeft(trialEndsAt, now) : null,
    hasPaymentMethod: billing?.hasPaymentMethod ?? false,
  };
}

/** "The latest few": enough to recognise who called or wrote, short enough for a phone screen. */
const LATEST = { calls: 5, voicemails: 3, texts: 3 };

/**
 * A business's home page in one answer: today's calls (from its local midnight), new voicemail,
 * texts waiting for an answer, its trial or billing trouble and the setup steps not done yet. The
 * reads run side by side, each on an index that starts with the tenant; none waits on Temporal.
 */
export async function dashboard(db: PrismaClient, tenantId: string, now = new Date()) {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, include: { config: true, phoneConfig: true, billing: true, carrierRegistration: { select: { state: true, errors: true } } } });
  if (!tenant?.config) throw new ApiError(404, 'not_found', `There is no business “${tenantId}”.`);
  const { config, phoneConfig: phone, billing } = tenant;
  const today = localDay(phone?.timeZone ?? DEFAULT_TIME_ZONE, now);
  const tdb = forTenant(db, tenantId);
  const duringToday = { startedAt: { gte: today.start, lt: today.end } };

  const [outcomes, latestCalls, unlistened, latestVoicemails, texts] = await Promise.all([
    tdb.call.groupBy({ by: ['outcome'], where: duringToday, _count: { _all: true } }),
    tdb.call.findMany({ where: duringToday, orderBy: [{ startedAt: 'desc' }, { id: 'desc' }], take: LATEST.calls }),
    tdb.voicemail.count({ where: { listenedAt: null } }),
    tdb.voicemail.findMany({ where: { listenedAt: null }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: LATEST.voicemails }),
    textsWaitingForAnswer(tdb, LATEST.texts, now),
  ]);
  const people = [
    ...latestCalls.map((row) => ({ customerId: row.customerId, number: row.fromNumber })),
    ...latestVoicemails.map((row) => ({ customerId: row.customerId, number: row.fromNumber })),
    ...texts.latest.map((row) => ({ customerId: row.customerId, number: row.counterpart })),
  ];
  const nameOf = await callerNames(tdb, people);
  /** The caller's name and customer page, when the number is in the customer book. */
  const caller = (customerId: string | null, number: string) => {
    const customer = nameOf({ customerId, number });
    return { callerName: customer?.name ?? null, customerId: customer?.id ?? null };
  };

  const count = (outcome: string) => outcomes.find((row) => row.outcome === outcome)?._count._all ?? 0;
  const total = outcomes.reduce((sum, row) => sum + row._count._all, 0);
  const account = accountFacts(tenantId, config.status, billing, now);

  return {
    timeZone: today.timeZone,
    today: { date: today.date, start: today.start.toISOString(), end: today.end.toISOString() },
    calls: {
      total,
      answered: count('answered'),
      /** Every call nobody picked up: hang-ups, missed and voicemail alike. */
      missed: total - count('answered'),
      /** Of the missed, those that left a voicemail. */
      voicemail: count('voicemail'),
      latest: latestCalls.map((row) => ({
        id: row.id,
        callSid: row.callSid,
        from: row.fromNumber,
        ...caller(row.customerId, row.fromNumber),
        startedAt: row.startedAt.toISOString(),
        durationSec: row.durationSec,
        outcome: row.outcome,
      })),
    },
    voicemail: {
      unlistened,
      latest: latestVoicemails.map((row) => ({
        id: row.id,
        callSid: row.callSid,
        from: row.fromNumber,
        ...caller(row.customerId, row.fromNumber),
        durationSec: row.durationSec,
        createdAt: row.createdAt.toISOString(),
      })),
    },
    texts: {
      waiting: texts.waiting,
      latest: texts.latest.map((row) => ({
        counterpart: row.counterpart,
        customerName: caller(row.customerId, row.counterpart).callerName,
        customerId: caller(row.customerId, row.counterpart).customerId,
        body: row.body,
        receivedAt: row.receivedAt.toISOString(),
      })),
    },
    /** Carrier registration for texting: where it stands, what to fix, which number texts go from meanwhile. */
    texting: registrationSummary(tenant.carrierRegistration),
    account: { status: config.status, tier: config.tier, closedAt: tenant.closedAt?.toISOString() ?? null, ...account },
    setup: setupSteps({
      phoneNumber: phone?.phoneNumber ?? null,
      forwardingNumber: phone?.forwardingNumber ?? null,
      sipUsername: phone?.sipUsername ?? null,
      greetingText: phone?.greetingText ?? null,
      billed: account.billed,
      hasPaymentMethod: account.hasPaymentMethod,
    }),
  };
}
