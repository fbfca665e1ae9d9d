import type { WeeklyHours } from '../../domain/weekly-hours.ts';
import { fillPackText, industryPack } from '../../domain/industry-packs/index.ts';
import type { CallContext } from '../../domain/ivr.ts';
import { toE164 } from '../../domain/phone.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import { withinMs } from './deadline.ts';

/** The tenant a number belongs to, with what a call needs to know; null for a number no tenant has. */
export async function loadCallContext(db: PrismaClient, calledNumber: string, appUrl: string): Promise<CallContext | null> {
  const number = toE164(calledNumber) ?? calledNumber;
  const phone = await db.tenantPhoneConfig.findUnique({ where: { phoneNumber: number }, include: { tenant: { include: { config: true } } } });
  const config = phone?.tenant.config;
  if (!phone || !config) return null;
  // What the owner has not written yet is said in the words of the tenant's own trade.
  const pack = industryPack(config.industry);
  return {
    tenantId: phone.tenantId,
    businessName: config.businessName,
    tier: config.tier,
    status: config.status,
    ivrMode: phone.ivrMode === 'ai_voice' ? 'ai-voice' : phone.ivrMode,
    tenantNumber: phone.phoneNumber,
    forwardingNumber: phone.forwardingNumber,
    sipUri: phone.sipDomain && phone.sipUsername ? `sip:${phone.sipUsername}@${phone.sipDomain}` : null,
    timeZone: phone.timeZone,
    businessHours: (phone.businessHours as WeeklyHours | null) ?? null,
    jokesEnabled: phone.jokesEnabled,
    missedCallTextBack: phone.missedCallTextBack,
    ownerNotifyPhone: phone.ownerNotifyPhone,
    ownerNotifyEmail: phone.ownerNotifyEmail,
    texts: {
      greeting: phone.greetingText ?? fillPackText(pack.ivr.greeting, { business: config.businessName }),
      info: phone.infoText,
      infoSms: phone.infoSmsText,
      afterHours: phone.afterHoursText,
      missedCall: phone.missedCallText,
    },
    jokes: pack.ivr.jokes,
    appUrl,
  };
}

// Each API process keeps the call context of every tenant number that called, so a voice webhook
// is answered without a database read (callers never wait on Postgres either):
// * an entry younger than CALL_CONTEXT_TTL_MS is used as is. Settings saved through this process
//   replace it at once (refreshCallContextOf); saved through another API process, or a plan or
//   status changed by the worker, they show here within the TTL (no cross-process version check:
//   that would be a read per webhook, the very thing the cache saves);
// * an older entry is read again (bounded by the webhook deadline), and when the database fails
//   or is slow it is still used, up to a day old, so a known tenant's callers keep its menu.

/** An entry older than this is not trusted any more (a plan or status may long have changed). */
const CACHED_CONTEXT_MAX_AGE_MS = 24 * 60 * 60_000;

const lastKnown = new Map<string, { ctx: CallContext; readAt: number }>();
/** Which number each tenant's calls come in on, for steps that name the tenant (the owner's screening leg). */
const numberOfTenant = new Map<string, string>();

export type CallContextLookup =
  /** `fromCache`: the database failed or was slow, and this is the last copy this process read. */
  | { kind: 'found'; ctx: CallContext; fromCache: boolean }
  /** No tenant has this number (the database said so). */
  | { kind: 'unknown' }
  /** The database failed or was too slow, and this process has no recent context for the number. */
  | { kind: 'unavailable'; error: unknown };

const numberKey = (calledNumber: string) => toE164(calledNumber) ?? calledNumber;

function remember(key: string, ctx: CallContext) {
  lastKnown.set(key, { ctx, readAt: Date.now() });
  numberOfTenant.set(ctx.tenantId, key);
}

/** The call context of `calledNumber`: cached if younger than `ttlMs`, else from the database, else (database down or slow) the last one read. */
export async function lookUpCallContext(db: PrismaClient, calledNumber: string, appUrl: string, deadlineMs: number, ttlMs = 0): Promise<CallContextLookup> {
  const key = numberKey(calledNumber);
  const entry = lastKnown.get(key);
  if (entry && Date.now() - entry.readAt < ttlMs) return { kind: 'found', ctx: entry.ctx, fromCache: false };
  try {
    const ctx = await withinMs(deadlineMs, loadCallContext(db, calledNumber, appUrl));
    if (!ctx) {
      lastKnown.delete(key);
      return { kind: 'unknown' };
    }
    remember(key, ctx);
    return { kind: 'found', ctx, fromCache: false };
  } catch (error) {
    const cached = cachedCallContext(calledNumber);
    return cached ? { kind: 'found', ctx: cached, fromCache: true } : { kind: 'unavailable', error };
  }
}

/** The same, for a step whose URL names the tenant rather than the number called. */
export async function lookUpTenantCallContext(db: PrismaClient, tenantId: string, appUrl: string, deadlineMs: number, ttlMs = 0): Promise<CallContextLookup> {
  let number = numberOfTenant.get(tenantId);
  if (!number) {
    try {
      number = (await withinMs(deadlineMs, db.tenantPhoneConfig.findUnique({ where: { tenantId }, select: { phoneNumber: true } })))?.phoneNumber;
    } catch (error) {
      return { kind: 'unavailable', error };
    }
    if (!number) return { kind: 'unknown' };
  }
  const lookup = await lookUpCallContext(db, number, appUrl, deadlineMs, ttlMs);
  // The number moved to another tenant since: not this call's business.
  return lookup.kind === 'found' && lookup.ctx.tenantId !== tenantId ? { kind: 'unknown' } : lookup;
}

/** The last context this process read for the number, if recent enough; never touches the database. */
export function cachedCallContext(calledNumber: string): CallContext | null {
  const entry = lastKnown.get(numberKey(calledNumber));
  if (!entry) return null;
  if (Date.now() - entry.readAt > CACHED_CONTEXT_MAX_AGE_MS) {
    lastKnown.delete(numberKey(calledNumber));
    return null;
  }
  return entry.ctx;
}

/**
 * After a tenant's phone settings (or plan, status, number) changed in this process: drop what
 * was cached for it, and read it again while the database is surely up, so an outage right after
 * the change still answers with the new settings.
 */
export async function refreshCallContextOf(db: PrismaClient, tenantId: string, appUrl: string): Promise<void> {
  for (const [number, entry] of lastKnown) if (entry.ctx.tenantId === tenantId) lastKnown.delete(number);
  numberOfTenant.delete(tenantId);
  const phone = await db.tenantPhoneConfig.findUnique({ where: { tenantId }, select: { phoneNumber: true } });
  if (phone) await lookUpCallContext(db, phone.phoneNumber, appUrl, 5_000);
}
