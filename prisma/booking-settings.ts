import type { PrismaClient } from './client.ts';

// A tenant's booking rules (booking_settings, one row per tenant): the row when there is one, the
// defaults the migration gives a new row when there is not — so a business that never opened its
// booking settings books by the same rules it would see there.

export interface BookingRules {
  slotIntervalMin: number;
  minNoticeMin: number;
  maxAdvanceDays: number;
  holdMin: number;
  depositHoldMin: number;
  depositsEnabled: boolean;
  cancellationWindowHours: number;
  cancellationFeeCents: number;
  remindersEnabled: boolean;
  reviewUrl: string | null;
}

export const DEFAULT_BOOKING_RULES: BookingRules = {
  slotIntervalMin: 30,
  minNoticeMin: 120,
  maxAdvanceDays: 60,
  holdMin: 5,
  depositHoldMin: 30,
  depositsEnabled: false,
  cancellationWindowHours: 24,
  cancellationFeeCents: 0,
  remindersEnabled: true,
  reviewUrl: null,
};

export async function bookingRulesOf(db: PrismaClient, tenantId: string): Promise<BookingRules> {
  const row = await db.bookingSettings.findUnique({ where: { tenantId } });
  if (!row) return { ...DEFAULT_BOOKING_RULES };
  const { tenantId: _tenant, updatedAt: _updated, ...rules } = row;
  return rules;
}

/** The tenant's IANA time zone (tenant_phone_config.time_zone); America/Chicago when not set up yet. */
export async function tenantTimeZone(db: PrismaClient, tenantId: string): Promise<string> {
  const phone = await db.tenantPhoneConfig.findUnique({ where: { tenantId }, select: { timeZone: true } });
  return phone?.timeZone ?? 'America/Chicago';
}
