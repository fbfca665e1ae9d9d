import { phoneLabel } from '../domain/phone.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import type { ConversationActivities } from './contracts.ts';
import { cancelHeldTexts } from './held-texts.ts';
import type { ActivityDeps } from './deps.ts';
import { recordInboundMessage } from '../prisma/inbound-texts.ts';

// The conversation workflow's view of a customer's texts: the inbound row, who the tenant and the
// customer are, opt-outs (STOP / START) and the texts a STOP cancels. Sending is messaging.ts.

export function createConversationActivities(deps: ActivityDeps): ConversationActivities {
  const { db } = deps;
  return {
    recordInboundMessage: ({ tenantId, customerId, ...message }) => recordInboundMessage(db, tenantId, message, customerId),

    async loadSmsContext({ tenantId, customerId, phone }) {
      const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, include: { config: true, phoneConfig: true } });
      const customer = customerId ? await forTenant(db, tenantId).customer.findFirst({ where: { id: customerId }, select: { name: true } }) : null;
      const named = customer && customer.name !== phoneLabel(phone) && customer.name !== phone;
      return {
        businessName: tenant.config?.businessName ?? tenantId,
        businessNumber: tenant.phoneConfig ? phoneLabel(tenant.phoneConfig.phoneNumber) : '',
        status: tenant.config?.status ?? 'active',
        autoReplyText: tenant.phoneConfig?.autoReplyText ?? null,
        ownerNotifyPhone: tenant.phoneConfig?.ownerNotifyPhone ?? null,
        customerLabel: named ? `${customer.name} (${phone})` : phone,
        appUrl: deps.config.PUBLIC_BASE_URL,
      };
    },

    async setOptOut({ tenantId, phone }) {
      await forTenant(db, tenantId).smsOptOut.upsert({ where: { tenantId_phoneNumber: { tenantId, phoneNumber: phone } }, create: { phoneNumber: phone }, update: {} });
    },

    async clearOptOut({ tenantId, phone }) {
      await forTenant(db, tenantId).smsOptOut.deleteMany({ where: { phoneNumber: phone } });
    },

    async cancelQueuedTexts({ tenantId, phone }) {
      const tenantDb = forTenant(db, tenantId);
      const waiting = { direction: 'outbound' as const, toNumber: phone, status: { in: ['queued' as const, 'blocked_quiet_hours' as const] } };
      const held = await tenantDb.message.findMany({ where: { ...waiting, status: 'blocked_quiet_hours' }, select: { id: true } });
      const { count } = await tenantDb.message.updateMany({ where: waiting, data: { status: 'cancelled', error: 'Cancelled: the recipient opted out.' } });
      // The rows decide (a timer that still fires finds its text cancelled); stopping the timers is tidying up.
      await cancelHeldTexts(deps, tenantId, held.map((m) => m.id));
      return count;
    },

    async findUpcomingBooking({ tenantId, customerId }) {
      const next = await forTenant(db, tenantId).booking.findFirst({
        where: { customerId, status: { in: ['held', 'confirmed'] }, endsAt: { gt: new Date() } },
        orderBy: { startsAt: 'asc' },
        select: { id: true },
      });
      return next ? { bookingId: next.id } : null;
    },
  };
}
