import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { DateTime } from 'luxon';
import { EXPORT_ENTITIES } from '../domain/export-entities.ts';
import { exportFileName, exportLinkExpiry, exportLinkKey, exportStorageDir, signExportLink } from '../domain/export-links.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import { exportProgressSignal } from '../workflows/export.messages.ts';
import { writeExportArchive, type ArchiveProgress } from './export-archive.ts';
import type { ExportActivities, ExportReason } from './contracts.ts';
import type { ActivityDeps } from './deps.ts';
import { createMailActivities } from './mail.ts';
import { createMessagingActivities } from './messaging.ts';
import { keepMissingRecordings } from './voicemail-audio.ts';

const HEARTBEAT_EVERY_MS = 1_000;
const SIGNAL_EVERY_MS = 500;

/** The activity's context, or null when called directly (bench, tests): heartbeats and signals are then skipped. */
function activityContext(): Context | null {
  try {
    return Context.current();
  } catch {
    return null;
  }
}

/**
 * Tells Temporal (heartbeat, every second even while a page is slow) and the workflow (a signal,
 * at most twice a second, one at a time) how far the archive has got. A lost signal costs only a
 * stale progress bar, so failures are logged, never thrown.
 */
function progressReporter(deps: ActivityDeps, context: Context | null, workflowId: string | undefined) {
  let latest: ArchiveProgress = { entity: EXPORT_ENTITIES[0]!.name, rowsDone: 0 };
  let lastSignal = 0;
  let signalling = false;
  const beat = () => context?.heartbeat(latest);
  const timer = context ? setInterval(beat, HEARTBEAT_EVERY_MS) : null;
  const handle = deps.temporal && workflowId ? deps.temporal.workflow.getHandle(workflowId) : null;

  return {
    update(progress: ArchiveProgress) {
      latest = progress;
      beat();
      const now = Date.now();
      if (!handle || signalling || now - lastSignal < SIGNAL_EVERY_MS) return;
      lastSignal = now;
      signalling = true;
      handle
        .signal(exportProgressSignal, progress)
        .catch((error: unknown) => deps.logger.warn({ err: error, workflowId }, 'export progress signal failed'))
        .finally(() => (signalling = false));
    },
    stop: () => timer && clearInterval(timer),
  };
}

const formatExpiry = (at: Date, timeZone: string) =>
  DateTime.fromJSDate(at).setZone(timeZone).toFormat("ccc d LLL yyyy 'at' h:mm a ZZZZ");

function announcement(input: { reason: ExportReason; businessName: string; url: string; expires: string; rowCounts: Record<string, number> }) {
  const counts = Object.entries(input.rowCounts).filter(([, n]) => n > 0).map(([entity, n]) => `  ${entity}: ${n}`);
  const download = [
    `Download it here (the link works until ${input.expires}):`,
    input.url,
    '',
    'After that, sign in and open the Exports page for a fresh link.',
    '',
    'The zip holds every record as a CSV file (opens in Excel or Google Sheets) and as JSON, with a README.',
    ...(counts.length ? ['', 'Records:', ...counts] : []),
  ];
  if (input.reason === 'final') {
    return {
      subject: `${input.businessName}: your complete data before the account closes`,
      text: [
        `The ServicePro account of ${input.businessName} is being closed: it has been suspended for the whole retention window.`,
        'Below is a link to your complete data: customers, bookings, invoices, calls, voicemails and texts. After this the business records are deleted from ServicePro, so please keep a copy.',
        '',
        ...download,
      ].join('\n'),
      smsLead: `ServicePro: ${input.businessName}'s account is being closed. Your complete data export is ready.`,
    };
  }
  return {
    subject: `${input.businessName}: your data export is ready`,
    text: [`The data export of ${input.businessName} you asked for is ready.`, '', ...download].join('\n'),
    smsLead: `ServicePro: your data export of ${input.businessName} is ready.`,
  };
}

/** The data export of a tenant: its `data_exports` record, the streamed zip, and telling the owner. */
export function createExportActivities(deps: ActivityDeps, options: { pageSize?: number; audioChunkBytes?: number } = {}): ExportActivities {
  const { db, config } = deps;
  const linkKey = exportLinkKey(deps.masterKey);
  const mail = createMailActivities(deps);
  const messaging = createMessagingActivities(deps);

  return {
    async createExportRecord({ tenantId, reason, requestedBy, exportId }) {
      const data = { tenantId, reason, requestedBy: requestedBy ?? null, status: 'running' as const };
      const row = exportId
        ? await db.dataExport.upsert({ where: { id: exportId }, create: { id: exportId, ...data }, update: {} })
        : await db.dataExport.create({ data });
      return { exportId: row.id };
    },

    async countExportRows({ tenantId }) {
      const perEntity = await forTenant(db, tenantId).transaction(async (tx) => {
        const counts: Record<string, number> = {};
        for (const entity of EXPORT_ENTITIES) {
          const [row] = await tx.$queryRawUnsafe<{ count: number }[]>(entity.countSql, tenantId);
          counts[entity.name] = Number(row?.count ?? 0);
        }
        return counts;
      });
      return { total: Object.values(perEntity).reduce((sum, n) => sum + n, 0), perEntity };
    },

    async writeExportArchive({ tenantId, exportId, workflowId }) {
      const context = activityContext();
      const tenant = await db.tenantConfig.findUnique({ where: { tenantId }, select: { businessName: true } });
      if (!tenant) throw ApplicationFailure.nonRetryable(`There is no business “${tenantId}” to export.`, 'UnknownTenant');
      const exportRow = await db.dataExport.findUnique({ where: { id: exportId }, select: { tenantId: true, reason: true } });
      if (exportRow?.tenantId !== tenantId) throw ApplicationFailure.nonRetryable(`Export ${exportId} is not an export of “${tenantId}”.`, 'UnknownExport');

      const progress = progressReporter(deps, context, workflowId ?? context?.info.workflowExecution?.workflowId);
      const fileName = exportFileName(tenantId, exportId);
      try {
        // The business's recordings go in the zip: any we only have at Twilio are copied first.
        await keepMissingRecordings(deps, tenantId, context?.cancellationSignal);
        const written = await writeExportArchive({
          db, tenantId, exportId, fileName,
          storageDir: exportStorageDir(config),
          businessName: tenant.businessName,
          reason: exportRow.reason === 'final' ? 'final' : 'owner',
          pageSize: options.pageSize,
          audioChunkBytes: options.audioChunkBytes,
          onProgress: progress.update,
          signal: context?.cancellationSignal,
        });
        return { fileName, ...written };
      } finally {
        progress.stop();
      }
    },

    async completeExport({ tenantId, exportId, fileName, sizeBytes, rowCounts }) {
      await db.dataExport.updateMany({
        where: { id: exportId, tenantId },
        data: { status: 'ready', fileName, sizeBytes: BigInt(sizeBytes), rowCounts, error: null, completedAt: new Date() },
      });
    },

    async failExport({ exportId, error }) {
      await db.dataExport.updateMany({ where: { id: exportId, status: 'running' }, data: { status: 'failed', error: error.slice(0, 1_000), completedAt: new Date() } });
    },

    async announceExport({ tenantId, exportId, reason }) {
      const row = await db.dataExport.findUnique({ where: { id: exportId } });
      if (row?.tenantId !== tenantId || row.status !== 'ready') throw ApplicationFailure.nonRetryable(`Export ${exportId} of “${tenantId}” is not ready to announce.`, 'ExportNotReady');
      const [tenant, phone, owners] = await Promise.all([
        db.tenantConfig.findUniqueOrThrow({ where: { tenantId }, select: { businessName: true } }),
        db.tenantPhoneConfig.findUnique({ where: { tenantId }, select: { ownerNotifyEmail: true, ownerNotifyPhone: true, timeZone: true } }),
        db.membership.findMany({ where: { tenantId, role: 'owner' }, select: { user: { select: { email: true } } } }),
      ]);
      const expiresAt = exportLinkExpiry(config);
      const url = `${config.PUBLIC_BASE_URL}${signExportLink({ tenantId, exportId, expiresAt }, linkKey)}`;
      const expires = formatExpiry(expiresAt, phone?.timeZone ?? 'UTC');
      const message = announcement({
        reason,
        businessName: tenant.businessName,
        url,
        expires,
        rowCounts: (row.rowCounts ?? {}) as Record<string, number>,
      });

      const addresses = [...new Set([phone?.ownerNotifyEmail, ...owners.map((m) => m.user.email)].filter((a): a is string => !!a).map((a) => a.trim().toLowerCase()))];
      for (const to of addresses) {
        await mail.sendEmail({ tenantId, to, subject: message.subject, text: message.text, idempotencyKey: `export:${exportId}:announce:${to}` });
      }
      let texted = false;
      if (phone?.ownerNotifyPhone) {
        // Without an email to carry it, the text carries the link itself.
        const body = addresses.length
          ? `${message.smsLead} We emailed the download link (valid until ${expires}).`
          : `${message.smsLead} Download (valid until ${expires}): ${url}`;
        const sent = await messaging.sendSms({ tenantId, to: phone.ownerNotifyPhone, body, kind: 'owner-alert', customerId: null, idempotencyKey: `export:${exportId}:announce-sms` });
        texted = sent.status === 'sent';
      }
      return { emailed: addresses, texted };
    },
  };
}
