import type { WeeklyHours } from '../../domain/weekly-hours.ts';
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
      greeting: phone.greetingText,
      info: phone.infoText,
      infoSms: phone.infoSmsText,
      afterHours: phone.afterHoursText,
      missedCall: phone.missedCallText,
    },
    appUrl,
  };
}

// The last call context read for each number, so a known tenant's callers still get its menu or
// its forward when Postgres is down. Every lookup reads the database first (so settings changed
// by another process show at once) and refreshes the entry; the entry is used only when the
// database fails or does not answer in time. Small: one entry per tenant number that called.

/** An entry older than this is not trusted any more (a plan or status may long have changed). */
const CACHED_CONTEXT_MAX_AGE_MS = 24 * 60 * 60_000;

const lastKnown = new Map<string, { ctx: CallContext; readAt: number }>();

export type CallContextLookup =
  | { kind: 'found'; ctx: CallContext; fromCache: boolean }
  /** No tenant has this number (the database said so). */
  | { kind: 'unknown' }
  /** The database failed or was too slow, and this process has no recent context for the number. */
  | { kind: 'unavailable'; error: unknown };

const numberKey = (calledNumber: string) => toE164(calledNumber) ?? calledNumber;

/** The call context of `calledNumber`: from the database, else (database down or slow) the last one this process read. */
export async function lookUpCallContext(db: PrismaClient, calledNumber: string, appUrl: string, deadlineMs: number): Promise<CallContextLookup> {
  const key = numberKey(calledNumber);
  try {
    const ctx = await withinMs(deadlineMs, loadCallContext(db, calledNumber, appUrl));
    if (!ctx) {
      lastKnown.delete(key);
      return { kind: 'unknown' };
    }
    lastKnown.set(key, { ctx, readAt: Date.now() });
    return { kind: 'found', ctx, fromCache: false };
  } catch (error) {
    const cached = cachedCallContext(calledNumber);
    return cached ? { kind: 'found', ctx: cached, fromCache: true } : { kind: 'unavailable', error };
  }
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
  const phone = await db.tenantPhoneConfig.findUnique({ where: { tenantId }, select: { phoneNumber: true } });
  if (phone) await lookUpCallContext(db, phone.phoneNumber, appUrl, 5_000);
}
