import { ApplicationFailure } from '@temporalio/common';
import { ROOT_TENANT_ID } from '../domain/tenancy.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import type { RetentionActivities } from './contracts.ts';
import type { ActivityDeps } from './deps.ts';

/**
 * The end of the retention window. Deletes a tenant's business rows — only for a tenant that is
 * suspended or closed, never root, and only once a final export of those rows is ready. The
 * registry entry, memberships (so the owner can still sign in and fetch the final export), the
 * audit log and the export records stay; the phone configuration goes, which frees the number.
 */
export function createRetentionActivities(deps: ActivityDeps): RetentionActivities {
  const { db, logger } = deps;

  return {
    async purgeTenantData({ tenantId, finalExportId }) {
      if (tenantId === ROOT_TENANT_ID) throw ApplicationFailure.nonRetryable('The root tenant is never purged.', 'PurgeRefused');
      const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { purgedAt: true, config: { select: { status: true } } } });
      if (!tenant) throw ApplicationFailure.nonRetryable(`There is no tenant ${tenantId}.`, 'PurgeRefused');
      if (tenant.purgedAt) return { purgedAt: tenant.purgedAt.toISOString(), deleted: {} };
      const status = tenant.config?.status;
      if (status !== 'suspended' && status !== 'closed') {
        throw ApplicationFailure.nonRetryable(`Tenant ${tenantId} is ${status ?? 'unknown'}: only a suspended or closed tenant is purged.`, 'PurgeRefused');
      }
      const finalExport = await db.dataExport.findUnique({ where: { id: finalExportId }, select: { tenantId: true, status: true } });
      if (finalExport?.tenantId !== tenantId || finalExport.status !== 'ready') {
        throw ApplicationFailure.nonRetryable(`Export ${finalExportId} of ${tenantId} is not ready: nothing is deleted without a final export.`, 'PurgeRefused');
      }

      // Children before parents (invoices → bookings → services/resources/customers); all or nothing.
      const deleted = await forTenant(db, tenantId).transaction(
        async (tx) => ({
          invoices: (await tx.invoice.deleteMany()).count,
          bookings: (await tx.booking.deleteMany()).count,
          services: (await tx.service.deleteMany()).count,
          resources: (await tx.resource.deleteMany()).count,
          vehicles: (await tx.vehicle.deleteMany()).count,
          websiteRequests: (await tx.websiteRequest.deleteMany()).count,
          customers: (await tx.customer.deleteMany()).count,
          calls: (await tx.call.deleteMany()).count,
          voicemailAudio: (await tx.voicemailAudio.deleteMany()).count,
          voicemails: (await tx.voicemail.deleteMany()).count,
          messages: (await tx.message.deleteMany()).count,
          smsOptOuts: (await tx.smsOptOut.deleteMany()).count,
          usageCounters: (await tx.usageCounter.deleteMany()).count,
          emails: (await tx.emailMessage.deleteMany()).count,
        }),
        { timeout: 600_000 },
      );
      const purgedAt = new Date();
      await db.$transaction([
        db.tenantPhoneConfig.deleteMany({ where: { tenantId } }),
        db.tenant.update({ where: { id: tenantId }, data: { purgedAt } }),
        db.auditLog.create({ data: { tenantId, action: 'tenant.purged', after: { finalExportId, deleted } } }),
      ]);
      logger.info({ tenantId, finalExportId, deleted }, 'tenant data purged after the retention window');
      return { purgedAt: purgedAt.toISOString(), deleted };
    },
  };
}
